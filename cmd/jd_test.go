package cmd

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"

	"github.com/spf13/cobra"
)

const jdFixture = "../testdata/fixtures/jd/platform-engineer.md"

func testGlobals(format string) *globalOptions {
	return &globalOptions{Format: format, Color: "never", MaxSize: "10MiB", Getenv: noEnv}
}

func TestNewDiffCmd(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		format  string
		want    diffOptions
		wantErr string
	}{
		{name: "resume and jd", args: []string{"r.pdf", "job.txt"}, format: "text", want: diffOptions{Resume: "r.pdf", JD: "job.txt"}},
		{name: "jd from stdin", args: []string{"r.pdf", "-"}, format: "json", want: diffOptions{Resume: "r.pdf", JD: "-"}},
		{name: "one argument", args: []string{"r.pdf"}, format: "text", wantErr: "accepts 2 arg"},
		{name: "stdin twice", args: []string{"-", "-"}, format: "text", wantErr: "stdin"},
		{name: "bad format", args: []string{"r.pdf", "j.txt"}, format: "csv", wantErr: "invalid --format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := testStreams("")
			var got *diffOptions
			c := newDiffCmd(s, testGlobals(tt.format), func(o *diffOptions) error { got = o; return nil })
			if !executeParsed(t, c, s, tt.args, tt.wantErr, func() bool { return got != nil }) {
				return
			}
			if diff := cmp.Diff(tt.want, diffOptions{Resume: got.Resume, JD: got.JD}); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewKeywordsCmd(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string
		wantErr string
	}{
		{name: "file", args: []string{"job.pdf"}, want: "job.pdf"},
		{name: "stdin", args: []string{"-"}, want: "-"},
		{name: "no file", args: nil, wantErr: "accepts 1 arg"},
		{name: "two files", args: []string{"a", "b"}, wantErr: "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := testStreams("")
			var got *keywordsOptions
			c := newKeywordsCmd(s, testGlobals("text"), func(o *keywordsOptions) error { got = o; return nil })
			if !executeParsed(t, c, s, tt.args, tt.wantErr, func() bool { return got != nil }) {
				return
			}
			if got.JD != tt.want {
				t.Errorf("JD = %q, want %q", got.JD, tt.want)
			}
		})
	}
}

func TestRunKeywords(t *testing.T) {
	s, out, _ := testStreams("")
	if err := runKeywords(context.Background(), &keywordsOptions{IO: s, Global: testGlobals("json"), JD: jdFixture}); err != nil {
		t.Fatalf("runKeywords: %v", err)
	}
	var rep keywordsReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	want := jdFacts{Title: "Senior Platform Engineer (Go)", Years: 5, Degree: "Bachelor's in Computer Science", Seniority: "senior"}
	if diff := cmp.Diff(want, rep.Facts); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
	sections := map[string]string{}
	for i, k := range rep.Keywords {
		sections[k.Name] = k.Section
		if i > 0 && k.Weight > rep.Keywords[i-1].Weight {
			t.Errorf("keyword %s (%.3f) after a lighter one: want heaviest first", k.Name, k.Weight)
		}
	}
	wantSections := map[string]string{"Kubernetes": "required", "Terraform": "responsibilities", "ClickHouse": "preferred", "Kotlin": "about"}
	for name, sec := range wantSections {
		if sections[name] != sec {
			t.Errorf("section of %s = %q, want %q", name, sections[name], sec)
		}
	}
	for _, banned := range []string{"Slack", "AWS", "Ruby"} {
		if _, ok := sections[banned]; ok {
			t.Errorf("%s extracted from boilerplate or a negated requirement", banned)
		}
	}
}

