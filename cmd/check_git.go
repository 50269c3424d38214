package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// baseline reads files as they were at a git revision, for check's
// regression gate. A nil *baseline means there is nothing to compare with
// (outside git, no commits yet, git not installed); skipped says why.
type baseline struct {
	root string // repository root (symlinks resolved)
	rev  string // revision as the user named it ("HEAD")
}

// openBaseline finds the repository holding dir and checks that rev names a
// commit. It returns (nil, reason, nil) when the regression gate must be
// skipped, and an error only when the user named a revision that does not
// exist.
func openBaseline(ctx context.Context, dir, rev string, explicit bool) (*baseline, string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, "git is not installed", nil
	}
	// One git call in the common case: the root, then the commit.
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel", "--verify", "--quiet", rev+"^{commit}")
	if err == nil {
		if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) == 2 {
			return &baseline{root: evalSymlinks(lines[0]), rev: rev}, "", nil
		}
	}
	out, err = git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, "not inside a git repository", nil
	}
	root := evalSymlinks(strings.TrimSpace(string(out)))
	if _, err := git(ctx, root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		if _, herr := git(ctx, root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"); herr != nil && !explicit {
			return nil, "the repository has no commits yet", nil
		}
		return nil, "", usageErrorf("--baseline %s: not a commit in %s", rev, root)
	}
	return &baseline{root: root, rev: rev}, "", nil
}

// evalSymlinks resolves p, or returns it unchanged.
func evalSymlinks(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// read returns the content of path (absolute or relative to the working
// directory) at the baseline revision; found is false when the file did not
// exist there (a new file) or lies outside the repository.
func (b *baseline) read(ctx context.Context, path string) (data []byte, found bool, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, false, fmt.Errorf("baseline of %s: %w", path, err)
	}
	rel, err := filepath.Rel(b.root, evalSymlinks(abs))
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return nil, false, nil
	}
	out, err := git(ctx, b.root, "cat-file", "blob", b.rev+":"+filepath.ToSlash(rel))
	if err != nil {
		return nil, false, nil
	}
	return out, true, nil
}

// git runs git in dir and returns its stdout. Its stderr is kept for the
// error only.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	c := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s: %w", args[0], msg, err)
		}
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("git: %w", err)
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return stdout.Bytes(), nil
}
