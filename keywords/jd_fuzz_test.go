package keywords_test

import (
	"os"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/keywords"
)

// FuzzFromJD: any text gives a JD or an error, never a panic; every keyword
// has a known section, a positive weight no more than twice its section
// weight, and a count of at least one.
func FuzzFromJD(f *testing.F) {
	if b, err := os.ReadFile("../testdata/fixtures/jd/platform-engineer.md"); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"", "Requirements\n- Go, Rust, or C++\n", "Benefits:\nGo", "Title: \n", "## \n- \n1. :\n",
		"Required Skills: a, b, c\nno Go required", "((((Go)))", "Nice to have\n\u00a0C#/F#/.NET\n",
		strings.Repeat("Kafka, ", 200),
	} {
		f.Add(s)
	}
	lex, err := keywords.LoadLexicon(os.DirFS("../seeds"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		jd, err := keywords.FromJD("fuzz.txt", text, lex)
		if err != nil {
			return
		}
		for _, k := range jd.Set.Keywords {
			sw := keywords.SectionWeight(k.Section)
			if sw == 0 {
				t.Fatalf("keyword %q in section %q", k.Name, k.Section)
			}
			if k.Weight <= 0 || k.Weight > 2*sw+1e-9 {
				t.Fatalf("keyword %q weight %v outside (0, %v]", k.Name, k.Weight, 2*sw)
			}
			if k.Count < 1 || strings.TrimSpace(k.Name) == "" {
				t.Fatalf("keyword %q count %d", k.Name, k.Count)
			}
		}
	})
}
