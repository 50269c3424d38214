package scorer

import "math"

// Depth is the tie-break between reports that score the same against one
// keyword set: the share of the weighted keywords (0..100) backed by repeated
// evidence. Each keyword that counts toward the score (an any-of group through
// its best member) earns its Points times min(Count, CountCap)/CountCap, a
// matched keyword at least one occurrence. So every keyword matched exactly
// CountCap times or more gives 100, none gives 0, adding a missing keyword or
// one more occurrence (up to CountCap) never lowers it, and repetition beyond
// CountCap adds nothing. Depth never changes Score; it only orders reports
// whose Score is equal (Compare).
func Depth(r *Report) float64 {
	if r == nil {
		return 0
	}
	var d float64
	for _, m := range r.Keywords {
		if !m.Matched || m.Points <= 0 {
			continue
		}
		n := m.Count
		if n < 1 {
			n = 1
		}
		if n > CountCap {
			n = CountCap
		}
		d += m.Points * float64(n) / CountCap
	}
	return math.Round(d*10) / 10
}

// Compare orders two reports against the same keyword set: by Score, then by
// Depth. It returns 1 when a ranks higher, -1 when b does, 0 when they tie on
// both.
func Compare(a, b *Report) int {
	var sa, sb float64
	if a != nil {
		sa = a.Score
	}
	if b != nil {
		sb = b.Score
	}
	switch {
	case sa > sb:
		return 1
	case sa < sb:
		return -1
	}
	da, db := Depth(a), Depth(b)
	switch {
	case da > db:
		return 1
	case da < db:
		return -1
	}
	return 0
}
