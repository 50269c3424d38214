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
	"strconv"
	"strings"
	"sync"
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
// serving batch workers. It reads requests from stdin, one per line (the
// request id, a space, the file path as a JSON string), extracts each on its
// own goroutine, and answers each with one childReply frame on stdout as soon
// as it is done, so one child keeps several files in flight. It reads nothing
// before the first request, and the parent sends that only once the memory
// limit is in place. After a timeout it answers and exits: the stuck parser
// goroutine cannot be stopped, so the parent starts a fresh child (and
// retries there the files that were in flight beside the stuck one).
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
			return serveChild(ctx, s.In, s.Out, g.extractOptions())
		},
	}
}

// serveChild is the child's loop: requests from in, frames to out. It
// returns at the end of in once every file in flight is answered, at once
// after a file ran past its deadline, or when out fails.
func serveChild(ctx context.Context, in io.Reader, out io.Writer, opts extract.Options) error {
	var (
		mu      sync.Mutex // one frame at a time on out; held for good once the child must exit
		werr    error
		flights sync.WaitGroup
		quit    = make(chan struct{})
		reqs    = make(chan []byte)
	)
	answer := func(id uint32, rep *childReply) {
		frame := appendChildReply(nil, id, rep)
		mu.Lock()
		if _, err := out.Write(frame); err != nil {
			werr = fmt.Errorf("child reply: %w", err)
			close(quit) // the lock stays held: nothing more is written
			return
		}
		if slices.Contains(rep.Sentinels, "deadline") {
			close(quit)
			return
		}
		mu.Unlock()
	}
	go func() {
		defer close(reqs)
		r := bufio.NewReader(in)
		for {
			line, err := r.ReadBytes('\n')
			if len(bytes.TrimSpace(line)) > 0 {
				select {
				case reqs <- line:
				case <-quit:
					return
				}
			}
			if err != nil {
				return // EOF: the parent is done
			}
		}
	}()
	for {
		select {
		case line, ok := <-reqs:
			if !ok {
				idle := make(chan struct{})
				go func() { flights.Wait(); close(idle) }()
				select {
				case <-idle:
					return nil
				case <-quit:
					return werr
				}
			}
			id, path, perr := parseChildRequest(line)
			flights.Add(1)
			go func() {
				defer flights.Done()
				rep := childReply{Error: "bad request", Sentinels: []string{"malformed"}}
				if perr == nil {
					rep = extractReply(ctx, path, opts)
				}
				answer(id, &rep)
			}()
		case <-quit:
			return werr
		}
	}
}

// appendChildRequest appends the request line asking a child to extract
// path under id.
func appendChildRequest(dst []byte, id uint32, path string) []byte {
	dst = strconv.AppendUint(dst, uint64(id), 10)
	dst = append(dst, ' ')
	q, _ := json.Marshal(path) // a string always marshals
	dst = append(dst, q...)
	return append(dst, '\n')
}

