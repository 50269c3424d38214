package scorer

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// rep builds a report for role id whose keywords are given as id:credit pairs
// (credit 0 = missing), each of weight 1.
func rep(role string, score float64, kws ...any) *Report {
	r := &Report{Target: Target{Source: "role", ID: role, Title: role + " title"}, Score: score}
	for i := 0; i+1 < len(kws); i += 2 {
		m := Match{Keyword: kws[i].(string), ID: kws[i].(string), Weight: 1, Credit: kws[i+1].(float64)}
		if m.Credit > 0 {
			m.Matched, m.Count = true, 1
			r.Matched++
		}
		r.Total++
		r.Keywords = append(r.Keywords, m)
	}
	return r
}

// found sets the form found for the keyword at position i of r, on line 1.
func found(r *Report, i int, form string) *Report {
	r.Keywords[i].Found = form
	r.Keywords[i].Evidence = []Evidence{{Line: 1, Text: form, Form: form}}
	return r
}

// generic marks the keywords at the given positions of r as generic matches.
func generic(r *Report, idx ...int) *Report {
	for _, i := range idx {
		r.Keywords[i].Match = Generic
	}
	return r
}

func order(fits []RoleFit) []string {
	var out []string
	for _, f := range fits {
		out = append(out, f.Role)
	}
	return out
}

func TestRank(t *testing.T) {
	tests := []struct {
		name    string
		reports []*Report
		want    []string
	}{
		{
			name: "a rare keyword outweighs a common one",
			reports: []*Report{
				rep("a", 50, "sql", 1.0, "kafka", 0.0),
				rep("b", 50, "sql", 0.0, "terraform", 1.0),
				rep("c", 10, "sql", 1.0, "excel", 0.0),
			},
			// sql is in all three roles, terraform only in b.
			want: []string{"b", "a", "c"},
		},
		{
			name: "ties fall to the plain score, then the id",
			reports: []*Report{
				rep("zeta", 0, "x", 0.0),
				rep("alpha", 0, "y", 0.0),
				rep("mid", 5, "z", 0.0),
			},
			want: []string{"mid", "alpha", "zeta"},
		},
		{
			name: "credit counts: an exact match beats a typo of an equally rare keyword",
			reports: []*Report{
				rep("typo", 0, "k1", 0.8),
				rep("exact", 0, "k2", 1.0),
			},
			want: []string{"exact", "typo"},
		},
		{
			name: "a generic match (only a broader skill named) is no evidence",
			reports: []*Report{
				generic(rep("relatives", 0, "sqoop", 0.2, "flume", 0.2, "pig", 0.2), 0, 1, 2),
				rep("one", 0, "kafka", 0.5),
			},
			want: []string{"one", "relatives"},
		},
		{
			name: "words two roles count under different ids are as common as a shared id",
			reports: []*Report{
				found(rep("a", 0, "uat", 1.0), 0, "UAT"),
				found(rep("b", 0, "user-acceptance-testing", 1.0), 0, "uat"),
				found(rep("c", 0, "selenium", 1.0), 0, "Selenium"),
			},
			// by id each keyword is in one role; by the words found, UAT is in two
			want: []string{"c", "a", "b"},
		},
		{
			name:    "no reports",
			reports: nil,
			want:    nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.reports, 0)
			if d := cmp.Diff(tt.want, order(got)); d != "" {
				t.Errorf("Rank order (-want +got):\n%s", d)
			}
			for i, f := range got {
				if f.Rank != i+1 {
					t.Errorf("Rank()[%d].Rank = %d, want %d", i, f.Rank, i+1)
				}
				if f.Fit < 0 || f.Fit > 100 {
					t.Errorf("Rank()[%d].Fit = %v, want 0..100", i, f.Fit)
				}
			}
		})
	}
}

func TestRankTitleAndRepetition(t *testing.T) {
	title := rep("titled", 0, "t", 1.0)
	title.Keywords[0].Category = "title"
	plain := rep("plain", 0, "p", 1.0)
	if got := order(Rank([]*Report{plain, title}, 0)); got[0] != "titled" {
		t.Errorf("Rank = %v, want the role whose job title the resume names first", got)
	}

	once := rep("once", 0, "a", 1.0)
	often := rep("often", 0, "b", 1.0)
	often.Keywords[0].Count = 6
	if got := order(Rank([]*Report{once, often}, 0)); got[0] != "often" {
		t.Errorf("Rank = %v, want the keyword named six times to weigh more", got)
	}

	capped := rep("capped", 0, "c", 1.0)
	capped.Keywords[0].Count = tfCap
	stuffed := rep("stuffed", 0, "d", 1.0)
	stuffed.Keywords[0].Count = 50 * tfCap
	fits := Rank([]*Report{capped, stuffed}, 0)
	if fits[0].Fit != fits[1].Fit {
		t.Errorf("fits %v and %v differ: repetition beyond %d must add nothing", fits[0].Fit, fits[1].Fit, tfCap)
	}
}

func TestRankFitIsShareOfBest(t *testing.T) {
	fits := Rank([]*Report{rep("a", 0, "x", 1.0, "y", 1.0), rep("b", 0, "x", 1.0, "z", 0.0)}, 0)
	if fits[0].Fit != 100 {
		t.Errorf("best fit = %v, want 100", fits[0].Fit)
	}
	if !(fits[1].Fit > 0 && fits[1].Fit < 100) {
		t.Errorf("second fit = %v, want strictly between 0 and 100", fits[1].Fit)
	}
	want := RoleFit{Rank: 2, Role: "b", Title: "b title", Fit: fits[1].Fit, Matched: 1, Total: 2}
	if d := cmp.Diff(want, fits[1], cmpopts.IgnoreUnexported(RoleFit{}), cmpopts.IgnoreFields(RoleFit{}, "Evidence")); d != "" {
		t.Errorf("Rank()[1] (-want +got):\n%s", d)
	}
}

