package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// Options bound the work extract may do on one file.
type Options struct {
	MaxBytes int64         // refuse files larger than this (default 10 MiB)
	MaxPages int           // refuse PDFs with more pages (default 20)
	Timeout  time.Duration // give up on a file after this long (default 5 s)

	// unmappedAsCode prints a PDF glyph that has no Unicode meaning (an
	// icon-font glyph, or a code no ToUnicode, encoding or glyph name maps)
	// as the character whose number is its code, as pdftotext does, instead
	// of a space. Only the corpus evaluation sets it, to tell which words
	// of a pdftotext reference are such junk (see corpus_test.go).
	unmappedAsCode bool
}

// DefaultOptions returns the limits used when the user sets none.
func DefaultOptions() Options {
	return Options{MaxBytes: 10 << 20, MaxPages: 20, Timeout: 5 * time.Second}
}

// withDefaults fills zero or negative limits with the defaults.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.MaxPages <= 0 {
		o.MaxPages = d.MaxPages
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	return o
}

// File reads the file at path. "-" is not special here; callers use Read for stdin.
//
// A file larger than opts.MaxBytes is refused before it is read. Every error is a
// *FileError naming path and wrapping one of the sentinels in errors.go.
func File(ctx context.Context, path string, opts Options) (*Document, error) {
	opts = opts.withDefaults()
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: openError(err)}
	}
	if fi.IsDir() {
		return nil, &FileError{Path: path, Err: &causeError{msg: "is a directory, not a file", errs: []error{ErrUnreadable}}}
	}
	if fi.Mode().IsRegular() && fi.Size() > opts.MaxBytes {
		return nil, &FileError{Path: path, Err: tooLarge(fi.Size(), opts.MaxBytes)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: openError(err)}
	}
	defer f.Close()
	var size int64
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return read(ctx, f, path, opts, size)
}

// Read reads a document from r; name is used for errors and as a format hint.
// The caller passes name "-" for stdin. At most opts.MaxBytes are accepted.
func Read(ctx context.Context, r io.Reader, name string, opts Options) (*Document, error) {
	return read(ctx, r, name, opts, 0)
}

// read is Read with the size the file is expected to have (0 for unknown).
func read(ctx context.Context, r io.Reader, name string, opts Options, size int64) (*Document, error) {
	opts = opts.withDefaults()
	data, err := readAll(io.LimitReader(r, opts.MaxBytes+1), min(size, opts.MaxBytes))
	if err != nil {
		return nil, &FileError{Path: name, Err: openError(err)}
	}
	if int64(len(data)) > opts.MaxBytes {
		return nil, &FileError{Path: name, Err: &causeError{
			msg:  fmt.Sprintf("larger than the %s limit", humanBytes(opts.MaxBytes)),
			errs: []error{ErrTooLarge},
		}}
	}
	doc, err := parse(ctx, data, name, opts)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			return nil, err
		}
		return nil, &FileError{Path: name, Err: err}
	}
	return doc, nil
}

// readAll reads r to its end as io.ReadAll does, into a buffer sized for
// size bytes at once: io.ReadAll starts at 512 bytes and grows by copies,
// which for a 100 KB resume allocates (and, with the GC off, faults in)
// about three times the file.
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, max(size+1, 512)) // +1: reaching EOF needs no growth
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append pick the growth
		}
	}
}