// parseChildRequest reads a request line: the id, a space, the path as a
// JSON string.
func parseChildRequest(line []byte) (uint32, string, error) {
	num, rest, ok := bytes.Cut(bytes.TrimSpace(line), []byte{' '})
	if !ok {
		return 0, "", errors.New("bad request")
	}
	id, err := strconv.ParseUint(string(num), 10, 32)
	if err != nil {
		return 0, "", fmt.Errorf("bad request id: %w", err)
	}
	var path string
	if err := json.Unmarshal(rest, &path); err != nil {
		return uint32(id), "", fmt.Errorf("bad request path: %w", err)
	}
	return uint32(id), path, nil
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

// childSlots is how many batch workers share one child, each with at most
// one file in flight in it: one child per childSlots workers instead of one
// per worker saves a process start, its package initialisation and the page
// faults of a second warm heap (about 18 ms of CPU, 5 % of the corpus
// batch, on two cores). The child extracts its files on as many goroutines
// and the Go runtime spreads them over the cores. Four keeps the files that
// one crash sends back for a retry few, and the address space of one child
// (childMemLimit) ample for the files it holds.
const childSlots = 4

// worker returns a child extractor that up to childSlots batch workers
// share. The process starts on the first file and is replaced after it dies
// or is killed.
func (cr *childRunner) worker() *childWorker { return &childWorker{cr: cr} }

// childWorker is one long-lived child process shared by a few batch workers,
// so that a batch pays for one process start per childSlots workers, not one
// per file or per worker. It is safe for concurrent use. When the child dies
// with several files in flight, only one of them is to blame: each of the
// others is retried alone in a fresh child, and a file that brings down a
// child on its own gets the error row.
type childWorker struct {
	cr    *childRunner
	mu    sync.Mutex
	proc  *childProc     // the process taking new files; nil before the first
	procs sync.WaitGroup // the reader of every process started, until it reaped its process
}

// childProc is one child process and the files in flight in it. Its reader
// goroutine (read) routes each reply frame to the file it answers and, when
// the stream ends, reaps the process and fails the files left in flight.
type childProc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *cappedBuffer
	wmu    sync.Mutex // one request line at a time on stdin

	mu       sync.Mutex
	nextID   uint32
	pending  map[uint32]chan childResult
	retired  bool // takes no new file: killed, told of a deadline, or its stream ended
	innocent bool // killed for a file no longer in flight: those left are not to blame
}

// childResult is what a file in flight gets from its child's reader: the
// reply, or how the child failed before it answered.
type childResult struct {
	rep   *childReply
	err   error // the stream's error: errLineTooLong (this file's reply), errBadFrame, EOF…
	werr  error // the child's exit status, once the stream ended
	retry bool  // the child failed for another file, or with others in flight
}

// start starts a child, applies the memory limit before the child may read
// anything, and starts its reader, counted in readers.
func (cr *childRunner) start(readers *sync.WaitGroup) (*childProc, error) {
	c := exec.Command(cr.exe, cr.args...)
	if cr.argv0 != "" {
		c.Args[0] = cr.argv0
	}
	c.Env = append(os.Environ(), cr.env...)
	c.SysProcAttr = childSysProcAttr()
	c.WaitDelay = time.Second
	stdin, err := c.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := c.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p := &childProc{cmd: c, stdin: stdin, stderr: &cappedBuffer{max: maxChildStderr}, pending: map[uint32]chan childResult{}}
	c.Stderr = p.stderr
	if err := c.Start(); err != nil {
		return nil, err
	}
	if cr.memLimit > 0 {
		if err := setMemLimit(c.Process.Pid, cr.memLimit); err != nil {
			_ = c.Process.Kill()
			_ = c.Wait()
			return nil, fmt.Errorf("limiting its memory: %w", err)
		}
	}
	readers.Add(1)
	go func() {
		defer readers.Done()
		p.read(bufio.NewReaderSize(stdout, 64<<10))
	}()
	return p, nil
}

// read routes the child's replies until its stream ends, then reaps the
// child and fails every file still in flight.
func (p *childProc) read(out *bufio.Reader) {
	var streamErr error
	for {
		id, rep, err := readChildFrame(out, maxChildOutput)
		if err != nil {
			streamErr = err
			if errors.Is(err, errLineTooLong) {
				// This file's reply is too large to take; the stream is lost.
				p.deliver(id, childResult{err: err})
				p.kill()
			}
			break
		}
		if slices.Contains(rep.Sentinels, "deadline") {
			// Its parser goroutine is stuck and the child exits anyway:
			// retire it before the file's row lets its worker go on.
			p.kill()
		}
		p.deliver(id, childResult{rep: rep})
	}
	p.mu.Lock()
	p.retired = true // before the reaping second: no file may join a dying child
	p.mu.Unlock()
	werr := p.reap()
	p.mu.Lock()
	pending := p.pending
	p.pending = nil
	retry := p.innocent || len(pending) > 1
	p.mu.Unlock()
	for _, ch := range pending {
		ch <- childResult{err: streamErr, werr: werr, retry: retry}
	}
}

