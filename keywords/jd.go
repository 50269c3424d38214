package keywords

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/resumescore/resumescore/scorer/token"
)

// JD is what a job description asks for: its keywords and the facts that are
// reported but not scored.
type JD struct {
	Set       *Set   // the weighted keywords, heaviest first (Source "jd")
	Title     string // the posting's title ("Senior Backend Engineer")
	Years     int    // years of experience asked (0 when not stated)
	Degree    string // lowest degree asked ("Bachelor's in Computer Science"), or ""
	Seniority string // intern, junior, mid, senior, staff, lead, principal, manager, director, or ""
}

// Kinds of JD keyword, as Keyword.Kind reports them for terms the lexicon does
// not know (known skills keep the lexicon's category).
const (
	KindOther = "other" // an "other term": a phrase or tech-shaped token found statistically
)

// ErrNoJDRules is returned by FromJD when the lexicon was loaded without the
// job-description data (section cues, stop words).
var ErrNoJDRules = errors.New("lexicon has no job-description rules")

// Weighting constants of JD keywords (README "Job descriptions").
const (
	maxFreqFactor = 2.0  // 1 + ln(count), capped at 2x
	bothBonus     = 0.25 // named both in requirements and in responsibilities
	otherFactor   = 0.5  // other terms weigh at most half a known skill
	maxOtherTerms = 25   // the phrase candidates kept, heaviest first
)

// FromJD extracts weighted keywords from the text of a job description: every
// lexicon skill it names (weighted by section and by frequency, "X, Y or Z" as
// an any-of group, negated requirements dropped), then "other terms" at a lower
// weight, plus the title, years, degree and seniority asked. name identifies
// the JD in the Set (usually its file name).
func FromJD(name, text string, lex *Lexicon) (*JD, error) {
	if lex == nil {
		return nil, fmt.Errorf("%s: %w", name, ErrNoJDRules)
	}
	rules, err := lex.jdRules()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rules.fromJD(name, text, lex), nil
}

// jdAgg gathers the occurrences of one keyword.
type jdAgg struct {
	kw       Keyword
	first    int // clause index of the first occurrence, for a stable order
	count    int
	best     string // the heaviest section it appears in
	sections map[string]bool
	groups   []string
	free     bool // at least one occurrence outside any group
	forms    map[string]int
}

func (a *jdAgg) add(section string, ci int, form, group string) {
	if a.sections == nil {
		a.sections, a.forms = map[string]bool{}, map[string]int{}
		a.first = ci
	}
	a.count++
	a.sections[section] = true
	a.forms[form]++
	if a.best == "" || SectionWeight(section) > SectionWeight(a.best) {
		a.best = section
	}
	if group == "" {
		a.free = true
	} else {
		a.groups = append(a.groups, group)
	}
}

// weight is section weight x frequency factor, plus the both-sections bonus,
// capped at twice the section weight.
func (a *jdAgg) weight() float64 {
	sw := SectionWeight(a.best)
	w := sw * math.Min(1+math.Log(float64(a.count)), maxFreqFactor)
	if (a.sections[SectionRequired] || a.sections[SectionTitle]) && a.sections[SectionResponsibilities] {
		w += bothBonus
	}
	return math.Min(w, maxFreqFactor*sw)
}

func tierOf(section string) Tier {
	switch section {
	case SectionRequired, SectionTitle:
		return Essential
	case SectionResponsibilities:
		return Important
	}
	return Bonus
}

func (r *JDRules) fromJD(name, text string, lex *Lexicon) *JD {
	doc := r.splitJD(token.Normalize(text))
	hits := dictionary(lex, doc.Clauses)
	// Skills named only in boilerplate are no keywords; a skill named in the
	// title is one.
	skills := map[string]*jdAgg{}
	var order []string
	for _, h := range hits {
		sec := doc.Clauses[h.clause].Section
		id := h.kw.ID
		if id == "" {
			id = jdSlug(h.kw.Name)
		}
		a, ok := skills[id]
		if !ok {
			a = &jdAgg{kw: h.kw}
			skills[id] = a
			order = append(order, id)
		}
		a.add(sec, h.clause, h.form, h.group)
	}
	var kws []Keyword
	groupSize := map[string]int{}
	for _, id := range order {
		a := skills[id]
		if a.free {
			a.groups = nil
		}
		if len(a.groups) > 0 {
			groupSize[a.groups[0]]++
		}
	}
	for _, id := range order {
		a := skills[id]
		k := a.kw
		k.ID = id
		k.Name = displayForm(a.kw.Name, a.forms)
		k.Known = true
		k.Section = sectionName(a.best)
		k.Tier = tierOf(a.best)
		k.Count = a.count
		k.Weight = round3(a.weight())
		if len(a.groups) > 0 && groupSize[a.groups[0]] > 1 {
			k.Group = a.groups[0]
		}
		kws = append(kws, k)
	}
	kws = append(kws, r.otherKeywords(doc, hits, skills, lex)...)
	sort.SliceStable(kws, func(i, j int) bool { return kws[i].Weight > kws[j].Weight })
	renumberGroups(kws)
	years := jdYears(doc.Clauses)
	return &JD{
		Set:       &Set{ID: name, Title: doc.Title, Source: "jd", Keywords: kws, Experience: r.jdExperience(doc.Clauses)},
		Title:     doc.Title,
		Years:     years,
		Degree:    jdDegree(doc.Clauses),
		Seniority: jdSeniority(doc.Title, years),
	}
}

