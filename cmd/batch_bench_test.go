package cmd

import (
	"context"
	"io"
	"testing"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/internal/resumegen"
)

// Matching against 1,500 and 10,000 keywords is scorer's
// BenchmarkMatchKeywords; scripts/bench.sh match prints its ratio.

// BenchmarkBatchEndToEnd scores 500 generated resumes through the batch
// worker pool (extraction, scoring, ranking; no rendering), in process.
// files/s is the figure to read.
func BenchmarkBatchEndToEnd(b *testing.B) {
	dir := b.TempDir()
	const n = 500
	if err := resumegen.WriteAll(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	files, errs := collectFiles([]string{dir})
	if len(errs) > 0 || len(files) != n {
		b.Fatalf("collectFiles: %d files, %v", len(files), errs)
	}
	g := &globalOptions{Getenv: noEnv}
	tg, err := loadTarget(context.Background(), &streams{Out: io.Discard, Err: io.Discard}, g, targetOptions{Role: "backend"})
	if err != nil {
		b.Fatal(err)
	}
	opts := &batchOptions{Isolate: "never", Missing: 3}
	b.ResetTimer()
	for b.Loop() {
		rs := rankResults(scoreFiles(context.Background(), files, opts, extract.DefaultOptions(),
			func() (*target, error) { return tg, nil }, nil, func() {}))
		if rs[0].err != nil {
			b.Fatal(rs[0].err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
}
