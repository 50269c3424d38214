package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/resumescore/resumescore/extract"
)

// Exit codes. This is the only place they exist.
const (
	exitOK    = 0 // report written; every gate passed
	exitGate  = 1 // a gate failed: score < --min-score, a must-have missing (check), a regression
	exitError = 2 // usage or input error: bad flag, unreadable/unsupported/encrypted/no-text/too-large file
)

// usageError is a mistake in the command line: run prints it with the
// command's usage and exits 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErrorf formats a usage error.
func usageErrorf(format string, a ...any) error {
	return &usageError{fmt.Errorf(format, a...)}
}

// gateError says a gate failed (score under --min-score, a must-have missing,
// a regression). The report already explains it, so run prints nothing more
// and exits 1.
type gateError struct{ msg string }

func (e *gateError) Error() string { return e.msg }

// gateErrorf formats a gate failure.
func gateErrorf(format string, a ...any) error {
	return &gateError{fmt.Sprintf(format, a...)}
}

// reportedError marks an error already printed to stderr (for example one
// failing file of several); run only turns it into exit code 2.
type reportedError struct{ err error }

func (e *reportedError) Error() string { return e.err.Error() }
func (e *reportedError) Unwrap() error { return e.err }

// hintError attaches a cure to an error; printError shows it on a second
// "resumescore: hint:" line.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

// withHint wraps err so that printError adds the hint line.
func withHint(err error, hint string) error {
	if err == nil {
		return nil
	}
	return &hintError{err: err, hint: hint}
}

// sentinelHints are the cures printed for extract's known failures, in the
// order they are tested.
var sentinelHints = []struct {
	err  error
	hint string
}{
	{extract.ErrEncrypted, "remove the password (export or print the resume to a new PDF) and run again"},
	{extract.ErrNoText, "this looks like a scan: export a text PDF or DOCX from the source document, or run OCR first"},
	{extract.ErrUnsupported, "save the resume as PDF, DOCX, Markdown (.md) or plain text (.txt); legacy .doc and images are not read"},
	{extract.ErrTooLarge, "a resume is rarely this big: export it again, or raise --max-size / --max-pages if the file is genuine"},
	{extract.ErrMalformed, "the file looks damaged or truncated: export it again from the source document"},
	{extract.ErrEmpty, "the file has no text: check the path, or export the resume again"},
	{extract.ErrUnreadable, "check the path and that you may read the file (a directory is not a resume)"},
}

// hintFor returns the cure for err, or "".
func hintFor(err error) string {
	var he *hintError
	if errors.As(err, &he) {
		return he.hint
	}
	for _, h := range sentinelHints {
		if errors.Is(err, h.err) {
			return h.hint
		}
	}
	return ""
}

// printError writes err as one "resumescore: ..." line, plus a hint line when
// the cause is known.
func printError(w io.Writer, err error) {
	fmt.Fprintf(w, "resumescore: %s\n", describe(err))
	if h := hintFor(err); h != "" {
		fmt.Fprintf(w, "resumescore: hint: %s\n", h)
	}
}

// exitCode maps the error a command returned to the process exit code.
func exitCode(err error) int {
	var ge *gateError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ge):
		return exitGate
	default:
		return exitError
	}
}

// describe returns err's message without the path repeated: extract names the
// file once, and an *fs.PathError inside it would name it again.
func describe(err error) string {
	var fe *extract.FileError
	var pe *fs.PathError
	if errors.As(err, &fe) && errors.As(fe.Err, &pe) && pe.Path == fe.Path {
		return fe.Path + ": " + pe.Err.Error()
	}
	msg := err.Error()
	// "no text layer (scanned image?): no text layer" says the sentinel twice.
	for _, h := range sentinelHints {
		tail := ": " + h.err.Error()
		if errors.Is(err, h.err) && strings.HasSuffix(msg, tail) && strings.Contains(strings.TrimSuffix(msg, tail), h.err.Error()) {
			return strings.TrimSuffix(msg, tail)
		}
	}
	return msg
}

// internalError turns a recovered panic into the one line users see.
func internalError(p any) error {
	return fmt.Errorf("internal error: %v (please report this at https://github.com/resumescore/resumescore/issues)", p)
}
