package scorer

import (
	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
)

// runChecks runs the quality checks beside the score. owner: roles helper.
func runChecks(doc *extract.Document, set *keywords.Set) []Check { return nil }
