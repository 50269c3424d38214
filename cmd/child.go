package cmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/extract"
)

// childCommand is the hidden command batch re-executes itself with to extract
// files in child processes, one per worker. A parser that runs out of memory ends with a
// Go fatal error that recover cannot catch, and a parser stuck in a loop
// cannot be stopped from inside the process (robustness.md §8 B2); in a child,
// both end as that one file's error and the batch goes on.
const childCommand = "__extract"

// childMemLimit is the address-space limit (RLIMIT_AS) of a child. A Go 1.26
// binary does not start under about 800 MiB, and this one reserves about
// 1.5 GiB of address space before it reads anything (measured with ps: VSZ
// 1,564,276 KiB); at 1.2 GiB it cannot allocate a 4 MiB block. 2 GiB leaves
// roughly 500 MiB of real room, plenty for a resume and far below the
// gigabyte-sized allocations a hostile file asks for.
const childMemLimit = 2 << 30

// childGrace is how much longer than the extraction timeout the parent waits
// before it kills a child: the child enforces the timeout itself and reports
// it cleanly, the kill is for a child that cannot.
const childGrace = 2 * time.Second

// maxChildOutput caps one reply frame of a child; maxChildStderr caps what is
// kept of its stderr (read only to classify a crash).
const (
	maxChildOutput = 64 << 20
	maxChildStderr = 64 << 10
)

// childGCPercent is the GOGC of a child. Main turns the proportional
// collector off, which suits a run that exits after one resume; a child
// extracts file after file, and with the collector off it touches fresh
// pages until the soft limit (about 120 MB over the corpus's 28 PDFs), paid
// in page faults. Measured on those PDFs in one child (user+sys, median of 8,
// loaded machine): off 0.33 s, GOGC=300 0.30 s, 400 0.28 s (32 MB peak),
// 800 0.22 s (45 MB), 1600 0.29 s. The soft memory limit stays. A user's
// GOGC or GOMEMLIMIT wins.
const childGCPercent = 400

func init() {
	registerCommand(func(s *streams, g *globalOptions) *cobra.Command { return newChildCmd(s, g) })
}

// childReply is what a child writes on stdout, as one frame (child_codec.go):
// the document, or the error with the names of the sentinels it wraps so the
// parent can rebuild it.
type childReply struct {
	Doc       *extract.Document
	Error     string   // the cause, without the path
	Sentinels []string // names from childSentinels
}

// childSentinels are the errors carried across the process boundary by name.
var childSentinels = []struct {
	name string
	err  error
}{
	{"unsupported", extract.ErrUnsupported},
	{"encrypted", extract.ErrEncrypted},
	{"no-text", extract.ErrNoText},
	{"too-large", extract.ErrTooLarge},
	{"malformed", extract.ErrMalformed},
	{"empty", extract.ErrEmpty},
	{"unreadable", extract.ErrUnreadable},
	{"not-exist", os.ErrNotExist},
	{"permission", os.ErrPermission},
	{"deadline", context.DeadlineExceeded},
}

// newChildCmd builds the hidden `__extract` command: a child extractor
// serving one batch worker. It reads requests from stdin, one JSON string (a
// file path) per line, and answers each with one childReply frame on stdout.
// It reads nothing before the first request, and the parent sends that only
// once the memory limit is in place. After a timeout it answers and exits: the
// stuck parser goroutine cannot be stopped, so the parent starts a fresh child.
func newChildCmd(s *streams, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:    childCommand,
		Short:  "extract files for batch in a child process (internal)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx := c.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			if s.In == nil {
				return nil
			}
			if g.Getenv == nil || g.Getenv("GOGC") == "" && g.Getenv("GOMEMLIMIT") == "" {
				debug.SetGCPercent(childGCPercent)
			}
			in := bufio.NewReader(s.In)
			var frame []byte // one Write per reply
			for {
				line, err := in.ReadBytes('\n')
				if len(bytes.TrimSpace(line)) > 0 {
					var path string
					rep := childReply{}
					if jerr := json.Unmarshal(line, &path); jerr != nil {
						rep.Error, rep.Sentinels = "bad request", []string{"malformed"}
					} else {
						rep = extractReply(ctx, path, g.extractOptions())
					}
					frame = appendChildReply(frame[:0], &rep)
					if _, werr := s.Out.Write(frame); werr != nil {
						return fmt.Errorf("child reply: %w", werr)
					}
					if slices.Contains(rep.Sentinels, "deadline") {
						return nil
					}
				}
				if err != nil {
					return nil // EOF: the parent is done
				}
			}
		},
	}
}

