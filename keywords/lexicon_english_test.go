package keywords_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/resumescore/resumescore/keywords"
)

// TestEnglishListShapes reads English word lists in the shapes a hand-edited
// file may take (CRLF, blank lines, no final newline) and checks that every
// word, and only the words, are English afterwards; an unsorted list fails.
func TestEnglishListShapes(t *testing.T) {
	skills := "id\tlabel\tcategory\tkind\taliases_ci\taliases_cs\tambiguity\tcontext\tstem\tnegatives\tbroader\tsource\n" +
		"go\tGo\tlanguage\thard\tgolang\tGo\tenglish_word\ttech\tN\t\t\tcurated\n"
	tests := []struct {
		name     string
		english  string
		words    []string // must be English
		notWords []string // must not be
		unsorted bool     // LoadLexicon must fail with an unsorted-list error
	}{
		{"plain", "apple\nbanana\ncherry\n", []string{"apple", "banana", "cherry", "Banana"}, []string{"", "appl", "bananas", "apple\n"}, false},
		{"crlf", "apple\r\nbanana\r\ncherry\r\n", []string{"apple", "banana", "cherry"}, []string{"banana\r"}, false},
		{"blank lines", "apple\n\nbanana\n\n\ncherry\n\n", []string{"apple", "banana", "cherry"}, []string{"", "banana\n"}, false},
		{"leading newline", "\napple\nbanana\n", []string{"apple", "banana"}, []string{"", "\napple"}, false},
		{"leading blank lines", "\n\napple\nbanana\n", []string{"apple", "banana"}, []string{""}, false},
		{"no final newline", "apple\nbanana", []string{"apple", "banana"}, []string{"banan"}, false},
		{"unsorted", "banana\napple\n", nil, nil, true},
		{"unsorted before a blank line", "banana\napple\n\ncherry\n", nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lex, err := keywords.LoadLexicon(fstest.MapFS{
				"lexicon/skills.tsv":  {Data: []byte(skills)},
				"lexicon/english.txt": {Data: []byte(tt.english)},
			})
			if tt.unsorted {
				if err == nil || !strings.Contains(err.Error(), "not sorted") {
					t.Fatalf("LoadLexicon = %v, want an unsorted-list error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadLexicon: %v", err)
			}
			for _, w := range tt.words {
				if !lex.IsEnglish(w) {
					t.Errorf("IsEnglish(%q) = false, want true", w)
				}
			}
			for _, w := range tt.notWords {
				if lex.IsEnglish(w) {
					t.Errorf("IsEnglish(%q) = true, want false", w)
				}
			}
		})
	}
}
