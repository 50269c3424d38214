package scorer

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer/token"
)

// The score's constants; the README's "How the score is computed" section
// states the same formula with these values.
const (
	TierFactorEssential = 3.0 // w of a must-have keyword of weight 1
	TierFactorImportant = 2.0 // nice-to-have
	TierFactorBonus     = 1.0

	CreditExact   = 1.0  // the keyword's own form
	CreditAlias   = 1.0  // an alias or acronym (Postgres for PostgreSQL)
	CreditVariant = 0.9  // another inflection (microservice for microservices)
	CreditFuzzy   = 0.7  // a probable typo: a literal ATS search misses it
	CreditGeneric = 0.25 // only the skill's family is named ("SQL databases" for PostgreSQL)

	CountCap = 3 // occurrences beyond this add nothing
	// RepeatShare is the share of a job-description keyword's points that
	// needs CountCap mentions (a skills list and the roles that used it):
	// named once it earns 1 - RepeatShare*(CountCap-1)/CountCap of them.
	RepeatShare     = 0.15
	StuffingRepeats = 5 // more occurrences than this are reported as keyword stuffing
	maxEvidence     = 3
	maxFixes        = 10
)

// TierFactor returns the weight factor of a tier.
func TierFactor(t keywords.Tier) float64 {
	switch t {
	case keywords.Important:
		return TierFactorImportant
	case keywords.Bonus:
		return TierFactorBonus
	}
	return TierFactorEssential
}

// CreditFor returns the credit c of a match kind.
func CreditFor(k MatchKind) float64 {
	switch k {
	case Exact:
		return CreditExact
	case Alias:
		return CreditAlias
	case Variant:
		return CreditVariant
	case Fuzzy:
		return CreditFuzzy
	case Generic:
		return CreditGeneric
	}
	return 0
}

// Score matches the document against the index and returns the report:
// score = 100 * sum(w*c) / sum(w), rounded to one decimal, where w is the tier
// factor times the keyword's weight and c the credit of how it matched; the
// keywords of an any-of group count once, with the best member's credit.
// Against a job description a keyword's points also depend on how often the
// resume names it (repeats, RepeatShare), and when the posting asks years the
// keywords hold 1 - ExperienceShare of the score and its years requirements
// the rest (Report.Experience).
func (ix *Index) Score(doc *extract.Document) *Report {
	if doc == nil {
		doc = &extract.Document{}
	}
	rep := &Report{
		SchemaVersion: SchemaVersion, File: doc.Path, Format: doc.Format.String(),
		Target:   Target{Source: ix.set.Source, ID: ix.set.ID, Title: ix.set.Title},
		Keywords: []Match{}, Fixes: []string{}, Checks: []Check{}, Diagnostics: []Diagnostic{},
	}
	for _, d := range doc.Diagnostics {
		rep.Diagnostics = append(rep.Diagnostics, Diagnostic{Code: d.Code, Message: d.Message, Page: d.Page})
	}
	// The quality checks read the document and the set, never the scan:
	// they run on another core while this one scans (each is a third of
	// Score or more), and the report is the one running them in turn gives.
	var checks func() []Check
	if !ix.noChecks {
		checks = runChecksAsync(doc, ix.set)
	}
	sc := ix.newScan(doc)
	for li := range doc.Lines {
		sc.line(li)
	}
	sc.hyphenJoins()
	ms := make([]Match, len(ix.kws))
	for i, k := range ix.kws {
		ms[i] = ix.match(sc, i, k)
	}
	share := 0.0
	if len(ix.set.Experience) > 0 {
		share = ExperienceShare
	}
	ix.weigh(ms, 1-share)
	if strings.HasPrefix(ix.set.Source, "jd") {
		repeats(ms, RepeatShare)
	}
	var total float64
	for i := range ms {
		total += ms[i].Points
		if ms[i].Matched {
			rep.Matched++
		}
	}
	if ex := experience(doc, ix.set.Experience, ix.set.AsOf, share); ex != nil {
		total += ex.Points
		ex.Points = round2(ex.Points)
		rep.Experience = ex
	}
	rep.Total = len(ms)
	rep.Score = math.Round(total*10) / 10
	if rep.Score > 100 {
		rep.Score = 100
	}
	for i := range ms {
		ms[i].Points = round2(ms[i].Points)
		ms[i].MaxPoints = round2(ms[i].MaxPoints)
	}
	rep.Fixes = fixes(ms, rep.Experience)
	sortMatches(ms)
	rep.Keywords = ms
	if ix.noChecks {
		return rep
	}
	if c := checks(); c != nil {
		rep.Checks = c
	}
	if st, ok := stuffing(ms); ok {
		rep.Checks = append(rep.Checks, st)
	}
	return rep
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// runChecksAsync starts runChecks on another goroutine and returns the
// function that waits for its checks. A panic there is raised again on the
// caller's goroutine, where the tool's last recover (cmd.Main) sees it.
func runChecksAsync(doc *extract.Document, set *keywords.Set) func() []Check {
	type result struct {
		checks []Check
		panic  any
	}
	ch := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			r.panic = recover()
			ch <- r
		}()
		r.checks = runChecks(doc, set)
	}()
	return func() []Check {
		r := <-ch
		if r.panic != nil {
			panic(r.panic)
		}
		return r.checks
	}
}

