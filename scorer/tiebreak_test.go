package scorer_test

import (
	"testing"

	"github.com/resumescore/resumescore/scorer"
)

func rep(score float64, ms ...scorer.Match) *scorer.Report {
	return &scorer.Report{Score: score, Keywords: ms}
}

func hit(points float64, count int) scorer.Match {
	return scorer.Match{Matched: true, Points: points, MaxPoints: points, Credit: 1, Count: count}
}

func TestDepth(t *testing.T) {
	tests := []struct {
		name string
		r    *scorer.Report
		want float64
	}{
		{"nil", nil, 0},
		{"none matched", rep(0, scorer.Match{MaxPoints: 100}), 0},
		{"all at the cap", rep(100, hit(50, scorer.CountCap), hit(50, scorer.CountCap)), 100},
		{"beyond the cap adds nothing", rep(100, hit(50, 40), hit(50, scorer.CountCap)), 100},
		{"once each", rep(100, hit(50, 1), hit(50, 1)), 100.0 / scorer.CountCap},
		{"a group takes its members' best evidence", rep(50,
			scorer.Match{Matched: true, Points: 50, Count: 1, Group: "g1"},
			scorer.Match{Matched: true, Count: scorer.CountCap, Group: "g1"}), 50},
		{"generic match counts once", rep(25, scorer.Match{Matched: true, Points: 25, Count: 0}), 25.0 / scorer.CountCap},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scorer.Depth(tt.r)
			if d := got - tt.want; d > 0.05 || d < -0.05 {
				t.Errorf("Depth = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		a, b *scorer.Report
		want int
	}{
		{"higher score wins", rep(60, hit(60, 1)), rep(50, hit(50, 3)), 1},
		{"lower score loses", rep(50, hit(50, 3)), rep(60, hit(60, 1)), -1},
		{"same score, more evidence", rep(50, hit(50, 2)), rep(50, hit(50, 1)), 1},
		{"same score, same evidence", rep(50, hit(50, 5)), rep(50, hit(50, 3)), 0},
		{"nil is zero", nil, rep(0), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scorer.Compare(tt.a, tt.b); got != tt.want {
				t.Errorf("Compare = %d, want %d", got, tt.want)
			}
			if got := scorer.Compare(tt.b, tt.a); got != -tt.want {
				t.Errorf("Compare reversed = %d, want %d", got, -tt.want)
			}
		})
	}
}
