package scorer

import "github.com/resumescore/resumescore/extract"

// MatchOnly runs the scan of Score (tokenize, trie walk, gates, variants,
// typos) without building the report, for benchmarks.
func (ix *Index) MatchOnly(doc *extract.Document) int {
	sc := ix.newScan(doc)
	for li := range doc.Lines {
		sc.line(li)
	}
	n := 0
	for _, c := range sc.credits {
		n += len(c)
	}
	return n
}
