package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/scorer"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

func TestNewBatchCmd(t *testing.T) {
	var got *batchOptions
	withTestCommand(t, "batch-test", func(s *streams, g *globalOptions) *cobra.Command {
		return newBatchCmd(s, g, func(o *batchOptions) error { got = o; return nil })
	})
	tests := []struct {
		name    string
		args    []string
		want    batchOptions
		wantFmt string
		wantErr string
	}{
		{name: "dir and jd", args: []string{"applicants/", "--jd", "job.txt"},
			want: batchOptions{Paths: []string{"applicants/"}, Target: targetOptions{JD: "job.txt"}, Isolate: "auto", Missing: 3}, wantFmt: "text"},
		{name: "every flag", args: []string{"a.pdf", "b/", "--role", "backend", "--top", "10", "--jobs", "4", "--isolate", "never", "--show-missing", "5", "--format", "jsonl"},
			want:    batchOptions{Paths: []string{"a.pdf", "b/"}, Target: targetOptions{Role: "backend"}, Top: 10, Jobs: 4, Isolate: "never", Missing: 5},
			wantFmt: "jsonl"},
		{name: "csv", args: []string{"d", "--keywords", "k.txt", "--format", "csv"},
			want: batchOptions{Paths: []string{"d"}, Target: targetOptions{Keywords: "k.txt"}, Isolate: "auto", Missing: 3}, wantFmt: "csv"},
		{name: "no target", args: []string{"d"}, wantErr: "say what to score against"},
		{name: "no paths", args: []string{"--role", "backend"}, wantErr: "requires at least 1 arg"},
		{name: "bad format", args: []string{"d", "--role", "backend", "--format", "github"}, wantErr: `invalid --format "github"`},
		{name: "negative top", args: []string{"d", "--role", "backend", "--top", "-1"}, wantErr: "invalid --top"},
		{name: "bad isolate", args: []string{"d", "--role", "backend", "--isolate", "sometimes"}, wantErr: "invalid --isolate"},
		{name: "stdin", args: []string{"-", "--role", "backend"}, wantErr: "batch reads files"},
		{name: "min-score is not a batch flag", args: []string{"d", "--role", "backend", "--min-score", "50"}, wantErr: "--min-score does not apply to batch"},
		{name: "explain is not a batch flag", args: []string{"d", "--role", "backend", "--explain"}, wantErr: "--explain does not apply to batch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			s, _, _ := testStreams("")
			root := newRootCmd(s, noEnv)
			root.SetArgs(append([]string{"batch-test"}, tt.args...))
			_, err := root.ExecuteC()
			if tt.wantErr != "" {
				var ue *usageError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &ue) {
					t.Fatalf("batch %q: err = %v, want a usage error containing %q", tt.args, err, tt.wantErr)
				}
				return
			}
			if err != nil || got == nil {
				t.Fatalf("batch %q: err = %v, runF called: %v", tt.args, err, got != nil)
			}
			if got.Global.Format != tt.wantFmt {
				t.Errorf("batch %q: format = %q, want %q", tt.args, got.Global.Format, tt.wantFmt)
			}
			if diff := cmp.Diff(tt.want, *got, cmpopts.IgnoreFields(batchOptions{}, "IO", "Global")); diff != "" {
				t.Errorf("batch %q options (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestCollectFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b/z.md", "b/a.PDF", "a.docx", "notes.png", ".hidden/x.md", "b/.draft.md", "c/d/e.json", "c/d/readme.rtf"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, err := filepath.Rel(dir, p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	tests := []struct {
		name     string
		args     []string
		want     []string
		wantErrs []string
	}{
		{name: "a directory, recursively, supported extensions, hidden skipped, lexical",
			args: []string{dir}, want: []string{"a.docx", "b/a.PDF", "b/z.md", "c/d/e.json"}},
		{name: "a named file is read whatever its extension, duplicates dropped",
			args: []string{filepath.Join(dir, "notes.png"), filepath.Join(dir, "b"), filepath.Join(dir, "b", "z.md")},
			want: []string{"notes.png", "b/a.PDF", "b/z.md"}},
		{name: "a missing path is an error row, the rest goes on",
			args: []string{filepath.Join(dir, "nope"), filepath.Join(dir, "c")}, want: []string{"c/d/e.json"}, wantErrs: []string{"nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, errs := collectFiles(tt.args)
			if diff := cmp.Diff(tt.want, rel(files)); diff != "" {
				t.Errorf("collectFiles() files (-want +got):\n%s", diff)
			}
			var gotErrs []string
			for _, e := range errs {
				gotErrs = append(gotErrs, filepath.Base(e.path))
				if !errors.Is(e.err, os.ErrNotExist) {
					t.Errorf("walk error %v does not wrap os.ErrNotExist", e.err)
				}
			}
			if diff := cmp.Diff(tt.wantErrs, gotErrs); diff != "" {
				t.Errorf("collectFiles() errors (-want +got):\n%s", diff)
			}
		})
	}
}

func score(v float64) *float64 { return &v }

func TestRankResults(t *testing.T) {
	in := []batchResult{
		{File: "c.md", Score: score(50), MustHave: coverage{2, 4}, order: 0},
		{File: "bad1.pdf", Error: "damaged", order: 1},
		{File: "a.md", Score: score(80), order: 2},
		{File: "b.md", Score: score(50), MustHave: coverage{3, 4}, order: 3},
		{File: "d.md", Score: score(50), MustHave: coverage{2, 4}, order: 4},
		{File: "bad0.pdf", Error: "empty", order: 5},
	}
	got := rankResults(in)
	type row struct {
		Rank int
		File string
	}
	var rows []row
	for _, r := range got {
		rows = append(rows, row{r.Rank, r.File})
	}
	want := []row{{1, "a.md"}, {2, "b.md"}, {3, "c.md"}, {4, "d.md"}, {0, "bad1.pdf"}, {0, "bad0.pdf"}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rankResults() (-want +got):\n%s", diff)
	}
	if in[0].Rank != 0 {
		t.Error("rankResults modified its input")
	}

	tests := []struct {
		n    int
		want []string
	}{
		{1, []string{"a.md", "bad1.pdf", "bad0.pdf"}},
		{3, []string{"a.md", "b.md", "c.md", "bad1.pdf", "bad0.pdf"}},
		{10, []string{"a.md", "b.md", "c.md", "d.md", "bad1.pdf", "bad0.pdf"}},
	}
	for _, tt := range tests {
		var files []string
		for _, r := range topResults(got, tt.n) {
			files = append(files, r.File)
		}
		if diff := cmp.Diff(tt.want, files); diff != "" {
			t.Errorf("topResults(%d) (-want +got):\n%s", tt.n, diff)
		}
	}
}

func TestRenderBatch(t *testing.T) {
	rows := []batchResult{
		{Rank: 1, File: "a.md", Format: "markdown", Score: score(87.5), Matched: 7, Total: 8, MustHave: coverage{4, 4}, Missing: []string{"Kafka"}},
		{Rank: 2, File: "b, c.md", Format: "markdown", Score: score(40), Matched: 3, Total: 8, MustHave: coverage{1, 4}, Missing: []string{"Go", "gRPC", "Redis"}},
		{File: "bad.pdf", Error: "bad.pdf: damaged PDF", Missing: []string{}},
	}
	target := &scorer.Target{Source: "jd", ID: "job.txt", Title: "Backend Engineer"}
	tests := []struct {
		format string
		want   string
	}{
		{"csv", "rank,file,score,must_have_matched,must_have_total,matched,total,missing,error\n" +
			"1,a.md,87.5,4,4,7,8,Kafka,\n" +
			"2,\"b, c.md\",40,1,4,3,8,Go; gRPC; Redis,\n" +
			",bad.pdf,,,,,,,bad.pdf: damaged PDF\n"},
		{"jsonl", `{"rank":1,"file":"a.md","format":"markdown","score":87.5,"matched":7,"total":8,"must_have":{"matched":4,"total":4},"missing":["Kafka"]}` + "\n" +
			`{"rank":2,"file":"b, c.md","format":"markdown","score":40,"matched":3,"total":8,"must_have":{"matched":1,"total":4},"missing":["Go","gRPC","Redis"]}` + "\n" +
			`{"file":"bad.pdf","matched":0,"total":0,"must_have":{"matched":0,"total":0},"missing":[],"error":"bad.pdf: damaged PDF"}` + "\n"},
		{"markdown", "## Ranked resumes against jd job.txt\n\n" +
			"| # | File | Score | Must-have | Top missing |\n| --- | --- | --- | --- | --- |\n" +
			"| 1 | a.md | 87.5 | 4/4 | Kafka |\n" +
			"| 2 | b, c.md | 40 | 1/4 | Go, gRPC, Redis |\n" +
			"|  | bad.pdf |  |  | error: bad.pdf: damaged PDF |\n"},
		{"text", "3 resumes against jd Backend Engineer\n\n" +
			"#  file     score  must-have  top missing\n" +
			"1  a.md      87.5        4/4  Kafka\n" +
			"2  b, c.md     40        1/4  Go, gRPC, Redis\n" +
			"   bad.pdf                    error: bad.pdf: damaged PDF\n"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var out bytes.Buffer
			s := &streams{Out: &out, Err: &bytes.Buffer{}}
			g := &globalOptions{Color: "never", Getenv: noEnv}
			if err := renderBatch(s, g, tt.format, target, rows, 3); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, out.String()); diff != "" {
				t.Errorf("renderBatch(%s) (-want +got):\n%s", tt.format, diff)
			}
		})
	}

	// JSON: the documented envelope, decoded and compared semantically.
	var out bytes.Buffer
	if err := renderBatch(&streams{Out: &out}, &globalOptions{Getenv: noEnv}, "json", target, rows, 3); err != nil {
		t.Fatal(err)
	}
	var got struct {
		SchemaVersion int `json:"schema_version"`
		Target        scorer.Target
		Results       []map[string]any `json:"results"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("batch JSON does not decode: %v\n%s", err, out.String())
	}
	if got.SchemaVersion != 1 || len(got.Results) != 3 || got.Results[2]["error"] != "bad.pdf: damaged PDF" || got.Results[0]["score"] != 87.5 {
		t.Errorf("batch JSON = %+v, want schema_version 1, 3 results, the failed one with its error", got)
	}
	if _, ok := got.Results[2]["score"]; ok {
		t.Error("a failed file has a score in JSON, want none")
	}
}

func TestProgressLine(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		done    int
		elapsed time.Duration
		want    string
	}{
		{"start", 0, 0, "[>                       ] 0/100 files"},
		{"a quarter at 10/s", 25, 2500 * time.Millisecond, "[======>                 ] 25/100 files  10/s  ETA 8s"},
		{"done", 100, 4 * time.Second, "[========================] 100/100 files  25/s  ETA 0s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &progress{total: 100, start: start, width: 24, now: func() time.Time { return start.Add(tt.elapsed) }}
			p.done.Store(int64(tt.done))
			if got := p.line(); got != tt.want {
				t.Errorf("line() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestProgressSilentWhenNotATerminal(t *testing.T) {
	var errb bytes.Buffer
	s := &streams{Err: &errb}
	if stderrIsTerminal(s) {
		t.Fatal("a bytes.Buffer is a terminal")
	}
	p := startProgress(&errb, 1000, stderrIsTerminal(s), time.Millisecond)
	for range 1000 {
		p.add()
	}
	time.Sleep(5 * time.Millisecond)
	p.finish()
	if errb.Len() != 0 {
		t.Errorf("progress wrote %q to a non-terminal", errb.String())
	}

	// Enabled, it redraws one line with carriage returns and clears it at the end.
	var tty bytes.Buffer
	p = startProgress(&tty, 10, true, time.Millisecond)
	p.add()
	time.Sleep(20 * time.Millisecond)
	p.finish()
	if !strings.Contains(tty.String(), "\r[") || !strings.HasSuffix(tty.String(), "\r\x1b[K") || strings.Contains(tty.String(), "\n") {
		t.Errorf("progress output = %q, want redraws on one line, cleared at the end", tty.String())
	}
}

// TestScoreOneError: a file that cannot be read becomes its row's error.
func TestScoreOneError(t *testing.T) {
	r := scoreOne(t.Context(), filepath.Join(t.TempDir(), "gone.md"), &batchOptions{Isolate: "never"}, extract.DefaultOptions(), nil, nil)
	if r.Score != nil || r.Error == "" || !errors.Is(r.err, os.ErrNotExist) {
		t.Errorf("scoreOne(missing) = %+v, want an error row wrapping os.ErrNotExist", r)
	}
}

// TestBatchRobustnessCorpus runs batch over ../shared/corpus/robustness (hostile
// and broken files: loops, bombs, encryption, lying sizes) with PDF and DOCX
// in child extractors: every file ends as a row, with a score or its error,
// no stack trace reaches the user, and the run ends.
func TestBatchRobustnessCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := filepath.Join(sharedtest.Root(t), "..", "shared", "corpus", "robustness")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s is absent", dir)
	}
	files, _ := collectFiles([]string{dir})
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	s, out, errb := testStreams("")
	code := run(ctx, []string{"batch", dir, "--role", "backend", "--timeout", "2s", "--format", "jsonl"}, s, noEnv)
	if ctx.Err() != nil {
		t.Fatalf("batch over %d hostile files did not finish in 90 s", len(files))
	}
	if code != exitOK && code != exitError {
		t.Errorf("batch exit code %d, want 0 or 2", code)
	}
	if strings.Contains(errb.String(), "goroutine ") || strings.Contains(errb.String(), "panic") {
		t.Errorf("stderr carries a stack trace:\n%s", errb)
	}
	rows, failed := 0, 0
	for line := range strings.Lines(out.String()) {
		var r struct {
			File  string   `json:"file"`
			Score *float64 `json:"score"`
			Error string   `json:"error"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad jsonl line %q: %v", line, err)
		}
		rows++
		if (r.Score == nil) == (r.Error == "") {
			t.Errorf("%s: want exactly one of score and error, got %+v", r.File, r)
		}
		if r.Error != "" {
			failed++
			if strings.Contains(r.Error, ".go:") || strings.Contains(r.Error, "goroutine") {
				t.Errorf("%s: error leaks a stack: %q", r.File, r.Error)
			}
		}
	}
	if rows != len(files) {
		t.Errorf("batch gave %d rows for %d files", rows, len(files))
	}
	t.Logf("robustness corpus: %d files, %d read, %d refused with an error", rows, rows-failed, failed)
}

// TestBatchTargetError: a target that cannot load stops the batch with its
// error (exit 2) and no table, even though extraction starts beside it.
func TestBatchTargetError(t *testing.T) {
	dir := t.TempDir()
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.md", i)), []byte("# Ana\nGo and PostgreSQL.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"unknown role", []string{"batch", dir, "--role", "astronaut"}, "unknown role"},
		{"missing JD", []string{"batch", dir, "--jd", filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{"no resumes and a bad role", []string{"batch", t.TempDir(), "--role", "astronaut"}, "unknown role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, out, errb := testStreams("")
			if got := run(context.Background(), tt.args, s, noEnv); got != exitError {
				t.Errorf("run(%q) = %d, want %d", tt.args, got, exitError)
			}
			if out.Len() != 0 {
				t.Errorf("run(%q) printed a table:\n%s", tt.args, out)
			}
			if !strings.Contains(errb.String(), tt.wantStderr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, errb, tt.wantStderr)
			}
		})
	}
}

