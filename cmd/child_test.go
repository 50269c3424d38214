package cmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/resumescore/resumescore/extract"
)

// childHelperEnv makes the test binary act as a misbehaving child (the
// os/exec helper-process pattern): TestChildHelper does what its value says.
const childHelperEnv = "RESUMESCORE_TEST_CHILD"

// TestChildHelper is not a test: it is the child process of TestChildRunner.
// It speaks the child protocol (a JSON path per line in, a reply frame out)
// and misbehaves as its mode says when a request arrives.
func TestChildHelper(t *testing.T) {
	mode := os.Getenv(childHelperEnv)
	if mode == "" {
		t.Skip("helper process for TestChildRunner")
	}
	if dir := os.Getenv(childHelperEnv + "_PIDS"); dir != "" {
		// Tell the test who we are, so it can check that we are gone.
		_ = os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d", mode, os.Getpid())), nil, 0o644)
	}
	if mode == "parent" {
		// A batch process whose child hangs on its file; the test kills
		// this process and checks that the child dies with it.
		w := helperRunner("hang", time.Hour, 0, os.Getenv(childHelperEnv+"_PIDS")).worker()
		_, _ = w.extract(context.Background(), "cv.pdf")
		os.Exit(0) // not reached: the test kills this process first
	}
	if mode == "crash-once" {
		// Crash in the first process, serve in the next: tests the restart.
		marker := os.Getenv(childHelperEnv + "_MARKER")
		if _, err := os.Stat(marker); err != nil {
			_ = os.WriteFile(marker, nil, 0o644)
			mode = "exit"
		} else {
			mode = "ok"
		}
	}
	in := bufio.NewReader(os.Stdin)
	for {
		line, err := in.ReadBytes('\n')
		if err != nil {
			os.Exit(0)
		}
		var path string
		_ = json.Unmarshal(line, &path)
		reply := func(rep childReply) { _, _ = os.Stdout.Write(appendChildReply(nil, &rep)) }
		switch mode {
		case "ok":
			reply(childReply{Doc: &extract.Document{Format: extract.Markdown, Pages: 1,
				Lines: []extract.Line{{N: 1, Page: 1, Text: fmt.Sprintf("pid %d read %s", os.Getpid(), path)}}}})
		case "error":
			reply(childReply{Error: "encrypted with an unsupported method (AES-256)", Sentinels: []string{"encrypted"}})
		case "oom":
			// Far beyond the address-space limit: the runtime's fatal error, which recover cannot catch.
			b := make([]byte, 8<<30)
			b[len(b)-1] = 1
			fmt.Println(len(b))
		case "panic":
			var m map[string]int
			m["boom"] = 1
		case "hang":
			time.Sleep(time.Hour)
		case "garbage":
			fmt.Println("%PDF-1.7 not a frame")
		case "huge":
			// A frame header announcing more than the parent accepts.
			_, _ = os.Stdout.Write([]byte{'R', 'S', 'X', childFrameVersion, 0xFF, 0xFF, 0xFF, 0xFF})
		case "truncated":
			// Half a frame, then death: a crash in the middle of a reply.
			frame := appendChildReply(nil, &childReply{Doc: &extract.Document{Lines: []extract.Line{{Text: "cut"}}}})
			_, _ = os.Stdout.Write(frame[:len(frame)-2])
			os.Exit(4)
		case "exit":
			os.Exit(3)
		}
	}
}

// helperRunner returns a runner whose children are TestChildHelper in mode,
// with its temporary files (and the pid files, when pids is set) under dir.
func helperRunner(mode string, timeout time.Duration, limit uint64, dir string) *childRunner {
	return &childRunner{
		exe: os.Args[0], argv0: os.Args[0],
		args:     []string{"-test.run=^TestChildHelper$"},
		memLimit: limit,
		timeout:  timeout,
		env: []string{childHelperEnv + "=" + mode, "TMPDIR=" + dir, childHelperEnv + "_MARKER=" + dir + "/marker",
			childHelperEnv + "_PIDS=" + dir},
	}
}

