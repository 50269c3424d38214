package scorer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer/token"
)

// A hit is one place a form of a target was found.
type hit struct {
	target int32
	form   int32
	start  int // byte offsets in the scanned text
	end    int
	view   uint8 // 0: whole tokens, 1: sub-tokens of a - or / compound
	whole  int   // index of the first whole token covered
	wholeN int   // number of whole tokens covered
	exact  bool  // case-exact (or a case-insensitive form)
	lower  bool  // a case-exact form written in lowercase
	negOK  bool
	ok     bool   // accepted by the gates
	reason string // why not, for --explain
}

// credit is a hit counted for a set keyword.
type credit struct {
	line  int
	found string
	kind  MatchKind
	start int
}

// scan is the per-document state of Index.Score.
type scan struct {
	ix       *Index
	doc      *extract.Document
	credits  map[int][]credit    // by set keyword index (sparse: most keywords of a big set never match)
	rejected map[int][]Rejection // by set keyword index
	broader  map[int32][]credit
	stems    map[string]string // words already stemmed in this document ("" = not stemmable)
	typos    map[string]int32  // words already checked for typos: the target, or -1
	blocked  map[string]string // nearStem: words already stemmed, their blocklisted stem or ""
	buf      struct {          // per-chunk slices, reused by the next chunk
		toks, parts []token.Token
		keys, pkeys []string
		partOf      []int
		isPart      []bool
		ids         [2][2][]int32 // [view][trie]
		hits        []hit
	}
}

// stem is token.Stem with a per-document cache: resumes repeat their words.
func (s *scan) stem(w string) (string, bool) {
	if st, ok := s.stems[w]; ok {
		return st, st != ""
	}
	st, ok := token.Stem(w)
	if !ok {
		st = ""
	}
	if s.stems == nil {
		s.stems = map[string]string{}
	}
	s.stems[w] = st
	return st, ok
}

type lineScan struct {
	text   string
	fold   string // ASCII-folded text, same byte offsets
	toks   []token.Token
	keys   []string
	parts  []token.Token // view 1
	pkeys  []string
	partOf []int // view 1 index -> whole token index
	isPart []bool
	list   bool
	evid   []span // accepted evidence hits
	cue    []bool // per sentence of the line: has a cue word
	first  []int  // per sentence of the line: index of its first whole token
}

type span struct{ start, end, sent int }

func (ix *Index) newScan(doc *extract.Document) *scan {
	return &scan{ix: ix, doc: doc, credits: map[int][]credit{}, rejected: map[int][]Rejection{}, broader: map[int32][]credit{}}
}

// key is the trie key of a text token: the singular of an acronym plural
// (APIs -> api), else the light inflectional key of its folded form.
func key(t *token.Token) string {
	if s, ok := token.Singular(t.Core); ok {
		return token.Fold(s)
	}
	return token.Light(t.Norm)
}

// grow returns b resliced to length n, reallocated when its capacity is
// short. The elements are not cleared: callers overwrite all n of them.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}

// maxChunk bounds the text the gates look at together. A line longer than
// this (a paragraph without line breaks, a text file with none) is scanned in
// pieces cut at a sentence, clause or word boundary, so the per-line checks,
// which compare hits with each other, stay linear in the document overall.
const maxChunk = 1024

func (s *scan) line(li int) {
	ln := &s.doc.Lines[li]
	text := token.Normalize(ln.Text)
	for len(text) > maxChunk {
		cut := chunkEnd(text[:maxChunk])
		s.chunk(li, ln, text[:cut])
		text = text[cut:]
	}
	s.chunk(li, ln, text)
}

// chunkEnd returns where to cut a long line within head: after the last
// sentence end, else the last clause separator, else the last space, else at
// a rune boundary.
func chunkEnd(head string) int {
	for _, sep := range []string{". ", "; ", ", ", " "} {
		if i := strings.LastIndex(head, sep); i > len(head)/2 {
			return i + len(sep)
		}
	}
	i := len(head)
	for i > 1 && !utf8.RuneStart(head[i-1]) {
		i--
	}
	if i <= 1 {
		return len(head)
	}
	return i - 1
}

