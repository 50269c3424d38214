package keywords

//go:generate go run ./internal/lexgen -data ../../shared/data -dict /usr/share/dict/american-english -out ../seeds/lexicon
//go:generate go test -run ^TestLexiconDataIsCurrent$ -update-lexicon

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/resumescore/resumescore/internal/strtab"
	"github.com/resumescore/resumescore/scorer/token"
)

// Paths of the lexicon files inside the seeds file system.
const (
	lexiconPath = "lexicon/skills.tsv"
	englishPath = "lexicon/english.txt"
	maxDataFile = 16 << 20 // reads are capped; the embedded files are far smaller
)

// Lexicon is the built-in skill lexicon plus the English word list that stops
// fuzzy matching. It is read-only after LoadLexicon and safe for concurrent use.
type Lexicon struct {
	entries []Keyword
	sources []string             // per entry: curated, onet-hot, onet, linguist, esco, simple-icons
	packed  *packedLexicon       // the built-in lexicon's entries and sources (entries and sources are nil)
	all     func() []Keyword     // packed's entries, decoded once (Entries)
	forms   func() *strtab.Table // folded form (label or any alias) -> the most trusted entry that has it (indexForms)
	byID    *strtab.Table        // id -> entry
	english string               // sorted lowercase words, one per line, each ending in a newline
	bucket  *[27*27 + 1]int32    // byte offset in english of the first word of each two-letter prefix (a-z or other), and the end
	fsys    fs.FS                // where the lexicon came from, for data read lazily (JD rules)
	print   string               // Fingerprint: set on the lexicon compiled into the tool
}

// LoadLexicon reads the lexicon from fsys (seeds.FS() in the tool,
// fstest.MapFS in tests): lexicon/skills.tsv and lexicon/english.txt.
// BuiltinLexicon gives the same lexicon for the built-in files without
// parsing them.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{byID: strtab.New(6000), fsys: fsys}
	l.entries = make([]Keyword, 0, 6000)
	l.sources = make([]string, 0, 6000)
	// The English list is independent of the skills: index it on another
	// core meanwhile (a fifth of the load time). Errors keep their order.
	englishErr := make(chan error, 1)
	go func() { englishErr <- l.readEnglish(fsys) }()
	err := readData(fsys, lexiconPath, l.addRow)
	errEnglish := <-englishErr
	if err != nil {
		return nil, err
	}
	if len(l.entries) == 0 {
		return nil, fmt.Errorf("%s: %w", lexiconPath, errEmptyList)
	}
	if errEnglish != nil {
		return nil, errEnglish
	}
	// The form index is only needed by Lookup and IsAlias: build it on
	// another core while the caller indexes the entries (scorer.Compile).
	l.forms = sync.OnceValue(l.indexForms)
	go l.forms()
	return l, nil
}

// BuiltinLexicon returns the lexicon of seeds/lexicon (skills.tsv and
// english.txt) as compiled into the tool at generate time (lexicon_data.go):
// the same lexicon LoadLexicon reads from those files, with nothing to parse
// or index at run time. fsys is where data the lexicon reads lazily (the job
// description rules of lexicon/../stop) comes from: seeds.FS() in the tool.
func BuiltinLexicon(fsys fs.FS) *Lexicon {
	forms := &builtinForms
	return &Lexicon{
		packed: &builtinPacked, all: sync.OnceValue(builtinPacked.all),
		forms: func() *strtab.Table { return forms }, byID: &builtinIDs,
		english: builtinEnglish, bucket: &builtinBucket,
		fsys: fsys, print: builtinFingerprint,
	}
}

// Fingerprint identifies the data of the lexicon compiled into the tool
// (BuiltinLexicon): a hash of the files it was generated from. It is "" for
// a lexicon loaded at run time. Indexes built from a lexicon at generate
// time record it, to be used only with the same data.
func (l *Lexicon) Fingerprint() string {
	if l == nil {
		return ""
	}
	return l.print
}

