package extract

import (
	"math"
	"math/rand"
	"testing"
)

// TestMaxWithin2 holds maxWithin2 to the pairwise count it replaced, on
// crafted values (rounding at the 2 pt edge, NaN, infinities) and random
// ones.
func TestMaxWithin2(t *testing.T) {
	pairwise := func(vals []float64) int {
		best := 0
		for _, g := range vals {
			n := 0
			for _, h := range vals {
				if math.Abs(h-g) <= 2 {
					n++
				}
			}
			best = max(best, n)
		}
		return best
	}
	tests := [][]float64{
		nil,
		{5},
		{0.1, 2.1, 4.1, 6.1},
		{0.1, 2.1000000000000001, 2.1000000000000005, -1.9},
		{1, 3, 3, 3, 5, 5.0000001, 7},
		{math.NaN(), 1, 2, math.NaN()},
		{math.Inf(1), math.Inf(1), math.Inf(-1), 0},
		{math.NaN()},
		{100, 100, 100, 102, 104, 98, 96},
		{-0.0, 0.0, 2, -2, 2.0000000000000004},
	}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		vals := make([]float64, rng.Intn(40))
		for i := range vals {
			vals[i] = math.Round(rng.Float64()*300*8) / 8
			if rng.Intn(5) == 0 {
				vals[i] += 2 * float64(rng.Intn(3)-1)
			}
		}
		tests = append(tests, vals)
	}
	for _, vals := range tests {
		want := pairwise(vals)
		in := append([]float64(nil), vals...)
		if got := maxWithin2(in); got != want {
			t.Errorf("maxWithin2(%v) = %d, want %d", vals, got, want)
		}
	}
}
