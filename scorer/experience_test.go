package scorer_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// compileAsks compiles a set of keywords with years requirements.
func compileAsks(t *testing.T, asks []keywords.ExperienceAsk, kws ...keywords.Keyword) *scorer.Index {
	t.Helper()
	lex := lexicon(t)
	set := &keywords.Set{ID: "jd", Source: "jd", Keywords: kws, Experience: asks}
	lex.Resolve(set)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return ix
}

func ask(years int, section string, words ...string) keywords.ExperienceAsk {
	for i, w := range words {
		words[i] = keywords.ExperienceWord(w)
	}
	return keywords.ExperienceAsk{Years: years, Text: "asked", Words: words, Section: section}
}

func TestExperienceYears(t *testing.T) {
	tests := []struct {
		name  string
		ask   keywords.ExperienceAsk
		lines []string
		years float64
		evid  []int
	}{
		{"year range on the title line", ask(2, "required", "network", "engineer"),
			[]string{"- Network Engineer (2014 - 2016)"}, 2, []int{1}},
		{"en dash, to, and a role named by its bullets", ask(3, "required", "python"),
			[]string{"Data Engineer, Acme (2019 – 2021)", "- Built pipelines in Python.", "Analyst, Beta from 2015 to 2016", "- Excel reports."}, 2, []int{1}},
		{"months: Jan 2019 - Mar 2021 is 27 months", ask(2, "required"),
			[]string{"Engineer, Acme", "Jan 2019 - Mar 2021"}, 2.3, []int{2}},
		{"month numbers", ask(1, "required"),
			[]string{"Engineer 03/2020 - 02/2021"}, 1, []int{1}},
		{"overlapping roles count once", ask(5, "required", "engineer"),
			[]string{"Engineer, A (2010 - 2014)", "Engineer, B (2012 - 2016)"}, 6, []int{1, 2}},
		{"present ends at the latest year the resume names", ask(3, "required", "engineer"),
			[]string{"Engineer, A (2019 - Present)", "Intern, B (2016 - 2021)"}, 2, []int{1}},
		{"schooling is no role", ask(2, "required", "engineering"),
			[]string{"## Education", "B.S. Engineering, State University (2010 - 2014)"}, 0, nil},
		{"a heading ends a role's bullets", ask(2, "required", "python"),
			[]string{"Engineer, Acme (2019 - 2021)", "- Ops work.", "## Skills", "Python"}, 0, nil},
		{"half the words must be named", ask(2, "required", "senior", "quality", "engineer", "web"),
			[]string{"Quality Engineer (2013 - 2015)", "Web Developer (2016 - 2017)"}, 2, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := compileAsks(t, []keywords.ExperienceAsk{tt.ask}, keywords.Keyword{Name: "Kafka"})
			rep := ix.Score(doc(tt.lines...))
			if rep.Experience == nil || len(rep.Experience.Asks) != 1 {
				t.Fatalf("Experience = %+v, want one ask", rep.Experience)
			}
			a := rep.Experience.Asks[0]
			if a.Years != tt.years {
				t.Errorf("Years = %v, want %v", a.Years, tt.years)
			}
			var got []int
			for _, e := range a.Evidence {
				got = append(got, e.Line)
			}
			if len(got) != len(tt.evid) {
				t.Errorf("evidence lines %v, want %v", got, tt.evid)
			}
			for i := range got {
				if i < len(tt.evid) && got[i] != tt.evid[i] {
					t.Errorf("evidence lines %v, want %v", got, tt.evid)
					break
				}
			}
			wantCredit := math.Min(tt.years/float64(tt.ask.Years), 1)
			if d := a.Credit - wantCredit; d > 0.01 || d < -0.01 {
				t.Errorf("Credit = %v, want %.2f", a.Credit, wantCredit)
			}
			if (a.Fix == "") != (tt.years >= float64(tt.ask.Years)) {
				t.Errorf("Fix = %q with %v of %d years", a.Fix, a.Years, tt.ask.Years)
			}
		})
	}
}

