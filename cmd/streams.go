package cmd

import (
	"io"
	"os"
	"strconv"

	"github.com/charmbracelet/x/term"
)

// streams are the three standard streams of one run. Commands write only here,
// never to os.Stdout, so tests can capture everything a run prints.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
	OutTTY   bool // stdout is a terminal; decided once by systemStreams, set by tests
	Width    int  // terminal width when OutTTY (0 = unknown); ignored otherwise
}

// systemStreams returns the process's streams, with OutTTY and Width read from
// the real stdout.
func systemStreams() *streams {
	s := &streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}
	// A terminal, not any character device: /dev/null is one too, and a run
	// redirected there must not pay for (or test) colour.
	if term.IsTerminal(os.Stdout.Fd()) {
		s.OutTTY = true
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 {
			s.Width = w
		} else if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
			s.Width = n
		}
	}
	return s
}

// textWidth is the width the text renderer lays out for: the terminal's width
// on a TTY (bounded to a readable range), a fixed 80 columns otherwise so that
// piped output is stable.
func (s *streams) textWidth() int {
	const fixed = 80
	if !s.OutTTY || s.Width <= 0 {
		return fixed
	}
	return min(max(s.Width, 40), 160)
}
