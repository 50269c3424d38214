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

func TestOverlay(t *testing.T) {
	newGen := func() *gen {
		g := &gen{byForm: map[string]*entry{}, ids: map[string]bool{}}
		g.add(&entry{id: "oracle-database", label: "Oracle Database", ci: []string{"oracle db"}, context: "none"})
		g.add(&entry{id: "oracle-cloud", label: "Oracle Cloud", ci: []string{"oci"}, context: "none"})
		return g
	}
	row := func(s string) []string { return strings.Split(s, "\t") }
	g := newGen()
	if err := g.overlay(row("oracle-database\toracle 11g\tOracle\ttech\toracle corporation\tbecause")); err != nil {
		t.Fatalf("overlay: %v", err)
	}
	e := g.entries[0]
	if got := strings.Join(e.ci, "|"); got != "oracle db|oracle 11g" {
		t.Errorf("ci = %q, want the alias added", got)
	}
	if got := strings.Join(e.cs, "|"); got != "Oracle" || e.context != "tech" || strings.Join(e.negatives, "|") != "oracle corporation" {
		t.Errorf("cs %q, context %q, negatives %q: want Oracle, tech, oracle corporation", got, e.context, e.negatives)
	}
	if g.byForm["oracle"] != e || g.byForm["oracle 11g"] != e {
		t.Error("the added forms are not owned by the entry")
	}
	for _, bad := range []string{
		"nosuch\t\tX\t\t\twhy",                      // no such entry
		"oracle-database\t\tOracle\ttech\t\t",       // no reason given
		"oracle-database\toci\t\t\t\tsteals a form", // another entry's alias
	} {
		if err := newGen().overlay(row(bad)); err == nil {
			t.Errorf("overlay(%q) = nil, want an error", bad)
		}
	}
}
