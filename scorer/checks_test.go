package scorer

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

const checksDir = "../testdata/fixtures/checks"

// readFixture extracts a fixture file the way the tool does.
func readFixture(t *testing.T, name string) *extract.Document {
	t.Helper()
	p := filepath.Join(checksDir, name)
	doc, err := extract.File(context.Background(), p, extract.DefaultOptions())
	if err != nil {
		t.Fatalf("extract %s: %v", name, err)
	}
	return doc
}

// backendSet is a small set with the backend role's signals, written here so
// the test does not depend on the embedded role data.
func backendSet() *keywords.Set {
	return &keywords.Set{
		ID: "backend", Title: "Backend Developer", Source: "role",
		Keywords: []keywords.Keyword{{ID: "go", Name: "Go", Weight: 1}},
		Checks:   []string{"quantified-results", "reliability-metrics"},
		Signals: []keywords.Signal{
			{ID: "reliability-metrics", Title: "Reliability metrics", Phrases: []string{"uptime", "error rate", "p99", "mttr"}, Fix: "give uptime"},
			{ID: "testing", Title: "Testing", Phrases: []string{"unit test", "integration test", "contract test"}, Fix: "say how you test"},
		},
	}
}

func checkByID(cs []Check, id string) (Check, bool) {
	for _, c := range cs {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}

// TestChecksPassingResume: the fixture written to pass passes every check in
// every format it is rendered to.
func TestChecksPassingResume(t *testing.T) {
	for _, name := range []string{"jane-doe-resume.md", "jane-doe-resume.pdf", "jane-doe-resume.docx"} {
		t.Run(name, func(t *testing.T) {
			doc := readFixture(t, name)
			for _, c := range runChecks(doc, backendSet()) {
				if c.Status != Pass {
					t.Errorf("%s: %s = %s (%s), want pass", name, c.ID, c.Status, c.Message)
				}
				if c.Status == Pass && c.Fix != "" {
					t.Errorf("%s: %s passes but carries a fix %q", name, c.ID, c.Fix)
				}
			}
		})
	}
}

// TestChecksFailingResumes: each fixture written to fail one check fails it.
func TestChecksFailingResumes(t *testing.T) {
	tests := []struct {
		file string
		id   string
		want Status
	}{
		{"fail-contact-resume.md", "contact-details", Fail},
		{"fail-headings-resume.md", "section-headings", Fail},
		{"fail-numbers-resume.md", "quantified-results", Fail},
		{"fail-numbers-resume.md", "reliability-metrics", Fail}, // listed in the set's checks: required
		{"fail-numbers-resume.md", "testing", Warn},             // not listed: a warning
		{"fail-weak-openings-resume.md", "weak-openings", Fail},
		{"fail-buzzwords-resume.md", "buzzwords", Fail},
		{"fail-first-person-resume.md", "first-person", Fail},
		{"fail-stuffing-resume.md", "keyword-stuffing", Fail},
		{"fail-headings-resume.md", "first-person", Warn},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.id, func(t *testing.T) {
			doc := readFixture(t, tt.file)
			c, ok := checkByID(runChecks(doc, backendSet()), tt.id)
			if !ok {
				t.Fatalf("no %s check", tt.id)
			}
			if c.Status != tt.want {
				t.Errorf("%s: %s = %s (%s), want %s", tt.file, tt.id, c.Status, c.Message, tt.want)
			}
			if c.Fix == "" {
				t.Errorf("%s: %s = %s without a fix", tt.file, tt.id, c.Status)
			}
		})
	}
}

func body(texts ...string) []extract.Line {
	var ls []extract.Line
	for i, t := range texts {
		ls = append(ls, extract.Line{N: i + 1, Page: 1, Text: t})
	}
	return ls
}