// TestScoreFilesCancel: cancelling a batch (Ctrl-C is a cancelled context
// for a caller of run) while every child hangs on its file returns at once,
// and no child process outlives scoreFiles.
func TestScoreFilesCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	var files []string
	for i := range 6 {
		files = append(files, filepath.Join(dir, fmt.Sprintf("r%d.pdf", i)))
	}
	runner := helperRunner("hang", time.Hour, 0, dir) // only the cancel can end a file
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		_, _ = waitPIDFiles(dir, "hang", 2, 20*time.Second) // on timeout, cancel anyway
		cancel()
	}()
	start := time.Now()
	noTarget := func() (*target, error) { return nil, errors.New("no file should reach scoring") }
	results := scoreFiles(ctx, files, &batchOptions{Isolate: "always", Jobs: 2}, extract.DefaultOptions(), noTarget, runner, func() {})
	if elapsed := time.Since(start); elapsed > 30*time.Second {
		t.Errorf("scoreFiles took %v after the cancel, want it to return at once", elapsed)
	}
	for _, r := range results {
		if r.Score != nil || (r.err != nil && !errors.Is(r.err, context.Canceled)) {
			t.Errorf("row %+v, want no score, and the cancellation for a file that was under way", r)
		}
	}
	waitGone(t, helperPIDs(t, dir, "hang", 2), 5*time.Second)
}