// match builds the verdict for keyword i from the scan's credits.
func (ix *Index) match(sc *scan, i int, k keywords.Keyword) Match {
	m := Match{
		Keyword: k.Name, ID: k.ID, Tier: k.Tier.String(), Category: k.Kind, Section: k.Section,
		Other: k.Other, Group: k.Group, JDCount: k.Count, Evidence: []Evidence{},
	}
	if m.ID == "" {
		m.ID = keywords.Slug(k.Name)
	}
	cs := sc.credits[i]
	for j := range cs {
		if cs[j].kind == Missing {
			cs[j].kind = classify(cs[j].found, k.Name)
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].line != cs[b].line {
			return cs[a].line < cs[b].line
		}
		return cs[a].start < cs[b].start
	})
	if len(cs) == 0 {
		cs = ix.generic(sc, k)
	}
	m.Count = len(cs)
	best := -1
	for j := range cs {
		if best < 0 || cs[j].kind > cs[best].kind {
			best = j
		}
	}
	if best >= 0 {
		m.Match = cs[best].kind
		m.Found = cs[best].found
		m.Matched = m.Match >= Fuzzy
		if m.Match == Generic {
			m.Count = 0
		}
	}
	for _, c := range cs {
		if len(m.Evidence) == maxEvidence {
			break
		}
		n := sc.doc.Lines[c.line].N
		if len(m.Evidence) > 0 && m.Evidence[len(m.Evidence)-1].Line == n {
			continue
		}
		m.Evidence = append(m.Evidence, Evidence{Line: n, Text: sc.doc.Lines[c.line].Text, Form: c.found})
	}
	if !m.Matched {
		m.Rejected = sc.rejected[i]
	}
	m.Credit = CreditFor(m.Match)
	m.Fix = fixFor(m, k)
	return m
}

// genericFamilies are the broader skills that name a family of technologies
// ("SQL databases", "NoSQL", "CI/CD", "containers") rather than one platform:
// naming only the family earns Generic credit for a keyword whose first
// broader skill it is. Platforms and languages (JavaScript for React, Python
// for Django, AWS for DynamoDB) and the ubiquitous "API" do not.
func genericFamilies(w string) bool {
	switch w {
	case
		"sql", "nosql", "database", "cicd", "containerization",
		"orchestration", "infrastructure-as-code", "observability",
		"machine-learning", "event-driven", "serverless", "auth":
		return true
	}
	return false
}

// generic returns the hits of the keyword's family (SQL for PostgreSQL), as
// Generic credits.
func (ix *Index) generic(sc *scan, k keywords.Keyword) []credit {
	if len(k.Broader) == 0 || !genericFamilies(k.Broader[0]) {
		return nil
	}
	var out []credit
	for _, t := range ix.targetsByID(k.Broader[0]) {
		for _, c := range sc.broader[t] {
			c.kind = Generic
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].line < out[b].line })
	return out
}

// classify names how a form found for a keyword relates to its name.
func classify(found, name string) MatchKind {
	if strings.EqualFold(found, name) || normKey(found) == normKey(name) || containsName(found, name) {
		return Exact
	}
	if variantKey(found) == variantKey(name) {
		return Variant
	}
	return Alias
}

