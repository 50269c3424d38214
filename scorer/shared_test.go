package scorer_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// moduleRoot returns the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// sharedDir returns ../shared beside the module root, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := moduleRoot()
	if err != nil {
		t.Skipf("module root: %v", err)
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("../shared not present: %v", err)
	}
	return shared
}

var (
	lexOnce sync.Once
	lexVal  *keywords.Lexicon
	lexErr  error
)

func lexicon(t testing.TB) *keywords.Lexicon {
	t.Helper()
	lexOnce.Do(func() { lexVal, lexErr = keywords.LoadLexicon(seedsFS()) })
	if lexErr != nil {
		t.Fatalf("LoadLexicon: %v", lexErr)
	}
	return lexVal
}

// compile resolves the keywords against the lexicon and compiles them.
func compile(t testing.TB, kws ...keywords.Keyword) *scorer.Index {
	t.Helper()
	lex := lexicon(t)
	set := &keywords.Set{ID: "test", Source: "keywords", Keywords: kws}
	lex.Resolve(set)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return ix
}

// doc makes a Document of plain lines.
func doc(lines ...string) *extract.Document {
	d := &extract.Document{Path: "test.txt", Format: extract.Text, Pages: 1}
	for i, l := range lines {
		d.Lines = append(d.Lines, extract.Line{N: i + 1, Page: 1, Text: l})
	}
	return d
}

// seedsFS is the module's seeds directory read from disk: only cmd and the
// seed invariants test import package seeds (STYLE.md §7).
func seedsFS() fs.FS {
	root, err := moduleRoot()
	if err != nil {
		return os.DirFS("seeds")
	}
	return os.DirFS(filepath.Join(root, "seeds"))
}
