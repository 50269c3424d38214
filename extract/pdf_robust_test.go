package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// robustChildEnv names the file a child process of TestRobustnessPDF reads.
const robustChildEnv = "RESUMESCORE_ROBUST_CHILD"

// TestRobustnessChild is the child half of TestRobustnessPDF: it reads one
// file through readPDF and prints one line, "ok N" or "err CLASS: message".
func TestRobustnessChild(t *testing.T) {
	path := os.Getenv(robustChildEnv)
	if path == "" {
		t.Skip("only runs as a child of TestRobustnessPDF")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	doc, err := readPDF(ctx, data, DefaultOptions())
	if err != nil {
		fmt.Printf("RESULT err %s: %v\n", classOf(err), err)
		return
	}
	fmt.Printf("RESULT ok %d lines\n", len(doc.Lines))
}

func classOf(err error) string {
	for _, s := range []struct {
		err  error
		name string
	}{{ErrEncrypted, "encrypted"}, {ErrNoText, "no-text"}, {ErrTooLarge, "too-large"}, {ErrMalformed, "malformed"}, {ErrUnsupported, "unsupported"}, {ErrEmpty, "empty"}} {
		if errors.Is(err, s.err) {
			return s.name
		}
	}
	return "unclassified"
}

// TestRobustnessPDF reads every PDF of ../shared/corpus/robustness in a child
// process under a 10 s timeout and a 2 GiB address-space cap, and fails on a
// crash, a hang, an unclassified error or a peak RSS over 512 MiB.
func TestRobustnessPDF(t *testing.T) {
	if os.Getenv(robustChildEnv) != "" {
		t.Skip("child")
	}
	if raceEnabled {
		t.Skip("-race: children cannot run under the address-space cap")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	shared := sharedtest.Dir(t)
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit not installed")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "robustness", "*.pdf"))
	if len(files) == 0 {
		t.Skip("no robustness PDFs")
	}
	var b strings.Builder
	for _, f := range files {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := exec.CommandContext(ctx, prlimit, "--as=2147483648", os.Args[0], "-test.run=^TestRobustnessChild$", "-test.v")
		cmd.Env = append(os.Environ(), robustChildEnv+"="+f, "GOTRACEBACK=single")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		dur := time.Since(start)
		hung := ctx.Err() != nil
		cancel()
		name := filepath.Base(f)
		var rss int64
		if cmd.ProcessState != nil {
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				rss = ru.Maxrss / 1024
			}
		}
		result := ""
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "RESULT ") {
				result = strings.TrimPrefix(line, "RESULT ")
			}
		}
		fmt.Fprintf(&b, "%-52s %6.0f ms %5d MiB  %s\n", name, float64(dur.Milliseconds()), rss, result)
		switch {
		case hung:
			t.Errorf("%s: hang (killed after 10 s)", name)
		case err != nil || result == "":
			t.Errorf("%s: child crashed: %v\n%s", name, err, tail(string(out), 600))
		case strings.Contains(string(out), "panic:") || strings.Contains(string(out), "fatal error"):
			t.Errorf("%s: panic or fatal error in output", name)
		case strings.HasPrefix(result, "err unclassified"):
			t.Errorf("%s: unclassified error: %s", name, result)
		case rss > 512:
			t.Errorf("%s: peak RSS %d MiB, want <= 512", name, rss)
		}
	}
	t.Log("\n" + b.String())
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
