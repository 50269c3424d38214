package scorer

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// RoleFit is one role's fit for a resume, as ranked by Rank.
type RoleFit struct {
	Rank    int     `json:"rank"`  // 1 = best fit
	Role    string  `json:"role"`  // role id
	Title   string  `json:"title"` // role title
	Fit     float64 `json:"fit"`   // the evidence as a share of the best role's, 0..100, one decimal
	Score   float64 `json:"score"` // the role's plain score, 0..100, as `score --role` reports it
	Matched int     `json:"matched"`
	Total   int     `json:"total"`
	// Evidence lists the matched keywords that make up the role's evidence,
	// largest share first (shown by `roles --rank --explain`).
	Evidence []RoleEvidence `json:"evidence,omitempty"`

	evidence float64 // the unrounded ranking measure
}

// RoleEvidence is one matched keyword's share of a role's evidence in Rank.
type RoleEvidence struct {
	Keyword string `json:"keyword"` // display form
	ID      string `json:"id"`      // lexicon id or slug
	Found   string `json:"found"`   // the form found in the resume
	Count   int    `json:"count"`   // occurrences in the resume
	Roles   int    `json:"roles"`   // df: the roles that list the keyword or count the same words
	Title   bool   `json:"title,omitempty"`
	// Headline marks a job title that makes up a whole line of the resume.
	Headline bool `json:"headline,omitempty"`
	// Line is the first line the keyword was found on; it sets the
	// position factor (see Rank).
	Line   int     `json:"line"`
	Points float64 `json:"points"` // w · c · tf · idf · position (· titleBoost · headlineBoost), one decimal
}

// Rank's constants. A resume that names the role's job title says which job
// it is for, so the title keyword counts titleBoost times, and headlineBoost
// times more when the title stands on a line of its own: a headline
// ("Senior DevOps Engineer" under the name) or the position line of a job
// held says the resume is that job, where the title inside a sentence
// ("worked with the DevOps engineers") may only name a colleague.
// Repetition counts like term frequency, 1 + ln(count), up to tfCap
// occurrences. A keyword first found near the top of the resume counts up
// to 1 + positionBoost times: a recruiter, like an ATS ranking screen,
// reads from the top, where the summary, the skills and the current job
// are, and a skill named only at the bottom (an old job, a school project)
// says less about the job the resume is for.
const (
	titleBoost    = 2
	headlineBoost = 2
	tfCap         = 10
	positionBoost = 0.5
)

