package cmd

import (
	"context"
	"errors"
	"testing"
)

func TestFileFirst(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"resume.pdf", "--role", "backend"}, true},
		{[]string{"./resume", "--jd", "job.txt", "--format", "json"}, true},
		{[]string{`dir\resume`, "--role", "backend"}, true},
		{[]string{"resume.pdf", "--role", "backend", "--", "-h"}, true},
		{[]string{"score", "resume.pdf", "--role", "backend"}, false},
		{[]string{"resume", "--role", "backend"}, false},
		{[]string{"--role", "backend", "resume.pdf"}, false},
		{[]string{"-", "--role", "backend"}, false},
		{[]string{"resume.pdf", "--help"}, false},
		{[]string{"resume.pdf", "--help=true"}, false},
		{[]string{"resume.pdf", "-h"}, false},
		{[]string{"__complete", "resume.pdf"}, false},
	}
	for _, tt := range tests {
		if got := fileFirst(tt.args); got != tt.want {
			t.Errorf("fileFirst(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestRootWithoutSubcommands runs command lines that start with a file through
// the root alone (as run builds it for them) and through the whole tree: the
// output, the error and the exit code must be the same.
func TestRootWithoutSubcommands(t *testing.T) {
	tests := [][]string{
		{sampleResume, "--role", "backend"},
		{sampleResume, "--role", "backend", "--format", "json", "--explain"},
		{sampleResume, "--role", "backend", "--format", "markdown", "--min-score", "99"},
		{sampleResume, "score", "--role", "backend"},
		{sampleResume, "--role", "no-such-role"},
		{sampleResume},
		{sampleResume, "--role", "backend", "--top", "3"},
		{sampleResume, "--role", "backend", "--version"},
		{"missing.pdf", "--role", "backend"},
	}
	for _, args := range tests {
		if !fileFirst(args) {
			t.Fatalf("fileFirst(%q) = false, want true", args)
		}
		type result struct {
			out, err, runErr string
			code             int
		}
		do := func(withSubs bool) result {
			s, out, errb := testStreams("")
			root := newRootTree(s, noEnv, nil, withSubs)
			root.SetArgs(args)
			_, err := root.ExecuteContextC(context.Background())
			r := result{out: out.String(), err: errb.String(), code: exitCode(err)}
			if err != nil {
				r.runErr = err.Error()
				var ue *usageError
				if errors.As(err, &ue) {
					r.runErr = "usage: " + r.runErr
				}
			}
			return r
		}
		if lazy, full := do(false), do(true); lazy != full {
			t.Errorf("%q: root alone gives %+v, whole tree %+v", args, lazy, full)
		}
	}
}
