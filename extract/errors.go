package extract

import "errors"

// Sentinel errors; test them with errors.Is. Each is wrapped in a *FileError
// naming the file, with the specific cause in between.
var (
	ErrUnsupported = errors.New("unsupported file type")
	ErrEncrypted   = errors.New("encrypted")
	ErrNoText      = errors.New("no text layer")
	ErrTooLarge    = errors.New("over a size limit")
	ErrMalformed   = errors.New("damaged file")
	ErrEmpty       = errors.New("empty file")
)

// FileError records a failure to read one file, like os.PathError.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// ErrUnreadable reports a file that could not be read at all: missing, a
// directory, no permission, or an I/O error. errors.Is also matches the
// underlying fs error (fs.ErrNotExist, fs.ErrPermission) where there is one.
var ErrUnreadable = errors.New("cannot read file")
