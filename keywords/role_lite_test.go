package keywords

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// strictRole decodes data the way parseRole's YAML path does.
func strictRole(data []byte) (roleFile, error) {
	var rf roleFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(&rf)
	return rf, err
}

// checkLite holds decodeRoleLite to its contract on data: when it accepts,
// yaml.v3 with KnownFields accepts too and decodes the same roleFile.
func checkLite(t *testing.T, label string, data []byte) bool {
	t.Helper()
	var lite roleFile
	if !decodeRoleLite(data, &lite) {
		return false
	}
	strict, err := strictRole(data)
	if err != nil {
		t.Errorf("%s: decodeRoleLite accepted what yaml.v3 rejects (%v):\n%s", label, err, data)
		return true
	}
	if d := cmp.Diff(strict, lite); d != "" {
		t.Errorf("%s: decodeRoleLite differs from yaml.v3 (-yaml +lite):\n%s\n%s", label, d, data)
	}
	return true
}

// TestDecodeRoleLite checks the one-pass decoder against yaml.v3 on every
// built-in role, on every built-in role with one line removed or altered,
// and on inputs chosen to tempt it into reading YAML its own way.
func TestDecodeRoleLite(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "seeds", "roles", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no role files: %v", err)
	}
	declined := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if !checkLite(t, name, data) {
			declined++
			t.Logf("%s: decodeRoleLite declined it (yaml.v3 decodes it, more slowly)", name)
		}
		if !strings.Contains("backend.yaml data-scientist.yaml game-developer.yaml hr-specialist.yaml", name) {
			continue // the mutations below: four roles are enough and quick
		}
		lines := strings.SplitAfter(string(data), "\n")
		for i := range lines {
			variants := []string{
				"",                  // line removed
				lines[i] + lines[i], // line doubled
				"  " + lines[i],     // indented
				strings.Replace(lines[i], ": ", ":", 1),
				strings.Replace(lines[i], ", ", ",\n  ", 1), // a flow list over two lines
				strings.Replace(lines[i], "[", "[&a ", 1),
				strings.Replace(lines[i], "{name: ", "{name: 1", 1),
				strings.Replace(lines[i], "{name: ", "{name: \"a\\tb\", x: ", 1),
				strings.Replace(lines[i], "{name: ", "{name: \"quoted\", aliases: ['it''s', 'plain', \"q\"], x: ", 1),
				strings.Replace(lines[i], "{name: ", "{name: 'single', y: ", 1),
				strings.Replace(lines[i], "tier: ", "tier: yes #", 1),
			}
			for j, v := range variants {
				mutated := strings.Join(lines[:i], "") + v + strings.Join(lines[i+1:], "")
				checkLite(t, name+" variant", []byte(mutated))
				_ = j
			}
		}
	}
	if declined > len(files)/2 {
		t.Errorf("decodeRoleLite declined %d of %d built-in roles: role loading is back on yaml.v3", declined, len(files))
	}

	cases := []struct {
		name string
		yaml string
		ok   bool // decodeRoleLite must accept it (false: either way, as long as it agrees)
	}{
		{"plain", "version: 1\nrole: x\ntitle: X Developer\nkeywords:\n  - {name: Go, aliases: [Golang, go lang], tier: essential}\n", true},
		{"comments and blanks", "# c\nversion: 1 # one\n\nrole: x\nkeywords:\n  # k\n  - {name: C#, kind: language}  # sharp\n", true},
		{"empty list", "version: 1\nrole: x\nkeywords:\n  - {name: Go, aliases: []}\n", true},
		{"quotes", "version: 1\nrole: x\ntitle: 'it''s'\nkeywords:\n  - {name: \"a \\\"b\\\" \\\\ c\", aliases: ['x, y', \"99.9\"]}\n", true},
		{"weight and soft", "version: 1\nrole: x\nkeywords:\n  - {name: Go, weight: 1.5, soft: true}\n  - {name: C, weight: 2}\n", true},
		{"block signal", "version: 1\nrole: x\nkeywords:\n  - {name: Go}\nsignals:\n  - id: s\n    title: S\n    phrases: [a, b c]\n    fix: \"do: this\"\nchecks: [s]\n", true},
		{"block lists", "version: 1\nrole: x\nsources:\n  - one\n  - \"two: 2\"\nkeywords:\n  - name: Go\n    aliases:\n      - Golang\n", true},
		{"number as name", "version: 1\nrole: x\nkeywords:\n  - {name: 3D}\n", false},
		{"digit-led words", "version: 1\nrole: x\nkeywords:\n  - {name: 3D modelling, aliases: [2nd line support, 5G]}\n", true},
		{"digit-led timestamp", "version: 1\nrole: x\ntitle: 2001-12-14 21:59:43\nkeywords:\n  - {name: 3D}\n", false},
		{"hex", "version: 1\nrole: x\nkeywords:\n  - {name: 0x1F}\n", false},
		{"bool as name", "version: 1\nrole: x\nkeywords:\n  - {name: yes}\n", false},
		{"null as name", "version: 1\nrole: x\nkeywords:\n  - {name: ~}\n", false},
		{"leading zero", "version: 01\nrole: x\nkeywords:\n  - {name: Go}\n", false},
		{"inf weight", "version: 1\nrole: x\nkeywords:\n  - {name: Go, weight: .inf}\n", false},
		{"duplicate key", "version: 1\nrole: x\nrole: y\nkeywords:\n  - {name: Go}\n", false},
		{"duplicate flow key", "version: 1\nrole: x\nkeywords:\n  - {name: Go, name: C}\n", false},
		{"unknown key", "version: 1\nrole: x\ncolour: red\nkeywords:\n  - {name: Go}\n", false},
		{"escape", "version: 1\nrole: x\ntitle: \"a\\nb\"\nkeywords:\n  - {name: Go}\n", false},
		{"colon in value", "version: 1\nrole: x\ntitle: a: b\nkeywords:\n  - {name: Go}\n", false},
		{"tab", "version: 1\nrole: x\nkeywords:\n\t- {name: Go}\n", false},
		{"document marker", "---\nversion: 1\nrole: x\nkeywords:\n  - {name: Go}\n", false},
		{"flow over lines", "version: 1\nrole: x\nkeywords:\n  - {name: Go,\n     tier: bonus}\n", false},
		{"sequence at key indent", "version: 1\nrole: x\nkeywords:\n- {name: Go}\n", false},
		{"anchor", "version: 1\nrole: &r x\nkeywords:\n  - {name: Go}\n", false},
		{"block scalar", "version: 1\nrole: x\ntitle: |\n  X\nkeywords:\n  - {name: Go}\n", false},
		{"empty", "", false},
	}
	for _, tt := range cases {
		if got := checkLite(t, tt.name, []byte(tt.yaml)); tt.ok && !got {
			t.Errorf("%s: decodeRoleLite declined it", tt.name)
		}
	}
}

