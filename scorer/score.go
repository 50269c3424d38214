package scorer

import (
	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
)

// Index is a keyword set compiled for scanning; build it once and share it.
// owner: matching helper.
type Index struct {
	set *keywords.Set
	lex *keywords.Lexicon
}

// Compile builds the index for set, using lex for English words and known aliases.
func Compile(set *keywords.Set, lex *keywords.Lexicon) (*Index, error) {
	return &Index{set: set, lex: lex}, nil
}

// Score matches the document against the index and returns the report.
func (ix *Index) Score(doc *extract.Document) *Report {
	rep := &Report{SchemaVersion: SchemaVersion, File: doc.Path, Format: doc.Format.String()}
	rep.Checks = runChecks(doc, ix.set)
	return rep
}