// reap closes the child's stdin, gives it a second to exit, kills it if it
// has not, and returns the error of Wait.
func (p *childProc) reap() error {
	_ = p.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Second):
		_ = p.cmd.Process.Kill()
		return <-done
	}
}

// deliver hands r to the file in flight under id, if it still waits.
func (p *childProc) deliver(id uint32, r childResult) {
	p.mu.Lock()
	ch := p.pending[id]
	delete(p.pending, id)
	p.mu.Unlock()
	if ch != nil {
		ch <- r
	}
}

// kill ends the child now, for a file that is no longer in flight (answered
// or given up): the files left in flight are retried elsewhere.
func (p *childProc) kill() {
	p.mu.Lock()
	p.retired, p.innocent = true, true
	p.mu.Unlock()
	_ = p.cmd.Process.Kill()
}

// isRetired reports whether the child takes no new file.
func (p *childProc) isRetired() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.retired
}

// register puts a file in flight and returns its id and where its result
// comes; false when the child takes no new file.
func (p *childProc) register() (uint32, chan childResult, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.retired {
		return 0, nil, false
	}
	p.nextID++
	ch := make(chan childResult, 1)
	p.pending[p.nextID] = ch
	return p.nextID, ch, true
}

// abandon takes a file out of flight without an answer and reports whether
// the file may not be to blame: other files are still in flight, or the
// child was already killed for another one.
func (p *childProc) abandon(id uint32) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.pending, id)
	return len(p.pending) > 0 || p.innocent
}

// close asks the child to finish: it exits once it has answered the files
// in flight, and its reader reaps it.
func (p *childProc) close() {
	p.wmu.Lock()
	_ = p.stdin.Close()
	p.wmu.Unlock()
}

// current returns the child taking new files, starting one if there is
// none or the last one was retired.
func (w *childWorker) current() (*childProc, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.proc == nil || w.proc.isRetired() {
		p, err := w.cr.start(&w.procs)
		if err != nil {
			return nil, err
		}
		w.proc = p
	}
	return w.proc, nil
}

// close ends the children once the batch is done and waits until every
// child this worker started has been reaped.
func (w *childWorker) close() {
	w.mu.Lock()
	p := w.proc
	w.proc = nil
	w.mu.Unlock()
	if p != nil {
		p.close()
	}
	w.procs.Wait()
}

