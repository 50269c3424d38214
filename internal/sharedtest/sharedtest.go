// Package sharedtest is test support shared by the packages: it finds the
// module root and the reference folder ../shared that sits beside it (tests
// that read ../shared skip when it is absent, so the project's own tests pass
// without it), and checks generated files against their generators.
package sharedtest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the directory holding go.mod, walking up from the
// working directory (a package directory under go test).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Path returns ../shared beside the module root, or "" when it is absent.
func Path() string {
	root, err := ModuleRoot()
	if err != nil {
		return ""
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return ""
	}
	return shared
}

// Dir returns ../shared beside the module root, or skips the test.
func Dir(t testing.TB) string {
	t.Helper()
	shared := Path()
	if shared == "" {
		t.Skip("../shared is absent beside the module root")
	}
	return shared
}

// Root returns the module root, or fails the test.
func Root(t testing.TB) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// Generated holds a committed generated file to what its generator gives
// now: with update set it writes got to path, otherwise it fails when the
// file differs, naming regen, the command that rewrites it.
func Generated(t testing.TB, path string, got []byte, update bool, regen string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale (%d bytes generated, %d committed): run %s", path, len(got), len(want), regen)
	}
}
