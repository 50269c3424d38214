package scorer

import "math"

// Depth is the tie-break between reports that score the same against one
// keyword set: the share of the weighted keywords (0..100) backed by repeated
// evidence. Each keyword that counts toward the score earns its Points times
// min(Count, CountCap)/CountCap, a matched keyword at least one occurrence; an
// any-of group earns its points times the best evidence of its members. So every keyword matched exactly
// CountCap times or more gives 100, none gives 0, adding a missing keyword or
// one more occurrence (up to CountCap) never lowers it, and repetition beyond
// CountCap adds nothing. Depth never changes Score; it only orders reports
// whose Score is equal (Compare).
func Depth(r *Report) float64 {
	if r == nil {
		return 0
	}
	frac := func(m Match) float64 {
		n := min(max(m.Count, 1), CountCap)
		return float64(n) / CountCap
	}
	// An any-of group earns its points (carried by its best member) times the
	// best evidence of any matched member, so that matching one more member
	// never lowers it.
	groupFrac := map[string]float64{}
	for _, m := range r.Keywords {
		if m.Group != "" && m.Matched {
			groupFrac[m.Group] = max(groupFrac[m.Group], frac(m))
		}
	}
	var d float64
	for _, m := range r.Keywords {
		if !m.Matched || m.Points <= 0 {
			continue
		}
		f := frac(m)
		if m.Group != "" {
			f = groupFrac[m.Group]
		}
		d += m.Points * f
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
