package keywords

import (
	"math"
	"strings"
	"unicode"
)

// jdTerm is a candidate "other term": a JD phrase the lexicon does not know.
type jdTerm struct {
	name       string // display form, as first written
	clause     int
	start, end int
	kind       string // "list" (a labelled list item), "tech" (tech-shaped token), "phrase"
}

// capsStop are all-caps tokens that are not skills: degrees, conjunctions,
// places, HR acronyms.
var capsStop = map[string]bool{
	"AND": true, "OR": true, "THE": true, "US": true, "USA": true, "UK": true, "EU": true, "EEO": true, "EEOC": true, "PTO": true,
	"401K": true, "BS": true, "BA": true, "MS": true, "MA": true, "PHD": true, "MBA": true, "BSC": true, "MSC": true, "CEO": true,
	"CTO": true, "CFO": true, "FAQ": true, "TBD": true, "II": true, "III": true, "IV": true, "OK": true, "NY": true, "CA": true,
	"LATAM": true, "EMEA": true, "APAC": true, "NYC": true, "SF": true, "HR": true, "WE": true, "YOU": true, "IS": true, "ARE": true,
	"ALL": true, "NOT": true, "NO": true, "A": true, "I": true, "AN": true, "IN": true, "ON": true, "AT": true, "TO": true, "OF": true,
	"DEI": true, "ADA": false, "GPA": true, "USD": true, "EUR": true, "GBP": true, "ET": true, "PT": true, "EST": true, "PST": true,
	"UTC": true, "GMT": true, "AM": true, "PM": true, "ID": true, "RI": true, "GA": true, "IL": true, "TX": true, "WA": true,
}

// maxPhraseWords is the longest "other term".
const maxPhraseWords = 4

// otherTerms proposes JD terms the lexicon does not know: the labels of skill
// list items ("Customer Service: ..."), tech-shaped tokens (CamelCase, dotted,
// versioned, with + or #, short all-caps) and noun phrases whose words stand out
// against the background table.
func (r *JDRules) otherTerms(cs []jdClause, hits []jdHit, title string) []jdTerm {
	covered := map[int][][2]int{}
	for _, h := range hits {
		covered[h.clause] = append(covered[h.clause], [2]int{h.start, h.end})
	}
	isCovered := func(ci, s, e int) bool {
		for _, sp := range covered[ci] {
			if s < sp[1] && sp[0] < e {
				return true
			}
		}
		return false
	}
	titleWords := map[string]bool{}
	for _, w := range cueWords(title) {
		titleWords[w] = true
	}
	var out []jdTerm
	for ci, c := range cs {
		if c.Section == SectionIgnore || c.Section == SectionTitle {
			continue
		}
		toks := jdTokens(c.Text)
		inNeg := func(s, e int) bool {
			for _, n := range c.Negated {
				if s >= n[0] && e <= n[1] {
					return true
				}
			}
			return false
		}
		// (a) the label of a list item: "Customer Service: helping clients",
		// or a short item under a requirements heading ("- Time Management").
		if label, end, ok := r.listLabel(c); ok && !isCovered(ci, 0, end) && !hasTechToken(label) && (skillsHeading(c.Heading) || r.standsOut(jdTokens(label), titleWords)) {
			out = append(out, jdTerm{name: label, clause: ci, start: 0, end: end, kind: "list"})
		}
		// (b) tech-shaped tokens and (c) phrases between function words.
		var run []jdTok
		flush := func() {
			for len(run) > 0 && r.edgeWord(run[0].Text) {
				run = run[1:]
			}
			for len(run) > 0 && r.edgeWord(run[len(run)-1].Text) {
				run = run[:len(run)-1]
			}
			if len(run) > 0 && len(run) <= maxPhraseWords && r.standsOut(run, titleWords) {
				s, e := run[0].Start, run[len(run)-1].End
				out = append(out, jdTerm{name: c.Text[s:e], clause: ci, start: s, end: e, kind: "phrase"})
			}
			run = run[:0]
		}
		for i, t := range toks {
			if i > 0 && strings.TrimSpace(c.Text[toks[i-1].End:t.Start]) != "" {
				flush()
			}
			if isCovered(ci, t.Start, t.End) || inNeg(t.Start, t.End) {
				flush()
				continue
			}
			if techShaped(t.Text) {
				flush()
				out = append(out, jdTerm{name: t.Text, clause: ci, start: t.Start, end: t.End, kind: "tech"})
				continue
			}
			low := strings.ToLower(t.Text)
			if r.function[low] || strings.ContainsRune(low, '\'') || strings.ContainsAny(t.Text, "0123456789") || c.Section == SectionAbout {
				flush()
				continue
			}
			run = append(run, t)
		}
		flush()
	}
	return out
}

