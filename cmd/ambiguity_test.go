package cmd

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/scorer"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// TestAmbiguityCLI is issue 4's bar as a user meets it: every line of
// ../shared/eval/ambiguity.tsv, written to a file, scored with
// `resumescore score TEXT.txt --keywords LIST --format json`, and the one
// keyword's `matched` field compared with the label. The bar is 100 %.
func TestAmbiguityCLI(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedtest.Dir(t), "eval", "ambiguity.tsv"))
	if err != nil {
		t.Skipf("ambiguity.tsv: %v", err)
	}
	rows := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")[1:]
	dir := t.TempDir()
	correct := 0
	for i, row := range rows {
		f := strings.Split(row, "\t")
		if len(f) < 3 {
			t.Fatalf("ambiguity.tsv:%d: want at least 3 fields, got %d", i+2, len(f))
		}
		text, kw, want := f[0], f[1], f[2] == "match"
		textFile := filepath.Join(dir, "line.txt")
		listFile := filepath.Join(dir, "list.txt")
		if err := os.WriteFile(textFile, []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(listFile, []byte(kw+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		s, out, errb := testStreams("")
		code := run(context.Background(), []string{"score", textFile, "--keywords", listFile, "--format", "json"}, s, noEnv)
		if code != exitOK {
			t.Fatalf("ambiguity.tsv:%d: exit %d, stderr %q", i+2, code, errb)
		}
		var rep scorer.Report
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("ambiguity.tsv:%d: decoding the report: %v", i+2, err)
		}
		if len(rep.Keywords) != 1 {
			t.Fatalf("ambiguity.tsv:%d: %d keywords in the report, want 1", i+2, len(rep.Keywords))
		}
		if got := rep.Keywords[0].Matched; got != want {
			t.Errorf("ambiguity.tsv:%d: %q vs %q: matched = %v, want %v", i+2, text, kw, got, want)
			continue
		}
		correct++
	}
	t.Logf("ambiguity.tsv through the CLI: %d/%d correct (%.1f %%)", correct, len(rows), 100*float64(correct)/float64(len(rows)))
}
