package keywords

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// TestDecodeRoleFast checks the one-parse path against the strict decoder it
// stands in for: on every built-in role it must decode the same roleFile,
// and on a file the strict decoder rejects (or might judge differently) it
// must step aside.
func TestDecodeRoleFast(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "seeds", "roles", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no role files: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var fast, strict roleFile
		var doc yaml.Node
		if !decodeRoleFast(data, &fast, &doc) {
			t.Errorf("%s: fast path declined a valid role file", filepath.Base(f))
			continue
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&strict); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if d := cmp.Diff(strict, fast, cmp.AllowUnexported(roleFile{})); d != "" {
			t.Errorf("%s: fast decode differs (-strict +fast):\n%s", filepath.Base(f), d)
		}
	}

	declined := []struct{ name, yaml string }{
		{"empty", ""},
		{"syntax error", "version: [1\n"},
		{"unknown top-level field", "version: 1\nrole: x\nkeywords: [{name: Go}]\ncolour: red\n"},
		{"unknown keyword field", "version: 1\nrole: x\nkeywords:\n  - name: Go\n    teir: must\n"},
		{"unknown signal field", "version: 1\nrole: x\nkeywords: [{name: Go}]\nsignals:\n  - id: s\n    phrase: [a]\n"},
		{"type error", "version: one\nrole: x\nkeywords: [{name: Go}]\n"},
		{"alias", "version: 1\nrole: x\nk: &a {name: Go}\nkeywords: [*a]\n"},
		{"merge key", "version: 1\nrole: x\nkeywords:\n  - <<: {name: Go}\n"},
	}
	for _, tt := range declined {
		var rf roleFile
		var doc yaml.Node
		if decodeRoleFast([]byte(tt.yaml), &rf, &doc) {
			t.Errorf("%s: fast path accepted %q, want the strict path", tt.name, tt.yaml)
		}
	}
}
