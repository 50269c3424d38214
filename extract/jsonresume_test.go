package extract

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSONResumeFixture(t *testing.T) {
	doc, err := File(context.Background(), "../testdata/fixtures/json/extract-resume.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != JSONResume {
		t.Fatalf("format = %v, want jsonresume", doc.Format)
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	want := []string{"summary", "experience", "volunteer", "education", "projects", "skills", "certifications", "awards", "publications", "languages", "interests"}
	if d := cmp.Diff(want, ids); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
	bySection := map[string]string{}
	for _, l := range doc.Lines {
		bySection[l.Section] += l.Text + "\n"
	}
	checks := []struct{ section, text string }{
		{"", "Amara Okonkwo-Hale"},
		{"", "amara.oh@example.com | +44 20 7946 0321"},
		{"", "GitHub: https://github.com/amara-oh"},
		{"experience", "Senior SRE, Quillstone Bank"},
		{"experience", "Automated PostgreSQL failover with Patroni"},
		{"experience", "Systems Engineer, Marlow Freight"}, // the older "company" key
		{"experience", "2015-09 – 2019-03"},
		{"skills", "Databases (Expert): PostgreSQL, Redis"},
		{"projects", "Technologies: Go, PostgreSQL"},
		{"education", "BSc Computer Science, University of Harrowgate"},
		{"certifications", "Certified Kubernetes Administrator, CNCF, 2022"},
		{"languages", "Igbo (Conversational)"},
	}
	for _, c := range checks {
		if !strings.Contains(bySection[c.section], c.text) {
			t.Errorf("section %q lacks %q; has:\n%s", c.section, c.text, bySection[c.section])
		}
	}
}

func TestJSONResumeLenient(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      error
	}{
		{"wrong types skipped", `{"basics": {"name": "Jo Example", "email": 42, "profiles": "x"}, "work": [{"name": "Acme Widgets", "position": ["x"], "highlights": "Shipped the billing service"}, 7]}`,
			[]string{"Jo Example", "42", "Experience", "Acme Widgets", "Shipped the billing service"}, nil},
		{"skills without keywords", `{"basics": {"name": "Jo Example Person"}, "skills": [{"name": "Kubernetes"}, {"keywords": ["Go", "Rust"]}]}`,
			[]string{"Jo Example Person", "Skills", "Kubernetes", "Go, Rust"}, nil},
		{"invalid JSON", `{"basics": {`, nil, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readJSONResume(context.Background(), []byte(tt.in), Options{})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("readJSONResume = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range doc.Lines {
				got = append(got, l.Text)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("lines mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestJSONResumeSourceLines(t *testing.T) {
	in := "{\n  \"basics\": {\"name\": \"Jo Example\"},\n  \"work\": [\n    {\"name\": \"Acme\", \"position\": \"Engineer\",\n     \"highlights\": [\"Shipped \\\"fast\\\" billing in Go\"]}\n  ]\n}\n"
	doc, err := readJSONResume(context.Background(), []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, l := range doc.Lines {
		got[l.Text] = l.SourceLine
	}
	want := map[string]int{"Jo Example": 2, "Experience": 3, "Engineer, Acme": 4, `Shipped "fast" billing in Go`: 5}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("source lines mismatch (-want +got):\n%s", d)
	}
}
