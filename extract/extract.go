package extract

import (
	"context"
	"io"
	"time"
)

// Options bound the work extract may do on one file.
type Options struct {
	MaxBytes int64         // refuse files larger than this (default 10 MiB)
	MaxPages int           // refuse PDFs with more pages (default 20)
	Timeout  time.Duration // give up on a file after this long (default 5 s)
}

// DefaultOptions returns the limits used when the user sets none.
func DefaultOptions() Options {
	return Options{MaxBytes: 10 << 20, MaxPages: 20, Timeout: 5 * time.Second}
}

// File reads the file at path. "-" is not special here; callers use Read for stdin.
func File(ctx context.Context, path string, opts Options) (*Document, error) {
	panic("not implemented") // owner: formats helper
}

// Read reads a document from r; name is used for errors and as a format hint.
func Read(ctx context.Context, r io.Reader, name string, opts Options) (*Document, error) {
	panic("not implemented") // owner: formats helper
}
