package scorer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// TestAmbiguityEval scores every line of ../shared/eval/ambiguity.tsv against
// its one keyword and requires every row to be right (the bar is 100 %).
func TestAmbiguityEval(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedtest.Dir(t), "eval", "ambiguity.tsv"))
	if err != nil {
		t.Skipf("ambiguity.tsv: %v", err)
	}
	rows := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")[1:]
	correct := 0
	for i, row := range rows {
		f := strings.Split(row, "\t")
		if len(f) < 3 {
			t.Fatalf("ambiguity.tsv:%d: want 4 fields, got %d", i+2, len(f))
		}
		text, kw, want := f[0], f[1], f[2] == "match"
		note := ""
		if len(f) > 3 {
			note = f[3]
		}
		// the keyword list as `--keywords LIST` reads it: keywords.Parse, then
		// resolved against the lexicon
		set, err := keywords.Parse(strings.NewReader(kw+"\n"), "list.txt")
		if err != nil {
			t.Fatalf("ambiguity.tsv:%d: Parse(%q): %v", i+2, kw, err)
		}
		lexicon(t).Resolve(set)
		ix, err := scorer.Compile(set, lexicon(t))
		if err != nil {
			t.Fatalf("Compile: %v", err)
		}
		rep := ix.Score(doc(text))
		got := rep.Keywords[0].Matched
		if got == want {
			correct++
			continue
		}
		t.Errorf("ambiguity.tsv:%d: %q vs %q: matched = %v, want %v (%s); match %s found %q rejected %v",
			i+2, text, kw, got, want, note, rep.Keywords[0].Match, rep.Keywords[0].Found, rep.Keywords[0].Rejected)
	}
	t.Logf("ambiguity.tsv: %d/%d correct (%.1f %%)", correct, len(rows), 100*float64(correct)/float64(len(rows)))
}