// Rank orders roles by how well one resume fits them, best first. reports
// holds the resume's report against each role (Index.Score of the same
// document, one per role), and lines is that document's number of lines
// (0 leaves position out).
//
// The plain score is a coverage: it rewards a short role list and a role whose
// keywords every resume has (SQL, Git, communication) as much as a long list
// of rare ones. Rank instead sums the evidence for each role, weighing each
// matched keyword by its specificity across the roles given:
//
//	evidence = Σ w · c · tf · idf · pos
//	tf = 1 + ln(min(count, tfCap)),  idf = ln(1 + R/df),  pos = 1 + positionBoost · (lines - first) / lines
//
// over the role's matched keywords (a generic match, where only a broader
// skill was named, is left out), where w is the keyword's weight, c its
// credit (as in the score), count its occurrences in the resume and R the
// number of roles. df is the number of roles that list the keyword (by id)
// or, if more, that count the same words of the resume for a keyword of
// their own: role files name one skill differently ("UAT" is an alias of
// "UAT" in one role and of "user acceptance testing" in another), and words
// that count for several roles are not specific to any of them. A role's
// job-title keyword (kind "title") counts titleBoost times, and
// headlineBoost times more when one of the lines it was found on holds
// nothing else (isHeadline). first is the line the keyword was first
// found on, so pos runs from 1.5 on the first line to 1 on the last. Fit is the
// evidence as a share of the best role's, 0..100. Ties are broken by the
// plain score, then by role id, so the order is total and deterministic.
func Rank(reports []*Report, lines int) []RoleFit {
	contrib := rankContributions(reports, lines)
	best := 0.0
	out := make([]RoleFit, 0, len(reports))
	for i, r := range reports {
		f := RoleFit{Role: r.Target.ID, Title: r.Target.Title, Score: r.Score, Matched: r.Matched, Total: r.Total}
		for _, c := range contrib[i] {
			f.evidence += c.Points
		}
		ev := append([]RoleEvidence(nil), contrib[i]...)
		sort.SliceStable(ev, func(a, b int) bool { return ev[a].Points > ev[b].Points })
		for j := range ev {
			ev[j].Points = math.Round(10*ev[j].Points) / 10
		}
		f.Evidence = ev
		best = math.Max(best, f.evidence)
		out = append(out, f)
	}
	for i := range out {
		if best > 0 {
			out[i].Fit = math.Round(1000*out[i].evidence/best) / 10
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.evidence != b.evidence {
			return a.evidence > b.evidence
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Role < b.Role
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// countsAsEvidence reports whether a keyword's match is evidence of its role:
// found, with credit, and not only through a broader skill. A generic match
// (the resume names only SQL for Apache Sqoop) would reward the roles that
// list many relatives of one common skill.
func countsAsEvidence(m *Match) bool {
	return m.Credit > 0 && m.Match != Generic
}

// foundForms calls fn with each form of m found in the resume, folded.
func foundForms(m *Match, fn func(string)) {
	if m.Found != "" {
		fn(strings.ToLower(m.Found))
	}
	for _, e := range m.Evidence {
		if e.Form != "" {
			fn(strings.ToLower(e.Form))
		}
	}
}

// rankContributions lists, for each report, the unrounded evidence each of
// its matched keywords adds (Rank's formula) for a document of lines
// lines, in the report's keyword order.
func rankContributions(reports []*Report, lines int) [][]RoleEvidence {
	listed := map[string]int{} // keyword id -> roles listing it
	found := map[string]int{}  // folded form found -> roles counting it
	for _, r := range reports {
		ids, forms := map[string]bool{}, map[string]bool{}
		for i := range r.Keywords {
			m := &r.Keywords[i]
			if !ids[m.ID] {
				ids[m.ID] = true
				listed[m.ID]++
			}
			if !countsAsEvidence(m) {
				continue
			}
			foundForms(m, func(f string) {
				if !forms[f] {
					forms[f] = true
					found[f]++
				}
			})
		}
	}
	n := float64(len(reports))
	out := make([][]RoleEvidence, len(reports))
	for i, r := range reports {
		seen := map[string]bool{}
		for j := range r.Keywords {
			m := &r.Keywords[j]
			if seen[m.ID] || !countsAsEvidence(m) {
				continue
			}
			seen[m.ID] = true
			df := listed[m.ID]
			foundForms(m, func(f string) { df = max(df, found[f]) })
			tf := 1.0
			if m.Count > 1 {
				tf += math.Log(math.Min(float64(m.Count), tfCap))
			}
			first := firstLine(m)
			w := m.Weight * m.Credit * tf * math.Log(1+n/float64(df)) * positionFactor(first, lines)
			title := m.Category == "title"
			headline := title && isHeadline(m)
			if title {
				w *= titleBoost
			}
			if headline {
				w *= headlineBoost
			}
			out[i] = append(out[i], RoleEvidence{Keyword: m.Keyword, ID: m.ID, Found: m.Found, Count: m.Count, Roles: df, Title: title, Headline: headline, Line: first, Points: w})
		}
	}
	return out
}

// firstLine is the first line m was found on (its Evidence is in document
// order), 0 when none is recorded.
func firstLine(m *Match) int {
	for _, e := range m.Evidence {
		if e.Form != "" {
			return e.Line
		}
	}
	return 0
}

// positionFactor is Rank's pos for a keyword first found on line first of
// lines: 1 + positionBoost on the first line, falling evenly to 1 on the
// last; 1 when either is unknown.
func positionFactor(first, lines int) float64 {
	if lines <= 0 || first <= 0 {
		return 1
	}
	first = min(first, lines)
	return 1 + positionBoost*float64(lines-first)/float64(lines)
}

// isHeadline reports whether one of the lines m was found on (its Evidence:
// the first few) holds nothing but the form found, level words ("Senior",
// "Lead", "II") and punctuation: a headline or a position line.
func isHeadline(m *Match) bool {
	for _, e := range m.Evidence {
		if e.Form == "" {
			continue
		}
		text, form := strings.ToLower(e.Text), strings.ToLower(e.Form)
		i := strings.Index(text, form)
		if i < 0 {
			continue
		}
		if onlyLevelWords(text[:i] + " " + text[i+len(form):]) {
			return true
		}
	}
	return false
}

// levelWords are the words a headline may carry beside the job title.
func levelWords(w string) bool {
	switch w {
	case
		"senior", "sr", "junior", "jr", "lead", "principal",
		"staff", "chief", "head", "associate", "assistant",
		"trainee", "intern", "i", "ii", "iii", "iv":
		return true
	}
	return false
}

// onlyLevelWords reports whether s has no word but level words.
func onlyLevelWords(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !levelWords(w) {
			return false
		}
	}
	return true
}
