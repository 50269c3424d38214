package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func fp(v float64) *float64 { return &v }

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *config
	}{
		{
			name: "issue example",
			in: `files: ["resume.md", "build/resume.pdf"]
targets:
  - role: backend
    min-score: 70
  - jd: jobs/acme-backend.txt
    min-score: 60
    max-drop: 5
require: [Go, PostgreSQL, Kubernetes]
max-drop: 3
`,
			want: &config{
				Path: "c.yaml", Dir: "/r",
				Files: []string{"resume.md", "build/resume.pdf"},
				Targets: []targetConfig{
					{Role: "backend", Line: 3, gates: gates{MinScore: fp(70)}},
					{JD: "jobs/acme-backend.txt", Line: 5, gates: gates{MinScore: fp(60), MaxDrop: fp(5)}},
				},
				gates: gates{Require: []string{"Go", "PostgreSQL", "Kubernetes"}, MaxDrop: fp(3)},
			},
		},
		{
			name: "single file, format, baseline, keywords target with its own require",
			in: `files: resume.json
format: github
baseline: origin/main
min-score: 50.5
targets:
  - keywords: my-list.txt
    require: [Rust]
`,
			want: &config{
				Path: "c.yaml", Dir: "/r", Files: []string{"resume.json"}, Format: "github", Baseline: "origin/main",
				Targets: []targetConfig{{Keywords: "my-list.txt", Line: 6, gates: gates{Require: []string{"Rust"}}}},
				gates:   gates{MinScore: fp(50.5)},
			},
		},
		{
			name: "empty target list and empty require are kept as set",
			in:   "files: [a.md]\nrequire: []\n",
			want: &config{Path: "c.yaml", Dir: "/r", Files: []string{"a.md"}, gates: gates{Require: []string{}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(strings.NewReader(tt.in), "c.yaml", "/r")
			if err != nil {
				t.Fatalf("parseConfig() error = %v", err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(config{}, targetConfig{})); diff != "" {
				t.Errorf("parseConfig() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the whole error message
	}{
		{"unknown top-level key with a hint", "files: [a]\nmin_score: 3\n", `c.yaml:2: unknown key "min_score" (did you mean "min-score"?)`},
		{"unknown key in a target", "targets:\n  - role: backend\n    bogus: 1\n", `c.yaml:3: unknown key "bogus" (known keys: role, jd, keywords, min-score, require, max-drop)`},
		{"min-score not a number", "files: [a]\ntargets:\n  - role: x\n    min-score: high\n", `c.yaml:4: want a number, got "high"`},
		{"min-score out of range", "min-score: 120\n", `c.yaml:1: min-score: 120 is outside 0..100`},
		{"negative max-drop", "\n\nmax-drop: -1\n", `c.yaml:3: max-drop: -1 is outside 0..100`},
		{"target with two sources", "targets:\n  - role: backend\n    jd: job.txt\n", `c.yaml:2: a target needs exactly one of role, jd or keywords`},
		{"target with no source", "targets:\n  - min-score: 3\n", `c.yaml:2: a target needs exactly one of role, jd or keywords`},
		{"bad format", "format: html\n", `c.yaml:1: format: "html" is not one of text, json, markdown, github`},
		{"syntax error", "files: [a\n", `c.yaml:1: did not find expected ',' or ']'`},
		{"files is a mapping", "files: {a: b}\n", `c.yaml:1: want a list, got a mapping`},
		{"require holds a mapping", "require:\n  - Go\n  - {a: b}\n", `c.yaml:3: want a list of names, got a mapping inside it`},
		{"empty file", "", `c.yaml:1: empty config: list files and targets (see the README)`},
		{"empty keyword", "require: [Go, '']\n", `c.yaml:1: require: empty keyword`},
		{"role is a list", "targets:\n  - role: [a, b]\n", `c.yaml:2: want a single value, got a list`},
		{"bad glob", "files: ['[a']\n", `c.yaml:1: files: bad pattern "[a": syntax error in pattern`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig(strings.NewReader(tt.in), "c.yaml", "/r")
			if err == nil {
				t.Fatalf("parseConfig(%q) = nil error, want %q", tt.in, tt.want)
			}
			var ce *configError
			if !errors.As(err, &ce) {
				t.Errorf("parseConfig(%q) error %T, want *configError", tt.in, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("parseConfig(%q) error = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGatesMerge(t *testing.T) {
	def := gates{MinScore: fp(50), Require: []string{"Go"}, MaxDrop: fp(3)}
	tests := []struct {
		name string
		g    gates
		want gates
	}{
		{"all inherited", gates{}, def},
		{"all overridden", gates{MinScore: fp(70), Require: []string{}, MaxDrop: fp(0)}, gates{MinScore: fp(70), Require: []string{}, MaxDrop: fp(0)}},
		{"one overridden", gates{MaxDrop: fp(5)}, gates{MinScore: fp(50), Require: []string{"Go"}, MaxDrop: fp(5)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.g.merge(def)); diff != "" {
				t.Errorf("merge() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	sub := filepath.Join(repo, "a", "b")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(sub, 0o755))
	must(os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	// A config above the repository root must never be found.
	must(os.WriteFile(filepath.Join(root, configName), []byte("files: [x]\n"), 0o644))
	other := filepath.Join(root, "other.yaml")
	must(os.WriteFile(other, []byte("files: [x]\n"), 0o644))
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == configEnv {
				return v
			}
			return ""
		}
	}

	tests := []struct {
		name     string
		flag     string
		env      string
		setup    func()
		dir      string
		want     string
		wantErr  bool
		wantRoot bool // want the config at the repository root, reported relative to dir
	}{
		{name: "none up to the repo root", dir: sub, want: ""},
		{name: "flag wins", flag: other, env: "/nonexistent", dir: sub, want: other},
		{name: "env next", env: other, dir: sub, want: other},
		{name: "flag names a missing file", flag: filepath.Join(root, "missing.yaml"), dir: sub, wantErr: true},
		{name: "found at the root", setup: func() {
			must(os.WriteFile(filepath.Join(repo, configName), []byte("files: [x]\n"), 0o644))
		}, dir: sub, want: filepath.Join("..", "..", configName)},
		{name: "nearest wins", setup: func() {
			must(os.WriteFile(filepath.Join(sub, configName), []byte("files: [x]\n"), 0o644))
		}, dir: sub, want: configName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup()
			}
			got, err := findConfig(tt.flag, env(tt.env), tt.dir)
			if (err != nil) != tt.wantErr {
				t.Fatalf("findConfig() error = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			// "../../x" is relative to dir; compare absolute forms.
			if got != "" && !filepath.IsAbs(got) {
				got = filepath.Clean(filepath.Join(tt.dir, got))
			}
			want := tt.want
			if want != "" && !filepath.IsAbs(want) {
				want = filepath.Clean(filepath.Join(tt.dir, want))
			}
			if got != want {
				t.Errorf("findConfig() = %q, want %q", got, want)
			}
		})
	}
}

func TestResolveFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"resume.md", "b.pdf", "a.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		files   []string
		want    []string
		wantErr string
	}{
		{name: "names and globs, sorted per glob, no duplicates", files: []string{"resume.md", "*.pdf", "a.pdf"}, want: []string{"resume.md", "a.pdf", "b.pdf"}},
		{name: "a missing name is an error", files: []string{"resume.md", "build/resume.pdf"}, wantErr: `c.yaml: files: "build/resume.pdf" matches no file`},
		{name: "a glob matching nothing is an error", files: []string{"*.docx"}, wantErr: `c.yaml: files: "*.docx" matches no file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &config{Path: "c.yaml", Dir: dir, Files: tt.files}
			got, err := c.resolveFiles()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("resolveFiles() error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var rel []string
			for _, p := range got {
				rel = append(rel, filepath.Base(p))
			}
			if diff := cmp.Diff(tt.want, rel); diff != "" {
				t.Errorf("resolveFiles() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParseConfig: any bytes give a config or a *configError naming the
// file, never a panic; a config that parses keeps its gates in range.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"files: [resume.md]\ntargets:\n  - role: backend\n    min-score: 70\nrequire: [Go]\nmax-drop: 3\n",
		"files: a\nformat: github\nbaseline: HEAD~1\n",
		"targets:\n  - {jd: j.txt, require: [A, B], max-drop: 0}\n",
		"min_score: 1\n", "files: [a\n", "- a\n- b\n", "&a [*a]\n", "files: !!binary aGVsbG8=\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseConfig(strings.NewReader(string(data)), "c.yaml", "/r")
		if err != nil {
			var ce *configError
			if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), "c.yaml") {
				t.Fatalf("parseConfig error %T %q: want a *configError naming c.yaml", err, err)
			}
			return
		}
		for _, g := range append([]gates{c.gates}, func() []gates {
			var gs []gates
			for _, tc := range c.Targets {
				gs = append(gs, tc.gates)
			}
			return gs
		}()...) {
			if g.MinScore != nil && (*g.MinScore < 0 || *g.MinScore > 100) || g.MaxDrop != nil && (*g.MaxDrop < 0 || *g.MaxDrop > 100) {
				t.Fatalf("parseConfig(%q) accepted a gate out of range: %+v", data, g)
			}
		}
		for _, tc := range c.Targets {
			n := 0
			for _, s := range []string{tc.Role, tc.JD, tc.Keywords} {
				if s != "" {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("parseConfig(%q) accepted a target with %d sources", data, n)
			}
		}
	})
}