// readEnglish keeps the word list as one string: IsEnglish binary-searches
// it, and loading costs one pass instead of 60,000 strings.
func (l *Lexicon) readEnglish(fsys fs.FS) error {
	raw, err := readCapped(fsys, englishPath)
	if err != nil {
		return err
	}
	l.english = raw
	normalise := func() {
		// one word per line with a final newline, so that a word ends one
		// byte before the next one starts
		l.english = strings.Join(strings.Fields(l.english), "\n") + "\n"
	}
	if strings.Contains(l.english, "\r") || !strings.HasSuffix(l.english, "\n") {
		normalise()
	}
	// check the order and index the two-letter prefixes; a blank line after
	// the start is a "\n\n" and asks for normalising first (found in this
	// pass, not by a search of its own)
	index := func() (blank bool, err error) {
		bucket := new([27*27 + 1]int32)
		p, words := 0, 0
		prev := ""
		for off := 0; off < len(l.english); {
			end := strings.IndexByte(l.english[off:], '\n')
			if end < 0 {
				end = len(l.english) - off
			}
			w := l.english[off : off+end]
			if w == "" && off > 0 {
				return true, nil
			}
			if w != "" {
				if w < prev {
					if strings.Contains(l.english[off:], "\n\n") {
						return true, nil
					}
					return false, fmt.Errorf("%s: %q after %q: %w", englishPath, w, prev, errUnsorted)
				}
				prev = w
				words++
				// bucket[q] = first word whose two-letter prefix is >= q
				for q := prefixIndex(w); p <= q; p++ {
					bucket[p] = int32(off)
				}
			}
			off += end + 1
		}
		for ; p < len(bucket); p++ {
			bucket[p] = int32(len(l.english))
		}
		if words == 0 {
			return false, fmt.Errorf("%s: %w", englishPath, errEmptyList)
		}
		l.bucket = bucket
		return false, nil
	}
	blank, err := index()
	if blank {
		normalise()
		_, err = index()
	}
	return err
}

// prefixIndex maps a word's first two letters to 0..728 in sort order
// (anything but a-z, or nothing, sorts first).
func prefixIndex(w string) int {
	idx := func(i int) int {
		if i < len(w) && w[i] >= 'a' && w[i] <= 'z' {
			return int(w[i]-'a') + 1
		}
		return 0
	}
	return idx(0)*27 + idx(1)
}

// searchWords reports whether w is a line of words[lo:hi], a run of whole
// sorted lines: a binary search on byte offsets, each probe backing up to
// the start of its line.
func searchWords(words string, lo, hi int, w string) bool {
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo
		if i := strings.LastIndexByte(words[lo:mid], '\n'); i >= 0 {
			start = lo + i + 1
		}
		end := start + strings.IndexByte(words[start:hi], '\n')
		switch line := words[start:end]; {
		case line < w:
			lo = end + 1
		case line > w:
			hi = start
		default:
			return true
		}
	}
	return false
}

var (
	errEmptyList = errors.New("empty list")
	errUnsorted  = errors.New("word list not sorted")
	errTooLarge  = errors.New("data file too large")
)

// readCapped reads a whole data file, refusing files over maxDataFile. It
// reads straight into the returned string: one copy of the file, not the two
// of fs.ReadFile and a string conversion (a megabyte of start-up memory).
func readCapped(fsys fs.FS, name string) (string, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return "", fmt.Errorf("lexicon: %w", err)
	}
	if st.Size() > maxDataFile {
		return "", fmt.Errorf("%s: %d bytes: %w", name, st.Size(), errTooLarge)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	var b strings.Builder
	b.Grow(int(st.Size()))
	if _, err := io.Copy(&b, io.LimitReader(f, maxDataFile+1)); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if b.Len() > maxDataFile {
		return "", fmt.Errorf("%s: %w", name, errTooLarge)
	}
	return b.String(), nil
}

