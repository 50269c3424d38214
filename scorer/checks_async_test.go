package scorer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/resumescore/resumescore/extract"
)

// TestStartChecks checks that the checks run on another goroutine give what
// runChecks gives, and that a panic there reaches the caller's goroutine.
func TestStartChecks(t *testing.T) {
	docs := []*extract.Document{
		{Path: "resume.txt", Lines: []extract.Line{{N: 1, Text: "Jane Doe jane@example.org"}, {N: 2, Text: "Experience", Section: "experience"},
			{N: 3, Text: "• Cut latency by 40% for 2M users", Section: "experience"}}},
		{Path: "empty.md"},
	}
	for _, d := range docs {
		got, want := startChecks(d, backendSet())(), runChecks(d, backendSet())
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: startChecks differs from runChecks (-want +got):\n%s", d.Path, diff)
		}
	}
	defer func() {
		if recover() == nil {
			t.Errorf("startChecks(nil): the wait did not panic")
		}
	}()
	startChecks(nil, nil)()
}
