package scorer

import (
	"math"
	"sort"
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

	evidence float64 // the unrounded ranking measure
}

// Rank's constants. A resume that names the role's job title says which job
// it is for, so the title keyword counts titleBoost times; repetition counts
// like term frequency, 1 + ln(count), up to tfCap occurrences.
const (
	titleBoost = 2
	tfCap      = 10
)

// Rank orders roles by how well one resume fits them, best first. reports
// holds the resume's report against each role (Index.Score of the same
// document, one per role).
//
// The plain score is a coverage: it rewards a short role list and a role whose
// keywords every resume has (SQL, Git, communication) as much as a long list
// of rare ones. Rank instead sums the evidence for each role, weighing each
// matched keyword by its specificity across the roles given:
//
//	evidence = Σ w · c · tf · idf,  tf = 1 + ln(min(count, tfCap)),  idf = ln(1 + R/df)
//
// over the role's matched keywords (a generic match, where only a broader
// skill was named, is left out), where w is the keyword's weight, c its
// credit (as in the score), count its occurrences in the resume, R the number
// of roles and df the number of roles listing the keyword (by id); a role's
// job-title keyword (kind "title") counts titleBoost times. Fit is the evidence as a share of the best role's, 0..100.
// Ties are broken by the plain score, then by role id, so the order is total
// and deterministic.
func Rank(reports []*Report) []RoleFit {
	evidence := make([]float64, len(reports))
	best := 0.0
	for i, cs := range rankContributions(reports) {
		for _, c := range cs {
			evidence[i] += c.Points
		}
		best = math.Max(best, evidence[i])
	}
	out := make([]RoleFit, 0, len(reports))
	for i, r := range reports {
		fit := 0.0
		if best > 0 {
			fit = math.Round(1000*evidence[i]/best) / 10
		}
		out = append(out, RoleFit{
			Role: r.Target.ID, Title: r.Target.Title, Fit: fit, evidence: evidence[i],
			Score: r.Score, Matched: r.Matched, Total: r.Total,
		})
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

// contribution is one matched keyword's share of a role's evidence.
type contribution struct {
	ID     string
	Points float64
}

// rankContributions lists, for each report, the evidence each of its matched
// keywords adds (Rank's formula), in the report's keyword order.
func rankContributions(reports []*Report) [][]contribution {
	df := map[string]int{}
	for _, r := range reports {
		seen := map[string]bool{}
		for _, m := range r.Keywords {
			if !seen[m.ID] {
				seen[m.ID] = true
				df[m.ID]++
			}
		}
	}
	n := float64(len(reports))
	out := make([][]contribution, len(reports))
	for i, r := range reports {
		seen := map[string]bool{}
		for _, m := range r.Keywords {
			// A generic match (the resume names only a broader skill, SQL for
			// Apache Sqoop) is not evidence of the role: it would reward the
			// roles that list many relatives of one common skill.
			if seen[m.ID] || m.Credit <= 0 || m.Match == Generic {
				continue
			}
			seen[m.ID] = true
			tf := 1.0
			if m.Count > 1 {
				tf += math.Log(math.Min(float64(m.Count), tfCap))
			}
			w := m.Weight * m.Credit * tf * math.Log(1+n/float64(df[m.ID]))
			if m.Category == "title" {
				w *= titleBoost
			}
			out[i] = append(out[i], contribution{ID: m.ID, Points: w})
		}
	}
	return out
}
