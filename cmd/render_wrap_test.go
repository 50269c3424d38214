package cmd

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// writeWrappedJoined is writeWrapped as it was before it summed word widths:
// it joins each line and measures the joined line. It is the reference.
func writeWrappedJoined(b *strings.Builder, first, rest, text string, width int) {
	prefix := first
	avail := width - textWidth(first)
	cur := ""
	for _, word := range strings.Fields(text) {
		if cur != "" && textWidth(cur)+1+textWidth(word) > avail {
			b.WriteString(prefix + cur + "\n")
			prefix, cur = rest, ""
			avail = width - textWidth(rest)
		}
		if cur == "" {
			cur = word
		} else {
			cur += " " + word
		}
	}
	b.WriteString(prefix + cur + "\n")
}

func TestWriteWrapped(t *testing.T) {
	texts := []string{
		"", " ", " \t\n ", "one", "  two  words  ",
		"Add the missing must-have keywords to your skills section and to the bullets where you used them",
		"a-very-long-word-that-is-longer-than-the-whole-available-width-of-the-line and then some more words",
		"naïve café résumé — déjà vu, über façade",
		"日本語の履歴書 と 中文简历 mixed with English words to wrap",
		"emoji 👩‍💻 and flags 🇫🇷🇩🇪 between words 👍🏽 ok",
		"combining \u0301marks \u200dzero-width\u200b joiners and\u00a0no-break\u00a0spaces\u0085next",
		"\x1b[1mbold\x1b[0m words \x1b[31mred text\x1b[0m in styled output",
		"invalid \xff\xfe bytes \xe2\x84 between words",
	}
	prefixes := [][2]string{{"", ""}, {"  • ", "    "}, {"\x1b[32m✓\x1b[0m ", "  "}, {"Fix: ", "     "}}
	for _, text := range texts {
		for _, p := range prefixes {
			for _, width := range []int{1, 10, 20, 40, 80} {
				var got, want strings.Builder
				writeWrapped(&got, p[0], p[1], text, width)
				writeWrappedJoined(&want, p[0], p[1], text, width)
				if got.String() != want.String() {
					t.Errorf("writeWrapped(%q, %q, %q, %d) = %q, want %q", p[0], p[1], text, width, got.String(), want.String())
				}
			}
		}
	}
}

func TestNextField(t *testing.T) {
	tests := []struct{ in, field, tail string }{
		{"", "", ""},
		{"   ", "", ""},
		{"a", "a", ""},
		{"  ab cd", "ab", " cd"},
		{"\u00a0x\u2003y", "x", "\u2003y"},
		{"\txy\n", "xy", "\n"},
		{"\v\fab\rcd", "ab", "\rcd"},
		{"\u0085x\xffy z", "x\xffy", " z"},
	}
	for _, tt := range tests {
		if f, tail := nextField(tt.in); f != tt.field || tail != tt.tail {
			t.Errorf("nextField(%q) = %q, %q, want %q, %q", tt.in, f, tail, tt.field, tt.tail)
		}
	}
}

// clipRunes is clip as it was before its ASCII path: the reference.
func clipRunes(text, form string, n int) string {
	text = strings.TrimSpace(text)
	if n < 10 {
		n = 10
	}
	if ansi.StringWidth(text) <= n {
		return text
	}
	runes := []rune(text)
	if form != "" {
		if i := strings.Index(text, form); i >= 0 {
			start := len([]rune(text[:i]))
			end := start + len([]rune(form))
			if end > n-1 {
				from := max(0, min(start-n/3, len(runes)-(n-1)))
				runes = append([]rune("…"), runes[from+1:]...)
			}
		}
	}
	return ansi.Truncate(string(runes), n, "…")
}

func TestClipASCII(t *testing.T) {
	texts := []string{"", "short", "  padded  ", "exactly ten", "Built a REST API in Go with PostgreSQL and Redis for 2 million users a day",
		"a very long line of evidence where the keyword Kubernetes only comes at the very end of the line, after everything",
		"Kubernetes first, then a long tail of words that goes on and on well past the width of the terminal",
		"naïve café — non-ASCII evidence with Kubernetes in the middle of a long line that needs clipping here",
		"tab\tinside a long line of text that has to be clipped somewhere around here or there"}
	forms := []string{"", "Kubernetes", "Go", "PostgreSQL", "end", "missing", "a", "here"}
	for _, text := range texts {
		for _, form := range forms {
			for n := 0; n <= 120; n++ {
				if got, want := clip(text, form, n), clipRunes(text, form, n); got != want {
					t.Errorf("clip(%q, %q, %d) = %q, want %q", text, form, n, got, want)
				}
			}
		}
	}
}

// TestTextStylesPlain holds textStylesFor, which builds no lipgloss style
// for output without colour until a string needs one, to lipgloss's Render
// for every profile and style.
func TestTextStylesPlain(t *testing.T) {
	texts := []string{"", "a", "Score: 81/100", "✓ matched", "  lead and trail  ", "é ü 日本", "x\ty", "a\nb", "a\r\nb",
		"\x1b[1mbold\x1b[0m", "tab\tthen plain", "plain after a tab"}
	for _, p := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		st := newStyles(newRenderer(io.Discard, p))
		ts := textStylesFor(io.Discard, p)
		if (ts.plain != nil) != (p == termenv.Ascii) {
			t.Errorf("profile %v: plain = %v, want it only without colour", p, ts.plain != nil)
		}
		styles := [nStyles]lipgloss.Style{st.Title, st.Score, st.Good, st.Warn, st.Bad, st.Dim, st.KeywordCell}
		for _, s := range texts {
			for id, style := range styles {
				if got, want := ts.render(styleID(id), s), style.Render(s); got != want {
					t.Errorf("profile %v, style %d: render(%q) = %q, want %q", p, id, s, got, want)
				}
			}
		}
	}
}