// normKey is the form's folded tokens without glued versions ("c++" for C++20).
func normKey(s string) string {
	var b strings.Builder
	for _, t := range token.Tokenize(token.Normalize(s)) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

// containsName reports whether the found form spells the name as whole
// tokens ("REST API" for REST, "in production" for production): a literal
// search for the name finds it.
func containsName(found, name string) bool {
	f := token.Tokenize(token.Normalize(found))
	n := token.Tokenize(token.Normalize(name))
	if len(n) == 0 || len(n) >= len(f) {
		return false
	}
	for i := 0; i+len(n) <= len(f); i++ {
		ok := true
		for j := range n {
			if f[i+j].Norm != n[j].Norm {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// variantKey is the form's words, each singular and Snowball-stemmed, joined
// by spaces; hyphens and slashes separate words too (server side =
// server-side).
func variantKey(s string) string {
	var b strings.Builder
	for _, t := range token.Tokenize(token.Normalize(s)) {
		parts := t.Parts
		if parts == nil {
			parts = []token.Token{t}
		}
		for _, p := range parts {
			w := key(&p)
			if token.Stemmable(w) {
				w = token.Porter2(w)
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// weigh sets Weight, Credit, Points and MaxPoints; any-of groups count once.
// The keywords share scale of the score (1 unless the target asks years).
func (ix *Index) weigh(ms []Match, scale float64) {
	type group struct {
		best int
		w    float64
	}
	groups := map[string]*group{}
	var order []string
	for i, k := range ix.kws {
		w := k.Weight
		if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			w = 1
		}
		ms[i].Weight = round2(TierFactor(k.Tier) * w)
		if k.Group == "" {
			continue
		}
		g := groups[k.Group]
		if g == nil {
			g = &group{best: i}
			groups[k.Group] = g
			order = append(order, k.Group)
		}
		g.w = math.Max(g.w, ms[i].Weight)
		b := &ms[g.best]
		if ms[i].Credit > b.Credit || ms[i].Credit == b.Credit && ms[i].Weight > b.Weight {
			g.best = i
		}
	}
	var sum float64
	for i, k := range ix.kws {
		if k.Group == "" {
			sum += ms[i].Weight
		}
	}
	for _, name := range order {
		sum += groups[name].w
	}
	if sum == 0 {
		return
	}
	for i, k := range ix.kws {
		w := ms[i].Weight
		if k.Group != "" {
			g := groups[k.Group]
			if g.best != i {
				continue // the group counts once, through its best member
			}
			w = g.w
		}
		ms[i].MaxPoints = 100 * scale * w / sum
		ms[i].Points = 100 * scale * w * ms[i].Credit / sum
	}
	for i, k := range ix.kws {
		if k.Group != "" && groups[k.Group].best != i && ms[groups[k.Group].best].Matched && !ms[i].Matched {
			ms[i].Fix = ""
		}
	}
}

// repeats scales each matched keyword's points by how often the resume names
// it: a share d of its points needs CountCap mentions, so a keyword named once
// earns 1 - d + d/CountCap of them, CountCap times or more all of them. An
// any-of group uses its best-evidenced matched member.
func repeats(ms []Match, d float64) {
	frac := func(m Match) float64 { return float64(min(max(m.Count, 1), CountCap)) / CountCap }
	group := map[string]float64{}
	for _, m := range ms {
		if m.Group != "" && m.Matched {
			group[m.Group] = max(group[m.Group], frac(m))
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Points <= 0 {
			continue
		}
		f := frac(*m)
		if g, ok := group[m.Group]; ok && m.Group != "" {
			f = g
		}
		if !m.Matched { // generic credit: the family named, never repeated evidence
			f = 1.0 / CountCap
		}
		m.Points *= 1 - d + d*f
	}
}

func fixFor(m Match, k keywords.Keyword) string {
	tier := keywords.Tier(0)
	switch m.Tier {
	case "important":
		tier = keywords.Important
	case "bonus":
		tier = keywords.Bonus
	}
	name, found := strconv.Quote(k.Name), strconv.Quote(m.Found)
	switch m.Match {
	case Missing:
		return "add " + name + " (" + tier.Label() + ") if you have it: not found"
	case Generic:
		return "name the exact technology: write " + name + " where you wrote " + found
	case Fuzzy:
		return "probable typo " + found + ": write " + name + " (a literal ATS search will not find it)"
	case Variant:
		return "write " + name + " literally (you wrote " + found + "): ATS searches are literal"
	case Alias:
		return "also write " + name + " (you wrote " + found + "): ATS searches are literal"
	}
	return ""
}

// fixes lists the most valuable changes first: the points each would gain,
// then the tier; alias rewrites (no points) come last. An unmet years
// requirement is a fix too, ranked by its points like a must-have.
func fixes(ms []Match, ex *Experience) []string {
	type key struct {
		gain float64
		tier int
		i    int
	}
	keys := make([]key, 0, len(ms))
	for i := range ms {
		if ms[i].Fix != "" {
			keys = append(keys, key{ms[i].MaxPoints - ms[i].Points, tierRank(ms[i].Tier), i})
		}
	}
	var exFixes []string
	if ex != nil {
		for _, a := range ex.Asks {
			if a.Fix != "" {
				keys = append(keys, key{a.MaxPoints - a.Points, -1, len(ms) + len(exFixes)})
				exFixes = append(exFixes, a.Fix)
			}
		}
	}
	name := func(i int) string {
		if i >= len(ms) {
			return exFixes[i-len(ms)]
		}
		return ms[i].Keyword
	}
	sort.Slice(keys, func(a, b int) bool {
		x, y := &keys[a], &keys[b]
		if x.gain != y.gain {
			return x.gain > y.gain
		}
		if x.tier != y.tier {
			return x.tier < y.tier
		}
		if kx, ky := name(x.i), name(y.i); kx != ky {
			return kx < ky
		}
		return x.i < y.i
	})
	out := []string{}
	for _, k := range keys {
		if len(out) == maxFixes {
			break
		}
		if k.i >= len(ms) {
			out = append(out, exFixes[k.i-len(ms)])
			continue
		}
		out = append(out, ms[k.i].Fix)
	}
	return out
}

func tierRank(t string) int {
	switch t {
	case "important":
		return 1
	case "bonus":
		return 2
	}
	return 0
}

// sortMatches orders keywords by tier, missing first, weight descending, then
// name. It sorts indices with precomputed keys and permutes once, so a Set of
// thousands of keywords costs little.
func sortMatches(ms []Match) {
	type key struct {
		tier    int
		matched bool
		weight  float64
		lower   string
		i       int
	}
	keys := make([]key, len(ms))
	for i := range ms {
		keys[i] = key{tierRank(ms[i].Tier), ms[i].Matched, ms[i].Weight, strings.ToLower(ms[i].Keyword), i}
	}
	sort.Slice(keys, func(a, b int) bool {
		x, y := &keys[a], &keys[b]
		if x.tier != y.tier {
			return x.tier < y.tier
		}
		if x.matched != y.matched {
			return !x.matched
		}
		if x.weight != y.weight {
			return x.weight > y.weight
		}
		if x.lower != y.lower {
			return x.lower < y.lower
		}
		if mx, my := ms[x.i].Keyword, ms[y.i].Keyword; mx != my {
			return mx < my
		}
		if ix, iy := ms[x.i].ID, ms[y.i].ID; ix != iy {
			return ix < iy
		}
		return x.i < y.i
	})
	sorted := make([]Match, len(ms))
	for j, k := range keys {
		sorted[j] = ms[k.i]
	}
	copy(ms, sorted)
}

// stuffing reports keywords repeated more than StuffingRepeats times.
func stuffing(ms []Match) (Check, bool) {
	var names []string
	for _, m := range ms {
		if m.Count > StuffingRepeats {
			names = append(names, fmt.Sprintf("%s (%d)", m.Keyword, m.Count))
		}
	}
	if len(names) == 0 {
		return Check{}, false
	}
	// The quality checks' "keyword-stuffing" measures word density; this one
	// counts the target's keywords, so a few names repeated in a long resume
	// are caught too.
	return Check{
		ID: "keyword-repeats", Title: "Repeated keywords", Status: Warn,
		Message: fmt.Sprintf("repeated more than %d times: %s", StuffingRepeats, strings.Join(names, ", ")),
		Fix:     "name each skill where you used it; repeats beyond " + fmt.Sprint(CountCap) + " add nothing to the score and recruiters notice them",
	}, true
}
