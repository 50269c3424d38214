package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/extract"
)

// sampleResume is the fictional resume the README quick start runs.
const sampleResume = "../testdata/fixtures/md/sample-resume.md"

func testStreams(stdin string) (*streams, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &streams{In: strings.NewReader(stdin), Out: &out, Err: &errb}, &out, &errb
}

func noEnv(string) string { return "" }

func TestNewScoreCmd(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    scoreOptions
		wantG   globalOptions
		wantErr string
	}{
		{
			name:  "role",
			args:  []string{"score", "a.pdf", "--role", "backend"},
			want:  scoreOptions{Files: []string{"a.pdf"}, Target: targetOptions{Role: "backend"}},
			wantG: globalOptions{Format: "text", Color: "auto", Timeout: 5 * time.Second, MaxSize: "10MiB", MaxPages: 20},
		},
		{
			name:  "bare root runs score",
			args:  []string{"a.pdf", "b.docx", "--jd", "job.txt", "--format", "json", "--min-score", "70", "--explain"},
			want:  scoreOptions{Files: []string{"a.pdf", "b.docx"}, Target: targetOptions{JD: "job.txt"}},
			wantG: globalOptions{Format: "json", Color: "auto", MinScore: 70, Explain: true, Timeout: 5 * time.Second, MaxSize: "10MiB", MaxPages: 20},
		},
		{
			name:  "role and jd together",
			args:  []string{"score", "-", "--role", "backend", "--jd", "job.txt", "--color", "never", "--timeout", "2s", "--max-size", "1MB", "--max-pages", "3"},
			want:  scoreOptions{Files: []string{"-"}, Target: targetOptions{Role: "backend", JD: "job.txt"}},
			wantG: globalOptions{Format: "text", Color: "never", Timeout: 2 * time.Second, MaxSize: "1MB", MaxPages: 3},
		},
		{
			name:  "keywords",
			args:  []string{"score", "a.md", "--keywords", "mine.txt", "--format", "markdown"},
			want:  scoreOptions{Files: []string{"a.md"}, Target: targetOptions{Keywords: "mine.txt"}},
			wantG: globalOptions{Format: "markdown", Color: "auto", Timeout: 5 * time.Second, MaxSize: "10MiB", MaxPages: 20},
		},
		{name: "no target", args: []string{"score", "a.pdf"}, wantErr: "say what to score against"},
		{name: "keywords with role", args: []string{"score", "a.pdf", "--role", "x", "--keywords", "k.txt"}, wantErr: "cannot be combined"},
		{name: "no file", args: []string{"score", "--role", "backend"}, wantErr: "requires at least 1 arg"},
		{name: "bad format", args: []string{"score", "a.pdf", "--role", "b", "--format", "xml"}, wantErr: `invalid --format "xml"`},
		{name: "bad color", args: []string{"score", "a.pdf", "--role", "b", "--color", "sometimes"}, wantErr: `invalid --color "sometimes"`},
		{name: "min score over 100", args: []string{"score", "a.pdf", "--role", "b", "--min-score", "101"}, wantErr: "invalid --min-score"},
		{name: "min score not a number", args: []string{"score", "a.pdf", "--role", "b", "--min-score", "high"}, wantErr: "invalid argument"},
		{name: "bad size", args: []string{"score", "a.pdf", "--role", "b", "--max-size", "huge"}, wantErr: "invalid --max-size"},
		{name: "stdin twice", args: []string{"score", "-", "-", "--role", "b"}, wantErr: "can be read only once"},
		{name: "stdin for jd and resume", args: []string{"score", "-", "--jd", "-"}, wantErr: "can be read only once"},
		{name: "unknown flag", args: []string{"score", "a.pdf", "--rolee", "b"}, wantErr: "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := testStreams("")
			var got *scoreOptions
			runF := func(o *scoreOptions) error { got = o; return nil }
			root := newTestRoot(s, runF)
			root.SetArgs(tt.args)
			_, err := root.ExecuteC()
			if tt.wantErr != "" {
				var ue *usageError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &ue) {
					t.Fatalf("args %q: err = %v, want usage error containing %q", tt.args, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("args %q: unexpected error %v", tt.args, err)
			}
			if got == nil {
				t.Fatal("runF not called")
			}
			if diff := cmp.Diff(tt.want, *got, cmpIgnoreScoreIO); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
			g := *got.Global
			g.Getenv = nil
			if diff := cmp.Diff(tt.wantG, g); diff != "" {
				t.Errorf("global options (-want +got):\n%s", diff)
			}
		})
	}
}

