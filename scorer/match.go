package scorer

//go:generate go test -run ^TestBaseDataIsCurrent$ -update-base

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/resumescore/resumescore/internal/strtab"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer/token"
)

// A target is something the index can find: a keyword of the set (kw >= 0)
// or a lexicon skill that is not in the set (kw == -1), kept as evidence for
// the gates (tech context, skills lists, containing names, broader skills).
type target struct {
	kw        int
	id        string
	ctx       keywords.Context
	ambiguous bool     // an ambiguous name: hyphen-compound and sentence-initial rules apply
	negatives []string // lowercase veto phrases
	evidence  bool     // a trusted, unambiguous skill: counts as tech evidence in its sentence
}

// A form is one way of writing a target, as a sequence of tokens.
type form struct {
	target int32
	core   []string // token cores as written, compared for case-exact forms
	cs     bool     // case-exact
	short  bool     // one or two letters: needs a skills list or tech context
	multi  bool     // more than one token
}

type lexWord struct {
	word string
	id   string
}

// trie is a token trie. Each distinct token key gets a word id (vocab), and
// the edges are one table keyed by (node, word id), so building it allocates
// a few large tables instead of one map per node, and the scan hashes each
// text token's key once per trie instead of once per edge it tries.
type trie struct {
	vocab *strtab.Table // token key -> word id
	next  *edgeTable    // edgeKey(node, word id) -> node
	ends  [][]int32     // per node: indices of the forms ending there
	forms []form
}

// edgeKey packs an edge (from node, word id) into one map key.
func edgeKey(from, word int32) uint64 { return uint64(uint32(from))<<32 | uint64(uint32(word)) }

func newTrie(capacity int) *trie {
	return &trie{vocab: strtab.New(capacity), next: newEdgeTable(capacity), ends: make([][]int32, 1, capacity+1)}
}

// insert adds a form under its token keys and returns the form's index in the trie.
func (tr *trie) insert(f form, keys []string) int32 {
	n := int32(0)
	for _, k := range keys {
		w, ok := tr.vocab.Get(k)
		if !ok {
			w = int32(tr.vocab.N)
			tr.vocab.Add(k, w)
		}
		e := edgeKey(n, w)
		nx, ok := tr.next.get(e)
		if !ok {
			nx = int32(len(tr.ends))
			tr.ends = append(tr.ends, nil)
			tr.next.add(e, nx)
		}
		n = nx
	}
	fi := int32(len(tr.forms))
	tr.forms = append(tr.forms, f)
	tr.ends[n] = append(tr.ends[n], fi)
	return fi
}

// base is the part of an index that depends only on the lexicon: a trie of
// every lexicon skill's forms. It is built once per Lexicon and shared by
// every Index compiled against it.
type base struct {
	tr        *trie
	targets   []target
	ids       *strtab.Table // lexicon id -> index in idTargets
	idTargets [][]int32     // the targets of each id

	// The lexicon's single-word letter-only forms, for the fuzzy collision
	// guard: words grouped by first letter, the forms starting with letter
	// 'a'+i at words[wordStart[i]:wordStart[i+1]]. The generated base has
	// them from the start (wordsDone); any other base builds them on first
	// use, which for the built-in lexicon took a quarter of a Markdown run.
	wordsOnce sync.Once
	wordsDone bool
	words     []lexWord
	wordStart [27]int32
}

var bases sync.Map // *keywords.Lexicon -> func() *base (a sync.OnceValue)

// baseFor returns lex's base, building it on first use. Concurrent first
// callers wait for one build instead of each building their own, so a caller
// may start it early on another goroutine (Compile(nil, lex)) and the real
// Compile picks it up.
func baseFor(lex *keywords.Lexicon) *base {
	if lex == nil {
		return &base{tr: newTrie(0), ids: strtab.New(0)}
	}
	if lex.Fingerprint() == builtinBaseFingerprint {
		return &builtinBase // generated from this very lexicon: nothing to build
	}
	if f, ok := bases.Load(lex); ok {
		return f.(func() *base)()
	}
	f, _ := bases.LoadOrStore(lex, sync.OnceValue(func() *base { return buildBase(lex) }))
	return f.(func() *base)()
}