// extractReply extracts one file and packs the result for the parent.
func extractReply(ctx context.Context, path string, opts extract.Options) childReply {
	doc, err := extract.File(ctx, path, opts)
	if err == nil {
		return childReply{Doc: doc}
	}
	rep := childReply{Error: describe(err)}
	var fe *extract.FileError
	if errors.As(err, &fe) {
		rep.Error = describe(fe.Err)
		if fe.Path != "" && strings.HasPrefix(rep.Error, fe.Path+": ") {
			rep.Error = strings.TrimPrefix(rep.Error, fe.Path+": ")
		}
	}
	for _, cs := range childSentinels {
		if errors.Is(err, cs.err) {
			rep.Sentinels = append(rep.Sentinels, cs.name)
		}
	}
	return rep
}

// childError is an extraction error rebuilt in the parent: the child's
// message, wrapping the same sentinels.
type childError struct {
	msg  string
	errs []error
}

func (e *childError) Error() string   { return e.msg }
func (e *childError) Unwrap() []error { return e.errs }

// childRunner holds how to start child extractors; each batch worker gets
// its own childWorker from it.
type childRunner struct {
	exe      string   // the binary to run (os.Executable())
	argv0    string   // its argv[0]: "resumescore" (testscript dispatches on it)
	args     []string // arguments (the command and the limit flags)
	memLimit uint64   // RLIMIT_AS of each child; 0 = none
	timeout  time.Duration
	env      []string // extra environment (tests)
}

// newChildRunner returns a runner re-executing this binary with the limits of g.
func newChildRunner(g *globalOptions) (*childRunner, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("locating this binary for child processes: %w", err)
	}
	o := g.extractOptions()
	return &childRunner{
		exe:   exe,
		argv0: "resumescore",
		args: []string{childCommand,
			"--timeout", o.Timeout.String(),
			"--max-size", fmt.Sprintf("%dB", o.MaxBytes),
			"--max-pages", fmt.Sprint(o.MaxPages)},
		memLimit: childMemLimit,
		timeout:  o.Timeout,
	}, nil
}

// worker returns a child extractor for one batch worker. The process starts
// on the first file and is restarted after it dies or is killed.
func (cr *childRunner) worker() *childWorker { return &childWorker{cr: cr} }

// childWorker is one long-lived child process serving one batch worker, so
// that a batch pays for a process start per worker, not per file.
type childWorker struct {
	cr     *childRunner
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *cappedBuffer
}

// start starts the child and applies the memory limit before the child may
// read anything.
func (w *childWorker) start() error {
	c := exec.Command(w.cr.exe, w.cr.args...)
	if w.cr.argv0 != "" {
		c.Args[0] = w.cr.argv0
	}
	c.Env = append(os.Environ(), w.cr.env...)
	c.SysProcAttr = childSysProcAttr()
	c.WaitDelay = time.Second
	stdin, err := c.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := c.StdoutPipe()
	if err != nil {
		return err
	}
	w.stderr = &cappedBuffer{max: maxChildStderr}
	c.Stderr = w.stderr
	if err := c.Start(); err != nil {
		return err
	}
	if w.cr.memLimit > 0 {
		if err := setMemLimit(c.Process.Pid, w.cr.memLimit); err != nil {
			_ = c.Process.Kill()
			_ = c.Wait()
			return fmt.Errorf("limiting its memory: %w", err)
		}
	}
	w.cmd, w.stdin, w.stdout = c, stdin, bufio.NewReaderSize(stdout, 64<<10)
	return nil
}

// stop ends the child: kill when it must die now, else close its stdin and
// give it a second to exit before killing it. It returns the error of Wait.
func (w *childWorker) stop(kill bool) error {
	if w.cmd == nil {
		return nil
	}
	if kill {
		_ = w.cmd.Process.Kill()
	}
	_ = w.stdin.Close()
	done := make(chan error, 1)
	c := w.cmd
	go func() { done <- c.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Second):
		_ = c.Process.Kill()
		err = <-done
	}
	w.cmd = nil
	return err
}

// close ends the child once the batch is done.
func (w *childWorker) close() { _ = w.stop(false) }