// otherKeywords aggregates the statistical candidates into keywords at
// otherFactor of a skill's weight, dropping any name the lexicon knows: those
// are the dictionary pass's to accept or refuse.
func (r *JDRules) otherKeywords(doc jdDoc, hits []jdHit, skills map[string]*jdAgg, lex *Lexicon) []Keyword {
	terms := r.otherTerms(doc.Clauses, hits, doc.Title)
	aggs := map[string]*jdAgg{}
	kinds := map[string]string{}
	var order []string
	seen := map[string]bool{} // one count per term per clause
	// A term that only inflects a skill already found ("Data Warehouses"
	// beside data warehouse) or another term ("Cutting Workers" beside
	// "Cutting Worker") is the same keyword: counting it twice would weigh
	// one requirement double.
	known := map[string]bool{}
	for _, a := range skills {
		known[foldTerm(a.kw.Name)] = true
		for f := range a.forms {
			known[foldTerm(f)] = true
		}
	}
	for _, t := range terms {
		key := foldTerm(t.name)
		if key == "" || seen[key+"\x00"+itoa(t.clause)] {
			continue
		}
		seen[key+"\x00"+itoa(t.clause)] = true
		if _, ok := skills[key]; ok || known[key] {
			continue
		}
		// A lexicon name the dictionary pass turned down ("make" as a verb,
		// "Optimism" the brand) is no other term either, unless it is a
		// phrase that stands out in a requirement ("complex algorithms"
		// gives algorithms, an ESCO name refused as an English word): then
		// it is a term, and Resolve gives it the lexicon's case and context
		// gates for the resume.
		if lex.IsAlias(t.name) && !(t.kind == "phrase" || t.kind == "name" || t.kind == "list") {
			continue
		}
		a, ok := aggs[key]
		if !ok {
			a = &jdAgg{kw: Keyword{Name: t.name}}
			aggs[key] = a
			order = append(order, key)
			kinds[key] = t.kind
		}
		if t.kind == "list" || t.kind == "tech" || kinds[key] == "word" && t.kind != "word" {
			kinds[key] = t.kind
		}
		a.add(doc.Clauses[t.clause].Section, t.clause, t.name, "")
	}
	var out []Keyword
	phrases := 0
	// Phrases compete on weight; labels and tech-shaped tokens always stay.
	sort.SliceStable(order, func(i, j int) bool { return aggs[order[i]].weight() > aggs[order[j]].weight() })
	for _, key := range order {
		a := aggs[key]
		if kinds[key] == "phrase" || kinds[key] == "name" {
			// A phrase named once only in the responsibilities is too weak a
			// cue; a capitalised name ("Penetration Testing") is not.
			if kinds[key] == "phrase" && a.count < 2 && a.best != SectionRequired && a.best != SectionPreferred {
				continue
			}
			if phrases >= maxOtherTerms {
				continue
			}
			phrases++
		}
		name := displayForm(a.kw.Name, a.forms)
		out = append(out, Keyword{
			ID:      jdSlug(name),
			Name:    name,
			Kind:    KindOther,
			Tier:    tierOf(a.best),
			Section: sectionName(a.best),
			Count:   a.count,
			Weight:  round3(otherFactor * a.weight() * wordFactor(kinds[key])),
			Other:   true,
			Stem:    kinds[key] == "phrase" || kinds[key] == "name" || kinds[key] == "list" || kinds[key] == "word",
		})
	}
	return out
}

// foldTerm is the key under which inflections of one term meet: lowercase
// words split on spaces, hyphens and slashes, each without a plural -s
// ("Data-Warehouses" -> "data warehouse").
func foldTerm(s string) string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '/' || r == '\t' || r == '\n'
	})
	for i, w := range ws {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
			ws[i] = w[:len(w)-1]
		}
	}
	return strings.Join(ws, " ")
}

// wordFactor lowers the single words of a skill phrase ("Neurological" of
// "Neurological Procedures") to half an other term.
func wordFactor(kind string) float64 {
	if kind == "word" {
		return 0.5
	}
	return 1
}

// sectionName reports the title as required: a skill in the title is asked for.
func sectionName(s string) string {
	if s == SectionTitle {
		return SectionRequired
	}
	return s
}

// displayForm picks the form to recommend: the JD's most frequent form, or
// the lexicon's name when the JD only wrote it in lowercase.
func displayForm(name string, forms map[string]int) string {
	best, n := "", 0
	for f, c := range forms {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	if best == "" || name != "" && best == strings.ToLower(best) {
		return name
	}
	// "Backend engineers ..." opens a sentence: the capital is the sentence's,
	// not the name's, when the lexicon writes the name in lowercase.
	if name != "" && name == strings.ToLower(name) && len(best) > 1 && best[1:] == strings.ToLower(best[1:]) {
		return strings.ToLower(best)
	}
	if name != "" && strings.EqualFold(best, name) {
		return name
	}
	return best
}

// renumberGroups names groups g1, g2, ... in the order they appear in kws.
func renumberGroups(kws []Keyword) {
	ids := map[string]string{}
	for i := range kws {
		g := kws[i].Group
		if g == "" {
			continue
		}
		if _, ok := ids[g]; !ok {
			ids[g] = "g" + itoa(len(ids)+1)
		}
		kws[i].Group = ids[g]
	}
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// jdSlug turns a name into a lowercase id: "Customer Service" -> customer-service.
func jdSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '#' || r > 127:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}
