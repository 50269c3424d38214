package cmd

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/scorer"
)

// withTestCommand registers a command built by f under a test-only name for
// the duration of the test, so it gets the real root and its global flags.
func withTestCommand(t *testing.T, name string, f func(s *streams, g *globalOptions) *cobra.Command) {
	t.Helper()
	registerCommand(func(s *streams, g *globalOptions) *cobra.Command {
		c := f(s, g)
		c.Use = name + strings.TrimPrefix(c.Use, strings.Fields(c.Use)[0])
		c.Hidden = true
		return c
	})
	t.Cleanup(func() { commandFactories = commandFactories[:len(commandFactories)-1] })
}

func TestNewCheckCmd(t *testing.T) {
	var got *checkOptions
	withTestCommand(t, "check-test", func(s *streams, g *globalOptions) *cobra.Command {
		return newCheckCmd(s, g, func(o *checkOptions) error { got = o; return nil })
	})
	tests := []struct {
		name    string
		args    []string
		want    checkOptions
		wantFmt string
		wantErr string
	}{
		{name: "bare", args: nil, want: checkOptions{}, wantFmt: "text"},
		{name: "files and flags",
			args: []string{"a.md", "b.pdf", "--role", "backend", "--min-score", "70", "--require", "Go,PostgreSQL", "--require", "Kafka",
				"--max-drop", "2.5", "--baseline", "origin/main", "--config", "c.yaml", "--format", "github"},
			want: checkOptions{Files: []string{"a.md", "b.pdf"}, Target: targetOptions{Role: "backend"}, Require: []string{"Go", "PostgreSQL", "Kafka"},
				MaxDrop: 2.5, Baseline: "origin/main", Config: "c.yaml", FormatSet: true, MinScoreSet: true, MaxDropSet: true},
			wantFmt: "github"},
		{name: "max-drop 0 is a gate", args: []string{"--max-drop", "0"}, want: checkOptions{MaxDropSet: true}, wantFmt: "text"},
		{name: "bad format", args: []string{"--format", "csv"}, wantErr: `invalid --format "csv"`},
		{name: "negative max-drop", args: []string{"--max-drop", "-1"}, wantErr: "invalid --max-drop"},
		{name: "role and jd", args: []string{"--role", "backend", "--jd", "job.txt"}, wantErr: "give one of --role, --jd or --keywords"},
		{name: "keywords and role", args: []string{"--role", "backend", "--keywords", "k.txt"}, wantErr: "cannot be combined"},
		{name: "stdin", args: []string{"-"}, wantErr: "check reads files"},
		{name: "min-score over 100", args: []string{"--min-score", "120"}, wantErr: "invalid --min-score"},
		{name: "explain is not a check flag", args: []string{"--explain"}, wantErr: "--explain does not apply to check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			s, _, _ := testStreams("")
			root := newRootCmd(s, noEnv)
			root.SetArgs(append([]string{"check-test"}, tt.args...))
			_, err := root.ExecuteC()
			if tt.wantErr != "" {
				var ue *usageError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &ue) {
					t.Fatalf("check %q: err = %v, want a usage error containing %q", tt.args, err, tt.wantErr)
				}
				return
			}
			if err != nil || got == nil {
				t.Fatalf("check %q: err = %v, runF called: %v", tt.args, err, got != nil)
			}
			if got.Global.Format != tt.wantFmt {
				t.Errorf("check %q: format = %q, want %q", tt.args, got.Global.Format, tt.wantFmt)
			}
			if diff := cmp.Diff(tt.want, *got, cmpopts.IgnoreFields(checkOptions{}, "IO", "Global"), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("check %q options (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

// rep builds a report with the given keywords: name -> matched, all essential.
func rep(score float64, kws ...any) *scorer.Report {
	r := &scorer.Report{File: "resume.md", Score: score, Target: scorer.Target{Source: "role", ID: "backend"}}
	for i := 0; i+1 < len(kws); i += 2 {
		m := scorer.Match{Keyword: kws[i].(string), Tier: "essential", Matched: kws[i+1].(bool)}
		if m.Matched {
			r.Matched++
			m.Evidence = []scorer.Evidence{{Line: 10 + i, Text: m.Keyword}}
		}
		r.Total++
		r.Keywords = append(r.Keywords, m)
	}
	return r
}

func TestEvalCheck(t *testing.T) {
	cur := rep(60, "Go", true, "Kafka", true, "Docker", false, "Kubernetes", false)
	old := rep(75, "Go", true, "Kafka", false, "Docker", true, "Kubernetes", true)
	tests := []struct {
		name       string
		base, req  *scorer.Report
		gates      gates
		wantPassed bool
		wantGates  []gateResult
		wantGained []string
		wantLost   []string
	}{
		{name: "no gates", wantPassed: true, wantGates: []gateResult{}, wantGained: []string{}, wantLost: []string{}},
		{name: "min-score passes at the threshold", gates: gates{MinScore: fp(60)}, wantPassed: true,
			wantGates:  []gateResult{{Gate: "min-score", Passed: true, Message: "score 60 is at least 60"}},
			wantGained: []string{}, wantLost: []string{}},
		{name: "min-score fails under it", gates: gates{MinScore: fp(60.5)},
			wantGates:  []gateResult{{Gate: "min-score", Message: "score 60 is under min-score 60.5", Line: 1}},
			wantGained: []string{}, wantLost: []string{}},
		{name: "require names the missing keywords", gates: gates{Require: []string{"Go", "Docker", "Rust"}},
			req: rep(0, "Go", true, "Docker", false, "Rust", false),
			wantGates: []gateResult{{Gate: "require", Message: "required keywords missing: Docker, Rust",
				Missing: []string{"Docker", "Rust"}, Line: 1}},
			wantGained: []string{}, wantLost: []string{}},
		{name: "require passes", gates: gates{Require: []string{"Go"}}, req: rep(0, "Go", true), wantPassed: true,
			wantGates:  []gateResult{{Gate: "require", Passed: true, Message: "all 1 required keywords present"}},
			wantGained: []string{}, wantLost: []string{}},
		{name: "a drop beyond max-drop fails and names the lost keywords", base: old, gates: gates{MaxDrop: fp(10)},
			wantGates: []gateResult{{Gate: "max-drop", Line: 14,
				Message: "score fell 15 points against HEAD (75 → 60), more than max-drop 10; lost: Docker, Kubernetes"}},
			wantGained: []string{"Kafka"}, wantLost: []string{"Docker", "Kubernetes"}},
		{name: "a drop within max-drop passes", base: old, gates: gates{MaxDrop: fp(15)}, wantPassed: true,
			wantGates:  []gateResult{{Gate: "max-drop", Passed: true, Message: "score fell 15 points against HEAD, within max-drop 15"}},
			wantGained: []string{"Kafka"}, wantLost: []string{"Docker", "Kubernetes"}},
		{name: "without a baseline max-drop is not evaluated", gates: gates{MaxDrop: fp(0)}, wantPassed: true,
			wantGates: []gateResult{}, wantGained: []string{}, wantLost: []string{}},
		{name: "a rise passes max-drop 0", base: rep(40, "Go", true), gates: gates{MaxDrop: fp(0)}, wantPassed: true,
			wantGates:  []gateResult{{Gate: "max-drop", Passed: true, Message: "score did not fall against HEAD"}},
			wantGained: []string{"Kafka"}, wantLost: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := evalCheck(cur, tt.base, tt.req, tt.gates, "HEAD", 1)
			if got.Passed != tt.wantPassed {
				t.Errorf("evalCheck().Passed = %v, want %v", got.Passed, tt.wantPassed)
			}
			if diff := cmp.Diff(tt.wantGates, got.Gates); diff != "" {
				t.Errorf("evalCheck() gates (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantGained, got.Gained); diff != "" {
				t.Errorf("evalCheck() gained (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantLost, got.Lost); diff != "" {
				t.Errorf("evalCheck() lost (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRenderCheckGitHub(t *testing.T) {
	out := &checkReport{Results: []checkResult{{
		File: "cv, final.md", Target: scorer.Target{Source: "jd", ID: "acme.txt"}, Score: 42,
		Baseline: &checkBaseline{Rev: "HEAD", Score: 50, Delta: -8},
		Lost:     []string{"Kafka"},
		Gates: []gateResult{
			{Gate: "min-score", Message: "score 42 is under min-score 60\nsecond line 100%", Line: 3},
			{Gate: "require", Passed: true, Message: "fine"},
		},
	}}}
	s, buf, _ := testStreams("")
	if err := renderCheckGitHub(s.Out, out); err != nil {
		t.Fatal(err)
	}
	want := "::error file=cv%2C final.md,line=3,title=resumescore min-score::jd acme.txt: score 42 is under min-score 60%0Asecond line 100%25\n" +
		"::notice file=cv%2C final.md,title=resumescore::jd acme.txt: score 42/100 (HEAD 50, -8); lost: Kafka\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("renderCheckGitHub() (-want +got):\n%s", diff)
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("resume.md", "# Kim Cho\nkim@example.com\n\n## Experience\nBuilt billing services in Go on PostgreSQL.\n")
	write("list.txt", "Go\nPostgreSQL\n")
	write("bad.yaml", "files: [resume.md]\ntarget:\n  - role: backend\n")
	write("ok.yaml", "files: [resume.md]\ntargets:\n  - keywords: list.txt\n")
	t.Chdir(dir)

	tests := []struct {
		name       string
		args       []string
		want       int
		wantStdout bool
		wantStderr string
	}{
		{"no config", []string{"check"}, exitError, false, "hint: create .resumescore.yaml"},
		{"malformed config", []string{"check", "--config", "bad.yaml"}, exitError, false, `bad.yaml:2: unknown key "target"`},
		{"missing config", []string{"check", "--config", "nope.yaml"}, exitError, false, "--config nope.yaml: no such file"},
		{"missing file", []string{"check", "nope.md", "--keywords", "list.txt"}, exitError, false, "resumescore: nope.md: no such file"},
		{"bad baseline outside git", []string{"check", "--config", "ok.yaml", "--baseline", "v1"}, exitOK, true, "regression gate skipped"},
		{"pass", []string{"check", "--config", "ok.yaml", "--min-score", "0"}, exitOK, true, "regression gate skipped"},
		{"under min-score", []string{"check", "--config", "ok.yaml", "--min-score", "100", "--require", "Haskell"}, exitGate, true, "check failed"},
		{"missing required keyword", []string{"check", "--config", "ok.yaml", "--require", "Haskell"}, exitGate, true, "require"},
		{"bad format", []string{"check", "--format", "csv"}, exitError, false, "invalid --format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out, errb := testStreams("")
			got := run(context.Background(), tt.args, s, noEnv)
			if got != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstdout: %s\nstderr: %s", tt.args, got, tt.want, out, errb)
			}
			if (out.Len() > 0) != tt.wantStdout {
				t.Errorf("run(%q) stdout = %q, want output: %v", tt.args, out, tt.wantStdout)
			}
			if !strings.Contains(errb.String(), tt.wantStderr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, errb, tt.wantStderr)
			}
			if strings.Contains(errb.String(), "goroutine ") {
				t.Errorf("run(%q) printed a stack trace", tt.args)
			}
		})
	}
}

func TestBaseline(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	ctx := context.Background()
	outside := t.TempDir()
	repo := t.TempDir()
	gitT := func(args ...string) {
		t.Helper()
		c := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=T", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(repo, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(repo, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if b, why, err := openBaseline(ctx, outside, "HEAD", false); b != nil || err != nil || why != "not inside a git repository" {
		t.Errorf("outside git: openBaseline = %v, %q, %v", b, why, err)
	}
	gitT("init", "-q", ".")
	write("cv/resume.md", "v1\n")
	gitT("add", ".")
	if b, why, err := openBaseline(ctx, repo, "HEAD", false); b != nil || err != nil || why != "the repository has no commits yet" {
		t.Errorf("no commits: openBaseline = %v, %q, %v", b, why, err)
	}
	gitT("commit", "-q", "-m", "one")
	write("cv/resume.md", "v2 staged\n")
	write("cv/new.md", "new\n")
	gitT("add", ".")

	if _, _, err := openBaseline(ctx, repo, "no-such-rev", true); err == nil || !strings.Contains(err.Error(), "not a commit") {
		t.Errorf("bad explicit revision: err = %v, want a usage error", err)
	}
	b, why, err := openBaseline(ctx, filepath.Join(repo, "cv"), "HEAD", false)
	if b == nil || err != nil {
		t.Fatalf("openBaseline from a subdirectory = %v, %q, %v", b, why, err)
	}
	tests := []struct {
		path      string
		want      string
		wantFound bool
	}{
		{filepath.Join(repo, "cv", "resume.md"), "v1\n", true},
		{filepath.Join(repo, "cv", "new.md"), "", false},
		{filepath.Join(outside, "x.md"), "", false},
	}
	for _, tt := range tests {
		data, found, err := b.read(ctx, tt.path)
		if err != nil || found != tt.wantFound || string(data) != tt.want {
			t.Errorf("read(%s) = %q, %v, %v; want %q, %v", tt.path, data, found, err, tt.want, tt.wantFound)
		}
	}
}

func TestRenderCheck(t *testing.T) {
	out := &checkReport{Passed: false, Notes: []string{"cv.md: not in HEAD, no baseline to compare with"}, Results: []checkResult{
		{File: "resume.md", Target: scorer.Target{Source: "role", ID: "backend"}, Score: 72.5, Passed: true,
			Baseline: &checkBaseline{Rev: "HEAD", Score: 70, Delta: 2.5}, Gained: []string{"gRPC"}, Lost: []string{},
			Gates: []gateResult{{Gate: "min-score", Passed: true, Message: "score 72.5 is at least 70"}}},
		{File: "cv.md", Target: scorer.Target{Source: "jd", ID: "acme.txt"}, Score: 40, Gained: []string{}, Lost: []string{},
			Gates: []gateResult{{Gate: "require", Message: "required keyword missing: Go", Missing: []string{"Go"}, Line: 1}}},
	}}
	tests := []struct {
		format string
		want   string
	}{
		{"text", "✓ pass  resume.md · role backend: 72.5/100 (HEAD 70, +2.5)\n" +
			"  ✓ min-score: score 72.5 is at least 70\n" +
			"  + gained: gRPC\n" +
			"✗ FAIL  cv.md · jd acme.txt: 40/100\n" +
			"  ✗ require: required keyword missing: Go\n" +
			"check failed: 1 of 2\n"},
		{"markdown", "## resumescore check ❌ failed\n\n" +
			"|  | File | Target | Score | Baseline | Gates | Gained | Lost |\n" +
			"| --- | --- | --- | --- | --- | --- | --- | --- |\n" +
			"| ✅ | resume.md | role backend | 72.5 | HEAD 70, +2.5 | ✓ min-score | gRPC |  |\n" +
			"| ❌ | cv.md | jd acme.txt | 40 |  | ✗ require |  |  |\n" +
			"\n**Failed gates**\n\n" +
			"- `cv.md` (jd acme.txt): **require**: required keyword missing: Go\n" +
			"\n> cv.md: not in HEAD, no baseline to compare with\n"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			s, buf, _ := testStreams("")
			g := &globalOptions{Color: "never", Getenv: noEnv}
			if err := renderCheck(s, g, tt.format, out); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("renderCheck(%s) (-want +got):\n%s", tt.format, diff)
			}
		})
	}
}