// listLabel returns the label of a list item in a requirements-like section:
// the words before a colon ("Networking: TCP/IP ...") or a whole short item.
func (r *JDRules) listLabel(c jdClause) (string, int, bool) {
	if !c.Bullet || !c.First || c.Section == SectionAbout {
		return "", 0, false
	}
	text := c.Text
	end := len(text)
	if i := strings.IndexAny(text, ":–—"); i > 0 {
		end = i
	} else if strings.ContainsAny(text, ",;.()") {
		return "", 0, false
	}
	label := strings.TrimSpace(text[:end])
	w := strings.Fields(label)
	if len(w) == 0 || len(w) > maxPhraseWords+1 {
		return "", 0, false
	}
	content := 0
	for _, x := range w {
		low := strings.ToLower(strings.Trim(x, ".,;()'\""))
		if !r.function[low] && !r.stop[low] {
			content++
		}
	}
	if content == 0 || !unicode.IsUpper([]rune(label)[0]) {
		return "", 0, false
	}
	// "Experience: at least 8 years" - a label made only of boilerplate is not a skill.
	if len(w) == 1 && r.stop[strings.ToLower(label)] {
		return "", 0, false
	}
	return label, end, true
}

// edgeWord reports words that never open or close a term: boilerplate and
// generic qualifiers ("strong", "excellent", "experience").
func (r *JDRules) edgeWord(w string) bool {
	low := strings.ToLower(w)
	return r.stop[low] || r.function[low] || genericWords[low] || len([]rune(low)) < 2
}

// genericWords are qualifiers and verbs too common in postings to start or end
// a term; the background table catches the rest.
var genericWords = map[string]bool{
	"deep": true, "good": true, "excellent": true, "exceptional": true, "advanced": true, "basic": true, "extensive": true,
	"significant": true, "relevant": true, "various": true, "practical": true, "professional": true, "previous": true,
	"demonstrable": true, "demonstrated": true, "effective": true, "efficient": true, "high-quality": true, "quality": false,
	"use": true, "used": true, "uses": true, "write": true, "writing": true, "develop": true, "design": true, "implement": true,
	"maintain": true, "manage": true, "create": true, "provide": true, "improve": true, "lead": true, "own": true,
	"understand": true, "work": true, "hands": true, "years'": true, "minimum": true, "least": true, "plus": true,
	"etc": true, "e.g": true, "i.e": true, "things": true, "something": true, "ways": true, "lot": true, "lots": true,
	"you'll": true, "we'll": true, "you're": true, "we're": true, "it's": true, "there's": true, "that's": true,
	"comfortable": true, "ensuring": true, "ensures": true, "including": true, "includes": true, "such": true,
}

// standsOut reports whether a phrase is specific enough to be a term: not all
// boilerplate, not words of the title alone, and at least one word rare in
// job ads and in English (background table).
func (r *JDRules) standsOut(run []jdTok, titleWords map[string]bool) bool {
	rare, inTitle := 0, 0
	for _, t := range run {
		low := strings.ToLower(t.Text)
		if titleWords[low] {
			inTitle++
		}
		if r.stop[low] || genericWords[low] {
			continue
		}
		if r.commonness(low) < 0.5 {
			rare++
		}
	}
	if inTitle == len(run) {
		return false
	}
	if len(run) == 1 {
		return rare == 1 && len(run[0].Text) >= 3
	}
	return rare >= 1
}

