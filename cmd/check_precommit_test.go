package cmd

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// TestPreCommitHook runs the real pre-commit client (`pre-commit try-repo`)
// against a clone of this repository: a staged change that keeps the score
// passes, one that loses keywords fails naming them. pre-commit builds the
// hook with `go install ./...` (language: golang), so the test shares the
// module and build caches of the go command running it; -mod=mod lets a fresh
// CI machine fetch modules through the module proxy.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool through pre-commit; skipped with -short")
	}
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/run installs it)", tool)
		}
	}
	root := sharedtest.Root(t)
	if out, err := exec.Command("git", "-C", root, "rev-parse", "--verify", "HEAD").CombinedOutput(); err != nil {
		t.Skipf("%s is not a git checkout with commits: %s", root, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	tmp := t.TempDir()

	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		"GOFLAGS=-mod=mod -buildvcs=false",
		"GOTOOLCHAIN=local",
		"GOMODCACHE="+goEnv(t, "GOMODCACHE"),
		"GOCACHE="+goEnv(t, "GOCACHE"),
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
		"NO_COLOR=1",
	)
	runIn := func(dir string, name string, args ...string) (string, error) {
		t.Helper()
		c := exec.CommandContext(ctx, name, args...)
		c.Dir, c.Env = dir, env
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		err := c.Run()
		return out.String(), err
	}
	must := func(dir string, name string, args ...string) {
		t.Helper()
		if out, err := runIn(dir, name, args...); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
	}

	// The hook repository: a clone of this one at HEAD (committed work only,
	// as a user's `rev:` would be).
	hookRepo := filepath.Join(tmp, "hook")
	must(tmp, "git", "clone", "-q", "--no-hardlinks", root, hookRepo)

	// A resume repository with a config and a first commit.
	repo := filepath.Join(tmp, "resume")
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(repo, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	must(repo, "git", "init", "-q", ".")
	write(".resumescore.yaml", "files: [resume.md]\ntargets:\n  - keywords: list.txt\n    min-score: 40\nrequire: [Go]\nmax-drop: 10\n")
	write("list.txt", "Go\nPostgreSQL\nKubernetes\nDocker\nTerraform\n")
	write("resume.md", "# Ines Alvarez\nines@example.com\n\n## Experience\nBuilt payment services in Go on PostgreSQL.\nShipped them as Docker images to Kubernetes.\n")
	must(repo, "git", "add", ".")
	must(repo, "git", "commit", "-q", "-m", "resume")

	tryRepo := func() (string, error) {
		return runIn(repo, "pre-commit", "try-repo", hookRepo, "resumescore", "--verbose")
	}

	// A change that keeps every keyword and adds one: the hook passes.
	write("resume.md", "# Ines Alvarez\nines@example.com\n\n## Experience\nBuilt payment services in Go on PostgreSQL.\nShipped them as Docker images to Kubernetes, provisioned with Terraform.\n")
	must(repo, "git", "add", "resume.md")
	out, err := tryRepo()
	if err != nil {
		t.Fatalf("pre-commit try-repo on an improved resume failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Passed") || !strings.Contains(out, "gained: Terraform") {
		t.Errorf("pre-commit output on an improved resume lacks Passed / gained: Terraform:\n%s", out)
	}
	must(repo, "git", "commit", "-q", "--no-verify", "-m", "add Terraform")

	// A change that drops Docker, Kubernetes and Terraform: the hook fails and names them.
	write("resume.md", "# Ines Alvarez\nines@example.com\n\n## Experience\nBuilt payment services in Go on PostgreSQL.\n")
	must(repo, "git", "add", "resume.md")
	out, err = tryRepo()
	if err == nil {
		t.Fatalf("pre-commit try-repo on a worse resume passed, want a failure:\n%s", out)
	}
	for _, want := range []string{"Failed", "max-drop", "Kubernetes", "Docker", "Terraform"} {
		if !strings.Contains(out, want) {
			t.Errorf("pre-commit output on a worse resume lacks %q:\n%s", want, out)
		}
	}
	t.Logf("pre-commit output on the worse resume:\n%s", out)
}

// goEnv returns `go env NAME`.
func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}
