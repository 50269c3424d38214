package cmd

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// colorProfile decides the colour profile of one run from --color, the
// environment (NO_COLOR, CLICOLOR, CLICOLOR_FORCE) and whether stdout is a
// terminal. Only the 16 ANSI colours are used, so ANSI is all "on" needs.
//
// Precedence: --color never/always; then NO_COLOR (any value) turns colour
// off; then CLICOLOR_FORCE (not "0") turns it on; then a non-terminal or
// CLICOLOR=0 turns it off.
func colorProfile(color string, getenv func(string) string, tty bool) termenv.Profile {
	switch color {
	case "never":
		return termenv.Ascii
	case "always":
		return termenv.ANSI
	}
	if getenv("NO_COLOR") != "" {
		return termenv.Ascii
	}
	if f := getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return termenv.ANSI
	}
	if !tty || getenv("CLICOLOR") == "0" || getenv("TERM") == "dumb" {
		return termenv.Ascii
	}
	return termenv.ANSI
}

// newRenderer returns a lipgloss renderer bound to w with the given profile.
// The global default renderer is never used.
func newRenderer(w io.Writer, p termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w)
	r.SetColorProfile(p)
	return r
}

// styles are the named styles of the text renderers. Colours come from the 16
// ANSI colours, so they follow the user's terminal theme; meaning never
// depends on colour alone (every status also has a word or glyph).
type styles struct {
	Title       lipgloss.Style // report and section headings
	Score       lipgloss.Style // the score figure
	Good        lipgloss.Style // matched, pass
	Warn        lipgloss.Style // partial matches, warnings
	Bad         lipgloss.Style // missing, fail
	Dim         lipgloss.Style // evidence, secondary text
	KeywordCell lipgloss.Style // a keyword's name in the keyword list
}

// newStyles builds the styles on renderer r.
func newStyles(r *lipgloss.Renderer) styles {
	return styles{
		Title:       r.NewStyle().Bold(true),
		Score:       r.NewStyle().Bold(true).Foreground(lipgloss.Color("6")),
		Good:        r.NewStyle().Foreground(lipgloss.Color("2")),
		Warn:        r.NewStyle().Foreground(lipgloss.Color("3")),
		Bad:         r.NewStyle().Foreground(lipgloss.Color("1")),
		Dim:         r.NewStyle().Faint(true),
		KeywordCell: r.NewStyle().Bold(true),
	}
}
