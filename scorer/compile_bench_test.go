package scorer_test

import (
	"testing"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

func BenchmarkCompile(b *testing.B) {
	lex := lexicon(b)
	set := &keywords.Set{Keywords: []keywords.Keyword{{Name: "Go"}, {Name: "PostgreSQL"}}}
	lex.Resolve(set)
	for b.Loop() {
		if _, err := scorer.Compile(set, lex); err != nil {
			b.Fatal(err)
		}
	}
}
