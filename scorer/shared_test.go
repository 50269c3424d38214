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

	"github.com/resumescore/resumescore/internal/sharedtest"
)

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
	root, err := sharedtest.ModuleRoot()
	if err != nil {
		return os.DirFS("seeds")
	}
	return os.DirFS(filepath.Join(root, "seeds"))
}
