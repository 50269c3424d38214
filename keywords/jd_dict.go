package keywords

import (
	"strings"

	"github.com/resumescore/resumescore/scorer/token"
)

// jdTok is one token of a clause with its byte span.
type jdTok struct {
	Text       string
	Start, End int
	Parts      []jdTok // sub-tokens split on - and /
}

// jdHit is one lexicon skill found in a clause.
type jdHit struct {
	kw         Keyword
	form       string // the surface form in the JD ("Postgres")
	clause     int
	start, end int // byte span in the clause text
	group      string
}

// maxPhrase is the longest alias, in tokens, the dictionary pass tries.
const maxPhrase = 5

// techCues are words that show a sentence is about technology, the evidence an
// ambiguous name such as Go or Rust needs (matching.md §4).
func techCues(w string) bool {
	switch w {
	case
		"language", "languages", "programming", "code", "coding", "compiler",
		"framework", "frameworks", "library", "libraries", "package", "packages", "module",
		"modules", "script", "scripts", "scripting", "runtime", "sdk", "api", "apis",
		"service", "services", "backend", "software", "developer", "developers":
		return true
	}
	return false
}

// dictionary finds every lexicon skill in the clauses, gating ambiguous names by
// case and context.
func dictionary(lex *Lexicon, cs []jdClause) []jdHit {
	var hits []jdHit
	for ci, c := range cs {
		if c.Section == SectionIgnore {
			continue
		}
		toks := jdTokens(c.Text)
		var cands []jdHit
		for i := 0; i < len(toks); {
			n, kw, form := lookupAt(lex, c.Text, toks, i)
			if n > 0 {
				cands = append(cands, jdHit{kw: kw, form: form, clause: ci, start: toks[i].Start, end: toks[i+n-1].End})
				i += n
				continue
			}
			// Kubernetes-based, TypeScript/JavaScript: look inside the token.
			cands = append(cands, subHits(lex, toks[i], ci)...)
			i++
		}
		list := isSkillsList(c.Text, cands)
		verdict := make([]gate, len(cands))
		for i, h := range cands {
			switch {
			case inNegated(c, h) || !trustedHit(lex, h):
				verdict[i] = gateFail
			default:
				verdict[i] = gateHit(c.Text, h, cands, toks, list)
			}
		}
		// "Backend Engineer (Go)": a name in parentheses in the title is the
		// stack the posting is about.
		if c.Section == SectionTitle {
			for i, h := range cands {
				if verdict[i] == gateNeedsEvidence && strings.LastIndex(c.Text[:h.start], "(") > strings.LastIndex(c.Text[:h.start], ")") {
					verdict[i] = gatePass
				}
			}
		}
		// "Go or Rust", "Go and C++": an ambiguous name listed next to an
		// accepted skill has the tech evidence it needs.
		for changed := true; changed; {
			changed = false
			for i := range cands {
				if verdict[i] != gateNeedsEvidence {
					continue
				}
				for _, j := range []int{i - 1, i + 1} {
					if j < 0 || j >= len(cands) || verdict[j] != gatePass {
						continue
					}
					a, b := cands[min(i, j)], cands[max(i, j)]
					sep := strings.ToLower(strings.TrimSpace(c.Text[a.end:b.start]))
					if ok, _ := anyOfSep(sep); ok || sep == "and" || sep == ", and" || sep == "&" {
						verdict[i] = gatePass
						changed = true
					}
				}
			}
		}
		for i, h := range cands {
			if verdict[i] == gatePass {
				hits = append(hits, h)
			}
		}
	}
	markGroups(cs, hits)
	return hits
}

// lookupAt tries the longest run of tokens from i that names a skill.
func lookupAt(lex *Lexicon, text string, toks []jdTok, i int) (int, Keyword, string) {
	for n := min(maxPhrase, len(toks)-i); n >= 1; n-- {
		if n > 1 && !adjacent(text, toks[i:i+n]) {
			continue
		}
		parts := make([]string, n)
		for k := range n {
			parts[k] = toks[i+k].Text
		}
		form := strings.Join(parts, " ")
		if kw, ok := lex.Lookup(form); ok {
			return n, kw, form
		}
	}
	return 0, Keyword{}, ""
}

// adjacent reports whether only spaces separate the tokens.
func adjacent(text string, toks []jdTok) bool {
	for k := 1; k < len(toks); k++ {
		if strings.TrimSpace(text[toks[k-1].End:toks[k].Start]) != "" {
			return false
		}
	}
	return true
}

