package cmd

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// BenchmarkColdStart is BenchmarkEndToEnd as a fresh process sees it: every
// iteration loads the built-in lexicon anew, so the lexicon parse and the
// scorer's lexicon index are paid each time (the cached ones are what the
// warm benchmark measures). Profile it with -cpuprofile to see where a
// `resumescore FILE --role backend` process spends its time after init.
func BenchmarkColdStart(b *testing.B) {
	file := sampleResume
	if jakes := filepath.Join("..", "..", "shared", "corpus", "resumes", "jakes-resume-pdflatex.pdf"); fileExists(jakes) {
		file = jakes
	}
	saved := builtinLexicon
	b.Cleanup(func() { builtinLexicon = saved })
	for b.Loop() {
		builtinLexicon = sync.OnceValues(openBuiltinLexicon)
		s := &streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}
		if code := run(context.Background(), []string{file, "--role", "backend"}, s, noEnv); code > exitGate {
			b.Fatalf("exit %d", code)
		}
	}
}
