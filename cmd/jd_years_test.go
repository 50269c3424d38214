package cmd

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/scorer"
)

func TestExperienceLines(t *testing.T) {
	ex := &scorer.Experience{Points: 13.33, MaxPoints: 20, Asks: []scorer.ExperienceMatch{
		{Text: "Minimum 2 years as a Network Engineer.", Section: "required", Asked: 2, Years: 3, Credit: 1, Points: 10, MaxPoints: 10,
			Evidence: []scorer.Evidence{{Line: 4}, {Line: 9}}},
		{Text: "3 years with Kafka", Section: "preferred", Asked: 3, Years: 1, Credit: 0.33, Points: 3.33, MaxPoints: 10},
		{Text: "5+ years of experience", Section: "required", Asked: 5, Evidence: []scorer.Evidence{}},
	}}
	tests := []struct {
		name    string
		ex      *scorer.Experience
		explain bool
		want    []string
	}{
		{"no years asked", nil, false, nil},
		{"met, partly met, not met", ex, false, []string{
			"Years asked (20% of the score):",
			"  ✓ 3 of 2 years: Minimum 2 years as a Network Engineer. — L4, L9",
			"  ~ 1 of 3 years: 3 years with Kafka (preferred)",
			"  ✗ 0 of 5 years: 5+ years of experience",
		}},
		{"with the points", ex, true, []string{
			"Years asked: 13.3/20.0 points",
			"  ✓ 3 of 2 years: Minimum 2 years as a Network Engineer. [10.0/10.0] — L4, L9",
			"  ~ 1 of 3 years: 3 years with Kafka (preferred) [3.3/10.0]",
			"  ✗ 0 of 5 years: 5+ years of experience [0.0/0.0]",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, experienceLines(tt.ex, tt.explain)); diff != "" {
				t.Errorf("experienceLines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRepeatNote(t *testing.T) {
	tests := []struct {
		source string
		want   string
	}{
		{"jd", "Against a posting 15% of a keyword's points need 3 mentions: named once it earns 90%."},
		{"jd+role", "Against a posting 15% of a keyword's points need 3 mentions: named once it earns 90%."},
		{"role", ""},
		{"keywords", ""},
	}
	for _, tt := range tests {
		if got := repeatNote(&scorer.Report{Target: scorer.Target{Source: tt.source}}); got != tt.want {
			t.Errorf("repeatNote(%s) = %q, want %q", tt.source, got, tt.want)
		}
	}
}

func TestAsOfMonth(t *testing.T) {
	tests := []struct {
		t    time.Time
		want int
	}{
		{time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC), 2026*12 + 10},
		{time.Date(2019, time.January, 1, 0, 0, 0, 0, time.UTC), 2019 * 12},
	}
	for _, tt := range tests {
		if got := asOfMonth(tt.t); got != tt.want {
			t.Errorf("asOfMonth(%v) = %d, want %d", tt.t, got, tt.want)
		}
	}
}

// TestToday: SOURCE_DATE_EPOCH pins the month "present" ends at, so a
// report is the same on a later day; without it (or when it is not a number)
// the clock decides.
func TestToday(t *testing.T) {
	tests := []struct {
		env  string
		want int // asOfMonth of today(); 0 = the clock's month
	}{
		{"1767225600", 2026 * 12}, // 2026-01-01T00:00:00Z
		{" 1577836800 ", 2020 * 12},
		{"", 0},
		{"yesterday", 0},
	}
	for _, tt := range tests {
		g := &globalOptions{Getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return tt.env
			}
			return ""
		}}
		want := tt.want
		if want == 0 {
			want = asOfMonth(time.Now())
		}
		if got := asOfMonth(g.today()); got != want {
			t.Errorf("SOURCE_DATE_EPOCH=%q: month %d, want %d", tt.env, got, want)
		}
	}
}