func (s *scan) chunk(li int, ln *extract.Line, text string) {
	ls := &lineScan{text: text}
	// the token slices are reused from chunk to chunk: nothing keeps them
	// once the chunk is resolved
	ls.toks = token.TokenizeInto(s.buf.toks, ls.text)
	s.buf.toks = ls.toks
	if len(ls.toks) == 0 {
		return
	}
	ls.keys = grow(s.buf.keys, len(ls.toks))
	s.buf.keys = ls.keys
	compound := false
	nparts := 0
	for i := range ls.toks {
		ls.keys[i] = key(&ls.toks[i])
		if ps := ls.toks[i].Parts; ps != nil {
			compound = true
			nparts += len(ps)
		} else {
			nparts++
		}
	}
	if compound {
		ls.parts = grow(s.buf.parts, nparts)[:0]
		ls.partOf = grow(s.buf.partOf, nparts)[:0]
		ls.isPart = grow(s.buf.isPart, nparts)[:0]
		s.buf.parts, s.buf.partOf, s.buf.isPart = ls.parts, ls.partOf, ls.isPart
		for i := range ls.toks {
			if ps := ls.toks[i].Parts; ps != nil {
				for _, p := range ps {
					ls.parts = append(ls.parts, p)
					ls.partOf = append(ls.partOf, i)
					ls.isPart = append(ls.isPart, true)
				}
			} else {
				ls.parts = append(ls.parts, ls.toks[i])
				ls.partOf = append(ls.partOf, i)
				ls.isPart = append(ls.isPart, false)
			}
		}
		ls.pkeys = grow(s.buf.pkeys, len(ls.parts))
		s.buf.pkeys = ls.pkeys
		for i := range ls.parts {
			if ls.isPart[i] {
				ls.pkeys[i] = key(&ls.parts[i])
			} else {
				ls.pkeys[i] = ls.keys[ls.partOf[i]] // the whole token itself
			}
		}
	}

	hits := s.walk(s.buf.hits[:0], ls, 0, ls.toks, ls.keys)
	if compound {
		hits = s.walk(hits, ls, 1, ls.parts, ls.pkeys)
	}
	s.buf.hits = hits
	ix := s.ix
	// case and veto phrases, then the line's context
	for i := range hits {
		h := &hits[i]
		f := ix.form(h.form)
		h.exact, h.lower = s.caseOf(ls, h, f)
		h.negOK = s.negOK(ls, h)
	}
	// a sub-token inside a whole token that is itself a name is part of that
	// name (SQL in PL/SQL, Go in go-lang), not a separate hit
	hits = dropInsideNames(hits)
	nsent := ls.toks[len(ls.toks)-1].Sent + 1
	ls.cue = make([]bool, nsent)
	ls.first = make([]int, nsent)
	for i := range ls.first {
		ls.first[i] = -1
	}
	for i := range ls.toks {
		t := &ls.toks[i]
		if ls.first[t.Sent] < 0 {
			ls.first[t.Sent] = i
		}
		if cueWords(t.Norm) {
			ls.cue[t.Sent] = true
		}
	}
	for i := range hits {
		h := &hits[i]
		f := ix.form(h.form)
		if h.exact && h.negOK && ix.target(h.target).evidence && !f.short {
			ls.evid = append(ls.evid, span{h.start, h.end, ls.toks[h.whole].Sent})
		}
	}
	ls.list = ln.Section == "skills" || distinctStarts(ls.evid) >= 2 && s.needsList(hits) && isList(ls.text)
	for i := range hits {
		s.gate(ls, hits, i)
	}
	s.resolve(ls, li, hits)
}

