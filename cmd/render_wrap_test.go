package cmd

import (
	"strings"
	"testing"
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
	}
	for _, tt := range tests {
		if f, tail := nextField(tt.in); f != tt.field || tail != tt.tail {
			t.Errorf("nextField(%q) = %q, %q, want %q, %q", tt.in, f, tail, tt.field, tt.tail)
		}
	}
}