// TestParseRoleLiteErrors checks that a role file the one-pass decoder reads
// but validation rejects still gets the YAML path's error, with its line.
func TestParseRoleLiteErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"unknown tier", "version: 1\nrole: x\nkeywords:\n  - {name: Go}\n  - {name: C, tier: must}\n", "x.yaml:5: keyword \"C\": unknown tier"},
		{"duplicate alias", "version: 1\nrole: x\nkeywords:\n  - {name: Go}\n  - {name: Golang, aliases: [go]}\n", "x.yaml:5: \"go\" is already listed on line 4"},
		{"bad version", "version: 2\nrole: x\nkeywords:\n  - {name: Go}\n", "x.yaml:1: unsupported version 2"},
	}
	for _, tt := range tests {
		var rf roleFile
		if !decodeRoleLite([]byte(tt.yaml), &rf) {
			t.Fatalf("%s: decodeRoleLite declined it; the test needs a file it reads", tt.name)
		}
		_, err := parseRole(strings.NewReader(tt.yaml), "x.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: parseRole error = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// BenchmarkParseRole parses the backend role file: the one-pass decoder
// and, for comparison, yaml.v3 (the path every role took before it).
func BenchmarkParseRole(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "seeds", "roles", "backend.yaml"))
	if err != nil {
		b.Skip(err)
	}
	b.Run("lite", func(b *testing.B) {
		for b.Loop() {
			if _, err := parseRole(bytes.NewReader(data), "backend.yaml"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			var rf roleFile
			var doc yaml.Node
			if !decodeRoleFast(data, &rf, &doc) {
				b.Fatal("decodeRoleFast declined backend.yaml")
			}
			root := doc.Content[0]
			if _, err := roleSet(&rf, root, "backend.yaml"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