// walk appends to hits every form starting at every token of a view, in the lexicon's
// trie and the set's: the depth is the longest form, so the cost is linear in
// the number of tokens and independent of the number of keywords.
func (s *scan) walk(hits []hit, ls *lineScan, view uint8, toks []token.Token, keys []string) []hit {
	ix := s.ix
	for t, tr := range [2]*trie{ix.base.tr, ix.tr} {
		offset := int32(0)
		if tr == ix.tr {
			offset = ix.nbForms
		}
		// word id of each token's key in tr, -1 when absent; view 1 reuses
		// view 0's ids for the tokens that are not split
		ids := grow(s.buf.ids[view][t], len(toks))
		s.buf.ids[view][t] = ids
		for i := range toks {
			if view == 1 && !ls.isPart[i] {
				ids[i] = s.buf.ids[0][t][ls.partOf[i]]
				continue
			}
			w, ok := tr.vocab.Get(keys[i])
			if !ok {
				w = -1
			}
			ids[i] = w
		}
		for i := range toks {
			if ids[i] < 0 {
				continue
			}
			n := int32(0)
			for j := i; j < len(toks); j++ {
				if ids[j] < 0 || j > i && !joinable(ls.text[toks[j-1].End:toks[j].Start]) {
					break
				}
				nx, ok := tr.next.get(edgeKey(n, ids[j]))
				if !ok {
					break
				}
				n = nx
				ends := tr.ends[n]
				if len(ends) == 0 {
					continue
				}
				if view == 1 && !anyPart(ls.isPart[i:j+1]) {
					continue // the same tokens as the whole view: already found there
				}
				w0, wn := i, j+1-i
				if view == 1 {
					w0 = ls.partOf[i]
					wn = ls.partOf[j] - w0 + 1
				}
				for _, fi := range ends {
					f := &tr.forms[fi]
					if offset == 0 && ix.inSet[f.target] {
						continue
					}
					hits = append(hits, hit{target: f.target, form: fi + offset, start: toks[i].Start, end: toks[j].End, view: view, whole: w0, wholeN: wn})
				}
			}
		}
	}
	return hits
}

func anyPart(b []bool) bool {
	for _, x := range b {
		if x {
			return true
		}
	}
	return false
}

// joinable reports whether the text between two tokens lets them form one
// multi-word name: spaces, or a single hyphen or slash (inside a compound).
func joinable(gap string) bool {
	if gap == "" {
		return true
	}
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ' ', '\t', '-', '/':
		default:
			return false
		}
	}
	return len(strings.TrimSpace(gap)) <= 1
}

// caseOf checks a hit against a case-exact form: exact, or written in
// lowercase (acceptable only inside a skills list).
func (s *scan) caseOf(ls *lineScan, h *hit, f *form) (exact, lower bool) {
	if !f.cs {
		return true, false
	}
	toks := ls.toks
	if h.view == 1 {
		toks = ls.parts
	}
	i := s.tokIndex(ls, h)
	exact, lower = true, true
	for k, c := range f.core {
		t := &toks[i+k]
		got := t.Core
		if sg, ok := token.Singular(t.Core); ok && !strings.HasSuffix(c, "s") {
			got = sg
		}
		if got != c {
			exact = false
		}
		if got != token.Fold(c) { // the form itself, in lowercase ("go", not "goes")
			lower = false
		}
	}
	if exact {
		lower = false
	}
	return exact, lower
}

// tokIndex returns the index in its view of the hit's first token.
func (s *scan) tokIndex(ls *lineScan, h *hit) int {
	toks := ls.toks
	if h.view == 1 {
		toks = ls.parts
	}
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.start })
}

// negOK reports whether no veto phrase of the hit's target covers it.
func (s *scan) negOK(ls *lineScan, h *hit) bool {
	for _, n := range s.ix.target(h.target).negatives {
		if ls.fold == "" {
			ls.fold = asciiFold(ls.text)
		}
		if vetoes(ls.fold, n, h.start, h.end) {
			h.reason = "inside \"" + n + "\""
			return false
		}
	}
	return true
}

// vetoes reports whether phrase occurs in the folded line over [start,end).
// A space in the phrase matches any run of spaces and tabs (PDF text keeps
// layout gaps). A phrase ending in a letter must end at a word boundary; one
// ending in a digit may run on ("spring 20" vetoes "Spring 2023").
func vetoes(fold, phrase string, start, end int) bool {
	if phrase == "" {
		return false
	}
	for a := 0; a < len(fold); a++ {
		k := strings.IndexByte(fold[a:], phrase[0])
		if k < 0 {
			return false
		}
		a += k
		b, ok := matchAt(fold, a, phrase)
		if !ok {
			continue
		}
		if a > 0 && isAlnum(fold[a-1]) && isAlnum(phrase[0]) {
			continue
		}
		if b < len(fold) && isAlnum(fold[b]) && isLetter(phrase[len(phrase)-1]) {
			continue
		}
		if a < end && start < b {
			return true
		}
	}
	return false
}

