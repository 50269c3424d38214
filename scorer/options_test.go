package scorer_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/resumescore/resumescore/scorer"
)

func TestWithoutChecks(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		{"matches and misses", []string{
			"Jane Doe - jane@example.com - +1 555 010 2030",
			"Experience",
			"- Built microservices in Go on PostgreSQL, cutting p99 latency 40%",
			"- Responsible for Kubernets upgrades; Kafka Kafka Kafka Kafka Kafka Kafka",
		}},
		{"no keyword", []string{"I go to the gym; spring is my favourite season."}},
		{"empty document", nil},
	}
	full := compile(t, propertyKeywords...)
	lean := full.WithoutChecks()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := full.Score(doc(tt.lines...))
			got := lean.Score(doc(tt.lines...))
			if len(want.Checks) == 0 {
				t.Fatalf("Score(%s) has no checks: the comparison below proves nothing", tt.name)
			}
			if got.Checks == nil || len(got.Checks) != 0 {
				t.Errorf("WithoutChecks().Score(%s).Checks = %#v, want an empty non-nil list", tt.name, got.Checks)
			}
			if d := cmp.Diff(want, got, cmpopts.IgnoreFields(scorer.Report{}, "Checks")); d != "" {
				t.Errorf("WithoutChecks().Score(%s) differs from Score apart from the checks (-want +got):\n%s", tt.name, d)
			}
		})
	}
	// The original index still runs the checks.
	if rep := full.Score(doc("Python")); len(rep.Checks) == 0 {
		t.Errorf("Score after WithoutChecks has no checks: the copy changed the original")
	}
}
