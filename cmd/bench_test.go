package cmd

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkEndToEnd is one whole `resumescore FILE --role backend` run in
// process: lexicon, role, compile, extract, score and the text report.
// Process start-up (a few ms) is not included; compare with pdftotext with
// hyperfine for that (README "Speed").
func BenchmarkEndToEnd(b *testing.B) {
	files := []string{sampleResume}
	if jakes := filepath.Join("..", "..", "shared", "corpus", "resumes", "jakes-resume-pdflatex.pdf"); fileExists(jakes) {
		files = append(files, jakes)
	}
	for _, f := range files {
		b.Run(filepath.Base(f), func(b *testing.B) {
			for b.Loop() {
				s := &streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
				if code := run(context.Background(), []string{f, "--role", "backend"}, s, noEnv); code > exitGate {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
