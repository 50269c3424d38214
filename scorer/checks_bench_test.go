package scorer

import (
	"context"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/internal/resumegen"
)

// generatedDocs extracts n generated resumes (Markdown and plain text, the
// shape of the 10,000-resume batch benchmark).
func generatedDocs(tb testing.TB, n int) []*extract.Document {
	tb.Helper()
	g := resumegen.New(7)
	docs := make([]*extract.Document, 0, n)
	for i := range n {
		r := g.Resume()
		name, text := "resume.md", r.Markdown()
		if i%5 == 4 {
			name, text = "resume.txt", r.Text()
		}
		d, err := extract.Read(context.Background(), strings.NewReader(text), name, extract.DefaultOptions())
		if err != nil {
			tb.Fatalf("extract generated resume %d: %v", i, err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkChecks runs the quality checks on generated resumes, per resume.
func BenchmarkChecks(b *testing.B) {
	docs := generatedDocs(b, 100)
	set := backendSet()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		runChecks(docs[i%len(docs)], set)
		i++
	}
}
