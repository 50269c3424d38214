package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/term"
)

// progress draws "files done, rate, ETA" on one stderr line while a batch
// runs. It is silent unless stderr is a terminal, so logs and pipes never
// see carriage returns.
type progress struct {
	w     io.Writer
	total int
	start time.Time
	now   func() time.Time
	done  atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
	width int // bar width in cells
}

// stderrIsTerminal reports whether s.Err is a terminal (not merely a
// character device such as /dev/null).
func stderrIsTerminal(s *streams) bool {
	f, ok := s.Err.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// startProgress starts redrawing every interval on w, or returns nil (a
// no-op progress) when enabled is false or there is nothing to count.
func startProgress(w io.Writer, total int, enabled bool, interval time.Duration) *progress {
	if !enabled || total <= 1 {
		return nil
	}
	p := &progress{w: w, total: total, start: time.Now(), now: time.Now, stop: make(chan struct{}), width: 24}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				fmt.Fprint(p.w, "\r"+p.line()+"\x1b[K")
			}
		}
	}()
	return p
}

// add counts one finished file.
func (p *progress) add() {
	if p != nil {
		p.done.Add(1)
	}
}

// finish stops the redraw and clears the line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	fmt.Fprint(p.w, "\r\x1b[K")
}

// line renders the current state: "[=====>      ] 120/1000 files  85/s  ETA 10s".
func (p *progress) line() string {
	done := int(p.done.Load())
	elapsed := p.now().Sub(p.start)
	filled := 0
	if p.total > 0 {
		filled = done * p.width / p.total
	}
	bar := strings.Repeat("=", filled)
	if filled < p.width {
		bar += ">" + strings.Repeat(" ", p.width-filled-1)
	}
	s := fmt.Sprintf("[%s] %d/%d files", bar, done, p.total)
	if elapsed > 0 && done > 0 {
		rate := float64(done) / elapsed.Seconds()
		eta := time.Duration(float64(p.total-done) / rate * float64(time.Second)).Round(time.Second)
		s += fmt.Sprintf("  %.0f/s  ETA %s", rate, eta)
	}
	return s
}
