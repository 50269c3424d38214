package scorer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

var propertyKeywords = []keywords.Keyword{
	{Name: "Python", Tier: keywords.Essential},
	{Name: "PostgreSQL", Tier: keywords.Essential, Weight: 2},
	{Name: "Go", Tier: keywords.Essential},
	{Name: "Docker", Tier: keywords.Important},
	{Name: "Kubernetes", Tier: keywords.Important},
	{Name: "microservices", Tier: keywords.Important},
	{Name: "Kafka", Tier: keywords.Bonus},
	{Name: "C++", Tier: keywords.Bonus},
}

func TestScoreBounds(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  float64
	}{
		{"all exact", []string{"Skills: Python, PostgreSQL, Go, Docker, Kubernetes, microservices, Kafka, C++"}, 100},
		{"all exact, prose", []string{"Built microservices in Go and Python on PostgreSQL.", "Shipped them with Docker and Kubernetes; events on Kafka; a C++ codec."}, 100},
		{"none", []string{"Led a team of five and grew revenue by 20%.", "I go to the gym; spring is my favourite season."}, 0},
		{"empty document", nil, 0},
	}
	ix := compile(t, propertyKeywords...)
	for _, tt := range tests {
		rep := ix.Score(doc(tt.lines...))
		if rep.Score != tt.want {
			t.Errorf("Score(%s) = %v, want %v; keywords %+v", tt.name, rep.Score, tt.want, rep.Keywords)
		}
	}
}

func TestScoreFormula(t *testing.T) {
	// essential Python (w 3) exact, important Docker (w 2) typo, bonus Kafka (w 1) missing:
	// 100 * (3*1 + 2*0.7 + 1*0) / 6 = 73.3
	ix := compile(t,
		keywords.Keyword{Name: "Python", Tier: keywords.Essential},
		keywords.Keyword{Name: "Terraform", Tier: keywords.Important},
		keywords.Keyword{Name: "Kafka", Tier: keywords.Bonus},
	)
	rep := ix.Score(doc("Python services; infrastructure in Terrafrom."))
	want := 100 * (3*scorer.CreditExact + 2*scorer.CreditFuzzy) / 6
	if got := rep.Score; got != float64(int(want*10+0.5))/10 {
		t.Errorf("Score = %v, want %.1f", got, want)
	}
	var sum float64
	for _, m := range rep.Keywords {
		sum += m.Points
	}
	if d := sum - rep.Score; d > 0.1 || d < -0.1 {
		t.Errorf("sum of Points = %v, want the score %v", sum, rep.Score)
	}
}

func TestAddingKeywordNeverLowersScore(t *testing.T) {
	ix := compile(t, propertyKeywords...)
	mentions := []string{
		"Python scripts for reporting.", "Postgres tuning.", "A CLI in Go.", "Dockerized builds.",
		"Kubernets clusters.", "A microservice split.", "Kafka consumers.", "C++ codecs.", "SQL databases.",
	}
	lines := []string{"Experience"}
	prev := ix.Score(doc(lines...)).Score
	for _, m := range mentions {
		lines = append(lines, m)
		got := ix.Score(doc(lines...)).Score
		if got < prev {
			t.Errorf("adding %q lowered the score from %v to %v", m, prev, got)
		}
		prev = got
	}
}

func TestRepetitionBeyondCapAddsNothing(t *testing.T) {
	ix := compile(t, propertyKeywords...)
	base := []string{"Python and Go services."}
	once := ix.Score(doc(base...))
	var stuffed []string
	for i := 0; i < 12; i++ {
		stuffed = append(stuffed, "Python, Python, Go")
	}
	rep := ix.Score(doc(append(base, stuffed...)...))
	if rep.Score != once.Score {
		t.Errorf("Score with repeats = %v, want %v as without", rep.Score, once.Score)
	}
	found := false
	for _, c := range rep.Checks {
		if c.ID == "keyword-repeats" {
			found = true
			if !strings.Contains(strings.ToLower(c.Message), "python") {
				t.Errorf("stuffing check message %q does not name Python", c.Message)
			}
		}
	}
	if !found {
		t.Errorf("no keyword-repeats check for 25 repeats; checks %+v", rep.Checks)
	}
	for _, m := range rep.Keywords {
		if m.Keyword == "Python" && (m.Count != 25 || len(m.Evidence) != 3) {
			t.Errorf("Python count %d, evidence %d; want 25 (uncapped) and 3", m.Count, len(m.Evidence))
		}
	}
}