var cmpIgnoreScoreIO = cmp.Transformer("scoreOpts", func(o scoreOptions) scoreOptions {
	o.IO, o.Global = nil, nil
	return o
})

// newTestRoot is the real command tree with runF wired into both the root's
// bare-file path and the score command.
func newTestRoot(s *streams, runF func(*scoreOptions) error) *cobra.Command {
	return newRoot(s, noEnv, runF)
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	random := filepath.Join(dir, "random.pdf")
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(rng.IntN(256))
	}
	if err := os.WriteFile(random, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		stdin      string
		want       int
		wantStdout bool   // a report is printed
		wantStderr string // a substring of stderr ("" = stderr must be empty)
	}{
		{"ok", []string{sampleResume, "--role", "backend"}, "", exitOK, true, ""},
		{"ok json", []string{"score", sampleResume, "--role", "backend", "--format", "json"}, "", exitOK, true, ""},
		{"ok stdin", []string{"score", "-", "--role", "backend"}, "Built a REST API in Python with PostgreSQL.\n", exitOK, true, ""},
		{"under min score", []string{sampleResume, "--role", "backend", "--min-score", "100"}, "", exitGate, true, "under --min-score 100"},
		{"missing file", []string{"nope.pdf", "--role", "backend"}, "", exitError, false, "resumescore: nope.pdf: "},
		{"random bytes pdf", []string{random, "--role", "backend"}, "", exitError, false, "resumescore: " + random + ": "},
		{"empty file", []string{empty, "--role", "backend"}, "", exitError, false, "hint:"},
		{"bad flag", []string{sampleResume, "--role", "backend", "--bogus"}, "", exitError, false, "unknown flag: --bogus"},
		{"bad format", []string{sampleResume, "--role", "backend", "--format", "yaml"}, "", exitError, false, "invalid --format"},
		{"unknown role", []string{sampleResume, "--role", "astronaut"}, "", exitError, false, "known roles: "},
		{"extract ok", []string{"extract", sampleResume}, "", exitOK, true, ""},
		{"extract missing", []string{"extract", "nope.docx"}, "", exitError, false, "nope.docx"},
		{"roles", []string{"roles"}, "", exitOK, true, ""},
		{"about", []string{"about"}, "", exitOK, true, ""},
		{"version", []string{"--version"}, "", exitOK, true, ""},
		{"no args prints help", nil, "", exitOK, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out, errb := testStreams(tt.stdin)
			got := run(context.Background(), tt.args, s, noEnv)
			if got != tt.want {
				t.Errorf("run(%q) = %d, want %d\nstderr: %s", tt.args, got, tt.want, errb)
			}
			if (out.Len() > 0) != tt.wantStdout {
				t.Errorf("run(%q) stdout %d bytes, want output: %v", tt.args, out.Len(), tt.wantStdout)
			}
			if tt.wantStderr == "" && errb.Len() > 0 {
				t.Errorf("run(%q) stderr = %q, want empty", tt.args, errb)
			}
			if !strings.Contains(errb.String(), tt.wantStderr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, errb, tt.wantStderr)
			}
			if strings.Contains(errb.String(), "goroutine ") || strings.Contains(errb.String(), "panic:") {
				t.Errorf("run(%q) printed a panic trace: %s", tt.args, errb)
			}
			if lines := strings.Count(errb.String(), "\n"); tt.want == exitError && lines > 2 {
				t.Errorf("run(%q) wrote %d stderr lines, want at most 2 (cause and hint):\n%s", tt.args, lines, errb)
			}
		})
	}
}

func TestRunRecoversPanic(t *testing.T) {
	s, _, errb := testStreams("")
	registerCommand(func(*streams, *globalOptions) *cobra.Command {
		return &cobra.Command{Use: "boom-test", Hidden: true, RunE: func(*cobra.Command, []string) error { panic("kaboom") }}
	})
	defer func() { commandFactories = commandFactories[:len(commandFactories)-1] }()
	if got := run(context.Background(), []string{"boom-test"}, s, noEnv); got != exitError {
		t.Errorf("run(boom-test) = %d, want %d", got, exitError)
	}
	if !strings.Contains(errb.String(), "internal error: kaboom") || strings.Count(errb.String(), "\n") != 1 {
		t.Errorf("stderr = %q, want one internal error line", errb)
	}
}