// helperPIDs waits until dir holds want pid files of helpers in mode and
// returns their pids.
func helperPIDs(t *testing.T, dir, mode string, want int) []int {
	t.Helper()
	pids, err := waitPIDFiles(dir, mode, want, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return pids
}

// waitPIDFiles is helperPIDs for any goroutine: it returns an error instead
// of failing the test.
func waitPIDFiles(dir, mode string, want int, timeout time.Duration) ([]int, error) {
	deadline := time.Now().Add(timeout)
	for {
		matches, _ := filepath.Glob(filepath.Join(dir, mode+"-*"))
		if len(matches) >= want {
			var pids []int
			for _, m := range matches {
				pid, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(m), mode+"-"))
				if err != nil {
					return nil, err
				}
				pids = append(pids, pid)
			}
			return pids, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%d %s helpers started, want %d", len(matches), mode, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// processGone reports whether pid has exited: it no longer exists, or it is
// a zombie waiting for a reaper other than us (an orphan in a container
// whose init does not reap).
func processGone(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// pid (comm) state ...: the state follows the last ')'.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	return len(f) > 0 && (f[0] == "Z" || f[0] == "X")
}

// waitGone fails unless every pid exits within d.
func waitGone(t *testing.T, pids []int, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for _, pid := range pids {
		for !processGone(pid) {
			if time.Now().After(deadline) {
				t.Errorf("child process %d is still running %v later", pid, d)
				if p, err := os.FindProcess(pid); err == nil {
					_ = p.Kill()
				}
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// TestChildDiesWithParent: a batch process killed outright (SIGKILL, no
// chance to clean up) takes its stuck child with it.
func TestChildDiesWithParent(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the parent-death signal is Linux's")
	}
	dir := t.TempDir()
	parent := exec.Command(os.Args[0], "-test.run=^TestChildHelper$")
	parent.Env = append(os.Environ(), childHelperEnv+"=parent", childHelperEnv+"_PIDS="+dir, "TMPDIR="+dir)
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	pids := helperPIDs(t, dir, "hang", 1)
	if processGone(pids[0]) {
		t.Fatalf("the stuck child %d is gone before its parent was killed", pids[0])
	}
	_ = parent.Process.Kill()
	_ = parent.Wait()
	waitGone(t, pids, 5*time.Second)
}

// childTestTimeout is the children's deadline in TestChildWorker; a -race
// child needs far longer just to start.
var childTestTimeout = map[bool]time.Duration{false: 500 * time.Millisecond, true: 5 * time.Second}[raceEnabled]

func TestChildWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	tests := []struct {
		mode      string
		wantIs    []error
		wantInMsg string
	}{
		{mode: "ok"},
		{mode: "crash-once", wantIs: []error{extract.ErrMalformed}, wantInMsg: "exit status 3"},
		{mode: "error", wantIs: []error{extract.ErrEncrypted}, wantInMsg: "AES-256"},
		{mode: "oom", wantIs: []error{extract.ErrTooLarge}, wantInMsg: "ran out of memory (limit 2 GiB)"},
		{mode: "panic", wantIs: []error{extract.ErrMalformed}, wantInMsg: "the parser crashed"},
		{mode: "hang", wantIs: []error{extract.ErrMalformed, context.DeadlineExceeded}, wantInMsg: "timed out"},
		{mode: "garbage", wantIs: []error{extract.ErrMalformed}, wantInMsg: "unreadable reply"},
		{mode: "huge", wantIs: []error{extract.ErrTooLarge}, wantInMsg: "too large"},
		{mode: "truncated", wantIs: []error{extract.ErrMalformed}, wantInMsg: "exit status 4"},
		{mode: "exit", wantIs: []error{extract.ErrMalformed}, wantInMsg: "exit status 3"},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			limit := uint64(childMemLimit)
			if raceEnabled {
				// the -race runtime cannot start under the address-space limit
				if tt.mode == "oom" {
					t.Skip("the memory limit cannot be tested in a -race build")
				}
				limit = 0
			}
			// The test binary's TestMain (testscript) makes a temporary
			// directory per run that a killed child never removes: keep it
			// under the test's own directory.
			cr := helperRunner(tt.mode, childTestTimeout, limit, t.TempDir())
			w := cr.worker()
			defer w.close()
			start := time.Now()
			doc, err := w.extract(context.Background(), "cv.pdf")
			if elapsed := time.Since(start); elapsed > cr.timeout+childGrace+2*time.Second {
				t.Errorf("extract(%s) took %v, want it bounded by the deadline", tt.mode, elapsed)
			}
			if tt.wantIs == nil {
				if err != nil || doc == nil || doc.Path != "cv.pdf" || len(doc.Lines) != 1 {
					t.Fatalf("extract(ok) = %+v, %v; want the document with its path", doc, err)
				}
				// The same process serves the next file.
				doc2, err := w.extract(context.Background(), "second.pdf")
				if err != nil {
					t.Fatal(err)
				}
				pid1, pid2 := strings.Fields(doc.Lines[0].Text)[1], strings.Fields(doc2.Lines[0].Text)[1]
				if pid1 != pid2 || !strings.HasSuffix(doc2.Lines[0].Text, "read second.pdf") {
					t.Errorf("second file served by %q (%q), want the same child as the first (%s)", pid2, doc2.Lines[0].Text, pid1)
				}
				return
			}
			if err == nil {
				t.Fatalf("extract(%s) = nil error", tt.mode)
			}
			var fe *extract.FileError
			if !errors.As(err, &fe) || fe.Path != "cv.pdf" {
				t.Errorf("extract(%s) error %v is not a *extract.FileError for cv.pdf", tt.mode, err)
			}
			for _, want := range tt.wantIs {
				if !errors.Is(err, want) {
					t.Errorf("extract(%s) error %q does not wrap %v", tt.mode, err, want)
				}
			}
			if !strings.Contains(err.Error(), tt.wantInMsg) {
				t.Errorf("extract(%s) error = %q, want it to contain %q", tt.mode, err, tt.wantInMsg)
			}
			if strings.Contains(err.Error(), "goroutine") || strings.Contains(err.Error(), ".go:") {
				t.Errorf("extract(%s) error leaks the child's stack: %q", tt.mode, err)
			}
			if tt.mode == "crash-once" {
				// The worker starts a fresh child for the next file.
				doc, err := w.extract(context.Background(), "next.pdf")
				if err != nil || doc == nil {
					t.Errorf("extract after a crash = %v, %v; want a restarted child to serve it", doc, err)
				}
			}
		})
	}
}

func TestNeedsChild(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"pdf", "%PDF-1.7\n...", true},
		{"pdf after junk", strings.Repeat("x", 100) + "%PDF-1.4", true},
		{"docx", "PK\x03\x04rest", true},
		{"ole", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", true},
		{"markdown", "# Jane\n", false},
		{"json", `{"basics":{}}`, false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := dir + "/" + tt.name
			if err := os.WriteFile(p, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := needsChild(p); got != tt.want {
				t.Errorf("needsChild(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
	if needsChild(dir + "/missing") {
		t.Error("needsChild(missing) = true, want false (the in-process reader reports the error)")
	}
}
