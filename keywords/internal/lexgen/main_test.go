package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedFilesAreCurrent regenerates the lexicon from ../shared/data and
// the system word list and compares it with the committed files, so a change
// to the generator or the data cannot go unnoticed.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(root, "..", "shared", "data")
	dict := "/usr/share/dict/american-english"
	for _, p := range []string{data, dict} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s not present: %v", p, err)
		}
	}
	out := t.TempDir()
	if err := run(data, dict, out); err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, name := range []string{"skills.tsv", "english.txt"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(root, "seeds", "lexicon", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("seeds/lexicon/%s is stale: run go generate -run lexgen ./keywords (%d bytes generated, %d committed)", name, len(got), len(want))
		}
	}
}

func TestNamed(t *testing.T) {
	g := &gen{english: map[string]bool{"slack": true, "pure": true, "data": true}}
	tests := []struct {
		label, wantCtx, wantAmb string
		cs                      bool
	}{
		{"Slack", "list_or_tech", "english_word", true},
		{"R", "tech", "short", true},
		{"Pure Data", "list_or_tech", "english_word", true},
		{"Kubernetes", "none", "none", false},
		{"pure data", "none", "none", false}, // a lowercase concept phrase stays case-insensitive
		{"CNN", "none", "short", true},       // an acronym matches in its own case
	}
	for _, tt := range tests {
		e := g.named(tt.label, "tool", "test")
		if e == nil {
			t.Fatalf("named(%q) = nil", tt.label)
		}
		if e.context != tt.wantCtx || e.ambiguity != tt.wantAmb || (len(e.cs) > 0) != tt.cs {
			t.Errorf("named(%q) = context %s, ambiguity %s, cs %v; want %s, %s, %v", tt.label, e.context, e.ambiguity, e.cs, tt.wantCtx, tt.wantAmb, tt.cs)
		}
	}
}

func TestAcronym(t *testing.T) {
	words := strings.Fields("Structured query language")
	if got := initials(words); got != "sql" || !isAcronym("SQL") || isAcronym("Sql") {
		t.Errorf("initials(%v) = %q; isAcronym(SQL) = %v", words, got, isAcronym("SQL"))
	}
}
