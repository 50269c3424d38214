package extract

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestPDFMutations is an opt-in mutation smoke test, complementary to
// FuzzExtractPDF (it needs no coverage instrumentation and runs ~20,000
// inputs a minute on this machine):
// it mutates small PDFs the way the hostile corpus does (bytes, deletions,
// huge integers, duplicated chunks) and calls readPDF on each, failing on a
// hang. Before each call the input is written to $TMPDIR/pdf-mutation.pdf, so
// that a fatal out-of-memory leaves its reproducer behind. Run it with
//
//	RESUMESCORE_PDF_MUTATE=60s go test ./extract -run PDFMutations -v
//
// Found this way and fixed: hex strings left open at the end of a CMap or an
// object stream (the library loops), /Prev loops and xref sizes hidden
// behind NUL bytes or unusual line breaks.
func TestPDFMutations(t *testing.T) {
	dur, err := time.ParseDuration(os.Getenv("RESUMESCORE_PDF_MUTATE"))
	if err != nil {
		t.Skip("set RESUMESCORE_PDF_MUTATE=60s to run")
	}
	cur := filepath.Join(os.TempDir(), "pdf-mutation.pdf")
	var seeds [][]byte
	seeds = append(seeds, onePage("BT /F1 10 Tf 72 700 Td (Senior) Tj 36 0 Td [(Go) -300 (engineer)] TJ ET", "", helvetica, helvetica))
	m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "robustness", "*.pdf"))
	m = append(m, filepath.Join("..", "testdata", "fixtures", "pdf", "onecol.pdf"), filepath.Join("..", "testdata", "fixtures", "pdf", "twocol.pdf"))
	for _, f := range m {
		d, _ := os.ReadFile(f)
		if len(d) > 0 && len(d) < 128<<10 {
			seeds = append(seeds, d)
		}
	}
	ints := []string{"0", "-1", "2147483647", "99999999999", "4294967295", "65535", "-2147483648", "1e308", "256", "1000000"}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	deadline := time.Now().Add(dur)
	n := 0
	for time.Now().Before(deadline) {
		s := seeds[rng.Intn(len(seeds))]
		d := append([]byte(nil), s...)
		for k := 0; k < 1+rng.Intn(6); k++ {
			if len(d) < 2 {
				break
			}
			i := rng.Intn(len(d))
			switch rng.Intn(6) {
			case 0:
				d[i] = byte(rng.Intn(256))
			case 1:
				d[i] = "0123456789 /[]<>()R"[rng.Intn(19)]
			case 2:
				j := i + rng.Intn(64)
				if j < len(d) {
					d = append(d[:i], d[j:]...)
				}
			case 3:
				v := ints[rng.Intn(len(ints))]
				j := i
				for j < len(d) && d[j] >= '0' && d[j] <= '9' {
					j++
				}
				d = append(d[:i], append([]byte(v), d[j:]...)...)
			case 4:
				j := i + rng.Intn(256)
				if j < len(d) {
					chunk := append([]byte(nil), d[i:j]...)
					p := rng.Intn(len(d))
					d = append(d[:p], append(chunk, d[p:]...)...)
				}
			case 5:
				d = append(d[:i], append([]byte{byte(rng.Intn(256))}, d[i:]...)...)
			}
		}
		if err := os.WriteFile(cur, d, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_, _ = readPDF(ctx, d, DefaultOptions())
			close(done)
		}()
		n++
		select {
		case <-done:
		case <-time.After(4 * time.Second):
			buf := make([]byte, 1<<20)
			k := runtime.Stack(buf, true)
			t.Fatalf("hang after %d inputs; input in %s\n%s", n, cur, buf[:k])
		}
	}
	t.Logf("%d mutated inputs, no hang", n)
}
