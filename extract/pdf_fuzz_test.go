package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzExtractPDF feeds arbitrary bytes to readPDF: each input must end as a
// Document or an error wrapping one of the sentinels, never as a panic or a
// hang. Seeds: the project's fixtures and, when present, the hostile files of
// ../shared/corpus/robustness. The deadline is inside the target because the
// fuzzer has no per-input timeout (robustness.md §4).
func FuzzExtractPDF(f *testing.F) {
	// The fuzzer's progress line can read "0 execs/s" for a long time: a
	// worker reports its count only when it finds something or stops. Seeds
	// over 64 KiB (the Flate bomb, 3,000 pages) are left out, as each of
	// their mutants takes long under coverage instrumentation.
	const maxSeed = 64 << 10
	for _, name := range []string{"twocol.pdf", "onecol.pdf"} {
		if data, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", "pdf", name)); err == nil && len(data) <= maxSeed {
			f.Add(data)
		}
	}
	f.Add(onePage("BT /F1 10 Tf 72 700 Td (Senior) Tj 36 0 Td [(Go) -300 (engineer)] TJ ET", "", helvetica, helvetica))
	f.Add(onePage("BT /F1 10 Tf 72 700 Td (a) Tj 0 -14 Td (b) Tj ET q BI /W 1 /H 1 ID x EI Q /X1 Do", "", helvetica, helvetica))
	if seeds, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "robustness", "*.pdf")); len(seeds) > 0 {
		for _, s := range seeds {
			// The /Prev-loop seeds are refused by the pre-scan, so they are
			// safe in-process.
			if data, err := os.ReadFile(s); err == nil && len(data) <= maxSeed {
				f.Add(data)
			}
		}
	}
	sentinels := []error{ErrMalformed, ErrEncrypted, ErrNoText, ErrTooLarge, ErrUnsupported, ErrEmpty, context.DeadlineExceeded}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		type result struct {
			doc *Document
			err error
		}
		done := make(chan result, 1)
		go func() {
			doc, err := readPDF(ctx, data, DefaultOptions())
			done <- result{doc, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("readPDF still running 10 s after a 2 s deadline (a hang inside the library)")
		}
		if r.err != nil {
			for _, s := range sentinels {
				if errors.Is(r.err, s) {
					return
				}
			}
			t.Fatalf("readPDF error wraps no sentinel: %v", r.err)
		}
		if r.doc == nil || r.doc.Format != PDF || len(r.doc.Lines) == 0 {
			t.Fatalf("readPDF returned %+v with no error", r.doc)
		}
	})
}