// matchAt matches phrase at fold[a:], a space in the phrase taking any run of
// spaces and tabs, and returns the end offset.
func matchAt(fold string, a int, phrase string) (int, bool) {
	j := a
	for i := 0; i < len(phrase); i++ {
		if phrase[i] == ' ' {
			if j >= len(fold) || fold[j] != ' ' && fold[j] != '\t' {
				return 0, false
			}
			for j < len(fold) && (fold[j] == ' ' || fold[j] == '\t') {
				j++
			}
			continue
		}
		if j >= len(fold) || fold[j] != phrase[i] {
			return 0, false
		}
		j++
	}
	return j, true
}

func isAlnum(c byte) bool  { return isLetter(c) || c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// asciiFold lowercases ASCII letters only, keeping byte offsets.
func asciiFold(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// dropInsideNames removes sub-token hits whose compound token is matched
// whole by another hit (PL/SQL is not SQL; T-SQL is not SQL).
func dropInsideNames(hits []hit) []hit {
	out := hits[:0]
	for i := range hits {
		h := hits[i]
		if h.view == 1 {
			inside := false
			for j := range hits {
				g := &hits[j]
				if g.view == 0 && g.exact && g.negOK && g.start <= h.start && h.end <= g.end && g.wholeN >= 1 &&
					g.whole <= h.whole && h.whole+h.wholeN <= g.whole+g.wholeN && !(g.start == h.start && g.end == h.end) {
					inside = true
					break
				}
			}
			if inside {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// needsList reports whether any hit's decision depends on the line being a
// skills list (a case-exact or one- or two-letter form, or a name that needs
// context), so ordinary lines skip the list test.
func (s *scan) needsList(hits []hit) bool {
	for i := range hits {
		f := s.ix.form(hits[i].form)
		if f.cs || f.short || s.ix.target(hits[i].target).ctx != keywords.AnyContext {
			return true
		}
	}
	return false
}

// isList reports whether a line is a list of short items separated by
// commas, pipes, semicolons, bullets or tabs: at least three items, and at
// least two thirds of them of one to four words. A prose paragraph with
// commas is not a list.
func isList(s string) bool {
	items, short := 0, 0
	for _, it := range strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', '|', ';', '•', '·', '▪', '◦', '●', '\t':
			return true
		}
		return false
	}) {
		n := len(strings.Fields(it))
		if n == 0 {
			continue
		}
		items++
		if n <= 4 {
			short++
		}
	}
	return items >= 3 && short >= 3 && 3*short >= 2*items
}

func distinctStarts(ev []span) int {
	n := 0
	for i := range ev {
		dup := false
		for j := 0; j < i; j++ {
			if ev[j].start == ev[i].start {
				dup = true
			}
		}
		if !dup {
			n++
		}
	}
	return n
}

// gate decides one hit: the rules of ../shared/notes/matching.md §4 in order.
func (s *scan) gate(ls *lineScan, hits []hit, i int) {
	h := &hits[i]
	ix := s.ix
	t := ix.target(h.target)
	f := ix.form(h.form)
	word := ls.text[h.start:h.end]
	switch {
	case !h.negOK:
		return // reason set by negOK
	case !h.exact && !h.lower:
		h.reason = "case: \"" + word + "\" is not written " + strings.Join(f.core, " ")
		return
	case h.lower && !ls.list:
		h.reason = "lowercase \"" + word + "\" outside a skills list"
		return
	case !f.cs && len(f.core) == 1 && s.otherWord(word, f.core[0]):
		h.reason = "\"" + word + "\" is an English word, not a form of " + f.core[0]
		return
	}
	if h.view == 1 && t.ambiguous && !s.compoundOK(ls, hits, h) {
		h.reason = "part of the compound word \"" + ls.toks[h.whole].Text + "\""
		return
	}
	sent := ls.toks[h.whole].Sent
	if t.ctx == keywords.NearSkill && f.cs && !ls.list && !s.nearSkill(ls, h, sent) {
		h.reason = "no other skill in the sentence and not in a skills list"
		return
	}
	if (f.short || t.ctx == keywords.TechOnly && f.cs) && !ls.list && !s.techContext(ls, h, sent) {
		h.reason = "no tech context in the sentence"
		if f.short {
			h.reason = "a one- or two-letter name with no tech context"
		}
		return
	}
	if t.ambiguous && h.exact && f.cs && s.sentenceInitial(ls, h, sent) && !s.followedBySkill(ls, hits, h) {
		h.reason = "a capitalised word opening a sentence, followed by prose"
		return
	}
	h.ok = true
}

// otherWord reports whether a single word found only through the light
// inflectional key ("canvas" for the brand Canva, by dropping an s) is an
// English word while the form is not: a different word, not a plural.
func (s *scan) otherWord(word, form string) bool {
	w, f := token.Fold(word), token.Fold(form)
	if w == f || s.ix.lex == nil {
		return false
	}
	return s.ix.lex.IsEnglish(w) && !s.ix.lex.IsEnglish(f) && !s.ix.lex.IsEnglish(token.Light(w))
}

// compoundOK reports whether a hyphen next to an ambiguous name joins it to a
// tail that keeps it a name ("Go-based", "Kubernetes-native", "React-Redux")
// rather than making a compound word ("C-suite", "go-live", "Go-kart").
func (s *scan) compoundOK(ls *lineScan, hits []hit, h *hit) bool {
	if h.start > 0 && ls.text[h.start-1] == '-' || h.end < len(ls.text) && ls.text[h.end] == '-' {
		i := s.tokIndex(ls, h)
		j := i
		for j < len(ls.parts) && ls.parts[j].End <= h.end {
			j++
		}
		var nb []int
		if i > 0 && ls.partOf[i-1] == h.whole && h.start > 0 && ls.text[h.start-1] == '-' {
			nb = append(nb, i-1)
		}
		if j < len(ls.parts) && ls.partOf[j] == h.whole+h.wholeN-1 && h.end < len(ls.text) && ls.text[h.end] == '-' {
			nb = append(nb, j)
		}
		for _, k := range nb {
			p := &ls.parts[k]
			if compoundTails(p.Norm) || s.evidenceAt(hits, p.Start) {
				continue
			}
			return false
		}
	}
	return true
}

func (s *scan) evidenceAt(hits []hit, start int) bool {
	for i := range hits {
		g := &hits[i]
		if g.start == start && g.exact && g.negOK && s.ix.target(g.target).evidence {
			return true
		}
	}
	return false
}

// techContext: another trusted unambiguous skill in the sentence, a cue word,
// or the name right after "in" or "using".
func (s *scan) techContext(ls *lineScan, h *hit, sent int) bool {
	return ls.cue[sent] || s.nearSkill(ls, h, sent)
}

// nearSkill is techContext without cue words, for a vendor's name that is
// also a company's ("Software Engineer, Oracle" names an employer): another
// trusted skill in the same sentence, or "in"/"using" right before.
func (s *scan) nearSkill(ls *lineScan, h *hit, sent int) bool {
	for _, e := range ls.evid {
		if e.sent == sent && (e.end <= h.start || e.start >= h.end) {
			return true
		}
	}
	if h.whole > 0 {
		p := ls.toks[h.whole-1]
		if p.Sent == sent && (p.Norm == "in" || p.Norm == "using") {
			return true
		}
	}
	return false
}

// sentenceInitial reports whether the hit opens its sentence or a parenthesis.
func (s *scan) sentenceInitial(ls *lineScan, h *hit, sent int) bool {
	r, _ := utf8.DecodeRuneInString(ls.text[h.start:])
	if !unicode.IsUpper(r) {
		return false
	}
	if ls.first[sent] == h.whole && ls.toks[h.whole].Start == h.start {
		return true
	}
	before := strings.TrimRight(ls.text[:h.start], " \t")
	return strings.HasSuffix(before, "(")
}

// followedBySkill: the next word is a separator, "and"/"or", a cue word or
// another skill, or nothing follows.
func (s *scan) followedBySkill(ls *lineScan, hits []hit, h *hit) bool {
	next := h.whole + h.wholeN
	if next >= len(ls.toks) {
		return true
	}
	gap := ls.text[h.end:ls.toks[next].Start]
	if strings.ContainsAny(gap, ",;:/|&()[]•") {
		return true
	}
	n := ls.toks[next].Norm
	if n == "and" || n == "or" || cueWords(n) {
		return true
	}
	for i := range hits {
		g := &hits[i]
		if g.start == ls.toks[next].Start && g.exact && g.negOK && !s.ix.form(g.form).short {
			return true
		}
	}
	return false
}

// resolve picks, among accepted hits of set keywords, the longest
// non-overlapping ones; a keyword whose name lies inside a longer accepted
// name gets credit too (Spring Boot -> Spring), never the reverse.
func (s *scan) resolve(ls *lineScan, li int, hits []hit) {
	ix := s.ix
	var cands []int
	for i := range hits {
		h := &hits[i]
		t := ix.target(h.target)
		if h.ok && t.kw >= 0 {
			cands = append(cands, i)
		}
		if h.ok && s.broader != nil && s.isBroader(h.target) {
			s.broader[h.target] = append(s.broader[h.target], credit{line: li, found: ls.text[h.start:h.end], start: h.start})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		ha, hb := &hits[cands[a]], &hits[cands[b]]
		if la, lb := ha.end-ha.start, hb.end-hb.start; la != lb {
			return la > lb
		}
		return ha.start < hb.start
	})
	var chosen []int
	credited := &creditSet{}
	give := func(h *hit) {
		t := ix.target(h.target)
		k := [2]int{int(h.target), h.start}
		if !credited.add(k) {
			return
		}
		s.credits[t.kw] = append(s.credits[t.kw], credit{line: li, found: ls.text[h.start:h.end], start: h.start})
	}
	for _, ci := range cands {
		h := &hits[ci]
		clash := false
		for _, cj := range chosen {
			g := &hits[cj]
			if h.start < g.end && g.start < h.end && !(h.start == g.start && h.end == g.end) {
				clash = true
				break
			}
		}
		if !clash {
			chosen = append(chosen, ci)
			give(h)
		}
	}
	// containing names: a set keyword's hit (accepted, or turned down only for
	// context) inside a longer accepted name of another skill
	for i := range hits {
		h := &hits[i]
		t := ix.target(h.target)
		if t.kw < 0 || !h.exact || !h.negOK || credited.has([2]int{int(h.target), h.start}) {
			continue
		}
		for j := range hits {
			g := &hits[j]
			if !g.ok || g.target == h.target || g.end-g.start <= h.end-h.start || g.start > h.start || h.end > g.end {
				continue
			}
			if h.view == 1 && g.view == 0 {
				continue // a part of one whole-token name
			}
			if ix.target(g.target).kw < 0 && !ix.form(g.form).multi {
				continue
			}
			give(h)
			break
		}
	}
	// near misses, for --explain
	for i := range hits {
		h := &hits[i]
		t := ix.target(h.target)
		if t.kw < 0 || h.ok || h.reason == "" || credited.has([2]int{int(h.target), h.start}) {
			continue
		}
		if len(s.rejected[t.kw]) < maxRejections {
			s.rejected[t.kw] = append(s.rejected[t.kw], Rejection{Line: s.doc.Lines[li].N, Form: ls.text[h.start:h.end], Reason: h.reason})
		}
	}
	s.variants(ls, li, hits, credited)
}

const maxRejections = 3

func (s *scan) isBroader(t int32) bool { return s.ix.broaderOf[t] }

// creditSet is the (target, start) pairs credited on one line: a handful, so
// a slice beats a map.
type creditSet struct{ keys [][2]int }

func (c *creditSet) has(k [2]int) bool {
	for _, x := range c.keys {
		if x == k {
			return true
		}
	}
	return false
}

// add records k and reports whether it was new.
func (c *creditSet) add(k [2]int) bool {
	if c.has(k) {
		return false
	}
	c.keys = append(c.keys, k)
	return true
}

// variants looks at the words no form matched: Snowball variants of keywords
// that allow stemming, then probable typos.
func (s *scan) variants(ls *lineScan, li int, hits []hit, credited *creditSet) {
	ix := s.ix
	if len(ix.stems) == 0 && len(ix.fuzzyForms) == 0 && len(ix.setWords) == 0 && len(ix.nearStems) == 0 {
		return
	}
	covered := make([]bool, len(ls.toks))
	for i := range hits {
		h := &hits[i]
		if h.exact && h.negOK {
			for k := h.whole; k < h.whole+h.wholeN && k < len(covered); k++ {
				covered[k] = true
			}
		}
	}
	for i := range ls.toks {
		t := &ls.toks[i]
		if covered[i] {
			continue
		}
		if len(ix.nearStems) > 0 {
			s.nearStem(li, t)
		}
		if len(ix.stems) > 0 && len(t.Text) >= 4 && ix.stemPrefix[t.Text[:3]] && token.Stemmable(t.Text) && (ix.lex == nil || !ix.lex.IsAlias(t.Text)) {
			if st, ok := s.stem(t.Text); ok {
				for _, ti := range ix.stems[st] {
					tg := ix.target(ti)
					k := [2]int{int(ti), t.Start}
					if !credited.add(k) {
						continue
					}
					s.credits[tg.kw] = append(s.credits[tg.kw], credit{line: li, found: t.Text, kind: Variant, start: t.Start})
				}
			}
		}
		if len(ix.fuzzyForms) > 0 {
			s.typo(li, t, credited)
		}
		if len(t.Text) >= minGlued && len(t.Norm) == len(t.Text) {
			s.glued(li, t, credited)
		}
	}
}

// hyphenJoins credits names that a PDF broke over two lines with a hyphen
// ("Kuber-" / "netes"), when the joined word is a known single-word name of
// a set keyword. The evidence is the first line.
func (s *scan) hyphenJoins() {
	ix := s.ix
	if len(ix.setWords) == 0 {
		return
	}
	lines := s.doc.Lines
	for li := 0; li+1 < len(lines); li++ {
		a := strings.TrimRight(lines[li].Text, " \t")
		if !strings.HasSuffix(a, "-") || len(a) < 3 || !isLetter(a[len(a)-2]) {
			continue
		}
		i := len(a) - 1
		for i > 0 && isLetter(a[i-1]) {
			i--
		}
		b := strings.TrimLeft(lines[li+1].Text, " \t")
		j := 0
		for j < len(b) && b[j] >= 'a' && b[j] <= 'z' {
			j++
		}
		if j == 0 || j < len(b) && (isLetter(b[j]) || b[j] >= '0' && b[j] <= '9') {
			continue
		}
		joined := a[i:len(a)-1] + b[:j]
		for _, ti := range ix.setWords[token.Fold(joined)] {
			tg := ix.target(ti)
			s.credits[tg.kw] = append(s.credits[tg.kw], credit{line: li, found: joined, start: len(lines[li].Text)})
		}
	}
}

// nearStem records, for --explain, an ordinary word that a stemmer would have
// matched to a keyword: "reacted" for React, "excellent" for Excel.
func (s *scan) nearStem(li int, t *token.Token) {
	if !token.BlockedCandidate(t.Norm) {
		return
	}
	st, seen := s.blocked[t.Norm] // resumes repeat their words: stem each once
	if !seen {
		var ok bool
		st, ok = token.BlockedStem(t.Norm) // folded: "Reacted" opening a sentence is still the verb
		if !ok {
			st = ""
		}
		if s.blocked == nil {
			s.blocked = map[string]string{}
		}
		s.blocked[t.Norm] = st
	}
	if st == "" {
		return
	}
	for _, ti := range s.ix.nearStems[st] {
		kw := s.ix.target(ti).kw
		if len(s.rejected[kw]) < maxRejections {
			s.rejected[kw] = append(s.rejected[kw], Rejection{Line: s.doc.Lines[li].N, Form: t.Text,
				Reason: "an ordinary word: a stemmer would turn it into \"" + st + "\", but it is not " + s.ix.kws[kw].Name})
		}
	}
}

// minGlued is the shortest token tried as a glued run of names.
const minGlued = 10

// glued splits a run of names that lost its separators, as PDF and HTML
// "keyword chips" do ("KafkaRedisGraphQLgRPCPostgreSQL"), by dictionary
// segmentation: the whole token must be covered by known names of at least
// three letters, and it must look glued (two or more inner capitals).
// Each segment that is a keyword of the set is credited.
func (s *scan) glued(li int, t *token.Token, credited *creditSet) {
	caps := 0
	for i := 1; i < len(t.Text); i++ {
		if c := t.Text[i]; c >= 'A' && c <= 'Z' {
			caps++
		}
	}
	if caps < 2 || len(t.Norm) > 200 {
		return
	}
	ix := s.ix
	w := t.Norm
	known := func(seg string) bool {
		return len(ix.setWords[seg]) > 0 || ix.lex != nil && len(seg) >= 3 && ix.lex.IsAlias(seg)
	}
	n := len(w)
	back := make([]int, n+1)
	for i := range back {
		back[i] = -1
	}
	back[0] = 0
	for i := 0; i < n; i++ {
		if back[i] < 0 {
			continue
		}
		for j := min(n, i+40); j >= i+3; j-- {
			if back[j] < 0 && known(w[i:j]) {
				back[j] = i
			}
		}
	}
	if back[n] < 0 {
		return
	}
	var segs [][2]int
	for j := n; j > 0; j = back[j] {
		segs = append(segs, [2]int{back[j], j})
	}
	if len(segs) < 2 {
		return
	}
	for _, sg := range segs {
		for _, ti := range ix.setWords[w[sg[0]:sg[1]]] {
			tg := ix.target(ti)
			if !credited.add([2]int{int(ti), t.Start + sg[0]}) {
				continue
			}
			s.credits[tg.kw] = append(s.credits[tg.kw], credit{line: li, found: t.Text[sg[0]:sg[1]], start: t.Start + sg[0]})
		}
	}
}

// typo applies the fuzzy rule to one word.
func (s *scan) typo(li int, t *token.Token, credited *creditSet) {
	w := t.Norm
	if len(w) < minFuzzyLen || !lettersOnly(w) || innerCapital(t.Text) {
		return
	}
	best, seen := s.typos[w]
	if !seen {
		best = s.typoTarget(w)
		if s.typos == nil {
			// a resume has a few hundred distinct candidate words: sized
			// for them, the map is not rehashed five times as it fills
			s.typos = make(map[string]int32, 256)
		}
		s.typos[w] = best
	}
	if best < 0 {
		return
	}
	tg := s.ix.target(best)
	if !credited.add([2]int{int(best), t.Start}) {
		return
	}
	s.credits[tg.kw] = append(s.credits[tg.kw], credit{line: li, found: t.Text, kind: Fuzzy, start: t.Start})
}

// innerCapital reports whether a word has a capital letter after its first:
// FISMA, PrIMA, iPhone are acronyms or names, never typos.
func innerCapital(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// typoTarget returns the set target w is a probable typo of, or -1. The
// answer depends on the word only, so typo caches it per document.
func (s *scan) typoTarget(w string) int32 {
	ix := s.ix
	if ix.setForm[w] || ix.setForm[token.Light(w)] {
		return -1
	}
	if !ix.fuzzyFirst[w[0]] || len(w) > 60 {
		return -1
	}
	// An English word is never a typo. For a set without a deletion index
	// the candidates cost less than the word list's binary search (whose
	// pages are cold in a short run) and are usually none, so they go
	// first; either order gives the same answer.
	english := func() bool { return ix.lex != nil && ix.lex.IsEnglish(w) }
	if ix.fuzzy != nil && english() {
		return -1
	}
	d := 1
	if len(w) >= minFuzzyLen+2 {
		d = 2
	}
	var best int32 = -1
	twoKeywords := false
	ix.fuzzyCandidates(w, d, func(fi int32, cand string) {
		if cand == "" || cand[0] != w[0] || !bagWithin(w, cand, maxEdits(len(cand))) || osa(w, cand, maxEdits(len(cand))) > maxEdits(len(cand)) {
			return
		}
		tg := ix.form(fi).target
		if best >= 0 && ix.target(best).kw != ix.target(tg).kw {
			twoKeywords = true // near two keywords: no guess
		}
		best = tg
	})
	if best < 0 || twoKeywords || ix.fuzzy == nil && english() {
		return -1
	}
	if ix.lex != nil && (ix.lex.IsAlias(w) || ix.lex.IsEnglish(token.Light(w))) {
		return -1
	}
	id := ix.target(best).id
	for _, lw := range ix.base.lexiconWords(ix.lex, w[0]) {
		if lw.id != id && lw.word != w && bagWithin(w, lw.word, maxEdits(len(lw.word))) && osa(w, lw.word, maxEdits(len(lw.word))) <= maxEdits(len(lw.word)) {
			return -1 // as near to another known skill: a collision, not a typo
		}
	}
	return best
}