func buildBase(lex *keywords.Lexicon) *base {
	es := lex.Entries()
	// Sizes as measured on the built-in lexicon (5,453 skills: 5,489 trie
	// edges, 3,005 forms): a map presized far past its use costs start-up
	// time clearing and faulting in its table.
	b := &base{tr: newTrie(len(es) + len(es)/8), ids: strtab.New(len(es)), idTargets: make([][]int32, 0, len(es)), targets: make([]target, 0, len(es))}
	b.tr.forms = make([]form, 0, len(es)*5/8)
	ids := make([]int32, len(es)) // one backing array for the byID lists of one target each
	for i, e := range es {
		trusted := lex.TrustedEntry(i)
		t := newTarget(-1, e)
		t.evidence = t.evidence && trusted
		ti := int32(len(b.targets))
		b.targets = append(b.targets, t)
		if li, ok := b.ids.Get(t.id); ok {
			b.idTargets[li] = append(b.idTargets[li], ti)
		} else {
			ids[ti] = ti
			b.ids.Add(t.id, int32(len(b.idTargets)))
			b.idTargets = append(b.idTargets, ids[ti:ti+1:ti+1])
		}
		if !trusted && !anyPunctuatedForm(e) {
			continue // every form would be left out below: skip building them
		}
		eachForm(e, false, func(s string, cs bool) {
			// A lexicon skill outside the set matters to the scan as tech
			// evidence (trusted skills only), as a longer name containing a
			// keyword (several words) or as a name a compound token is
			// (punctuated): a plain single word of a third-party list is none
			// of these, and leaving it out halves the trie.
			if !trusted && !punctuated(s) {
				return
			}
			if f, keys := makeForm(ti, s, cs, e.Context == keywords.AnyContext); keys != nil {
				b.tr.insert(f, keys)
			}
		})
	}
	b.tr.vocab.Freeze() // the generated base's layout: one string of keys
	b.ids.Freeze()
	return b
}

// anyPunctuatedForm reports whether some form eachForm may give k (its
// name, aliases or variants) has several words or punctuation: the only
// forms buildBase keeps of an untrusted skill.
func anyPunctuatedForm(k keywords.Keyword) bool {
	if punctuated(strings.TrimSpace(k.Name)) {
		return true
	}
	for _, l := range [][]string{k.CaseAliases, k.Aliases, k.Variants} {
		for _, s := range l {
			if punctuated(s) {
				return true
			}
		}
	}
	return false
}

// punctuated is strings.ContainsAny(s, " -/.+#") without building a set per
// call (a tenth of buildBase's time): the bytes are ASCII, which never occur
// inside a multi-byte UTF-8 sequence.
func punctuated(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '-', '/', '.', '+', '#':
			return true
		}
	}
	return false
}

// byID returns the lexicon targets with lexicon id.
func (b *base) byID(id string) []int32 {
	if li, ok := b.ids.Get(id); ok {
		return b.idTargets[li]
	}
	return nil
}

// lexiconWords returns the lexicon's single-word letter-only forms that
// start with byte c.
func (b *base) lexiconWords(lex *keywords.Lexicon, c byte) []lexWord {
	if !b.wordsDone {
		b.wordsOnce.Do(func() { b.words, b.wordStart = groupLexiconWords(lex) })
	}
	if c < 'a' || c > 'z' {
		return nil
	}
	return b.words[b.wordStart[c-'a']:b.wordStart[c-'a'+1]]
}