// extract has the child extract path and returns the document, or an
// *extract.FileError for path whatever happened to the child: a crash, a
// kill at the deadline or garbage on stdout. The child's stderr (a Go stack
// trace after a crash) is used only to classify, never shown.
func (w *childWorker) extract(ctx context.Context, path string) (*extract.Document, error) {
	fail := func(msg string, errs ...error) error {
		return &extract.FileError{Path: path, Err: &childError{msg: msg, errs: errs}}
	}
	if w.cmd == nil {
		if err := w.start(); err != nil {
			return nil, fail("cannot start the extractor: "+err.Error(), extract.ErrUnreadable)
		}
	}
	req, _ := json.Marshal(path)
	if _, err := w.stdin.Write(append(req, '\n')); err != nil {
		werr := w.stop(true)
		return nil, crashError(path, werr, w.stderr.Bytes(), w.cr.memLimit)
	}
	type result struct {
		rep *childReply
		err error
	}
	ch := make(chan result, 1)
	out := w.stdout
	go func() {
		rep, err := readChildFrame(out, maxChildOutput)
		ch <- result{rep, err}
	}()
	timer := time.NewTimer(w.cr.timeout + childGrace)
	defer timer.Stop()
	var r result
	select {
	case r = <-ch:
	case <-timer.C:
		_ = w.stop(true)
		<-ch
		return nil, fail(fmt.Sprintf("timed out parsing the file after %s (extractor stopped)", w.cr.timeout),
			extract.ErrMalformed, context.DeadlineExceeded)
	case <-ctx.Done():
		_ = w.stop(true)
		<-ch
		return nil, ctx.Err()
	}
	switch {
	case errors.Is(r.err, errLineTooLong):
		_ = w.stop(true)
		return nil, fail("the extracted text is too large", extract.ErrTooLarge)
	case errors.Is(r.err, errBadFrame):
		// Out of step with the protocol: end this child and start afresh on
		// the next file. It gets stop's grace to finish a crash's trace on
		// stderr, which tells a crash from a reply that is not a frame; how
		// it ends says nothing (a slow exit is killed at the grace's end).
		_ = w.stop(false)
		if msg, errs, ok := crashVerdict(w.stderr.Bytes(), w.cr.memLimit); ok {
			return nil, fail(msg, errs...)
		}
		return nil, fail("the extractor gave an unreadable reply", extract.ErrMalformed)
	case r.err != nil:
		// The child died before it answered.
		werr := w.stop(false)
		if werr == nil {
			werr = r.err
		}
		return nil, crashError(path, werr, w.stderr.Bytes(), w.cr.memLimit)
	}
	rep := r.rep
	if rep.Error != "" || rep.Doc == nil {
		var errs []error
		for _, name := range rep.Sentinels {
			for _, cs := range childSentinels {
				if cs.name == name {
					errs = append(errs, cs.err)
				}
			}
		}
		if slices.Contains(rep.Sentinels, "deadline") {
			_ = w.stop(true) // its parser goroutine is stuck; the child exits anyway
		}
		if len(errs) == 0 {
			errs = append(errs, extract.ErrMalformed)
		}
		msg := rep.Error
		if msg == "" {
			msg = "the extractor returned no document"
		}
		return nil, &extract.FileError{Path: path, Err: &childError{msg: msg, errs: errs}}
	}
	rep.Doc.Path = path
	return rep.Doc, nil
}

// errLineTooLong says a child's reply exceeded maxChildOutput.
var errLineTooLong = errors.New("reply too long")

// crashError classifies a child that exited abnormally.
func crashError(path string, werr error, stderr []byte, limit uint64) error {
	msg, errs, ok := crashVerdict(stderr, limit)
	if !ok {
		msg, errs = "the extractor stopped abnormally ("+werr.Error()+")", []error{extract.ErrMalformed}
	}
	return &extract.FileError{Path: path, Err: &childError{msg: msg, errs: errs}}
}

// crashVerdict reads a child's stderr: the message and kinds of a crash it
// shows (the runtime out of memory, or a panic or fatal error's trace), or
// ok false when it shows none.
func crashVerdict(stderr []byte, limit uint64) (msg string, errs []error, ok bool) {
	low := bytes.ToLower(stderr)
	switch {
	case bytes.Contains(low, []byte("out of memory")) || bytes.Contains(low, []byte("cannot allocate")) ||
		bytes.Contains(low, []byte("address space")): // the -race runtime's wording under RLIMIT_AS
		return fmt.Sprintf("the parser ran out of memory (limit %s); the file is hostile or badly damaged", humanSize(limit)),
			[]error{extract.ErrTooLarge, extract.ErrMalformed}, true
	case bytes.Contains(low, []byte("goroutine ")) || bytes.Contains(low, []byte("panic:")):
		return "the parser crashed on this file", []error{extract.ErrMalformed}, true
	}
	return "", nil, false
}

// humanSize writes a byte count as "1 GiB", "512 MiB".
func humanSize(n uint64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d B", n)
}

// cappedBuffer keeps at most max bytes and notes whether more were written.
type cappedBuffer struct {
	buf      bytes.Buffer
	max      int
	overflow bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); room < len(p) {
		b.overflow = true
		if room > 0 {
			b.buf.Write(p[:room])
		}
		return len(p), nil
	}
	return b.buf.Write(p)
}

// Bytes returns what was kept.
func (b *cappedBuffer) Bytes() []byte { return b.buf.Bytes() }

// needsChild reports whether the file at path should be extracted in a
// child: the binary formats whose parsers are third-party libraries (PDF,
// DOCX and OLE containers), sniffed from the first bytes like extract does.
// Text, Markdown and JSON Resume are read by our own code under size caps.
func needsChild(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false // the in-process reader reports the error
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	return bytes.Contains(head, []byte("%PDF-")) ||
		bytes.HasPrefix(head, []byte("PK\x03\x04")) ||
		bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
}