// parse sniffs the format of data, runs its reader under the deadline and
// applies the common post-pass. Errors are returned without the path.
func parse(ctx context.Context, data []byte, name string, opts Options) (*Document, error) {
	if len(data) == 0 {
		return nil, &causeError{msg: "empty file (0 bytes)", errs: []error{ErrEmpty}}
	}
	sn, err := sniff(data, name)
	if err != nil {
		return nil, err
	}
	var fn reader
	switch sn.format {
	case PDF:
		fn = readPDF
	case DOCX:
		fn = readDOCX
	case Markdown:
		fn = readMarkdown
	case JSONResume:
		fn = readJSONResume
	default:
		fn = readText
		if sn.html {
			fn = readHTML
		}
		if sn.latex {
			fn = readLaTeX
		}
	}
	// The post-pass runs under the same deadline and recover as the reader.
	withFinish := func(ctx context.Context, data []byte, opts Options) (*Document, error) {
		doc, err := fn(ctx, data, opts)
		if err != nil || doc == nil {
			return doc, err
		}
		doc.Path = name
		doc.Format = sn.format
		doc.Diagnostics = append(doc.Diagnostics, sn.diags...)
		finish(doc)
		return doc, nil
	}
	doc, err := guarded(ctx, withFinish, sn.format, sn.data, opts)
	if err != nil {
		return nil, err
	}
	doc.Path, doc.Format = name, sn.format // also for a reader that returned no document
	if err := classifyEmpty(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// reader is the signature of every format reader. It returns lines with Page,
// Text and Source set (and optionally section hints, see finish) and errors
// wrapping a sentinel, without the path.
type reader func(ctx context.Context, data []byte, opts Options) (*Document, error)

// guarded runs fn in a goroutine under opts.Timeout and turns a panic into
// ErrMalformed. A reader stuck inside a library call cannot be stopped: its
// goroutine is abandoned and the caller gets a timeout error, so a CLI should
// exit soon after (robustness.md §8 B2).
func guarded(ctx context.Context, fn reader, f Format, data []byte, opts Options) (*Document, error) {
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	type result struct {
		doc *Document
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{err: &causeError{
					msg:  fmt.Sprintf("damaged %s: the parser failed (%s)", formatNoun(f), clip(fmt.Sprint(r), 80)),
					errs: []error{ErrMalformed},
				}}
			}
		}()
		d, err := fn(ctx, data, opts)
		ch <- result{d, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, classifyReaderError(r.err, f)
		}
		if r.doc == nil {
			r.doc = &Document{}
		}
		return r.doc, nil
	case <-ctx.Done():
		if err := context.Cause(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, &causeError{
			msg:  fmt.Sprintf("timed out parsing the %s after %s", formatNoun(f), opts.Timeout),
			errs: []error{ErrMalformed, context.DeadlineExceeded},
		}
	}
}

// sentinels lists the errors a reader's error must wrap; anything else is
// reported as damaged.
var sentinels = []error{ErrUnsupported, ErrEncrypted, ErrNoText, ErrTooLarge, ErrMalformed, ErrEmpty, ErrUnreadable}

func classifyReaderError(err error, f Format) error {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return err
		}
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("damaged %s: %v: %w", formatNoun(f), err, ErrMalformed)
}

// formatNoun names a format in messages ("PDF", "DOCX", ...).
func formatNoun(f Format) string {
	switch f {
	case PDF:
		return "PDF"
	case DOCX:
		return "DOCX"
	case Markdown:
		return "Markdown file"
	case JSONResume:
		return "JSON Resume"
	}
	return "text file"
}

// openError maps an error from os.Stat, os.Open or a read to a cause wrapping
// ErrUnreadable (and the fs error, so errors.Is(err, fs.ErrNotExist) works).
func openError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &causeError{msg: "no such file", errs: []error{ErrUnreadable, fs.ErrNotExist}}
	case errors.Is(err, fs.ErrPermission):
		return &causeError{msg: "permission denied", errs: []error{ErrUnreadable, fs.ErrPermission}}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &causeError{msg: "cannot read: " + err.Error(), errs: []error{ErrUnreadable, err}}
}

func tooLarge(size, limit int64) error {
	return &causeError{
		msg:  fmt.Sprintf("file is %s, over the %s limit", humanBytes(size), humanBytes(limit)),
		errs: []error{ErrTooLarge},
	}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// causeError is a specific cause with a readable message that wraps one or
// more sentinels without repeating their text.
type causeError struct {
	msg  string
	errs []error
}

func (e *causeError) Error() string   { return e.msg }
func (e *causeError) Unwrap() []error { return e.errs }