// groupLexiconWords lists every name and alias of lex's skills that is
// letters only and at least minFuzzyLen-2 long, lowercased, grouped by first
// letter (in lexicon order within a letter), with the start of each group.
func groupLexiconWords(lex *keywords.Lexicon) ([]lexWord, [27]int32) {
	var byLetter [26][]lexWord
	n := 0
	if lex != nil {
		for _, e := range lex.Entries() {
			for _, l := range [][]string{{e.Name}, e.Aliases, e.CaseAliases} {
				for _, a := range l {
					w := strings.ToLower(a)
					if len(w) >= minFuzzyLen-2 && lettersOnly(w) {
						byLetter[w[0]-'a'] = append(byLetter[w[0]-'a'], lexWord{w, e.ID})
						n++
					}
				}
			}
		}
	}
	words := make([]lexWord, 0, n)
	var start [27]int32
	for i, l := range byLetter {
		start[i] = int32(len(words))
		words = append(words, l...)
	}
	start[26] = int32(len(words))
	return words, start
}

// Index is a keyword set compiled for scanning; build it once and share it.
// Scoring a document walks its tokens once through a trie of every form of
// every keyword and lexicon skill, so the time grows with the text, not with
// the number of keywords.
//
// Targets and forms are numbered globally: the lexicon's (shared, in base)
// first, then the set's own.
type Index struct {
	set  *keywords.Set
	kws  []keywords.Keyword // the set's keywords, resolved against the lexicon
	lex  *keywords.Lexicon
	base *base

	tr        *trie              // the set's forms
	targets   []target           // the set's keywords
	nbTargets int32              // len(base.targets)
	nbForms   int32              // len(base.tr.forms)
	inSet     []bool             // per lexicon target: the set itself covers it, so its hits are ignored
	broaderOf map[int32]bool     // targets whose hits are kept for Generic matches
	byID      map[string][]int32 // set keywords by lexicon id

	stems      map[string][]int32 // Snowball stem -> set targets whose single-word forms may vary
	stemPrefix map[string]bool    // first three letters of every stem: words starting otherwise are not stemmed
	fuzzyFirst [256]bool          // first letters of fuzzy-eligible forms
	fuzzyForms []int32            // fuzzy-eligible set forms, in insertion order
	fuzzyWords []string           // the folded letters of each of fuzzyForms, in that order
	fuzzy      map[string][]int32 // deletion neighbourhood -> positions in fuzzyForms; nil for a small set (see indexFuzzy)
	setForm    map[string]bool    // folded single-token forms of set keywords: never typos
	setWords   map[string][]int32 // folded single-token case-insensitive forms -> set targets, for glued runs
	nearStems  map[string][]int32 // blocklisted stem of a keyword's name -> set targets, to explain near misses

	noChecks bool // Score leaves out the quality checks (WithoutChecks)
}

// target returns target ti (global numbering).
func (ix *Index) target(ti int32) *target {
	if ti < ix.nbTargets {
		return &ix.base.targets[ti]
	}
	return &ix.targets[ti-ix.nbTargets]
}

// form returns form fi (global numbering).
func (ix *Index) form(fi int32) *form {
	if fi < ix.nbForms {
		return &ix.base.tr.forms[fi]
	}
	return &ix.tr.forms[fi-ix.nbForms]
}

// targetsByID returns every target (set keyword or lexicon skill) with lexicon id.
func (ix *Index) targetsByID(id string) []int32 {
	out := append([]int32(nil), ix.byID[id]...)
	for _, t := range ix.base.byID(id) {
		if !ix.inSet[t] {
			out = append(out, t)
		}
	}
	return out
}

// cueWords are words that show a sentence is about software, for names that
// need tech context (Go, C, R, Rust, Julia, Shell, Make, Helm ...).
func cueWords(w string) bool {
	switch w {
	case
		"language", "languages", "programming", "code", "coding", "codebase",
		"compiler", "compilers", "framework", "frameworks", "library", "libraries",
		"package", "packages", "module", "modules", "script", "scripts",
		"scripting", "runtime", "sdk", "sdks", "api", "apis", "service",
		"services", "microservice", "microservices", "backend", "back-end",
		"software", "developer", "developers", "toolchain", "crate", "crates",
		"cli", "binary", "binaries", "goroutines", "concurrency", "model",
		"models", "training", "inference", "dataset", "datasets", "chart",
		"charts", "cluster", "clusters", "pipeline", "pipelines", "deployment",
		"deployments", "build", "builds", "firmware", "embedded", "statistical",
		"statistics", "stack", "app", "apps", "application", "applications":
		return true
	}
	return false
}

