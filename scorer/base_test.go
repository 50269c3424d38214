package scorer

import (
	"strings"
	"testing"

	"github.com/resumescore/resumescore/keywords"
)

// TestAnyPunctuatedForm checks the filter buildBase uses to skip an untrusted
// skill: it must say true whenever any form eachForm could give the skill
// would be kept, or the trie would lose forms.
func TestAnyPunctuatedForm(t *testing.T) {
	tests := []struct {
		name string
		k    keywords.Keyword
		want bool
	}{
		{"single word", keywords.Keyword{Name: "Kafka"}, false},
		{"single word aliases", keywords.Keyword{Name: "Kafka", Aliases: []string{"kafka"}, CaseAliases: []string{"KAFKA"}}, false},
		{"padded name", keywords.Keyword{Name: " Kafka "}, false},
		{"two words", keywords.Keyword{Name: "Apache Kafka"}, true},
		{"hyphen alias", keywords.Keyword{Name: "Kafka", Aliases: []string{"kafka-streams"}}, true},
		{"dotted case alias", keywords.Keyword{Name: "Node", CaseAliases: []string{"Node.js"}}, true},
		{"plus variant", keywords.Keyword{Name: "Cpp", Variants: []string{"c++"}}, true},
		{"hash", keywords.Keyword{Name: "C#"}, true},
		{"slash", keywords.Keyword{Name: "CI/CD"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := anyPunctuatedForm(tt.k); got != tt.want {
				t.Errorf("anyPunctuatedForm(%+v) = %v, want %v", tt.k, got, tt.want)
			}
			// the filter agrees with the rule buildBase applies per form
			kept := false
			eachForm(tt.k, false, func(s string, cs bool) { kept = kept || strings.ContainsAny(s, " -/.+#") })
			if kept && !tt.want {
				t.Errorf("eachForm keeps a form of %+v that the filter skips", tt.k)
			}
		})
	}
}
func TestPunctuated(t *testing.T) {
	for _, s := range []string{"", "go", "Go", "C#", "c++", "node.js", "ci/cd", "a b", "x-y", "é", "naïve", "日本", "–", "a\u00a0b"} {
		if got, want := punctuated(s), strings.ContainsAny(s, " -/.+#"); got != want {
			t.Errorf("punctuated(%q) = %v, want %v", s, got, want)
		}
	}
}