// TestChecksBuiltDocuments covers what Markdown cannot show: where a line came
// from, extractor diagnostics, page counts and file names.
func TestChecksBuiltDocuments(t *testing.T) {
	good := readFixture(t, "jane-doe-resume.md")
	withPath := func(p string) *extract.Document { d := *good; d.Path = p; return &d }
	withDiag := func(code string) *extract.Document {
		d := *good
		d.Diagnostics = []extract.Diagnostic{{Code: code, Message: code + " found", Page: 1}}
		if code == "offpage-text" {
			d.Diagnostics[0].Message = "480 characters outside the visible page on page 1 were removed"
		}
		return &d
	}
	withDiagMsg := func(code, msg string) *extract.Document {
		d := *good
		d.Diagnostics = []extract.Diagnostic{{Code: code, Message: msg, Page: 1}}
		return &d
	}
	long := func() *extract.Document {
		d := *good
		d.Lines = nil
		for i := 0; i < 12; i++ {
			for _, l := range good.Lines {
				l.N = len(d.Lines) + 1
				d.Lines = append(d.Lines, l)
			}
		}
		d.Pages = 6
		return &d
	}
	hidden := func(src extract.Source) *extract.Document {
		d := *good
		d.Lines = append([]extract.Line(nil), good.Lines...)
		for i := range d.Lines {
			l := &d.Lines[i]
			if strings.Contains(l.Text, "@") || strings.Contains(l.Text, "+351") {
				l.Source = src
			}
		}
		return &d
	}
	tests := []struct {
		name string
		doc  *extract.Document
		id   string
		want Status
	}{
		{"contact in header only", hidden(extract.Header), "contact-placement", Fail},
		{"contact in footer only", hidden(extract.Footer), "contact-placement", Fail},
		{"contact in text box only", hidden(extract.TextBox), "contact-placement", Fail},
		{"contact in header is still found", hidden(extract.Header), "contact-details", Pass},
		{"columns", withDiag("columns"), "reading-order", Warn},
		{"interleaved", withDiag("interleaved"), "reading-order", Fail},
		{"invisible text is stuffing", withDiag("invisible-text"), "keyword-stuffing", Fail},
		{"much off-page text", withDiag("offpage-text"), "keyword-stuffing", Warn},
		{"a few off-page characters", withDiagMsg("offpage-text", "3 characters outside the visible page on page 1 were removed"), "keyword-stuffing", Pass},
		{"almost no text", &extract.Document{Path: "jane-resume.pdf", Pages: 1, Lines: body("Jane Doe", "Resume", "Page 1")}, "text-layer", Fail},
		{"little text", &extract.Document{Path: "jane-resume.pdf", Pages: 1, Lines: body(strings.Repeat("word ", 60))}, "text-layer", Warn},
		{"stuffing in a line", &extract.Document{Lines: body("Java developer writing Java in Java for Java with Java")}, "keyword-stuffing", Fail},
		{"table row with a repeated word", &extract.Document{Lines: body("parking lot | parking permit | parking fee | parking garage | parking app | city office hours open daily")}, "keyword-stuffing", Pass},
		{"dynamic programming is not filler", &extract.Document{Lines: body("Used dynamic programming to cut route cost 12%", "Team player and detail-oriented")}, "buzzwords", Pass},
		{"worked with is not a weak opening", &extract.Document{Lines: body("Worked with the payments team to cut refunds 30%")}, "weak-openings", Pass},
		{"template placeholder", &extract.Document{Lines: body(strings.Repeat("xxx ", 20), "built a shop", "ran the support desk", "wrote the docs", "cut costs in half", "hired two people", "moved the servers")}, "keyword-stuffing", Pass},
		{"garbled text", withDiag("garbled"), "text-layer", Warn},
		{"six pages", long(), "length", Fail},
		{"generic file name", withPath("document1.pdf"), "file-name", Fail},
		{"no name", withPath("dir/resume-final.pdf"), "file-name", Warn},
		{"no what", withPath("jane_doe.pdf"), "file-name", Warn},
		{"name and cv", withPath(`C:\Users\x\Doe_Jane_CV_2024.docx`), "file-name", Pass},
		{"no email, no phone", &extract.Document{Path: "x-resume.txt", Lines: body("Jane Doe", "linkedin.com/in/jane")}, "contact-details", Fail},
		{"profile named but not written", &extract.Document{Path: "x-resume.txt", Lines: body("Jane Doe · jane@example.com · +1 415 555 0100 · LinkedIn")}, "contact-details", Warn},
		{"date range is not a phone", &extract.Document{Path: "x-resume.txt", Lines: body("jane@example.com", "Acme 2019 - 2021")}, "contact-details", Warn},
		{"no experience heading", &extract.Document{Lines: body("Jane"), Sections: []extract.Section{{ID: "skills"}, {ID: "education"}}}, "section-headings", Fail},
		{"no skills heading", &extract.Document{Lines: body("Jane"), Sections: []extract.Section{{ID: "experience"}, {ID: "education"}}}, "section-headings", Warn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := checkByID(runChecks(tt.doc, nil), tt.id)
			if !ok {
				t.Fatalf("no %s check", tt.id)
			}
			if c.Status != tt.want {
				t.Errorf("%s = %s (%s), want %s", tt.id, c.Status, c.Message, tt.want)
			}
		})
	}
}

func TestFileNameSkippedForStdin(t *testing.T) {
	for _, p := range []string{"-", ""} {
		doc := &extract.Document{Path: p, Lines: body("Jane")}
		if _, ok := checkByID(runChecks(doc, nil), "file-name"); ok {
			t.Errorf("path %q: file-name check ran, want it skipped", p)
		}
	}
}