// compoundTails may follow a hyphen after an ambiguous name without making a
// compound word of it: "Go-based" is Go, "Go-kart" is not.
func compoundTails(w string) bool {
	switch w {
	case
		"based", "native", "powered", "driven", "first", "centric",
		"compatible", "enabled", "heavy", "only", "specific", "backed",
		"friendly", "style", "like":
		return true
	}
	return false
}

// Compile builds the index for set, using lex for English words and known
// aliases. Keywords that are not yet resolved are resolved against lex on a
// copy; the caller's set is not modified. The lexicon's own trie is built on
// the first Compile against lex and shared afterwards. The tables of a
// built-in role's keywords against the built-in lexicon were compiled when
// the tool was built (role_tables_data.go): Compile finds them by the
// keywords' fingerprint instead of building them again.
func Compile(set *keywords.Set, lex *keywords.Lexicon) (*Index, error) {
	return compile(set, lex, true), nil
}

// compile is Compile; generated says whether it may use the generated
// tables of a built-in role (the test that generates them builds them).
func compile(set *keywords.Set, lex *keywords.Lexicon, generated bool) *Index {
	if set == nil {
		set = &keywords.Set{}
	}
	b := baseFor(lex)
	ix := &Index{set: set, lex: lex, base: b, nbTargets: int32(len(b.targets)), nbForms: int32(len(b.tr.forms))}
	kws := set.Keywords
	if lex != nil {
		kws = make([]keywords.Keyword, len(set.Keywords))
		for i, k := range set.Keywords {
			if !k.Known {
				one := &keywords.Set{Keywords: []keywords.Keyword{k}}
				lex.Resolve(one)
				k = one.Keywords[0]
			}
			if !k.Known && !k.Other {
				k = guardUnknownWord(k, lex)
			}
			kws[i] = k
		}
	}
	ix.kws = kws
	if generated && b == &builtinBase {
		if fill := builtinRoleTables(fingerprintKeywords(kws)); fill != nil {
			fill(ix)
			return ix
		}
	}
	ix.compileTables()
	return ix
}

// compileTables builds the index's own tables from its resolved keywords.
func (ix *Index) compileTables() {
	b := ix.base
	// a role's set needs about 4.5 trie edges a keyword (backend: 52
	// keywords, 236 edges); the tables grow past that
	ix.tr = newTrie(5 * (len(ix.kws) + 1))
	ix.inSet = make([]bool, len(b.targets))
	ix.broaderOf, ix.byID = map[int32]bool{}, map[string][]int32{}
	ix.stems, ix.stemPrefix = map[string][]int32{}, map[string]bool{}
	ix.setForm, ix.setWords, ix.nearStems = map[string]bool{}, map[string][]int32{}, map[string][]int32{}
	for i, k := range ix.kws {
		ix.addKeyword(i, k)
		if k.Known && k.ID != "" {
			for _, t := range b.byID(k.ID) {
				ix.inSet[t] = true
			}
		}
	}
	ix.indexFuzzy()
	for _, k := range ix.kws {
		for _, id := range k.Broader {
			for _, t := range ix.targetsByID(id) {
				ix.broaderOf[t] = true
			}
		}
	}
	ix.tr.vocab.Freeze() // the generated roles' layout (TestRoleTablesMatchCompile)
}