func TestExperienceShare(t *testing.T) {
	kws := []keywords.Keyword{{Name: "Kafka", Tier: keywords.Essential}, {Name: "Terraform", Tier: keywords.Essential}}
	asks := []keywords.ExperienceAsk{ask(2, "required", "network", "engineer"), ask(4, "preferred", "python")}
	// each keyword named CountCap (3) times earns all its points (RepeatShare)
	kw3 := []string{"Kafka, Terraform", "Kafka and Terraform in production", "Ran Kafka on Terraform"}
	with := func(a []string, b ...string) []string { return append(append([]string(nil), a...), b...) }
	tests := []struct {
		name  string
		asks  []keywords.ExperienceAsk
		lines []string
		want  float64
	}{
		{"no asks: keywords only", nil, kw3, 100},
		{"no asks: keywords named once", nil, []string{"Kafka, Terraform"}, 100 * (1 - scorer.RepeatShare*2/3)},
		{"no asks, no keywords", nil, []string{"Network Engineer (2014 - 2016)"}, 0},
		{"keywords and years met", asks, with(kw3, "Network Engineer (2014 - 2016)", "- Python tooling", "Python Developer (2010 - 2014)"), 100},
		{"keywords, no dated roles", asks, kw3, 100 * (1 - scorer.ExperienceShare)},
		// the required ask weighs 1, the preferred one 0.5: half the required years give 1/3 of the share
		{"keywords, half the required years", asks, with(kw3, "Network Engineer (2014 - 2015)"), 100*(1-scorer.ExperienceShare) + 100*scorer.ExperienceShare*(0.5/1.5)},
		{"years met, no keywords", asks, []string{"Network Engineer (2014 - 2016)", "Python Developer (2010 - 2014)"}, 100 * scorer.ExperienceShare},
		{"nothing", asks, []string{"Cook (2014 - 2016)"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := compileAsks(t, tt.asks, kws...)
			rep := ix.Score(doc(tt.lines...))
			if want := math.Round(tt.want*10) / 10; rep.Score != want {
				t.Errorf("Score = %v, want %v", rep.Score, want)
			}
			// the points of the keywords and of the years add up to the score
			sum, max := 0.0, 0.0
			for _, m := range rep.Keywords {
				sum += m.Points
				max += m.MaxPoints
			}
			if rep.Experience != nil {
				sum += rep.Experience.Points
				max += rep.Experience.MaxPoints
			} else if len(tt.asks) > 0 {
				t.Fatalf("Experience = nil with %d asks", len(tt.asks))
			}
			if d := sum - rep.Score; d > 0.1 || d < -0.1 {
				t.Errorf("sum of points = %v, want the score %v", sum, rep.Score)
			}
			if d := max - 100; d > 0.1 || d < -0.1 {
				t.Errorf("sum of max points = %v, want 100", max)
			}
		})
	}
}

// TestExperienceMonotone: adding a dated role never lowers the score.
func TestExperienceMonotone(t *testing.T) {
	asks := []keywords.ExperienceAsk{ask(3, "required", "network", "engineer")}
	ix := compileAsks(t, asks, keywords.Keyword{Name: "Kafka"})
	base := []string{"Kafka", "Kafka", "Kafka", "Network Engineer (2014 - 2015)"}
	prev := ix.Score(doc(base...)).Score
	for _, add := range []string{"Cook (2010 - 2012)", "Network Engineer, B (2015 - 2016)", "Senior Network Engineer (2016 - 2020)"} {
		base = append(base, add)
		got := ix.Score(doc(base...)).Score
		if got < prev {
			t.Errorf("adding %q lowered the score %v -> %v", add, prev, got)
		}
		prev = got
	}
	if prev != 100 {
		t.Errorf("Score with every ask met = %v, want 100", prev)
	}
}

// TestExperienceAsOf: with Set.AsOf a role "to present" ends that month.
func TestExperienceAsOf(t *testing.T) {
	tests := []struct {
		asOf  int
		lines []string
		want  float64
	}{
		{0, []string{"Software Engineer May 2023 - Present"}, 0},
		{2026*12 + 4, []string{"Software Engineer May 2023 - Present"}, 3.1}, // May 2023 to May 2026, both months counted
		{2026*12 + 4, []string{"Software Engineer 2019 - current", "Intern 2017 - 2018"}, 7.4},
		{2020*12 + 0, []string{"Software Engineer May 2023 - Present"}, 0}, // before the start: nothing
	}
	lex := lexicon(t)
	for _, tt := range tests {
		set := &keywords.Set{ID: "jd", Source: "jd", Keywords: []keywords.Keyword{{Name: "Kafka"}},
			Experience: []keywords.ExperienceAsk{ask(8, "required", "software", "engineer")}, AsOf: tt.asOf}
		lex.Resolve(set)
		ix, err := scorer.Compile(set, lex)
		if err != nil {
			t.Fatal(err)
		}
		rep := ix.Score(doc(tt.lines...))
		if got := rep.Experience.Asks[0].Years; got != tt.want {
			t.Errorf("AsOf %d, %q: Years = %v, want %v", tt.asOf, tt.lines, got, tt.want)
		}
	}
}

