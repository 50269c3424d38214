package cmd

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

const modulePath = "github.com/resumescore/resumescore"

// importRule is one row of STYLE.md §1: what a package may import besides the
// standard library, and which standard packages it must not import.
type importRule struct {
	module    []string // module packages (relative to the module root) it may import
	external  []string // third-party import path prefixes it may import
	stdlib    bool     // whether the standard library is allowed at all
	stdOnly   []string // when set, the only standard packages allowed
	forbidden []string // standard packages it must not import
}

// importRules is the contract table, by package directory.
var importRules = map[string]importRule{
	"seeds":        {stdlib: true, stdOnly: []string{"embed", "io/fs"}},
	"extract":      {stdlib: true, external: []string{"github.com/ledongthuc/pdf", "github.com/nguyenthenguyen/docx", "golang.org/x/text"}},
	"scorer/token": {stdlib: true, external: []string{"github.com/kljensen/snowball", "golang.org/x/text"}},
	"keywords": {stdlib: true, module: []string{"scorer/token", "internal/strtab"}, external: []string{"gopkg.in/yaml.v3"},
		forbidden: []string{"os", "os/exec", "net/http"}},
	"scorer": {stdlib: true, module: []string{"keywords", "scorer/token", "extract", "internal/strtab"}, external: []string{"golang.org/x/text"},
		forbidden: []string{"os", "os/exec", "net/http", "time", "math/rand", "math/rand/v2", "crypto/rand"}},
	"cmd": {stdlib: true, module: []string{"extract", "keywords", "scorer", "scorer/token", "seeds"},
		// "all of the above": the libraries the packages below may use, plus
		// cobra, lipgloss and lipgloss's own dependencies.
		external: []string{"github.com/spf13/cobra", "github.com/spf13/pflag", "github.com/charmbracelet/", "github.com/muesli/termenv",
			"gopkg.in/yaml.v3", "golang.org/x/text", "github.com/kljensen/snowball", "github.com/ledongthuc/pdf", "github.com/nguyenthenguyen/docx"}},
	// a go:generate tool that builds seeds/lexicon from ../shared/data; never linked into the binary
	// it names lexicon ids with keywords.Slug, the rule the matcher uses too
	"keywords/internal/lexgen": {stdlib: true, module: []string{"keywords"}},
	"cmd/resumescore":          {stdlib: true, module: []string{"cmd"}, stdOnly: []string{"os"}},

	// the benchmark's resume generator and its command; never linked into the binary
	"internal/resumegen":               {stdlib: true},
	"internal/resumegen/cmd/resumegen": {stdlib: true, module: []string{"internal/resumegen"}},

	// the string table keywords and scorer generate their built-in tables as
	"internal/strtab": {stdlib: true},

	// test support: finds the module root and ../shared; imported by tests only
	"internal/sharedtest": {stdlib: true},
}

// skipDirs are directories that hold no product package: test data, git, build output, CI.
var skipDirs = []string{"testdata", ".git", "bin", ".ci"}

func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func TestImportRules(t *testing.T) {
	root := sharedtest.Root(t)
	seen := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if slices.Contains(skipDirs, d.Name()) || strings.Contains(rel, "/testdata") {
			return filepath.SkipDir
		}
		pkg, err := build.Default.ImportDir(path, 0)
		if err != nil {
			return nil // no Go files here
		}
		rule, ok := importRules[rel]
		if !ok {
			t.Errorf("package %s is not in the import table (STYLE.md §1): add its row", rel)
			return nil
		}
		seen++
		for _, imp := range pkg.Imports {
			if reason := rule.check(imp); reason != "" {
				t.Errorf("%s imports %s: %s", rel, imp, reason)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 4 {
		t.Errorf("checked %d packages, want every package of the module", seen)
	}
}

// check returns why imp is not allowed, or "".
func (r importRule) check(imp string) string {
	switch {
	case strings.HasPrefix(imp, modulePath+"/"):
		rel := strings.TrimPrefix(imp, modulePath+"/")
		if !slices.Contains(r.module, rel) {
			return "module package not allowed here"
		}
	case isStdlib(imp):
		if !r.stdlib {
			return "standard library not allowed here"
		}
		if len(r.stdOnly) > 0 && !slices.Contains(r.stdOnly, imp) {
			return "only " + strings.Join(r.stdOnly, ", ") + " allowed"
		}
		if slices.Contains(r.forbidden, imp) {
			return "forbidden in this package"
		}
	default:
		for _, p := range r.external {
			if imp == p || strings.HasPrefix(imp, strings.TrimSuffix(p, "/")+"/") || (strings.HasSuffix(p, "/") && strings.HasPrefix(imp, p)) {
				return ""
			}
		}
		return "third-party package not allowed here"
	}
	return ""
}

func TestImportRuleCheck(t *testing.T) {
	tests := []struct {
		pkg, imp string
		ok       bool
	}{
		{"seeds", "embed", true},
		{"seeds", "strings", false},
		{"seeds", modulePath + "/keywords", false},
		{"extract", "github.com/ledongthuc/pdf", true},
		{"extract", modulePath + "/keywords", false},
		{"extract", "github.com/spf13/cobra", false},
		{"keywords", modulePath + "/scorer/token", true},
		{"keywords", modulePath + "/scorer", false},
		{"keywords", "os", false},
		{"scorer", modulePath + "/extract", true},
		{"scorer", modulePath + "/seeds", false},
		{"scorer", "time", false},
		{"scorer", "github.com/charmbracelet/lipgloss", false},
		{"cmd", "github.com/charmbracelet/lipgloss", true},
		{"cmd", "github.com/muesli/termenv", true},
		{"cmd", "github.com/google/go-cmp/cmp", false},
		{"cmd/resumescore", modulePath + "/cmd", true},
		{"cmd/resumescore", "fmt", false},
	}
	for _, tt := range tests {
		got := importRules[tt.pkg].check(tt.imp) == ""
		if got != tt.ok {
			t.Errorf("rule %s allows %s = %v, want %v", tt.pkg, tt.imp, got, tt.ok)
		}
	}
}
