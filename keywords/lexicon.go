package keywords

//go:generate go run ./internal/lexgen -data ../../shared/data -dict /usr/share/dict/american-english -out ../seeds/lexicon

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"

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
	sources []string                // per entry: curated, onet-hot, onet, linguist, esco, simple-icons
	byForm  map[string]int32        // folded form (label or any alias) -> the most trusted entry that has it; see forms
	forms   func() map[string]int32 // byForm, built once on another goroutine while the caller goes on (nil: empty)
	byID    map[string]int
	english string         // sorted lowercase words, one per line
	lines   []int32        // start offset of each line of english
	bucket  [27 * 27]int32 // first index in lines of each two-letter prefix (a-z or other), for a short binary search
	fsys    fs.FS          // where the lexicon came from, for data read lazily (JD rules)
}

// LoadLexicon reads the lexicon from fsys (seeds.FS() in the tool,
// fstest.MapFS in tests): lexicon/skills.tsv and lexicon/english.txt.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{byID: make(map[string]int, 6000), fsys: fsys}
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

// readEnglish keeps the word list as one string with line offsets: IsEnglish
// binary-searches it, and loading costs one pass instead of 60,000 strings.
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
	// index the lines; a blank line after the start is a "\n\n" and asks
	// for normalising first (found in this pass, not by a search of its own)
	index := func() (blank bool, err error) {
		l.lines = make([]int32, 0, strings.Count(l.english, "\n")+1)
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
				l.lines = append(l.lines, int32(off))
			}
			off += end + 1
		}
		return false, nil
	}
	blank, err := index()
	if blank {
		normalise()
		_, err = index()
	}
	if err != nil {
		return err
	}
	if len(l.lines) == 0 {
		return fmt.Errorf("%s: %w", englishPath, errEmptyList)
	}
	// bucket[p] = first word whose two-letter prefix is >= p
	j := 0
	for p := range l.bucket {
		for j < len(l.lines) && prefixIndex(l.word(j)) < p {
			j++
		}
		l.bucket[p] = int32(j)
	}
	return nil
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

func (l *Lexicon) word(i int) string {
	end := len(l.english) // every word, the last too, ends with a newline
	if i+1 < len(l.lines) {
		end = int(l.lines[i+1])
	}
	return l.english[l.lines[i] : end-1]
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
	if _, dup := l.byID[k.ID]; dup {
		return fmt.Errorf("duplicate id %q", k.ID)
	}
	switch f[7] {
	case "none", "":
		k.Context = AnyContext
	case "list_or_tech":
		k.Context = ListOrTech
	case "tech":
		k.Context = TechOnly
	default:
		return fmt.Errorf("unknown context %q", f[7])
	}
	i := len(l.entries)
	l.entries = append(l.entries, k)
	l.sources = append(l.sources, f[11])
	l.byID[k.ID] = i
	return nil
}

// indexForms builds byForm: every entry's label, aliases and case-exact
// aliases, in file order, so the most trusted entry owns a shared form.
func (l *Lexicon) indexForms() map[string]int32 {
	n := 0 // every label and alias: at most this many forms
	for _, k := range l.entries {
		n += 1 + len(k.Aliases) + len(k.CaseAliases)
	}
	l.byForm = make(map[string]int32, n)
	for i, k := range l.entries {
		l.addForm(k.Name, i)
		for _, a := range k.Aliases {
			l.addForm(a, i)
		}
		for _, a := range k.CaseAliases {
			l.addForm(a, i)
		}
	}
	return l.byForm
}

// formIndex returns byForm, waiting for it to be built.
func (l *Lexicon) formIndex() map[string]int32 {
	if l.forms == nil {
		return nil
	}
	return l.forms()
}

func (l *Lexicon) addForm(form string, i int) {
	key := foldForm(form)
	if key == "" {
		return
	}
	if _, taken := l.byForm[key]; taken {
		return // an earlier (more trusted) entry owns the form
	}
	l.byForm[key] = int32(i)
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
func (l *Lexicon) Len() int { return len(l.entries) }

// Entries returns every skill of the lexicon, most trusted source first. The
// slice is shared: callers must not modify it.
func (l *Lexicon) Entries() []Keyword { return l.entries }

// Source returns where the skill with lexicon id came from: curated,
// onet-hot, onet, linguist, esco or simple-icons ("" when unknown).
func (l *Lexicon) Source(id string) string {
	if i, ok := l.byID[id]; ok {
		return l.sources[i]
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
	if i < 0 || i >= len(l.sources) {
		return false
	}
	s := l.sources[i]
	return s == "curated" || s == "onet-hot"
}

// ByID returns the skill with lexicon id.
func (l *Lexicon) ByID(id string) (Keyword, bool) {
	if i, ok := l.byID[id]; ok {
		return l.entries[i], true
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
	if i, ok := l.formIndex()[foldForm(name)]; ok {
		return l.entries[i], true
	}
	return Keyword{}, false
}

// IsAlias reports whether form (any case) is the label or an alias of a
// known skill. Such words are protected: never stemmed, never typos.
func (l *Lexicon) IsAlias(form string) bool {
	if l == nil {
		return false
	}
	_, ok := l.formIndex()[foldForm(form)]
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
	p := prefixIndex(w)
	lo, hi := int(l.bucket[p]), len(l.lines)
	if p+1 < len(l.bucket) {
		hi = int(l.bucket[p+1])
	}
	if !isLowerAZ(w) { // outside the a-z prefix order: search everything
		lo, hi = 0, len(l.lines)
	}
	i := lo + sort.Search(hi-lo, func(i int) bool { return l.word(lo+i) >= w })
	return i < hi && l.word(i) == w
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
