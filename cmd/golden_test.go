package cmd

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/scorer"
)

var update = flag.Bool("update", false, "update golden files")

const goldenDir = "../testdata/golden"

// goldenReport is a hand-made report that exercises every part of the
// renderers: every match kind, every tier, long evidence, near misses, fixes,
// checks of every status and diagnostics. It does not depend on the scorer,
// so the goldens change only when rendering changes.
func goldenReport() *scorer.Report {
	ev := func(line int, text, form string) []scorer.Evidence {
		return []scorer.Evidence{{Line: line, Text: text, Form: form}}
	}
	return &scorer.Report{
		SchemaVersion: scorer.SchemaVersion,
		File:          "jordan-lee-resume.pdf",
		Format:        "pdf",
		Target:        scorer.Target{Source: "role", ID: "backend", Title: "Backend Developer"},
		Score:         61.4,
		Matched:       6,
		Total:         9,
		Keywords: []scorer.Match{
			{Keyword: "Kafka", ID: "kafka", Tier: "essential", Category: "messaging", Match: scorer.Missing, Weight: 3, MaxPoints: 14.3, Evidence: []scorer.Evidence{},
				Fix: "Add Kafka where you used it, for example in a bullet about event streaming."},
			{Keyword: "Kubernetes", ID: "kubernetes", Tier: "essential", Category: "devops", Matched: true, Match: scorer.Fuzzy, Found: "Kubernets", Count: 1, Weight: 3, Credit: 0.5, Points: 7.1, MaxPoints: 14.3,
				Evidence: ev(14, "Ran the pricing services on Docker and Kubernets in production, with Terraform for the AWS infrastructure and a blue-green rollout that nobody had to babysit.", "Kubernets"),
				Fix:      `Correct "Kubernets" to "Kubernetes".`},
			{Keyword: "PostgreSQL", ID: "postgresql", Tier: "essential", Category: "database", Matched: true, Match: scorer.Alias, Found: "Postgres", Count: 2, Weight: 3, Credit: 0.9, Points: 12.9, MaxPoints: 14.3,
				Evidence: []scorer.Evidence{{Line: 9, Text: "Moved order storage from MySQL to Postgres with zero downtime.", Form: "Postgres"}, {Line: 21, Text: "Skills: Go, Postgres, Redis", Form: "Postgres"}},
				Fix:      `Write "PostgreSQL" once as well as "Postgres": many ATS search the literal name.`},
			{Keyword: "microservices", ID: "microservices", Tier: "essential", Category: "concept", Matched: true, Match: scorer.Variant, Found: "microservice", Count: 1, Weight: 3, Credit: 0.9, Points: 12.9, MaxPoints: 14.3,
				Evidence: ev(8, "Split a monolith into a microservice per domain behind gRPC.", "microservice")},
			{Keyword: "Go", ID: "go", Tier: "essential", Category: "language", Matched: true, Match: scorer.Exact, Found: "Go", Count: 3, Weight: 3, Credit: 1, Points: 14.3, MaxPoints: 14.3,
				Evidence: ev(7, "Designed a REST API in Go for shipment tracking | 40M requests/day.", "Go"),
				Rejected: []scorer.Rejection{{Line: 3, Form: "go", Reason: "go: verb, lowercase outside a skills list"}}},
			{Keyword: "GraphQL", ID: "graphql", Tier: "important", Category: "protocol", Match: scorer.Missing, Weight: 2, MaxPoints: 9.5, Evidence: []scorer.Evidence{}},
			{Keyword: "MySQL <8>", ID: "mysql", Tier: "important", Category: "database", Matched: false, Match: scorer.Generic, Found: "SQL", Count: 1, Weight: 2, Credit: 0.25, Points: 2.4, MaxPoints: 9.5,
				Evidence: ev(21, "Skills: SQL & *data* modelling", "SQL"), Fix: "Name the database you used (MySQL) instead of only SQL."},
			{Keyword: "Docker", ID: "docker", Tier: "important", Category: "devops", Matched: true, Match: scorer.Exact, Found: "Docker", Count: 1, Weight: 2, Credit: 1, Points: 9.5, MaxPoints: 9.5,
				Evidence: ev(14, "Ran the pricing services on Docker and Kubernets in production.", "Docker")},
			{Keyword: "mentoring", ID: "mentoring", Tier: "bonus", Category: "soft", Matched: true, Match: scorer.Variant, Found: "mentored", Count: 1, Weight: 1, Credit: 0.9, Points: 4.3, MaxPoints: 4.8,
				Evidence: ev(16, "Mentored three junior developers.", "Mentored")},
		},
		Fixes: []string{
			"Add Kafka where you used it, for example in a bullet about event streaming.",
			`Correct "Kubernets" to "Kubernetes".`,
			`Write "PostgreSQL" once as well as "Postgres": many ATS search the literal name, and a recruiter's boolean search for PostgreSQL will not find a resume that only says Postgres.`,
		},
		Checks: []scorer.Check{
			{ID: "contact-details", Title: "Contact details", Status: scorer.Pass, Message: "email, phone and a profile link found"},
			{ID: "quantified-results", Title: "Quantified results", Status: scorer.Warn, Message: "2 of 7 experience bullets have a number", Fix: "Add a figure to each bullet: latency, users, money, time saved."},
			{ID: "section-headings", Title: "Section headings", Status: scorer.Fail, Message: "no Education heading found", Fix: "Use the standard headings Experience, Education and Skills.", Line: 1},
		},
		Diagnostics: []scorer.Diagnostic{
			{Code: "columns", Message: "two columns detected; read left column first", Page: 1},
			{Code: "icons-dropped", Message: "3 icon glyphs dropped"},
		},
	}
}