// subHits looks up the parts of a token joined by - or / ("Kubernetes-based").
func subHits(lex *Lexicon, t jdTok, ci int) []jdHit {
	var out []jdHit
	for _, p := range t.Parts {
		if kw, ok := lex.Lookup(p.Text); ok {
			out = append(out, jdHit{kw: kw, form: p.Text, clause: ci, start: p.Start, end: p.End})
		}
	}
	return out
}

// trustedHit keeps hits of the hand-checked lexicon sources, and hits of the
// broad ones (O*NET, ESCO, Linguist, simple-icons) only when they cannot be
// ordinary English: "Optimism" is a brand in simple-icons, not a skill.
func trustedHit(lex *Lexicon, h jdHit) bool {
	if lex.Trusted(h.kw.ID) {
		return true
	}
	words := strings.Fields(h.form)
	if len(words) > 1 && lex.Source(h.kw.ID) != "simple-icons" {
		return true
	}
	english := 0
	for _, w := range words {
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' }) {
			if lex.IsEnglish(p) || len(p) < 3 {
				english++
				break
			}
		}
	}
	return english < len(words)
}

// gateHit applies the case and context rules of matching.md §4 to one hit.
func gateHit(text string, h jdHit, cands []jdHit, toks []jdTok, list bool) gate {
	low := strings.ToLower(text)
	for _, neg := range h.kw.Negatives {
		if neg == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(low[off:], neg)
			if i < 0 {
				break
			}
			i += off
			if i <= h.start && h.end <= i+len(neg) || i < h.end && h.start < i+len(neg) {
				return gateFail
			}
			off = i + 1
		}
	}
	ci := false // matched a case-insensitive form
	for _, a := range append([]string{h.kw.Name}, h.kw.Aliases...) {
		if strings.EqualFold(a, h.form) && !containsExact(h.kw.CaseAliases, a) {
			ci = true
		}
	}
	exactCase := containsExact(h.kw.CaseAliases, h.form)
	if !ci && !exactCase {
		return passIf(list) // a case-sensitive name in another case: only inside a skills list
	}
	if ci {
		// A case-insensitive alias (golang, Ruby on Rails, makefile) names
		// the skill by itself; the context gates are for the bare names.
		return gatePass
	}
	// Ambiguous names: hyphen compounds (Go-kart) are words, not skills.
	if h.start > 0 && text[h.start-1] == '-' || h.end < len(text) && text[h.end] == '-' && !techSuffix(text[h.end+1:]) {
		if h.kw.Context != AnyContext {
			return gateFail
		}
	}
	if sentenceInitialProse(text, h, cands, toks) {
		return passIf(list)
	}
	if h.kw.Context == NearSkill {
		if list || nearSkill(h, cands, toks) {
			return gatePass
		}
		return gateNeedsEvidence
	}
	if len(h.form) <= 2 || h.kw.Context == TechOnly {
		if list || techEvidence(text, h, cands, toks) {
			return gatePass
		}
		return gateNeedsEvidence
	}
	return gatePass
}

// gate is the verdict on one dictionary hit.
type gate int

const (
	gateFail          gate = iota
	gatePass               // a skill
	gateNeedsEvidence      // an ambiguous name without tech evidence yet
)

func passIf(ok bool) gate {
	if ok {
		return gatePass
	}
	return gateFail
}