// TestCheckIDs holds the list in package keywords (which role files may name)
// and the checks run here in step.
func TestCheckIDs(t *testing.T) {
	doc := &extract.Document{Path: "jane-resume.pdf", Lines: body("Jane")}
	var got []string
	for _, c := range runChecks(doc, nil) {
		got = append(got, c.ID)
	}
	want := keywords.CheckIDs()
	sort.Strings(got)
	sort.Strings(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("check ids (-keywords.CheckIDs +runChecks):\n%s", d)
	}
}

func TestQuantified(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Cut latency by 40%", true},
		{"Saved $18,000 a month", true},
		{"Served 2.5 million users", true},
		{"Made builds 3x faster", true},
		{"Kept p99 under budget", true},
		{"Doubled throughput", true},
		{"Handles 4,000 requests per second", true},
		{"Raised uptime to 99.95%", true},
		{"Built internal APIs for the billing team", false},
		{"Software Engineer, Acme (2019 - 2024)", false},
		{"Jan 2020 – Mar 2022", false},
		{"Deployed to EC2 and S3 with k8s", false},
		{"Worked on Q3 planning", false},
	}
	for _, tt := range tests {
		if got := quantified(tt.text); got != tt.want {
			t.Errorf("quantified(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFindPhrase(t *testing.T) {
	tests := []struct {
		low, phrase string
		want        bool
	}{
		{"cut the error rate by half", "error rate", true},
		{"error rates fell", "error rate", true},
		{"kept p99 latency low", "p99", true},
		{"terror rate", "error rate", false},
		{"schemas and migrations", "schema", true},
		{"schematics", "schema", false},
		{"uptime of 99.9%", "99.9", true},
		{"grew 12% a year", "%", true},
		{"sla", "sla", true},
		{"slack", "sla", false},
	}
	for _, tt := range tests {
		if got := findPhrase(tt.low, tt.phrase) >= 0; got != tt.want {
			t.Errorf("findPhrase(%q, %q) = %v, want %v", tt.low, tt.phrase, got, tt.want)
		}
	}
}

func TestFirstPersonRomanNumerals(t *testing.T) {
	doc := &extract.Document{Lines: body("Software Engineer I at Acme", "Completed Phase I of the migration", "Worked on I/O paths")}
	c, _ := checkByID(runChecks(doc, nil), "first-person")
	if c.Status != Pass {
		t.Errorf("first-person = %s (%s), want pass for roman numerals and I/O", c.Status, c.Message)
	}
}

// TestChecksOnCorpus runs the checks on the real resumes beside the project:
// none may crash, and none of the shared resumes, all real templates, should
// fail keyword-stuffing (a false alarm there would insult a user).
func TestChecksOnCorpus(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "corpus", "resumes")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no corpus: %v", err)
	}
	counts := map[string]map[Status]int{}
	for _, e := range entries {
		doc, err := extract.File(context.Background(), filepath.Join(dir, e.Name()), extract.DefaultOptions())
		if err != nil {
			continue
		}
		for _, c := range runChecks(doc, nil) {
			if counts[c.ID] == nil {
				counts[c.ID] = map[Status]int{}
			}
			counts[c.ID][c.Status]++
			if c.ID == "keyword-stuffing" && c.Status == Fail {
				t.Errorf("%s: keyword-stuffing fails on a real resume: %s", e.Name(), c.Message)
			}
		}
	}
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("%-20s pass %2d  warn %2d  fail %2d", id, counts[id][Pass], counts[id][Warn], counts[id][Fail])
	}
}

// TestWordSeq holds wordSeq and countWords to strings.FieldsFunc with the
// same separator, which the checks used before.
func TestWordSeq(t *testing.T) {
	for _, s := range []string{"", "  ", "Go, Python & C++", "I'm 10% faster/better -- $5k", "naïve café\u00a0résumé", "a\xffb", "x.y/z", "\t-\t"} {
		want := strings.FieldsFunc(s, notWordRune)
		var got []string
		for w := range wordSeq(s) {
			got = append(got, w)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("wordSeq(%q) = %q, want %q", s, got, want)
		}
		if n := countWords(s); n != len(want) {
			t.Errorf("countWords(%q) = %d, want %d", s, n, len(want))
		}
	}
}

// TestIsStopWord pins the stop words keyword stuffing skips (the list the
// package-init map held) and a few that are not stop words.
func TestIsStopWord(t *testing.T) {
	for _, w := range strings.Fields(`a an and or the of to in on for with by at from as is are was were be been this that these those it its into over under per via using used use our we you your their they he she his her i me my not no but if so than then also all any each more most other such can will may new high up out about across within while where which who whom what when how team teams work worked working experience years year including based well both through during`) {
		if !isStopWord(w) {
			t.Errorf("isStopWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "go", "kubernetes", "The", "teamwork", "years'", "postgres"} {
		if isStopWord(w) {
			t.Errorf("isStopWord(%q) = true, want false", w)
		}
	}
}
