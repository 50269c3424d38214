package extract

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// TestCorpusDOCX holds issue 3's bars on the DOCX files alone, so a DOCX
// regression cannot hide inside the PDF-dominated pooled figures: the real
// resumes against pandoc's text, the synthetic ones against their source text
// (go test ./extract -run CorpusDOCX -v prints the tables).
func TestCorpusDOCX(t *testing.T) {
	shared := sharedtest.Path()
	if shared == "" {
		t.Skip("../shared/corpus is absent")
	}
	stem := func(f string) string { return strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)) }
	t.Run("resumes", func(t *testing.T) {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", "resumes", "*.docx"))
		if len(files) == 0 {
			t.Skip("no DOCX resumes")
		}
		runCorpus(t, files, func(f string) string {
			return filepath.Join(shared, "corpus", "ref", stem(f)+".pandoc.txt")
		}, corpusBars{recall: 0.99, precision: 0.99, bigram: 0.95, fileRecall: 0.95})
	})
	t.Run("synthetic", func(t *testing.T) {
		files, _ := filepath.Glob(filepath.Join(shared, "corpus", "synthetic", "files", "*.docx"))
		if len(files) == 0 {
			t.Skip("no synthetic DOCX")
		}
		runCorpus(t, files, func(f string) string {
			return filepath.Join(shared, "corpus", "synthetic", "truth", stem(f)+".txt")
		}, corpusBars{recall: 0.995, precision: 0.985, bigram: 0.97, fileRecall: 0.95})
	})
}

// BenchmarkExtractDOCX reads each DOCX of the project's fixtures and, when
// present, ../shared/corpus/resumes through File (one sub-benchmark per file).
func BenchmarkExtractDOCX(b *testing.B) {
	files, _ := filepath.Glob("../testdata/fixtures/docx/*.docx")
	if shared := sharedtest.Path(); shared != "" {
		m, _ := filepath.Glob(filepath.Join(shared, "corpus", "resumes", "*.docx"))
		files = append(files, m...)
	}
	for _, f := range files {
		b.Run(filepath.Base(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := File(context.Background(), f, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