// guardUnknownWord applies the lexicon's rule for names that are English
// words to a keyword the lexicon does not know: a capitalised single word
// that is also an ordinary word ("Vault", "Consul", "Nomad") matches in its
// own case, in lowercase only inside a skills list, and never as the first
// word of a sentence followed by prose. It is for names a user or a role
// file typed; a job description's other terms (Keyword.Other) are concept
// words a posting capitalised as list items ("Communication", "Teamwork"),
// which a resume writes in prose in lowercase.
func guardUnknownWord(k keywords.Keyword, lex *keywords.Lexicon) keywords.Keyword {
	name := strings.TrimSpace(k.Name)
	if name == "" || strings.ContainsAny(name, " -/.") || k.Context != keywords.AnyContext {
		return k
	}
	if name[0] < 'A' || name[0] > 'Z' || !lex.IsEnglish(name) {
		return k
	}
	k.Context = keywords.ListOrTech
	k.Ambiguity = "english_word"
	k.CaseAliases = append(append([]string(nil), k.CaseAliases...), name)
	return k
}

func newTarget(kw int, k keywords.Keyword) target {
	amb := k.Context != keywords.AnyContext
	switch k.Ambiguity {
	case "english_word", "short", "person_name":
		amb = true
	}
	id := k.ID
	if id == "" {
		id = keywords.Slug(k.Name)
	}
	return target{
		kw: kw, id: id, ctx: k.Context, ambiguous: amb, negatives: k.Negatives,
		// a person's name that is a skill only in context (Julia) has a context
		// rule; one that needs none (Kafka, Jenkins) is evidence
		evidence: k.Context == keywords.AnyContext && k.Ambiguity != "short" && k.Ambiguity != "english_word" && !k.Soft,
	}
}

func (ix *Index) addKeyword(i int, k keywords.Keyword) {
	t := newTarget(i, k)
	t.evidence = t.evidence && k.Known && (ix.lex == nil || ix.lex.Trusted(k.ID))
	ti := ix.nbTargets + int32(len(ix.targets))
	ix.targets = append(ix.targets, t)
	ix.byID[t.id] = append(ix.byID[t.id], ti)
	eachForm(k, true, func(s string, cs bool) { ix.insert(ti, s, cs) })
	ix.addVariants(ti, k)
	for _, a := range append([]string{k.Name}, k.Aliases...) {
		w := strings.ToLower(strings.TrimSpace(a))
		if token.Stemmable(w) {
			if st := token.Porter2(token.Light(w)); token.Blocked(st) && !containsTarget(ix.nearStems[st], ti) {
				ix.nearStems[st] = append(ix.nearStems[st], ti)
			}
		}
	}
}

// eachForm calls fn for every form of k: case-exact aliases, case-insensitive
// aliases and variants and, for a set keyword, its display name when no alias
// already spells it.
func eachForm(k keywords.Keyword, inSet bool, fn func(s string, cs bool)) {
	var seenBuf [16]string
	seen := seenBuf[:0] // a few forms per skill: a slice beats a map
	has := func(key string) bool {
		for _, x := range seen {
			if x == key {
				return true
			}
		}
		return false
	}
	add := func(s string, cs bool) {
		key := s
		if !cs {
			key = strings.ToLower(s)
		}
		if s == "" || has(key) {
			return
		}
		seen = append(seen, key)
		fn(s, cs)
	}
	for _, a := range k.CaseAliases {
		add(a, true)
	}
	for _, a := range k.Aliases {
		add(a, false)
	}
	for _, v := range k.Variants {
		add(v, false)
	}
	name := strings.TrimSpace(k.Name)
	for _, a := range k.CaseAliases {
		if strings.EqualFold(a, name) {
			return
		}
	}
	if has(strings.ToLower(name)) {
		return
	}
	if inSet || len(k.Aliases)+len(k.CaseAliases) == 0 {
		add(name, k.Context != keywords.AnyContext || looksAcronym(name))
	}
}

