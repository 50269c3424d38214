package cmd

import (
	"io"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestTextStyles holds textStyles' shortcut to lipgloss: for every style of
// the text report, under every colour profile, it gives what Render gives.
func TestTextStyles(t *testing.T) {
	texts := []string{"", "a", "x", "Score: 81/100", "✓ matched", "~ variant", "C++ / CI/CD", "  lead and trail  ",
		"é ü 日本", "x\ty", "a\nb", "a\r\nb", "\x1b[1mbold\x1b[0m"}
	for _, p := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		st := newStyles(newRenderer(io.Discard, p))
		ts := newTextStyles(st)
		for id, style := range map[styleID]lipgloss.Style{sTitle: st.Title, sScore: st.Score, sGood: st.Good,
			sWarn: st.Warn, sBad: st.Bad, sDim: st.Dim, sKeyword: st.KeywordCell} {
			for _, s := range texts {
				if got, want := ts.render(id, s), style.Render(s); got != want {
					t.Errorf("profile %v, style %d: render(%q) = %q, want %q", p, id, s, got, want)
				}
			}
		}
	}
}

// TestTextWidth holds textWidth's ASCII shortcut to lipgloss.Width.
func TestTextWidth(t *testing.T) {
	for _, s := range []string{"", "abc", "Score: 81/100", "é", "日本語", "✓ ok", "a\tb", "a\nbcd", "\x1b[1mbold\x1b[0m", "~"} {
		if got, want := textWidth(s), lipgloss.Width(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