// TestScoreFilesOrder: results come back in input order and rank the same
// whatever the number of workers and wherever the files are extracted (in
// process, or in children whose documents come back as frames).
func TestScoreFilesOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	skills := []string{"Go", "PostgreSQL", "Kubernetes", "Docker", "REST API", "gRPC", "Redis", "Kafka", "AWS", "Terraform"}
	var files []string
	for i := range 24 {
		// Scores from a few keywords to all of them, with ties (i and i+12)
		// that fall back to must-have coverage and then the file name.
		n := 1 + i%12*len(skills)/12
		p := filepath.Join(dir, fmt.Sprintf("resume-%02d.md", (i*7)%24))
		body := fmt.Sprintf("# Candidate %d\n\n## Skills\n\n%s\n\n## Experience\n\nBuilt services for %d years.\n", i, strings.Join(skills[:n], ", "), i)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	g := &globalOptions{Getenv: noEnv}
	tg, err := loadTarget(context.Background(), &streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, g, targetOptions{Role: "backend"})
	if err != nil {
		t.Fatal(err)
	}
	getTarget := func() (*target, error) { return tg, nil }
	runner, err := newChildRunner(g)
	if err != nil {
		t.Fatal(err)
	}
	if raceEnabled {
		runner.memLimit = 0 // the -race runtime cannot start under the limit
	}
	type row struct {
		Rank  int
		File  string
		Score float64
	}
	rows := func(rs []batchResult) []row {
		var out []row
		for _, r := range rs {
			if r.err != nil || r.Score == nil {
				t.Fatalf("%s: %v", r.File, r.err)
			}
			out = append(out, row{r.Rank, r.File, *r.Score})
		}
		return out
	}
	var want []row
	for _, tt := range []struct {
		isolate string
		jobs    int
	}{{"never", 1}, {"never", 2}, {"never", 5}, {"always", 1}, {"always", 3}} {
		results := scoreFiles(context.Background(), files, &batchOptions{Isolate: tt.isolate, Jobs: tt.jobs, Missing: 3}, extract.DefaultOptions(), getTarget, runner, func() {})
		for i, r := range results {
			if r.File != filepath.ToSlash(files[i]) || r.order != i {
				t.Fatalf("isolate %s, %d jobs: result %d is %s (order %d), want %s", tt.isolate, tt.jobs, i, r.File, r.order, files[i])
			}
		}
		got := rows(rankResults(results))
		if want == nil {
			want = got
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("isolate %s, %d jobs: ranking differs from one in-process worker (-want +got):\n%s", tt.isolate, tt.jobs, diff)
		}
	}
	if len(want) != len(files) || want[0].Score <= want[len(want)-1].Score {
		t.Errorf("ranking %+v does not spread the scores", want)
	}
}