func containsExact(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func techSuffix(rest string) bool {
	for _, s := range []string{"based", "native", "powered", "first", "driven"} {
		if strings.HasPrefix(strings.ToLower(rest), s) {
			return true
		}
	}
	return false
}

// techEvidence: another unambiguous skill in the clause, a programming cue
// word, or "in X" / "using X" / "with X".
func techEvidence(text string, h jdHit, cands []jdHit, toks []jdTok) bool {
	for _, t := range toks {
		if techCues(strings.ToLower(t.Text)) {
			return true
		}
	}
	return nearSkill(h, cands, toks)
}

// nearSkill is techEvidence without cue words (for NearSkill names): another
// unambiguous skill in the clause, or "in", "using" or "with" right before.
func nearSkill(h jdHit, cands []jdHit, toks []jdTok) bool {
	for _, o := range cands {
		if o.start != h.start && o.kw.Context == AnyContext && o.kw.ID != h.kw.ID {
			return true
		}
	}
	for i, t := range toks {
		if t.Start == h.start && i > 0 {
			switch strings.ToLower(toks[i-1].Text) {
			case "in", "using", "with":
				return true
			}
		}
	}
	return false
}

// sentenceInitialProse: "Go beyond the call" - a capitalised ambiguous word
// opening the clause, followed by an ordinary word.
func sentenceInitialProse(text string, h jdHit, cands []jdHit, toks []jdTok) bool {
	if h.kw.Context == AnyContext || strings.TrimSpace(text[:h.start]) != "" && !strings.HasSuffix(strings.TrimSpace(text[:h.start]), "(") {
		return false
	}
	rest := strings.TrimSpace(text[h.end:])
	if rest == "" || strings.ContainsAny(rest[:1], ",;:/|)") {
		return false
	}
	for _, o := range cands {
		if o.start >= h.end && strings.TrimSpace(text[h.end:o.start]) == "" {
			return false
		}
	}
	next := strings.ToLower(strings.Fields(rest)[0])
	return next != "and" && next != "or"
}

// isSkillsList: a clause that is a list ("Python, Go, Kafka | Redis"): at
// least three separated items, most of them short, two of them unambiguous
// known skills. A long sentence with a few commas is no list.
func isSkillsList(text string, cands []jdHit) bool {
	items := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",|;/•", r) })
	if len(items) < 3 {
		return false
	}
	short := 0
	for _, it := range items {
		if len(strings.Fields(it)) <= 4 {
			short++
		}
	}
	if short*10 < len(items)*6 {
		return false
	}
	n := 0
	for _, h := range cands {
		if h.kw.Context == AnyContext {
			n++
		}
	}
	return n >= 2
}

func inNegated(c jdClause, h jdHit) bool {
	for _, r := range c.Negated {
		if h.start >= r[0] && h.end <= r[1] {
			return true
		}
	}
	return false
}

// markGroups turns "X, Y or Z" runs of hits into any-of groups: a chain of
// hits joined by commas with an "or" (or after "one of"), and pairs joined by
// "/" or "|" ("SVN | Git"). Titles ("Node.js/TypeScript") name both.
func markGroups(cs []jdClause, hits []jdHit) {
	g := 0
	newGroup := func(from, to int) {
		g++
		id := "g" + itoa(g)
		for k := from; k <= to; k++ {
			hits[k].group = id
		}
	}
	for i := 0; i < len(hits); {
		c := cs[hits[i].clause]
		j := i
		var seps []string
		for j+1 < len(hits) && hits[j+1].clause == hits[i].clause {
			sep := strings.ToLower(strings.TrimSpace(c.Text[hits[j].end:hits[j+1].start]))
			if ok, _ := anyOfSep(sep); !ok {
				break
			}
			seps = append(seps, sep)
			j++
		}
		if j > i && c.Section != SectionTitle {
			lead := strings.ToLower(c.Text[:hits[i].start])
			sawOr := strings.Contains(lead, "one of") || strings.Contains(lead, "any of")
			for _, sp := range seps {
				if _, isOr := anyOfSep(sp); isOr && sp != "/" && sp != "|" {
					sawOr = true
				}
			}
			if sawOr {
				newGroup(i, j)
			} else {
				for k := 0; k < len(seps); {
					if seps[k] != "/" && seps[k] != "|" {
						k++
						continue
					}
					m := k
					for m < len(seps) && (seps[m] == "/" || seps[m] == "|") {
						m++
					}
					newGroup(i+k, i+m)
					k = m
				}
			}
		}
		i = j + 1
	}
}

// anyOfSep classifies the text between two hits: a list separator, and
// whether it says "or".
func anyOfSep(sep string) (ok, isOr bool) {
	switch sep {
	case ",", ";":
		return true, false
	case "/", "|", "or", ", or", "and/or", ", and/or", "or even", "or any", "or other":
		return true, true
	}
	return false, false
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}

// jdTokens splits a clause with the shared tokenizer (token.Tokenize), which
// keeps tech names whole (C++, .NET, Node.js, CI/CD) and records the parts of
// tokens joined by - or /.
func jdTokens(s string) []jdTok {
	ts := token.Tokenize(s)
	out := make([]jdTok, len(ts))
	for i, t := range ts {
		out[i] = jdTok{Text: t.Text, Start: t.Start, End: t.End}
		for _, p := range t.Parts {
			out[i].Parts = append(out[i].Parts, jdTok{Text: p.Text, Start: p.Start, End: p.End})
		}
	}
	return out
}
