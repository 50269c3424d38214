package keywords

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJoinWrapped(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"a long unfinished line takes its lowercase continuation",
			[]string{"- Deep experience running Kubernetes clusters and writing Terraform for the", "multi-region platform."},
			[]string{"- Deep experience running Kubernetes clusters and writing Terraform for the multi-region platform.", ""}},
		{"a finished sentence stays", []string{"We build tools for clinics and pharmacies in twelve countries.", "and more"},
			[]string{"We build tools for clinics and pharmacies in twelve countries.", "and more"}},
		{"a heading keeps its first line", []string{"Requirements", "experience with Kafka"}, []string{"Requirements", "experience with Kafka"}},
		{"a bullet is never a continuation", []string{"Experience with the following tools and platforms used across our teams", "- kafka"},
			[]string{"Experience with the following tools and platforms used across our teams", "- kafka"}},
		{"a blank line ends a paragraph", []string{"Experience with the following tools and platforms used across our teams", "", "kafka"},
			[]string{"Experience with the following tools and platforms used across our teams", "", "kafka"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, joinWrapped(tt.in)); diff != "" {
				t.Errorf("joinWrapped (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitSentences(t *testing.T) {
	long := strings.Repeat("Kafka, ", 200)
	tests := []struct {
		in   string
		want int // number of clauses
	}{
		{"Strong SQL skills; PostgreSQL is a plus.", 2},
		{"Experience with Node.js, e.g. Express. Bonus: Go!", 2},
		{"Version 2.0 of the API.", 1},
		{long, 3},
	}
	for _, tt := range tests {
		got := splitSentences(tt.in)
		if len(got) != tt.want {
			t.Errorf("splitSentences(%.40q) = %d clauses %q, want %d", tt.in, len(got), got, tt.want)
		}
		for _, c := range got {
			if len(c) > maxClauseBytes {
				t.Errorf("clause of %d bytes, want <= %d", len(c), maxClauseBytes)
			}
		}
	}
}

func TestHeading(t *testing.T) {
	r, err := LoadJDRules(os.DirFS("../seeds"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line, want string // want "" = not a heading
	}{
		{"Requirements", SectionRequired},
		{"What you’ll do:", SectionResponsibilities},
		{"Senior Data Engineer Requirements", SectionRequired},
		{"Nice-to-haves", SectionPreferred},
		{"Extra brownie points if you:", SectionPreferred},
		{"Benefits", SectionIgnore},
		{"About Us:", SectionAbout},
		{"Experience with Go and Kafka in production systems at scale.", ""},
		{"Kubernetes", ""},
		// a trailing aside is no part of the heading, unless it is the cue
		{"Perks (for Full-Time Employees Only)", SectionIgnore},
		{"Benefits (US only):", SectionIgnore},
		{"Highly Desirable (Bonus Points):", SectionPreferred},
		{"Bonus points (nice skills to have, but not needed):", SectionPreferred},
		{"Data Engineer (Junior)", ""}, // a title with its level, no cue
		{"We use Python (mostly)", ""}, // a sentence, no cue
		// a company's name stands where a cue says "us"
		{"Why Join Docker?", SectionIgnore},
		{"Why join us?", SectionIgnore},
		{"About Acme", SectionAbout},
		{"About you", SectionRequired},
		{"about acme", ""}, // a name is capitalised
	}
	for _, tt := range tests {
		sec, _, ok := r.heading(tt.line, tt.line)
		if !ok {
			sec = ""
		}
		if sec != tt.want {
			t.Errorf("heading(%q) = %q, want %q", tt.line, sec, tt.want)
		}
	}
}