func TestRankEvidence(t *testing.T) {
	a := found(rep("a", 0, "x", 1.0, "t", 1.0, "m", 0.0, "g", 0.5), 1, "Title A")
	a.Keywords[1].Category = "title"
	a.Keywords[1].Evidence[0].Text = "Worked with a Title A." // in a sentence: no headline
	a.Keywords[3].Match = Generic
	b := rep("b", 0, "x", 1.0, "y", 1.0)
	fits := Rank([]*Report{a, b}, 0)
	byRole := map[string]RoleFit{}
	for _, f := range fits {
		byRole[f.Role] = f
	}
	// ln(1 + 2/1) for a keyword one of two roles lists, ln(1 + 2/2) for one
	// both list; the title counts titleBoost times.
	one, both := math.Round(10*math.Log(3))/10, math.Round(10*math.Log(2))/10
	want := []RoleEvidence{
		{Keyword: "t", ID: "t", Found: "Title A", Count: 1, Roles: 1, Title: true, Line: 1, Points: math.Round(10*titleBoost*math.Log(3)) / 10},
		{Keyword: "x", ID: "x", Count: 1, Roles: 2, Points: both},
	}
	if d := cmp.Diff(want, byRole["a"].Evidence); d != "" {
		t.Errorf("Rank() evidence of a (-want +got):\n%s", d)
	}
	sum := 0.0
	for _, e := range byRole["b"].Evidence {
		sum += e.Points
	}
	if want := one + both; math.Abs(sum-want) > 0.05 {
		t.Errorf("Rank() evidence of b sums to %v, want %v", sum, want)
	}
}

func TestRankHeadline(t *testing.T) {
	titled := func(role, line string) *Report {
		r := found(rep(role, 0, role+"-title", 1.0), 0, "DevOps Engineer")
		r.Keywords[0].Category = "title"
		r.Keywords[0].Evidence[0].Text = line
		return r
	}
	fits := Rank([]*Report{
		titled("a-prose", "Worked with the DevOps Engineer on call."),
		titled("b-headline", "Senior DevOps Engineer"),
	}, 0)
	if got := order(fits); got[0] != "b-headline" {
		t.Errorf("Rank = %v, want the title that stands on its own line first", got)
	}
	if e := fits[0].Evidence[0]; !e.Headline || e.Points != math.Round(10*titleBoost*headlineBoost*math.Log(2))/10 {
		t.Errorf("headline evidence = %+v, want Headline and titleBoost·headlineBoost·ln 2", e)
	}
	if e := fits[1].Evidence[0]; e.Headline {
		t.Errorf("title in a sentence marked as a headline: %+v", e)
	}
}

func TestIsHeadline(t *testing.T) {
	tests := []struct {
		line, form string
		want       bool
	}{
		{"DevOps Engineer", "DevOps Engineer", true},
		{"  devops engineer:", "DevOps Engineer", true},
		{"Sr. DevOps Engineer II", "DevOps Engineer", true},
		{"Lead DevOps Engineer | Senior", "DevOps Engineer", true},
		{"DevOps Engineer at Acme", "DevOps Engineer", false},
		{"Worked with the DevOps Engineer", "DevOps Engineer", false},
		{"DevOps Engineer - Acme Corp", "DevOps Engineer", false},
		{"Engineer", "DevOps Engineer", false}, // the form is not on the line
	}
	for _, tt := range tests {
		m := &Match{Evidence: []Evidence{{Line: 1, Text: tt.line, Form: tt.form}}}
		if got := isHeadline(m); got != tt.want {
			t.Errorf("isHeadline(%q, form %q) = %v, want %v", tt.line, tt.form, got, tt.want)
		}
	}
	if isHeadline(&Match{}) {
		t.Error("isHeadline(no evidence) = true, want false")
	}
}

// TestRankPosition: the same keyword counts more near the top of the
// resume than near its end, and not at all differently without lines.
func TestRankPosition(t *testing.T) {
	at := func(role string, line int) *Report {
		r := found(rep(role, 0, "x", 1.0, role+"-only", 0.0), 0, "Go")
		r.Keywords[0].Evidence[0].Line = line
		return r
	}
	fits := Rank([]*Report{at("bottom", 40), at("top", 2)}, 40)
	if got := order(fits); got[0] != "top" {
		t.Errorf("Rank = %v, want the role whose keyword comes first in the resume first", got)
	}
	if e := fits[0].Evidence[0]; e.Line != 2 {
		t.Errorf("evidence line = %d, want 2", e.Line)
	}
	fits = Rank([]*Report{at("bottom", 40), at("top", 2)}, 0)
	if fits[0].Fit != fits[1].Fit {
		t.Errorf("fits %v and %v differ with lines unknown: position must count only when known", fits[0].Fit, fits[1].Fit)
	}
}

func TestPositionFactor(t *testing.T) {
	tests := []struct {
		first, lines int
		want         float64
	}{
		{1, 100, 1 + positionBoost*0.99},
		{51, 100, 1 + positionBoost*0.49},
		{100, 100, 1},
		{120, 100, 1}, // past the end: as the last line
		{0, 100, 1},   // no line recorded
		{5, 0, 1},     // lines unknown
	}
	for _, tt := range tests {
		if got := positionFactor(tt.first, tt.lines); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("positionFactor(%d, %d) = %v, want %v", tt.first, tt.lines, got, tt.want)
		}
	}
}
