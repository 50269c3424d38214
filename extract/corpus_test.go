package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// evalExtract reads a corpus file the way users do, through File. While File
// is unfinished (it panics), PDFs go straight to readPDF and other formats
// are skipped.
func evalExtract(path string) (text string, diags []Diagnostic, skipped bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var doc *Document
	func() {
		defer func() {
			if r := recover(); r != nil {
				skipped = true
			}
		}()
		doc, err = File(ctx, path, DefaultOptions())
	}()
	if skipped && strings.HasSuffix(path, ".pdf") {
		data, rerr := os.ReadFile(path)
		if rerr != nil {
			return "", nil, false, rerr
		}
		skipped = false
		doc, err = readPDF(ctx, data, DefaultOptions())
	}
	if skipped || err != nil {
		return "", nil, skipped, err
	}
	return doc.Text(), doc.Diagnostics, false, nil
}

type corpusRow struct {
	name string
	c    evalCounts
	dur  time.Duration
}

type corpusBars struct {
	recall, precision, bigram, fileRecall float64
	exceptions                            map[string]fileException
}

// runCorpus scores every file against its reference, prints a per-file table
// and pooled figures, and fails under the bars.
func runCorpus(t *testing.T, files []string, refOf func(string) string, bars corpusBars) {
	t.Helper()
	var rows []corpusRow
	var pooled evalCounts
	var slowest corpusRow
	for _, f := range files {
		ref, err := os.ReadFile(refOf(f))
		if err != nil {
			t.Errorf("%s: no reference: %v", filepath.Base(f), err)
			continue
		}
		start := time.Now()
		text, diags, skipped, err := evalExtract(f)
		dur := time.Since(start)
		if skipped {
			t.Logf("%-52s skipped (extract.File not ready for this format)", filepath.Base(f))
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for _, d := range diags {
			if d.Code == "garbled" { // every corpus file has a clean text layer
				t.Errorf("%s: false %q diagnostic: %s", filepath.Base(f), d.Code, d.Message)
			}
		}
		row := corpusRow{name: filepath.Base(f), c: compareTexts(string(ref), text), dur: dur}
		rows = append(rows, row)
		pooled.add(row.c)
		if row.dur > slowest.dur {
			slowest = row
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].c.Recall() < rows[j].c.Recall() })
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-52s %6s %6s %6s %8s\n", "file", "recall", "prec", "bigram", "ms")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-52s %6.3f %6.3f %6.3f %8.1f\n", r.name, r.c.Recall(), r.c.Precision(), r.c.Bigram(), float64(r.dur.Microseconds())/1000)
	}
	fmt.Fprintf(&b, "%-52s %6.3f %6.3f %6.3f   (%d files; slowest %s %.1f ms)\n", "POOLED", pooled.Recall(), pooled.Precision(), pooled.Bigram(), len(rows), slowest.name, float64(slowest.dur.Microseconds())/1000)
	t.Log(b.String())
	if len(rows) == 0 {
		t.Fatal("no file was scored")
	}
	if pooled.Recall() < bars.recall {
		t.Errorf("pooled recall %.4f, want >= %.3f", pooled.Recall(), bars.recall)
	}
	if pooled.Precision() < bars.precision {
		t.Errorf("pooled precision %.4f, want >= %.3f", pooled.Precision(), bars.precision)
	}
	if pooled.Bigram() < bars.bigram {
		t.Errorf("pooled bigram recall %.4f, want >= %.3f", pooled.Bigram(), bars.bigram)
	}
	for _, r := range rows {
		want, why := bars.fileRecall, ""
		if ex, ok := bars.exceptions[r.name]; ok {
			want, why = ex.floor, ex.why
			t.Logf("%s: per-file bar %.3f not held (recall %.4f): %s; failing only under %.3f", r.name, bars.fileRecall, r.c.Recall(), why, want)
		}
		if r.c.Recall() < want {
			t.Errorf("%s: recall %.4f, want >= %.3f", r.name, r.c.Recall(), want)
		}
	}
}

// fileException is a file the per-file recall bar is not held on, with the
// reason and the floor under which the test still fails (so it cannot regress).
type fileException struct {
	floor float64
	why   string
}

// TestCorpusResumes holds issue 3's bar on the real resumes against the
// poppler (PDF) and pandoc (DOCX) reference texts.
func TestCorpusResumes(t *testing.T) {
	shared := sharedtest.Dir(t)
	dir := filepath.Join(shared, "corpus", "resumes")
	var files []string
	for _, ext := range []string{"*.pdf", "*.docx"} {
		m, _ := filepath.Glob(filepath.Join(dir, ext))
		files = append(files, m...)
	}
	refOf := func(f string) string {
		stem := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		kind := "pdftotext"
		if strings.HasSuffix(f, ".docx") {
			kind = "pandoc"
		}
		return filepath.Join(shared, "corpus", "ref", stem+"."+kind+".txt")
	}
	runCorpus(t, files, refOf, corpusBars{recall: 0.99, precision: 0.99, bigram: 0.95, fileRecall: 0.95,
		exceptions: map[string]fileException{
			// Issue 3: 45 of the reference's 782 words are what pdftotext prints for
			// FontAwesome icons that have no Unicode map ("f" x19, "ȳ", "л", ...). We
			// read them as icons (notes/extraction.md §7.13), so recall against
			// pdftotext stays near 0.94 although every real word is there.
			"moderncv-contemporary-xelatex.pdf": {floor: 0.94, why: "the reference holds 45 icon-junk tokens"},
		}})
}

// TestCorpusSynthetic holds issue 3's bar on the synthetic set against the
// known source texts.
func TestCorpusSynthetic(t *testing.T) {
	shared := sharedtest.Dir(t)
	dir := filepath.Join(shared, "corpus", "synthetic")
	var files []string
	for _, ext := range []string{"*.pdf", "*.docx"} {
		m, _ := filepath.Glob(filepath.Join(dir, "files", ext))
		files = append(files, m...)
	}
	refOf := func(f string) string {
		stem := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		return filepath.Join(dir, "truth", stem+".txt")
	}
	runCorpus(t, files, refOf, corpusBars{recall: 0.995, precision: 0.985, bigram: 0.97})
}
