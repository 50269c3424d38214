package extract

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// fileChildEnv names the file a child process of TestRobustnessFile reads
// through File; TestMain turns the test binary into that child.
const fileChildEnv = "RESUMESCORE_EXTRACT_FILE_CHILD"

var robustTimeout = flag.Duration("extract.timeout", 5*time.Second, "extraction deadline per file in TestRobustnessFile")

// TestMain lets the test binary act as the child of TestRobustnessFile: with
// fileChildEnv set it reads that one file through File, prints one RESULT
// line and exits, without running any test.
func TestMain(m *testing.M) {
	if path := os.Getenv(fileChildEnv); path != "" {
		os.Exit(robustChild(path))
	}
	os.Exit(m.Run())
}

func robustChild(path string) int {
	opts := DefaultOptions()
	if d, err := time.ParseDuration(os.Getenv(fileChildEnv + "_TIMEOUT")); err == nil {
		opts.Timeout = d
	}
	doc, err := File(context.Background(), path, opts)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			err = fe.Err // the table names the file already
		}
		fmt.Printf("RESULT err %s: %v\n", errClass(err), err)
		return 0
	}
	fmt.Printf("RESULT ok text: %d lines, %d pages, %d sections\n", len(doc.Lines), doc.Pages, len(doc.Sections))
	return 0
}

// errClass names the sentinel an error wraps.
func errClass(err error) string {
	for _, s := range []struct {
		err  error
		name string
	}{{ErrEncrypted, "encrypted"}, {ErrNoText, "no-text"}, {ErrTooLarge, "too-large"}, {ErrMalformed, "malformed"},
		{ErrUnsupported, "unsupported"}, {ErrEmpty, "empty"}, {ErrUnreadable, "unreadable"}} {
		if errors.Is(err, s.err) {
			return s.name
		}
	}
	return "unclassified"
}

// TestRobustnessFile reads every file of ../shared/corpus/robustness through
// File, each in a child process (this test binary, see TestMain) killed after
// 15 s. It fails on a Go panic trace or fatal error, a hang, a crash, an
// unclassified error, or a peak RSS of 512 MiB or more, and logs a table of
// outcomes (go test ./extract -run RobustnessFile -v).
func TestRobustnessFile(t *testing.T) {
	if raceEnabled {
		t.Skip("-race: peak memory figures and caps mean nothing under the race detector")
	}
	shared := sharedtest.Path()
	if shared == "" {
		t.Skip("../shared/corpus is absent")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "robustness", "*"))
	var inputs []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".md") {
			inputs = append(inputs, f)
		}
	}
	if len(inputs) == 0 {
		t.Skip("no robustness files")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	counts := map[string]int{}
	var slowest string
	var slowestDur time.Duration
	var maxRSS int64
	for _, f := range inputs {
		name := filepath.Base(f)
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		cmd := exec.CommandContext(ctx, self)
		cmd.Env = append(os.Environ(), fileChildEnv+"="+f, fileChildEnv+"_TIMEOUT="+robustTimeout.String(), "GOTRACEBACK=single")
		cmd.WaitDelay = time.Second
		start := time.Now()
		out, runErr := cmd.CombinedOutput()
		dur := time.Since(start)
		hung := ctx.Err() != nil
		cancel()
		var rssMiB int64
		if cmd.ProcessState != nil {
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				rssMiB = ru.Maxrss / 1024 // KiB on Linux
			}
		}
		result := ""
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "RESULT ") {
				result = strings.TrimPrefix(line, "RESULT ")
			}
		}
		outcome := "?"
		switch {
		case strings.HasPrefix(result, "ok "):
			outcome = "text"
		case strings.HasPrefix(result, "err "):
			outcome = strings.SplitN(strings.TrimPrefix(result, "err "), ":", 2)[0]
		}
		counts[outcome]++
		if dur > slowestDur {
			slowest, slowestDur = name, dur
		}
		maxRSS = max(maxRSS, rssMiB)
		fmt.Fprintf(&b, "%-52s %6d ms %4d MiB  %s\n", name, dur.Milliseconds(), rssMiB, clip(result, 110))
		text := string(out)
		switch {
		case hung:
			t.Errorf("%s: hang (child killed after 15 s)", name)
		case strings.Contains(text, "panic:") || strings.Contains(text, "goroutine ") || strings.Contains(text, "fatal error"):
			t.Errorf("%s: panic trace or fatal error:\n%s", name, lastBytes(text, 800))
		case runErr != nil || result == "":
			t.Errorf("%s: child failed: %v\n%s", name, runErr, lastBytes(text, 800))
		case outcome == "unclassified":
			t.Errorf("%s: unclassified error: %s", name, result)
		case rssMiB >= 512:
			t.Errorf("%s: peak RSS %d MiB, want < 512", name, rssMiB)
		}
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sum []string
	for _, k := range keys {
		sum = append(sum, fmt.Sprintf("%s %d", k, counts[k]))
	}
	t.Logf("\n%s\n%d files: %s; slowest %s (%d ms); max peak RSS %d MiB", b.String(), len(inputs), strings.Join(sum, ", "), slowest, slowestDur.Milliseconds(), maxRSS)
}

func lastBytes(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
