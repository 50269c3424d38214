package cmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/internal/resumegen"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
	"github.com/resumescore/resumescore/seeds"
)

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
		rs := rankResults(scoreFiles(context.Background(), files, opts, extract.DefaultOptions(), tg, nil, func() {}))
		if rs[0].err != nil {
			b.Fatal(rs[0].err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkMatchKeywords scores one generated resume against keyword sets
// of 1,500 and 10,000 names (the lexicon's labels, then made-up product
// names). Compiling is outside the timer. The bar: the 10,000 case
// takes at most twice the 1,500 case (make bench-match prints the ratio).
func BenchmarkMatchKeywords(b *testing.B) {
	lex, err := keywords.LoadLexicon(seeds.FS())
	if err != nil {
		b.Fatal(err)
	}
	names := benchKeywordNames(b, 10000)
	doc, err := extract.Read(context.Background(), strings.NewReader(resumegen.New(5).Resume().Markdown()), "resume.md", extract.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1500, 10000} {
		b.Run(fmt.Sprintf("keywords=%d", n), func(b *testing.B) {
			set := &keywords.Set{ID: "bench", Title: "bench", Source: "keywords"}
			for _, name := range names[:n] {
				set.Keywords = append(set.Keywords, keywords.Keyword{ID: slug(name), Name: name, Weight: 1})
			}
			lex.Resolve(set)
			ix, err := scorer.Compile(set, lex)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if rep := ix.Score(doc); rep == nil {
					b.Fatal("nil report")
				}
			}
		})
	}
}

// benchKeywordNames returns n distinct keyword names: the embedded
// lexicon's labels in file order, then invented product names.
func benchKeywordNames(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := seeds.FS().Open("lexicon/skills.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	var names []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() && len(names) < n {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || cols[0] == "id" {
			continue
		}
		label := strings.TrimSpace(cols[1])
		if label != "" && !seen[strings.ToLower(label)] {
			seen[strings.ToLower(label)] = true
			names = append(names, label)
		}
	}
	syll := []string{"ka", "ro", "mi", "ven", "tor", "lu", "xi", "bel", "dra", "quo", "sen", "fi"}
	for i := 0; len(names) < n; i++ {
		name := syll[i%12] + syll[(i/12)%12] + syll[(i/144)%12] + fmt.Sprint(i/1728)
		if !seen[name] {
			seen[name] = true
			names = append(names, strings.ToUpper(name[:1])+name[1:])
		}
	}
	return names
}

// TestBenchKeywordNames keeps the benchmark honest: the sets are distinct
// names, and the small one is a prefix of the large one.
func TestBenchKeywordNames(t *testing.T) {
	names := benchKeywordNames(t, 10000)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[strings.ToLower(n)] {
			t.Fatalf("duplicate keyword name %q", n)
		}
		seen[strings.ToLower(n)] = true
	}
	if len(names) != 10000 {
		t.Errorf("benchKeywordNames(10000) gave %d names", len(names))
	}
}
