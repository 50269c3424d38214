package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// fuzzSeeds adds the project's own fixtures and, when ../shared is present,
// the small files of ../shared/corpus/robustness with the given extensions.
func fuzzSeeds(f *testing.F, exts ...string) {
	f.Helper()
	var paths []string
	for _, dir := range []string{"../testdata/fixtures/docx", "../testdata/fixtures/md", "../testdata/fixtures/txt", "../testdata/fixtures/json"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*"))
		paths = append(paths, m...)
	}
	if shared := sharedtest.Path(); shared != "" {
		m, _ := filepath.Glob(filepath.Join(shared, "corpus", "robustness", "*"))
		paths = append(paths, m...)
	}
	for _, p := range paths {
		ok := len(exts) == 0
		for _, e := range exts {
			ok = ok || strings.HasSuffix(p, e)
		}
		if fi, err := os.Stat(p); !ok || err != nil || fi.IsDir() || fi.Size() > 256<<10 {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// FuzzExtractDOCX feeds arbitrary bytes to the DOCX walk without the guard
// of guarded, so a panic fails the fuzz run. Errors must wrap a sentinel.
func FuzzExtractDOCX(f *testing.F) {
	fuzzSeeds(f, ".docx")
	f.Add(docxOf(f, "word/document.xml", wBody(wPara("Jo Example, engineer")+`<w:tbl><w:tr><w:tc>`+wPara("a")+`</w:tc></w:tr></w:tbl>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		doc, err := readDOCX(ctx, data, DefaultOptions())
		if err != nil {
			if !wrapsSentinel(err) && !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("readDOCX error %v wraps no sentinel", err)
			}
			return
		}
		for _, l := range doc.Lines {
			if !utf8.ValidString(l.Text) {
				t.Fatalf("line %q is not UTF-8", l.Text)
			}
		}
	})
}

// FuzzExtract feeds arbitrary bytes through Read (sniff, reader, post-pass). A
// reader panic is recovered by Read, so for formats other than PDF a
// recovered panic ("the parser failed") fails the run too.
func FuzzExtract(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{"# Jo\n\n**Go** [x](mailto:a@b.c)\n| a | b |\n", `{"basics":{"name":"Jo"},"work":[{"highlights":["Go"]}]}`, "\xff\xfeJ\x00o\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"cv.md", "cv.pdf"} {
			doc, err := Read(context.Background(), bytes.NewReader(data), name, Options{Timeout: 2 * time.Second, MaxBytes: 1 << 20})
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) || fe.Path != name || !wrapsSentinel(err) {
					t.Fatalf("Read error %v: want a *FileError for %s wrapping a sentinel", err, name)
				}
				if strings.Contains(err.Error(), "the parser failed") && !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
					t.Fatalf("Read recovered a panic in a non-PDF reader: %v", err)
				}
				continue
			}
			if nonSpaceRunes(doc) < minRunes {
				t.Fatalf("Read returned a near-empty document %q without an error", doc.Text())
			}
			for i, l := range doc.Lines {
				if l.N != i+1 || l.Text == "" || l.Text != strings.TrimSpace(l.Text) || l.Page < 1 {
					t.Fatalf("line %d = %+v: want N=%d, non-empty trimmed text, page >= 1", i, l, i+1)
				}
			}
			for _, s := range doc.Sections {
				if s.Start < 1 || s.End < s.Start || s.End > len(doc.Lines) {
					t.Fatalf("section %+v out of range (%d lines)", s, len(doc.Lines))
				}
			}
		}
	})
}

func wrapsSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