// readData calls fn for every non-blank line that is not a # comment. The
// file is read whole (capped) and lines are slices of it: no copy per line.
func readData(fsys fs.FS, name string, fn func(n int, line string) error) error {
	raw, err := readCapped(fsys, name)
	if err != nil {
		return err
	}
	text := raw
	n := 0
	for len(text) > 0 {
		n++
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string // one allocation per list, not two (strings.Split's)
	for s != "" {
		p := s
		if i := strings.IndexByte(s, '|'); i >= 0 {
			p, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if p = strings.TrimSpace(p); p != "" {
			if out == nil {
				out = make([]string, 0, strings.Count(s, "|")+2)
			}
			out = append(out, p)
		}
	}
	return out
}

// addRow parses one skills.tsv row:
// id label category kind aliases_ci aliases_cs ambiguity context stem negatives broader source.
func (l *Lexicon) addRow(n int, line string) error {
	// the first 12 fields as slices of line, without allocating a slice per row
	var f [12]string
	rest, nf := line, 0
	for ; nf < len(f); nf++ {
		i := strings.IndexByte(rest, '\t')
		if i < 0 {
			f[nf] = rest
			nf++
			break
		}
		f[nf], rest = rest[:i], rest[i+1:]
	}
	if nf < len(f) {
		return fmt.Errorf("want 12 tab-separated fields, got %d", strings.Count(line, "\t")+1)
	}
	if f[0] == "id" { // header
		return nil
	}
	k := Keyword{
		ID: f[0], Name: f[1], Kind: f[2], Soft: f[3] == "soft",
		Aliases: splitList(f[4]), CaseAliases: splitList(f[5]),
		Ambiguity: f[6], Stem: f[8] == "Y",
		Negatives: splitList(f[9]), Broader: splitList(f[10]),
		Weight: 1, Known: true,
	}
	if k.ID == "" || k.Name == "" {
		return errors.New("empty id or label")
	}
	if _, dup := l.byID.Get(k.ID); dup {
		return fmt.Errorf("duplicate id %q", k.ID)
	}
	switch f[7] {
	case "none", "":
		k.Context = AnyContext
	case "list_or_tech":
		k.Context = ListOrTech
	case "tech":
		k.Context = TechOnly
	case "near_skill":
		k.Context = NearSkill
	default:
		return fmt.Errorf("unknown context %q", f[7])
	}
	i := len(l.entries)
	l.entries = append(l.entries, k)
	l.sources = append(l.sources, f[11])
	l.byID.Add(k.ID, int32(i))
	return nil
}

// indexForms builds the form index: every entry's label, aliases and
// case-exact aliases, in file order, so the most trusted entry owns a shared
// form.
func (l *Lexicon) indexForms() *strtab.Table {
	n := 0 // every label and alias: at most this many forms
	for _, k := range l.entries {
		n += 1 + len(k.Aliases) + len(k.CaseAliases)
	}
	t := strtab.New(n)
	for i, k := range l.entries {
		t.Add(foldForm(k.Name), int32(i)) // an earlier (more trusted) entry keeps a form it owns
		for _, a := range k.Aliases {
			t.Add(foldForm(a), int32(i))
		}
		for _, a := range k.CaseAliases {
			t.Add(foldForm(a), int32(i))
		}
	}
	return t
}

// form returns the entry that owns a form, waiting for the index to be built.
func (l *Lexicon) form(name string) (int32, bool) {
	if l.forms == nil {
		return 0, false
	}
	return l.forms().Get(foldForm(name))
}

// foldForm is the key a name is looked up by: normalised, case-folded, with
// runs of spaces collapsed.
func foldForm(s string) string {
	if simpleForm(s) {
		return token.Fold(s)
	}
	return token.Fold(strings.Join(strings.Fields(token.Normalize(s)), " "))
}

// simpleForm reports whether s is ASCII with single inner spaces, so that
// folding its case is all foldForm has to do.
func simpleForm(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < ' ' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// Len returns the number of skills in the lexicon.
func (l *Lexicon) Len() int {
	if l.packed != nil {
		return len(l.packed.entries)
	}
	return len(l.entries)
}

// Entries returns every skill of the lexicon, most trusted source first. The
// slice is shared: callers must not modify it.
func (l *Lexicon) Entries() []Keyword {
	if l.packed != nil {
		return l.all()
	}
	return l.entries
}

// entry returns entry i, which must exist.
func (l *Lexicon) entry(i int32) Keyword {
	if l.packed != nil {
		return l.packed.entry(int(i))
	}
	return l.entries[i]
}

// source returns entry i's source, which must exist.
func (l *Lexicon) source(i int) string {
	if l.packed != nil {
		return l.packed.source(i)
	}
	return l.sources[i]
}

// Source returns where the skill with lexicon id came from: curated,
// onet-hot, onet, linguist, esco or simple-icons ("" when unknown).
func (l *Lexicon) Source(id string) string {
	if i, ok := l.byID.Get(id); ok {
		return l.source(int(i))
	}
	return ""
}

// Trusted reports whether the skill with lexicon id comes from a hand-checked
// source (the curated lexicon or the O*NET hot technologies with their
// hand-written aliases). Only trusted skills count as tech evidence for
// ambiguous names.
func (l *Lexicon) Trusted(id string) bool {
	s := l.Source(id)
	return s == "curated" || s == "onet-hot"
}

// TrustedEntry is Trusted for Entries()[i], without looking the id up:
// for callers that walk the whole lexicon.
func (l *Lexicon) TrustedEntry(i int) bool {
	if i < 0 || i >= l.Len() {
		return false
	}
	s := l.source(i)
	return s == "curated" || s == "onet-hot"
}

// ByID returns the skill with lexicon id.
func (l *Lexicon) ByID(id string) (Keyword, bool) {
	if i, ok := l.byID.Get(id); ok {
		return l.entry(i), true
	}
	return Keyword{}, false
}

// Lookup returns the lexicon's knowledge of a skill named name (its label or
// any alias, in any case). When several skills share the form, the most
// trusted source wins.
func (l *Lexicon) Lookup(name string) (Keyword, bool) {
	if l == nil {
		return Keyword{}, false
	}
	if i, ok := l.form(name); ok {
		return l.entry(i), true
	}
	return Keyword{}, false
}

// IsAlias reports whether form (any case) is the label or an alias of a
// known skill. Such words are protected: never stemmed, never typos.
func (l *Lexicon) IsAlias(form string) bool {
	if l == nil {
		return false
	}
	_, ok := l.form(form)
	return ok
}

// IsEnglish reports whether word, in lowercase, is an ordinary English word
// (a lowercase entry of the SCOWL word list as shipped in Debian's wamerican).
// Proper nouns of the list (Kafka, Jenkins) do not count.
func (l *Lexicon) IsEnglish(word string) bool {
	if l == nil {
		return false
	}
	w := token.Fold(word)
	if w == "" {
		return false
	}
	if l.bucket == nil {
		return false
	}
	lo, hi := 0, len(l.english)
	if isLowerAZ(w) { // inside the a-z prefix order: search its bucket only
		p := prefixIndex(w)
		lo, hi = int(l.bucket[p]), int(l.bucket[p+1])
	}
	return searchWords(l.english, lo, hi, w)
}

func isLowerAZ(w string) bool {
	for i := 0; i < len(w) && i < 2; i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// Resolve fills each keyword of set that the lexicon knows with its aliases,
// case and context rules, keeping the set's own tier, weight, group and
// display name. A keyword is looked up by its name, then by its aliases.
func (l *Lexicon) Resolve(set *Set) {
	if l == nil || set == nil {
		return
	}
	for i := range set.Keywords {
		l.resolve(&set.Keywords[i])
	}
}

func (l *Lexicon) resolve(k *Keyword) {
	e, ok := l.Lookup(k.Name)
	for _, a := range k.Aliases {
		if ok {
			break
		}
		e, ok = l.Lookup(a)
	}
	if !ok {
		if base, cut := withoutVersion(k.Name); cut {
			e, ok = l.Lookup(base) // "Python 3.12", "Java 21", "Vue v3"
		}
	}
	if !ok {
		return
	}
	k.ID = e.ID
	k.Aliases = union(k.Aliases, e.Aliases)
	k.CaseAliases = union(k.CaseAliases, e.CaseAliases)
	k.Negatives = union(k.Negatives, e.Negatives)
	if len(k.Broader) == 0 {
		k.Broader = e.Broader
	}
	if k.Kind == "" {
		k.Kind = e.Kind
	}
	k.Soft = k.Soft || e.Soft
	if e.Context > k.Context {
		k.Context = e.Context
	}
	if k.Ambiguity == "" || k.Ambiguity == "none" {
		k.Ambiguity = e.Ambiguity
	}
	k.Stem = e.Stem
	k.Known = true
}

// withoutVersion strips a trailing version ("3.12", "21", "v3") from a name.
func withoutVersion(name string) (string, bool) {
	f := strings.Fields(name)
	if len(f) < 2 {
		return name, false
	}
	v := strings.TrimPrefix(strings.ToLower(f[len(f)-1]), "v")
	if v == "" || strings.Trim(v, "0123456789.") != "" || v[0] < '0' || v[0] > '9' {
		return name, false
	}
	return strings.Join(f[:len(f)-1], " "), true
}

// union appends to a the forms of b that a lacks (case-insensitively),
// returning a new slice so that lexicon entries are never shared.
func union(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	seen := make(map[string]bool, len(a)+len(b))
	for _, s := range append(append([]string(nil), a...), b...) {
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}