// goldenCase is one renderer setting.
type goldenCase struct {
	format  string
	tty     bool
	color   string
	explain bool
}

// file is the golden file of a case. JSON and Markdown carry no colour and no
// width, so every tty/colour setting must give the same bytes.
func (c goldenCase) file() string {
	name := "report"
	if c.explain {
		name += "-explain"
	}
	switch c.format {
	case "json":
		return name + ".json"
	case "markdown":
		return name + ".md"
	}
	if c.tty {
		name += "-tty"
	}
	if c.color == "always" {
		return name + ".ansi.txt"
	}
	return name + ".txt"
}

func TestGoldenRenderers(t *testing.T) {
	var cases []goldenCase
	for _, format := range formats {
		for _, tty := range []bool{false, true} {
			for _, color := range []string{"never", "always"} {
				for _, explain := range []bool{false, true} {
					cases = append(cases, goldenCase{format, tty, color, explain})
				}
			}
		}
	}
	written := map[string]bool{}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c.file(), filepath.Ext(c.file()))+"/"+c.color+map[bool]string{true: "/tty", false: ""}[c.tty], func(t *testing.T) {
			s, out, _ := testStreams("")
			s.OutTTY, s.Width = c.tty, 100
			g := &globalOptions{Format: c.format, Color: c.color, Explain: c.explain, Getenv: noEnv}
			if err := renderReports(out, c.format, []*scorer.Report{goldenReport()}, g.renderOptions(s)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(goldenDir, c.file())
			if *update && !written[path] {
				written[path] = true
				if err := os.MkdirAll(goldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run make golden)", err)
			}
			if c.format == "json" {
				compareJSON(t, out.Bytes(), want)
				return
			}
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}

// compareJSON compares two JSON documents semantically.
func compareJSON(t *testing.T, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("golden is not JSON: %v", err)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
}

func TestRenderTextProperties(t *testing.T) {
	tests := []struct {
		name    string
		color   string
		tty     bool
		env     map[string]string
		wantSGR bool
	}{
		{"never on a tty", "never", true, nil, false},
		{"always in a pipe", "always", false, nil, true},
		{"auto in a pipe", "auto", false, nil, false},
		{"auto on a tty", "auto", true, nil, true},
		{"NO_COLOR on a tty", "auto", true, map[string]string{"NO_COLOR": "1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out, _ := testStreams("")
			s.OutTTY, s.Width = tt.tty, 100
			g := &globalOptions{Format: "text", Color: tt.color, Getenv: func(k string) string { return tt.env[k] }}
			if err := renderReports(out, "text", []*scorer.Report{goldenReport()}, g.renderOptions(s)); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			if got := strings.Contains(text, "\x1b["); got != tt.wantSGR {
				t.Errorf("escape codes present = %v, want %v", got, tt.wantSGR)
			}
			// Meaning never depends on colour: every status has its word.
			for _, word := range []string{"Score: 61.4/100", "Must-have", "Nice-to-have", "Bonus", "✗ missing", "? typo", "≈ alias", "~ variant", "✓ exact", "◦ generic", "What to fix", "✓ pass", "! warn", "✗ fail", "Diagnostics", "L14: "} {
				if !strings.Contains(text, word) {
					t.Errorf("text report lacks %q", word)
				}
			}
			// Must-have comes before nice-to-have, and missing first inside a tier.
			if strings.Index(text, "Must-have") > strings.Index(text, "Nice-to-have") {
				t.Error("must-have tier is not first")
			}
			width := s.textWidth()
			for _, l := range strings.Split(stripANSI(text), "\n") {
				if n := len([]rune(l)); n > width {
					t.Errorf("line wider than %d (%d): %q", width, n, l)
				}
			}
		})
	}
}

func TestRenderJSONFields(t *testing.T) {
	var one, many bytes.Buffer
	rep := goldenReport()
	if err := renderReports(&one, "json", []*scorer.Report{rep}, renderOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := renderReports(&many, "json", []*scorer.Report{rep, rep}, renderOptions{}); err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal(one.Bytes(), &obj); err != nil {
		t.Fatalf("one report is not a JSON object: %v", err)
	}
	for _, k := range []string{"schema_version", "score", "keywords", "fixes", "checks", "target"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("report JSON lacks %q", k)
		}
	}
	kw := obj["keywords"].([]any)[1].(map[string]any)
	for _, k := range []string{"keyword", "tier", "matched", "match", "found", "count", "evidence", "points"} {
		if _, ok := kw[k]; !ok {
			t.Errorf("keyword JSON lacks %q", k)
		}
	}
	if ev := kw["evidence"].([]any)[0].(map[string]any); ev["line"] == nil || ev["text"] == nil {
		t.Errorf("evidence lacks line/text: %v", ev)
	}
	if strings.Contains(one.String(), `\u003c`) {
		t.Error("JSON escapes HTML characters")
	}
	var arr []map[string]any
	if err := json.Unmarshal(many.Bytes(), &arr); err != nil || len(arr) != 2 {
		t.Errorf("two reports: got %d objects, err %v; want an array of 2", len(arr), err)
	}
}

// stripANSI removes SGR escape sequences.
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