func TestGroupsCountOnce(t *testing.T) {
	ix := compile(t,
		keywords.Keyword{Name: "Python", Group: "lang"},
		keywords.Keyword{Name: "Java", Group: "lang"},
		keywords.Keyword{Name: "Docker"},
	)
	tests := []struct {
		text string
		want float64
	}{
		{"Python only.", 50},
		{"Python and Java.", 50},
		{"Java and Docker.", 100},
		{"Nothing here.", 0},
	}
	for _, tt := range tests {
		if got := ix.Score(doc(tt.text)).Score; got != tt.want {
			t.Errorf("Score(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestReportOrderAndFixes(t *testing.T) {
	ix := compile(t,
		keywords.Keyword{Name: "Kafka", Tier: keywords.Bonus},
		keywords.Keyword{Name: "Docker", Tier: keywords.Important},
		keywords.Keyword{Name: "PostgreSQL", Tier: keywords.Essential},
		keywords.Keyword{Name: "Python", Tier: keywords.Essential},
		keywords.Keyword{Name: "Kubernetes", Tier: keywords.Essential},
	)
	rep := ix.Score(doc("Python on Postgres; deploys to Kubernets.", "Kafka streams."))
	type row struct {
		Keyword string
		Match   scorer.MatchKind
	}
	var got []row
	for _, m := range rep.Keywords {
		got = append(got, row{m.Keyword, m.Match})
	}
	want := []row{
		{"Kubernetes", scorer.Fuzzy}, {"PostgreSQL", scorer.Alias}, {"Python", scorer.Exact},
		{"Docker", scorer.Missing},
		{"Kafka", scorer.Exact},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Keywords order mismatch (-want +got):\n%s", diff)
	}
	if len(rep.Fixes) < 3 || !strings.Contains(rep.Fixes[0], "Docker") || !strings.Contains(rep.Fixes[1], "Kubernets") {
		t.Errorf("Fixes = %q; want the missing nice-to-have Docker (2 points of weight) first, then the must-have typo", rep.Fixes)
	}
	if rep.Matched != 4 || rep.Total != 5 {
		t.Errorf("Matched/Total = %d/%d, want 4/5", rep.Matched, rep.Total)
	}
}

func TestEvidenceAndRejections(t *testing.T) {
	ix := compile(t, keywords.Keyword{Name: "Go"})
	d := doc("I go to meetups.", "Built the API in Go.")
	rep := ix.Score(d)
	m := rep.Keywords[0]
	want := []scorer.Evidence{{Line: 2, Text: "Built the API in Go.", Form: "Go"}}
	if diff := cmp.Diff(want, m.Evidence); diff != "" {
		t.Errorf("Evidence mismatch (-want +got):\n%s", diff)
	}
	miss := compile(t, keywords.Keyword{Name: "Go"}).Score(doc("I go to meetups."))
	if len(miss.Keywords[0].Rejected) != 1 || !strings.Contains(miss.Keywords[0].Rejected[0].Reason, "lowercase") {
		t.Errorf("Rejected = %+v, want one lowercase near miss", miss.Keywords[0].Rejected)
	}
}

func FuzzScore(f *testing.F) {
	f.Add("Skills: Python, Go, PostgreSQL", "Kafka")
	f.Add("I go to the gym. C-suite, Series C.", "Go")
	f.Add("ﬂask — Kubernets; C++17/C#", "Docker")
	f.Fuzz(func(t *testing.T, text, extra string) {
		ix := compile(t, propertyKeywords...)
		lines := strings.Split(text, "\n")
		a := ix.Score(doc(lines...))
		if a.Score < 0 || a.Score > 100 {
			t.Fatalf("Score(%q) = %v, out of 0..100", text, a.Score)
		}
		// adding a missing keyword's text never lowers the score
		for _, m := range a.Keywords {
			if m.Matched {
				continue
			}
			b := ix.Score(doc(append(lines, "Skills: "+m.Keyword+", "+extra)...))
			if b.Score < a.Score {
				t.Fatalf("adding %q lowered the score %v -> %v", m.Keyword, a.Score, b.Score)
			}
			break
		}
	})
}

func ExampleIndex_Score() {
	lex, err := keywords.LoadLexicon(seedsFS())
	if err != nil {
		fmt.Println(err)
		return
	}
	set := &keywords.Set{Keywords: []keywords.Keyword{
		{Name: "PostgreSQL", Tier: keywords.Essential},
		{Name: "Go", Tier: keywords.Essential},
		{Name: "Kubernetes", Tier: keywords.Important},
	}}
	lex.Resolve(set)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := ix.Score(doc("Built billing services in Go on Postgres.", "I go hiking at weekends."))
	fmt.Println("score:", rep.Score)
	for _, m := range rep.Keywords {
		fmt.Printf("%s: %s %q\n", m.Keyword, m.Match, m.Found)
	}
	// Output:
	// score: 75
	// Go: exact "Go"
	// PostgreSQL: alias "Postgres"
	// Kubernetes: missing ""
}

// TestScoreConcurrent scores with one Index from several goroutines, as batch
// does; run with -race.
func TestScoreConcurrent(t *testing.T) {
	ix := compile(t, propertyKeywords...)
	d := doc("Built microservices in Go on Postgres; Kubrenetes and Docker.", "Skills: python, go, kafka")
	want := ix.Score(d)
	done := make(chan *scorer.Report)
	for i := 0; i < 4; i++ {
		go func() { done <- ix.Score(d) }()
	}
	for i := 0; i < 4; i++ {
		if diff := cmp.Diff(want, <-done); diff != "" {
			t.Errorf("concurrent Score differs (-first +concurrent):\n%s", diff)
		}
	}
}