// makeForm tokenizes a form and returns it with its trie keys: the light
// inflectional key of each token, so plurals and -ise/-ize meet.
func makeForm(ti int32, s string, cs, ctxNone bool) (form, []string) {
	if plainWords(s) { // the common case, without building tokens
		words := strings.Split(s, " ")
		f := form{target: ti, cs: cs, multi: len(words) > 1, core: words}
		keys := make([]string, len(words))
		for i, w := range words {
			keys[i] = token.Light(token.Fold(w))
		}
		f.short = len(words) == 1 && len(words[0]) <= 2 && !(cs && upperASCII(words[0]) && ctxNone)
		return f, keys
	}
	toks := token.Tokenize(token.Normalize(s))
	if len(toks) == 0 {
		return form{}, nil
	}
	f := form{target: ti, cs: cs, multi: len(toks) > 1, core: make([]string, len(toks))}
	keys := make([]string, len(toks))
	for i := range toks {
		f.core[i] = toks[i].Core
		keys[i] = token.Light(toks[i].Norm)
	}
	// One- or two-letter forms need context, except an all-caps acronym
	// matched case-exactly for a skill without a context rule (ML, AI, DB):
	// the case rule already keeps mL, ai and dB out.
	f.short = len(toks) == 1 && utf8.RuneCountInString(toks[0].Core) <= 2 && !(cs && upperASCII(toks[0].Core) && ctxNone)
	return f, keys
}

// plainWords reports whether s is ASCII letters and digits in words separated
// by single spaces: Tokenize would return exactly those words.
func plainWords(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' && s[i+1] != ' ':
		default:
			return false
		}
	}
	return true
}

func upperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// insert adds one form of set target ti and registers single-word forms of
// fuzzy-eligible keywords in the deletion index.
func (ix *Index) insert(ti int32, s string, cs bool) {
	f, keys := makeForm(ti, s, cs, ix.target(ti).ctx == keywords.AnyContext)
	if keys == nil {
		return
	}
	fi := ix.nbForms + ix.tr.insert(f, keys)
	if len(keys) != 1 {
		return
	}
	w := token.Fold(f.core[0])
	ix.setForm[w] = true
	if !cs && !containsTarget(ix.setWords[w], ti) {
		ix.setWords[w] = append(ix.setWords[w], ti)
	}
	t := ix.target(ti)
	k := ix.kws[t.kw]
	trusted := !k.Known || ix.lex == nil || ix.lex.Trusted(k.ID)
	if !cs && trusted && fuzzyEligible(k, t) && lettersOnly(w) && len(w) >= minFuzzyLen {
		ix.fuzzyFirst[w[0]] = true
		ix.fuzzyForms = append(ix.fuzzyForms, fi)
		ix.fuzzyWords = append(ix.fuzzyWords, w)
	}
}

// fuzzyIndexMin is the number of fuzzy-eligible forms from which a
// deletion index pays: under it, comparing a word with every form of the
// same first letter costs less than building the index (50-odd deletions
// a form), which was a tenth of a role-sized run.
const fuzzyIndexMin = 512

// indexFuzzy builds the deletion index of a large set's fuzzy-eligible forms.
func (ix *Index) indexFuzzy() {
	if len(ix.fuzzyForms) < fuzzyIndexMin {
		return
	}
	ix.fuzzy = map[string][]int32{}
	for i, w := range ix.fuzzyWords {
		for _, d := range deletions(w, maxEdits(len(w))) {
			ix.fuzzy[d] = append(ix.fuzzy[d], int32(i))
		}
	}
}

// looksAcronym reports whether an unknown keyword is an all-caps acronym of
// 2-5 letters ("SOAP", "SOLID"): matched case-exactly so "soap" stays prose.
func looksAcronym(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// addVariants registers the Snowball stems of a keyword's single-word forms
// when stemming is safe for it: the lexicon says so, or the keyword is not a
// known skill (a JD's "scalable" or "mentoring") and has no context rule.
func (ix *Index) addVariants(ti int32, k keywords.Keyword) {
	if k.Context != keywords.AnyContext || !(k.Stem || !k.Known) {
		return
	}
	for _, a := range append([]string{k.Name}, k.Aliases...) {
		w := strings.ToLower(strings.TrimSpace(a))
		st, ok := token.Stem(w)
		if !ok {
			continue
		}
		if !containsTarget(ix.stems[st], ti) {
			ix.stems[st] = append(ix.stems[st], ti)
		}
		if len(st) >= 3 {
			ix.stemPrefix[st[:3]] = true
		}
	}
}

func containsTarget(ts []int32, t int32) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}
