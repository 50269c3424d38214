package extract

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

// The extraction metrics of ../shared/notes/extraction.md §1: both texts go
// through the same tokenizer (lower-case, U+00AD removed, runs of letters and
// digits); NFKC is applied to the reference only, so a hypothesis that keeps
// a ligature code point is penalised.

// evalTokens splits text into metric tokens.
func evalTokens(s string, nfkc bool) []string {
	if nfkc {
		s = norm.NFKC.String(s)
	}
	s = strings.ReplaceAll(strings.ToLower(s), "\u00ad", "")
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// evalCounts holds the multiset intersections of one file, so that pooled
// (micro-averaged) figures are sums over files.
type evalCounts struct {
	Ref, Hyp, Hit       int // words
	RefBi, HypBi, HitBi int // adjacent word pairs
}

func (c *evalCounts) add(o evalCounts) {
	c.Ref += o.Ref
	c.Hyp += o.Hyp
	c.Hit += o.Hit
	c.RefBi += o.RefBi
	c.HypBi += o.HypBi
	c.HitBi += o.HitBi
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Recall is word recall: matched words over reference words.
func (c evalCounts) Recall() float64 { return ratio(c.Hit, c.Ref) }

// Precision is word precision: matched words over hypothesis words.
func (c evalCounts) Precision() float64 { return ratio(c.Hit, c.Hyp) }

// Bigram is adjacent-pair recall, the reading-order check.
func (c evalCounts) Bigram() float64 { return ratio(c.HitBi, c.RefBi) }

// compareTexts scores a hypothesis text against a reference text.
func compareTexts(ref, hyp string) evalCounts {
	rt, ht := evalTokens(ref, true), evalTokens(hyp, false)
	var c evalCounts
	c.Ref, c.Hyp = len(rt), len(ht)
	c.Hit = multisetHits(rt, ht)
	rb, hb := pairs(rt), pairs(ht)
	c.RefBi, c.HypBi = len(rb), len(hb)
	c.HitBi = multisetHits(rb, hb)
	return c
}

func pairs(t []string) []string {
	if len(t) < 2 {
		return nil
	}
	out := make([]string, len(t)-1)
	for i := range out {
		out[i] = t[i] + "\x00" + t[i+1]
	}
	return out
}

func multisetHits(ref, hyp []string) int {
	m := make(map[string]int, len(ref))
	for _, w := range ref {
		m[w]++
	}
	hits := 0
	for _, w := range hyp {
		if m[w] > 0 {
			m[w]--
			hits++
		}
	}
	return hits
}

func TestCompareTexts(t *testing.T) {
	tests := []struct {
		name     string
		ref, hyp string
		want     evalCounts
	}{
		{"identical", "Senior Go engineer", "senior go engineer", evalCounts{3, 3, 3, 2, 2, 2}},
		{"glued words lose recall", "software engineer", "softwareengineer", evalCounts{2, 1, 0, 1, 0, 0}},
		{"order shows in bigrams only", "a b c d", "c d a b", evalCounts{4, 4, 4, 3, 3, 2}},
		{"ligature in reference is expanded", "con\ufb01guration", "configuration", evalCounts{1, 1, 1, 0, 0, 0}},
		{"ligature in hypothesis is penalised", "configuration", "con\ufb01guration", evalCounts{1, 1, 0, 0, 0, 0}},
		{"soft hyphen removed", "submis\u00adsions", "submissions", evalCounts{1, 1, 1, 0, 0, 0}},
		{"multiset counts repeats once each", "go go", "go go go", evalCounts{2, 3, 2, 1, 2, 1}},
		{"punctuation and underscore split", "C++/Node.js a_b", "c node js a b", evalCounts{5, 5, 5, 4, 4, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := compareTexts(tt.ref, tt.hyp)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("compareTexts(%q, %q) mismatch (-want +got):\n%s", tt.ref, tt.hyp, diff)
			}
		})
	}
}