func TestColorProfile(t *testing.T) {
	tests := []struct {
		color string
		env   map[string]string
		tty   bool
		want  termenv.Profile
	}{
		{"auto", nil, true, termenv.ANSI},
		{"auto", nil, false, termenv.Ascii},
		{"auto", map[string]string{"NO_COLOR": "1"}, true, termenv.Ascii},
		{"auto", map[string]string{"CLICOLOR": "0"}, true, termenv.Ascii},
		{"auto", map[string]string{"CLICOLOR_FORCE": "1"}, false, termenv.ANSI},
		{"auto", map[string]string{"CLICOLOR_FORCE": "0"}, false, termenv.Ascii},
		{"auto", map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, true, termenv.Ascii},
		{"auto", map[string]string{"TERM": "dumb"}, true, termenv.Ascii},
		{"always", map[string]string{"NO_COLOR": "1"}, false, termenv.ANSI},
		{"never", map[string]string{"CLICOLOR_FORCE": "1"}, true, termenv.Ascii},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		if got := colorProfile(tt.color, getenv, tt.tty); got != tt.want {
			t.Errorf("colorProfile(%q, %v, tty=%v) = %v, want %v", tt.color, tt.env, tt.tty, got, tt.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{"", 0, false},
		{"1024", 1024, false},
		{"10MiB", 10 << 20, false},
		{"10 MiB", 10 << 20, false},
		{"500KB", 500_000, false},
		{"2m", 2 << 20, false},
		{"1GB", 1_000_000_000, false},
		{"0", 0, true},
		{"-5MB", 0, true},
		{"ten", 0, true},
		{"1.5MB", 0, true},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestWriteTable(t *testing.T) {
	var b bytes.Buffer
	if err := writeTable(&b, []string{"A", "B"}, [][]string{{"x|y", "line1\nline2"}, {"<b>", `back\slash *x*`}}); err != nil {
		t.Fatal(err)
	}
	want := "| A | B |\n| --- | --- |\n| x\\|y | line1<br>line2 |\n| &lt;b&gt; | back\\\\slash \\*x\\* |\n"
	if got := b.String(); got != want {
		t.Errorf("writeTable = %q, want %q", got, want)
	}
}

func TestClip(t *testing.T) {
	long := "Led the migration of the billing platform and many other systems to Kubernetes across three regions"
	tests := []struct {
		text, form string
		n          int
		wantIn     string // must stay visible
		wantMax    int
	}{
		{"short line", "short", 40, "short line", 40},
		{long, "Kubernetes", 40, "Kubernetes", 40},
		{long, "Led", 40, "Led the", 40},
		{long, "", 30, "Led", 30},
	}
	for _, tt := range tests {
		got := clip(tt.text, tt.form, tt.n)
		if !strings.Contains(got, tt.wantIn) || len([]rune(got)) > tt.wantMax {
			t.Errorf("clip(%q, %q, %d) = %q (%d runes), want ≤ %d runes containing %q", tt.text, tt.form, tt.n, got, len([]rune(got)), tt.wantMax, tt.wantIn)
		}
	}
}

func TestHints(t *testing.T) {
	for _, h := range sentinelHints {
		err := errors.Join(errors.New("x"), h.err)
		if got := hintFor(err); got != h.hint || got == "" {
			t.Errorf("hintFor(%v) = %q, want %q", h.err, got, h.hint)
		}
	}
	if got := hintFor(errors.New("other")); got != "" {
		t.Errorf("hintFor(other) = %q, want none", got)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&extract.FileError{Path: "a.pdf", Err: fmt.Errorf("no text layer (scanned image?): %w", extract.ErrNoText)}, "a.pdf: no text layer (scanned image?)"},
		{&extract.FileError{Path: "a.pdf", Err: fmt.Errorf("password-protected PDF: %w", extract.ErrEncrypted)}, "a.pdf: password-protected PDF: encrypted"},
		{&extract.FileError{Path: "a.pdf", Err: &fs.PathError{Op: "open", Path: "a.pdf", Err: fs.ErrNotExist}}, "a.pdf: file does not exist"},
		{errors.New("plain"), "plain"},
	}
	for _, tt := range tests {
		if got := describe(tt.err); got != tt.want {
			t.Errorf("describe(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// panicReader panics on Read, standing in for a library that panics while a
// file is read on the background goroutine.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("reader exploded") }

func TestBackgroundPanicIsAnError(t *testing.T) {
	s, out, errb := testStreams("")
	s.In = panicReader{}
	got := run(context.Background(), []string{"score", "-", "--role", "backend"}, s, noEnv)
	if got != exitError {
		t.Errorf("run = %d, want %d", got, exitError)
	}
	if out.Len() > 0 || strings.Contains(errb.String(), "goroutine") || !strings.Contains(errb.String(), "reader exploded") {
		t.Errorf("stdout %q, stderr %q: want no report and one error line naming the panic", out, errb)
	}
}