// TestRepeatShare: against a job description a keyword's points grow with its
// mentions up to CountCap; against a role or a list one mention earns them all.
func TestRepeatShare(t *testing.T) {
	once := 100 * (1 - scorer.RepeatShare*2/3)
	twice := 100 * (1 - scorer.RepeatShare/3)
	tests := []struct {
		source string
		lines  []string
		want   float64
	}{
		{"jd", []string{"Kafka"}, once},
		{"jd", []string{"Kafka", "Kafka streams"}, twice},
		{"jd", []string{"Kafka", "Kafka", "Kafka"}, 100},
		{"jd", []string{"Kafka", "Kafka", "Kafka", "Kafka", "Kafka"}, 100},
		{"jd+role", []string{"Kafka"}, once},
		{"role", []string{"Kafka"}, 100},
		{"keywords", []string{"Kafka"}, 100},
		{"jd", []string{"Cook"}, 0},
	}
	lex := lexicon(t)
	for _, tt := range tests {
		set := &keywords.Set{ID: "t", Source: tt.source, Keywords: []keywords.Keyword{{Name: "Kafka"}}}
		lex.Resolve(set)
		ix, err := scorer.Compile(set, lex)
		if err != nil {
			t.Fatal(err)
		}
		rep := ix.Score(doc(tt.lines...))
		if want := math.Round(tt.want*10) / 10; rep.Score != want {
			t.Errorf("%s target, %q: Score = %v, want %v", tt.source, tt.lines, rep.Score, want)
		}
		if d := rep.Keywords[0].Points - rep.Score; d > 0.1 || d < -0.1 {
			t.Errorf("%s target, %q: Points = %v, want the score %v", tt.source, tt.lines, rep.Keywords[0].Points, rep.Score)
		}
	}
}

// FuzzExperience: any resume text gives a score in 0..100 and years shares
// within their bounds, never a panic.
func FuzzExperience(f *testing.F) {
	for _, s := range []string{
		"Network Engineer (2014 - 2016)\n- Python",
		"Jan 2019 - Mar 2021\n03/2020 - 02/2021\n2019 - Present",
		"Engineer 2030 - 1990\nsept. 2019 to dec 2020",
		"B.S. Engineering, University (2010 - 2014)",
		"## Skills\n2019-\n- 2020 –",
	} {
		f.Add(s)
	}
	lex := lexicon(f)
	set := &keywords.Set{ID: "jd", Source: "jd", Keywords: []keywords.Keyword{{Name: "Kafka"}, {Name: "Python"}},
		Experience: []keywords.ExperienceAsk{ask(2, "required", "network", "engineer"), ask(3, "preferred"), ask(1, "required", "python")}}
	lex.Resolve(set)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rep := ix.Score(doc(strings.Split(text, "\n")...))
		if rep.Score < 0 || rep.Score > 100 {
			t.Fatalf("Score = %v", rep.Score)
		}
		if rep.Experience == nil || len(rep.Experience.Asks) != 3 {
			t.Fatalf("Experience = %+v", rep.Experience)
		}
		if p := rep.Experience.Points; p < 0 || p > rep.Experience.MaxPoints+0.01 {
			t.Fatalf("Experience.Points = %v of %v", p, rep.Experience.MaxPoints)
		}
		for _, a := range rep.Experience.Asks {
			if a.Years < 0 || a.Credit < 0 || a.Credit > 1 {
				t.Fatalf("ask %+v", a)
			}
		}
	})
}

// BenchmarkExperience is the cost of the years share on a two-page resume:
// compare with BenchmarkExperience/none (the same keywords, no years asked).
func BenchmarkExperience(b *testing.B) {
	data, err := os.ReadFile("../testdata/fixtures/md/sample-resume.md")
	if err != nil {
		b.Skip(err)
	}
	lines := strings.Split(string(data), "\n")
	lex := lexicon(b)
	for _, tt := range []struct {
		name string
		asks []keywords.ExperienceAsk
	}{
		{"none", nil},
		{"three-asks", []keywords.ExperienceAsk{ask(5, "required", "software", "engineer"), ask(3, "required", "go"), ask(2, "preferred")}},
	} {
		set := &keywords.Set{ID: "jd", Source: "jd", Keywords: []keywords.Keyword{{Name: "Go"}, {Name: "PostgreSQL"}, {Name: "Kafka"}}, Experience: tt.asks}
		lex.Resolve(set)
		ix, err := scorer.Compile(set, lex)
		if err != nil {
			b.Fatal(err)
		}
		ix = ix.WithoutChecks()
		d := doc(lines...)
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				ix.Score(d)
			}
		})
	}
}
