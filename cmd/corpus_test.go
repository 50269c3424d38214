package cmd

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/resumescore/resumescore/scorer"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// TestCorpusScores is issue 2's end-to-end bar: every resume of
// ../shared/corpus/resumes scores against the backend role through the whole
// command line, with exit 0, one JSON report and nothing on stderr.
func TestCorpusScores(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "corpus", "resumes")
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus resumes in %s: %v", dir, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, out, errb := testStreams("")
			code := run(context.Background(), []string{f, "--role", "backend", "--format", "json"}, s, noEnv)
			if code != exitOK || errb.Len() > 0 {
				t.Fatalf("exit %d, stderr %q; want 0 and no stderr", code, errb)
			}
			var rep scorer.Report
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatalf("not one JSON report: %v", err)
			}
			if rep.Score < 0 || rep.Score > 100 || rep.Total == 0 || len(rep.Keywords) != rep.Total {
				t.Errorf("score %v, %d keywords of %d total: want 0..100 and every keyword listed", rep.Score, len(rep.Keywords), rep.Total)
			}
			t.Logf("%-50s %5.1f  %d/%d", filepath.Base(f), rep.Score, rep.Matched, rep.Total)
		})
	}
}