// hasTechToken reports whether s holds a tech-shaped token, which is a term of
// its own ("Have SaaS experience" gives SaaS, not a label).
func hasTechToken(s string) bool {
	for _, t := range jdTokens(s) {
		if techShaped(t.Text) {
			return true
		}
	}
	return false
}

// skillsHeading reports headings that introduce a list of skills, whose items
// are terms even when made of common words ("Customer Service").
func skillsHeading(h string) bool {
	h = strings.ToLower(h)
	for _, s := range []string{"skill", "qualification", "competenc", "requirement", "must have", "must-have", "nice to have", "nice-to-have"} {
		if strings.Contains(h, s) {
			return true
		}
	}
	return false
}

// commonness is how common a word is in job ads and English, 0 (unknown) to 1.
// A compound (non-technical, queue-based) is as common as its rarest part.
func (r *JDRules) commonness(w string) float64 {
	if strings.ContainsAny(w, "-/") {
		c := 1.0
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' }) {
			c = math.Min(c, r.commonness(p))
		}
		return c
	}
	if v, ok := r.background[w]; ok {
		return v
	}
	if strings.HasSuffix(w, "s") {
		if v, ok := r.background[strings.TrimSuffix(w, "s")]; ok {
			return v
		}
	}
	return 0
}

// techShaped: CamelCase (ClickHouse, eCommerce), dotted (socket.io), versioned
// or with digits (S3, RIPv2, HTTP/2), with + or #, or all-caps of 2-6 letters.
func techShaped(s string) bool {
	if len(s) < 2 || isNumber(s) || s[0] >= '0' && s[0] <= '9' { // 12B, 30-mile, 401k
		return false
	}
	letters, upper, digits, inner := 0, 0, 0, false
	lowerThenUpper := false
	prevLower := false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if prevLower && i > 0 {
					lowerThenUpper = true
				}
			}
			prevLower = unicode.IsLower(r)
		case unicode.IsDigit(r):
			digits++
			prevLower = false
		default:
			if r == '+' || r == '#' || r == '.' {
				inner = true
			}
			prevLower = false
		}
	}
	if letters == 0 {
		return false
	}
	if strings.ContainsRune(s, '\'') {
		return false
	}
	if strings.HasSuffix(s, "s") && upper == letters-1 && letters >= 3 { // APIs, SDKs
		return !capsStop[s[:len(s)-1]]
	}
	switch {
	case digits > 0 && letters > 0:
		return !capsStop[strings.ToUpper(s)] && !ordinal(s)
	case inner:
		// e.g, i.e, a.m are abbreviations; socket.io, .deb, C++ are names
		if strings.Contains(s, ".") && !strings.HasPrefix(s, ".") {
			for _, p := range strings.Split(s, ".") {
				if len(p) < 2 {
					return false
				}
			}
		}
		return true
	case lowerThenUpper:
		return true
	case upper == letters && letters >= 2 && letters <= 6:
		return !capsStop[s] && !capsWord(s)
	}
	return false
}

// capsWord reports an all-caps ordinary word (MUST, WILL, OUR) shouted for
// emphasis rather than an acronym.
func capsWord(s string) bool {
	switch strings.ToLower(s) {
	case "it", "must", "will", "can", "our", "your", "and", "or", "not", "the", "with", "for", "you", "all", "new", "now", "now!", "key", "top", "fun", "why", "who", "how", "what", "we", "us", "job", "role":
		return true
	}
	return false
}

func ordinal(s string) bool {
	low := strings.ToLower(s)
	for _, suf := range []string{"st", "nd", "rd", "th", "s", "k", "m", "x"} {
		if strings.HasSuffix(low, suf) && isNumber(strings.TrimSuffix(low, suf)) {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