// extract has a child extract path and returns the document, or an
// *extract.FileError for path whatever happened to the child: a crash, a
// kill at the deadline or garbage on stdout. The child's stderr (a Go stack
// trace after a crash) is used only to classify, never shown. A file whose
// child failed with others in flight, or for another file, is retried alone
// in a fresh child, so that only the file to blame gets the error.
func (w *childWorker) extract(ctx context.Context, path string) (*extract.Document, error) {
	for range 3 { // a child retired between current and register: take the next
		p, err := w.current()
		if err != nil {
			return nil, childStartError(path, err)
		}
		id, ch, ok := p.register()
		if !ok {
			continue
		}
		doc, retry, err := w.await(ctx, p, id, ch, path, false)
		if !retry {
			return doc, err
		}
		break
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, err := w.cr.start(&w.procs)
	if err != nil {
		return nil, childStartError(path, err)
	}
	defer p.close()
	id, ch, _ := p.register()
	doc, _, err := w.await(ctx, p, id, ch, path, true)
	return doc, err
}

// childStartError is the error of a file whose child could not start.
func childStartError(path string, err error) error {
	return &extract.FileError{Path: path, Err: &childError{msg: "cannot start the extractor: " + err.Error(), errs: []error{extract.ErrUnreadable}}}
}

// await sends the request for path, in flight under id in p, and waits for
// its result, at most the timeout and the grace. retry says the child failed
// (or had to be killed) with other files in flight or for another file, and
// path should be tried again alone (never when alone is set: then the
// failure is path's).
func (w *childWorker) await(ctx context.Context, p *childProc, id uint32, ch chan childResult,
	path string, alone bool) (doc *extract.Document, retry bool, err error) {
	p.wmu.Lock()
	_, werr := p.stdin.Write(appendChildRequest(nil, id, path))
	p.wmu.Unlock()
	if werr != nil {
		_ = p.cmd.Process.Kill() // the reader fails this file with the child's exit status
	}
	timer := time.NewTimer(w.cr.timeout + childGrace)
	defer timer.Stop()
	var r childResult
	select {
	case r = <-ch:
	case <-timer.C:
		others := p.abandon(id)
		p.kill()
		if others && !alone {
			// A child that cannot even report a deadline may be stuck on
			// any of its files: each is tried again alone.
			return nil, true, nil
		}
		return nil, false, &extract.FileError{Path: path, Err: &childError{
			msg:  fmt.Sprintf("timed out parsing the file after %s (extractor stopped)", w.cr.timeout),
			errs: []error{extract.ErrMalformed, context.DeadlineExceeded}}}
	case <-ctx.Done():
		p.abandon(id)
		p.kill()
		return nil, false, ctx.Err()
	}
	if r.rep == nil && r.retry && !alone {
		return nil, true, nil
	}
	doc, err = w.result(path, p, r)
	return doc, false, err
}

// result turns a child's answer for path into the document or the file's error.
func (w *childWorker) result(path string, p *childProc, r childResult) (*extract.Document, error) {
	fail := func(msg string, errs ...error) error {
		return &extract.FileError{Path: path, Err: &childError{msg: msg, errs: errs}}
	}
	switch {
	case r.rep != nil:
	case errors.Is(r.err, errLineTooLong):
		return nil, fail("the extracted text is too large", extract.ErrTooLarge)
	case errors.Is(r.err, errBadFrame) && r.werr == nil:
		// Out of step with the protocol, though the child exited cleanly.
		return nil, fail("the extractor gave an unreadable reply", extract.ErrMalformed)
	default:
		// The child died before it answered (a crashing one prints its
		// trace on stderr, read once it has been reaped).
		werr := r.werr
		if werr == nil {
			werr = r.err
		}
		return nil, crashError(path, werr, p.stderr.Bytes(), w.cr.memLimit)
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
		if len(errs) == 0 {
			errs = append(errs, extract.ErrMalformed)
		}
		msg := rep.Error
		if msg == "" {
			msg = "the extractor returned no document"
		}
		return nil, fail(msg, errs...)
	}
	rep.Doc.Path = path
	return rep.Doc, nil
}

// errLineTooLong says a child's reply exceeded maxChildOutput.
var errLineTooLong = errors.New("reply too long")

// crashError classifies a child that exited abnormally.
func crashError(path string, werr error, stderr []byte, limit uint64) error {
	low := bytes.ToLower(stderr)
	var msg string
	errs := []error{extract.ErrMalformed}
	switch {
	case bytes.Contains(low, []byte("out of memory")) || bytes.Contains(low, []byte("cannot allocate")) ||
		bytes.Contains(low, []byte("address space")): // the -race runtime's wording under RLIMIT_AS
		msg = fmt.Sprintf("the parser ran out of memory (limit %s); the file is hostile or badly damaged", humanSize(limit))
		errs = []error{extract.ErrTooLarge, extract.ErrMalformed}
	case bytes.Contains(low, []byte("goroutine ")) || bytes.Contains(low, []byte("panic:")):
		msg = "the parser crashed on this file"
	default:
		msg = "the extractor stopped abnormally (" + werr.Error() + ")"
	}
	return &extract.FileError{Path: path, Err: &childError{msg: msg, errs: errs}}
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