func TestBuildDiff(t *testing.T) {
	jd := &keywords.JD{Title: "Engineer", Set: &keywords.Set{Keywords: []keywords.Keyword{
		{ID: "go", Name: "Go", Section: "required", Group: "g1", Count: 1, Weight: 1},
		{ID: "rust", Name: "Rust", Section: "required", Group: "g1", Count: 1, Weight: 1},
		{ID: "kafka", Name: "Kafka", Section: "preferred", Count: 1, Weight: 0.5},
		{ID: "sql", Name: "SQL", Section: "required", Count: 2, Weight: 1.693},
		{ID: "foodb", Name: "FooDB", Section: "required", Count: 1, Weight: 0.5, Other: true},
	}}}
	rep := &scorer.Report{Score: 50, Matched: 2, Total: 5, Keywords: []scorer.Match{
		{ID: "go", Keyword: "Go", Matched: true, Match: scorer.Exact, Count: 2, Found: "Go"},
		{ID: "rust", Keyword: "Rust"},
		{ID: "kafka", Keyword: "Kafka"},
		{ID: "sql", Keyword: "SQL", Matched: true, Match: scorer.Alias, Count: 1, Found: "MySQL", Fix: "write SQL"},
		{ID: "foodb", Keyword: "FooDB"},
	}}
	d := buildDiff("r.md", "job.txt", jd, rep)
	type row struct {
		Keyword, Match, Fix string
		Covered             bool
	}
	var got []row
	for _, r := range d.Rows {
		got = append(got, row{r.Keyword, r.Match.String(), r.Fix, r.Covered})
	}
	want := []row{
		{"FooDB", "missing", "add FooDB", false},
		{"Kafka", "missing", "add Kafka", false},
		{"Rust", "missing", "covered by Go (any of)", true},
		{"SQL", "alias", "write SQL", false},
		{"Go", "exact", "", false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestRunDiff(t *testing.T) {
	for _, format := range []string{"text", "json", "markdown"} {
		t.Run(format, func(t *testing.T) {
			s, out, errb := testStreams("")
			err := runDiff(context.Background(), &diffOptions{IO: s, Global: testGlobals(format), Resume: sampleResume, JD: jdFixture})
			if err != nil {
				t.Fatalf("runDiff: %v (stderr %s)", err, errb)
			}
			if errb.Len() != 0 {
				t.Errorf("stderr = %q, want nothing", errb)
			}
			switch format {
			case "json":
				var d diffReport
				if err := json.Unmarshal(out.Bytes(), &d); err != nil {
					t.Fatalf("decode: %v", err)
				}
				if len(d.Rows) == 0 || d.Score < 0 || d.Score > 100 {
					t.Errorf("rows %d, score %v", len(d.Rows), d.Score)
				}
				for i := 1; i < len(d.Rows); i++ {
					if missingRank(d.Rows[i]) < missingRank(d.Rows[i-1]) {
						t.Errorf("row %d (%s) out of order: missing first", i, d.Rows[i].Keyword)
					}
				}
			case "text":
				for _, l := range strings.Split(out.String(), "\n") {
					if w := len([]rune(l)); w > 80 {
						t.Errorf("line %d runes wide, want <= 80: %q", w, l)
					}
				}
				if !strings.Contains(out.String(), "Score: ") {
					t.Errorf("no score line:\n%s", out)
				}
			case "markdown":
				if !strings.Contains(out.String(), "| Keyword | Section | JD | Resume | Match | Fix |") {
					t.Errorf("no table:\n%s", out)
				}
			}
		})
	}
}

func TestFitColumns(t *testing.T) {
	headers := []string{"KEYWORD", "FIX"}
	rows := [][]string{{"Kubernetes", strings.Repeat("word ", 30)}}
	tests := []struct {
		width int
		want  []int
	}{
		{width: 200, want: []int{10, 150}},
		{width: 60, want: []int{10, 43}},
		{width: 10, want: []int{10, 6}}, // too narrow: the minimums (the keyword is not broken)
	}
	for _, tt := range tests {
		got := fitColumns(headers, rows, tt.width)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("fitColumns(width %d) (-want +got):\n%s", tt.width, diff)
		}
	}
	// a long word in another column keeps up to 16 cells
	long := [][]string{{"Go", "add containerization " + strings.Repeat("x ", 40)}}
	for _, tt := range []struct {
		width int
		want  []int
	}{
		{width: 30, want: []int{7, 16}},
	} {
		got := fitColumns(headers, long, tt.width)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("fitColumns(width %d) (-want +got):\n%s", tt.width, diff)
		}
	}
}

// executeParsed runs command c (built with a runF that records its options)
// on args. With wantErr it checks the error and reports false; otherwise it
// requires success and that runF was called, and reports true so the caller
// goes on to check the options.
func executeParsed(t *testing.T, c *cobra.Command, s *streams, args []string, wantErr string, called func() bool) bool {
	t.Helper()
	c.SetArgs(args)
	c.SetOut(s.Out)
	c.SetErr(s.Err)
	err := c.Execute()
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("Execute(%q) error = %v, want %q", args, err, wantErr)
		}
		return false
	}
	if err != nil || !called() {
		t.Fatalf("Execute(%q) = %v, runF called %v", args, err, called())
	}
	return true
}
