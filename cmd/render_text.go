package cmd

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/resumescore/resumescore/scorer"
)

// tierOrder is the report order of tiers, with their labels for people.
var tierOrder = []struct{ id, label string }{
	{"essential", "Must-have"},
	{"important", "Nice-to-have"},
	{"bonus", "Bonus"},
}

// tierLabel returns the people's name of a tier id.
func tierLabel(id string) string {
	for _, t := range tierOrder {
		if t.id == id {
			return t.label
		}
	}
	if id == "" {
		return "Other"
	}
	return strings.ToUpper(id[:1]) + id[1:]
}

// tiersOf returns the tier ids present in rep, in report order (known tiers
// first, then any other in order of appearance).
func tiersOf(rep *scorer.Report) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tierOrder {
		for _, m := range rep.Keywords {
			if m.Tier == t.id {
				out = append(out, t.id)
				seen[t.id] = true
				break
			}
		}
	}
	for _, m := range rep.Keywords {
		if !seen[m.Tier] {
			out = append(out, m.Tier)
			seen[m.Tier] = true
		}
	}
	return out
}

// matchGlyph is the glyph and word of a match kind: meaning never depends on
// colour.
func matchGlyph(k scorer.MatchKind) string {
	switch k {
	case scorer.Exact:
		return "✓ exact"
	case scorer.Alias:
		return "≈ alias"
	case scorer.Variant:
		return "~ variant"
	case scorer.Fuzzy:
		return "? typo"
	case scorer.Generic:
		return "◦ generic"
	}
	return "✗ missing"
}

// matchStyle picks the style of a match kind.
func matchStyle(st styles, k scorer.MatchKind) lipgloss.Style {
	switch k {
	case scorer.Exact:
		return st.Good
	case scorer.Missing:
		return st.Bad
	}
	return st.Warn
}

// statusGlyph is the glyph and word of a check status.
func statusGlyph(s scorer.Status) string {
	switch s {
	case scorer.Pass:
		return "✓ pass"
	case scorer.Warn:
		return "! warn"
	case scorer.Fail:
		return "✗ fail"
	}
	return "- " + string(s)
}

// renderText writes the report for people: header and score, keywords by
// tier (must-have first) with how and where each matched, what to fix, the
// checks and the extractor's diagnostics. It reads fully without colour.
func renderText(w io.Writer, rep *scorer.Report, o renderOptions) error {
	pr := textStylesFor(w, o.Profile).render
	width := o.Width
	if width <= 0 {
		width = 80
	}
	var b strings.Builder
	b.Grow(8 << 10) // a role's report is 5-7 KB: one buffer instead of a dozen doublings
	line := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }

	// Header.
	line("%s", pr(sTitle, fileLabel(rep.File))+pr(sDim, " ("+rep.Format+")"))
	line("Target: %s", targetName(rep.Target))
	line("%s  %s", pr(sScore, "Score: "+formatScore(rep.Score)+"/100"),
		fmt.Sprintf("%d of %d keywords matched", rep.Matched, rep.Total))
	if o.Explain {
		line("%s", pr(sDim, "Points: what each keyword adds to the score / what it would add matched exactly."))
		if n := repeatNote(rep); n != "" {
			line("%s", pr(sDim, n))
		}
	}

	// Keywords by tier.
	// ms points into rep.Keywords: a Match is a few hundred bytes, and
	// copying each into a growing slice per tier allocated 30 KB a report.
	ms := make([]*scorer.Match, 0, len(rep.Keywords))
	for _, tier := range tiersOf(rep) {
		ms = ms[:0]
		matched := 0
		nameW := 0
		for i := range rep.Keywords {
			m := &rep.Keywords[i]
			if m.Tier != tier {
				continue
			}
			ms = append(ms, m)
			if m.Matched {
				matched++
			}
			nameW = max(nameW, textWidth(m.Keyword))
		}
		nameW = min(nameW, 28)
		line("")
		line("%s  %s", pr(sTitle, tierLabel(tier)), pr(sDim, fmt.Sprintf("%d/%d matched", matched, len(ms))))
		for _, m := range ms {
			status := fmt.Sprintf("%-10s", matchGlyph(m.Match))
			pad := strings.Repeat(" ", max(0, nameW-textWidth(m.Keyword)))
			parts := []string{"  " + pr(matchStyleID(m.Match), status)}
			if o.Explain {
				parts = append(parts, fmt.Sprintf("%9s ", fmt.Sprintf("%.1f/%.1f", m.Points, m.MaxPoints)))
			}
			parts = append(parts, pr(sKeyword, m.Keyword)+pad)
			if m.Match != scorer.Missing {
				var found []string
				if m.Found != "" && !strings.EqualFold(m.Found, m.Keyword) {
					found = append(found, fmt.Sprintf("as %q", m.Found))
				}
				if m.Count > 0 {
					found = append(found, fmt.Sprintf("×%d", m.Count))
				}
				if len(found) > 0 {
					parts = append(parts, strings.Join(found, " "))
				}
			}
			line("%s", strings.TrimRight(strings.Join(parts, " "), " "))
			indent := "             "
			if o.Explain {
				indent += strings.Repeat(" ", 11)
			}
			if len(m.Evidence) > 0 {
				ev := m.Evidence[0]
				prefix := fmt.Sprintf("L%d: ", ev.Line)
				more := ""
				if n := len(m.Evidence) - 1; n > 0 {
					more = fmt.Sprintf(" (+%d more)", n)
				}
				text := clip(ev.Text, ev.Form, width-len(indent)-len(prefix)-len(more))
				line("%s%s", indent, pr(sDim, prefix+text+more))
			}
			if o.Explain {
				for _, rj := range m.Rejected {
					writeWrapped(&b, indent, indent+"  ", fmt.Sprintf("not counted: L%d %q (%s)", rj.Line, rj.Form, rj.Reason), width)
				}
			}
		}
	}
	if len(rep.Keywords) == 0 {
		line("")
		line("No keywords to match.")
	}

	// The years a job description asks (cmd/jd.go).
	if ls := experienceLines(rep.Experience, o.Explain); len(ls) > 0 {
		line("")
		line("%s", pr(sTitle, ls[0]))
		for _, l := range ls[1:] {
			writeWrapped(&b, "  ", "      ", strings.TrimSpace(l), width)
		}
	}

	// What to fix.
	if len(rep.Fixes) > 0 {
		line("")
		line("%s", pr(sTitle, "What to fix"))
		for i, f := range rep.Fixes {
			num := fmt.Sprintf("  %d. ", i+1)
			writeWrapped(&b, num, strings.Repeat(" ", len(num)), f, width)
		}
	}

	// Checks.
	if len(rep.Checks) > 0 {
		line("")
		line("%s", pr(sTitle, "Checks"))
		for _, c := range rep.Checks {
			sty := sGood
			switch c.Status {
			case scorer.Warn:
				sty = sWarn
			case scorer.Fail:
				sty = sBad
			}
			head := "  " + pr(sty, fmt.Sprintf("%-7s", statusGlyph(c.Status))) + " "
			text := c.Title
			if c.Message != "" {
				text += ": " + c.Message
			}
			writeWrapped(&b, head, strings.Repeat(" ", 10), text, width)
			if c.Fix != "" && c.Status != scorer.Pass {
				writeWrapped(&b, strings.Repeat(" ", 10)+"fix: ", strings.Repeat(" ", 15), c.Fix, width)
			}
		}
	}

	// Diagnostics.
	if len(rep.Diagnostics) > 0 {
		line("")
		line("%s", pr(sTitle, "Diagnostics"))
		for _, d := range rep.Diagnostics {
			text := d.Code + ": " + d.Message
			if d.Page > 0 {
				text += fmt.Sprintf(" (page %d)", d.Page)
			}
			writeWrapped(&b, "  "+pr(sWarn, "!")+" ", "    ", text, width)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fileLabel is how a report names its file: "stdin" for "-".
func fileLabel(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}

// targetName describes what a report was scored against.
func targetName(t scorer.Target) string {
	src := t.Source
	if src == "" {
		src = "target"
	}
	if t.Title != "" && t.Title != t.ID {
		return fmt.Sprintf("%s (%s %s)", t.Title, src, t.ID)
	}
	return fmt.Sprintf("%s %s", src, t.ID)
}

// clip fits text into n columns, keeping form (when given) in view: a long
// line is cut around the form with an ellipsis on the side that was cut.
func clip(text, form string, n int) string {
	text = strings.TrimSpace(text)
	if n < 10 {
		n = 10
	}
	if printableASCII(text) {
		return clipASCII(text, form, n)
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

// clipASCII is clip for printable ASCII text, where a byte is a rune and a
// cell: no rune slices, no grapheme segmentation. TestClipASCII holds it to
// the rune path (clipRunes, the former clip) over every width.
func clipASCII(text, form string, n int) string {
	if len(text) <= n {
		return text
	}
	lead := 0 // cells of the leading ellipsis
	if form != "" {
		if i := strings.Index(text, form); i >= 0 && i+len(form) > n-1 {
			from := max(0, min(i-n/3, len(text)-(n-1)))
			text, lead = text[from+1:], 1
		}
	}
	if lead+len(text) <= n {
		return strings.Repeat("…", lead) + text
	}
	return strings.Repeat("…", lead) + text[:n-1-lead] + "…"
}

// printableASCII reports whether s holds only bytes 0x20-0x7e.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// writeWrapped writes text wrapped at width, the first line after first and
// the following lines after rest (both may hold styled text).
//
// Words go straight into b, and a line's width is summed word by word (a
// line's width is its words' plus one per space: no grapheme or escape
// sequence spans a space), instead of joining each line and measuring it
// again for every word.
func writeWrapped(b *strings.Builder, first, rest, text string, width int) {
	b.WriteString(first)
	avail := width - textWidth(first)
	cur := -1 // the width of the line's words so far; -1 before its first word
	for len(text) > 0 {
		var word string
		word, text = nextField(text)
		if word == "" {
			break
		}
		w := textWidth(word)
		if cur >= 0 && cur+1+w > avail {
			b.WriteByte('\n')
			b.WriteString(rest)
			avail = width - textWidth(rest)
			cur = -1
		}
		if cur >= 0 {
			b.WriteByte(' ')
			cur++
		} else {
			cur = 0
		}
		b.WriteString(word)
		cur += w
	}
	b.WriteByte('\n')
}

// nextField returns the first field of s as strings.Fields splits it (runs
// of unicode.IsSpace), and what follows it; "" when s holds only space.
// ASCII bytes are tested as bytes, other runes decoded.
func nextField(s string) (field, tail string) {
	i := 0
	for i < len(s) {
		sp, size := spaceAt(s, i)
		if !sp {
			break
		}
		i += size
	}
	if i == len(s) {
		return "", ""
	}
	s = s[i:]
	j := 0
	for j < len(s) {
		sp, size := spaceAt(s, j)
		if sp {
			break
		}
		j += size
	}
	return s[:j], s[j:]
}

// spaceAt reports whether the rune at s[i] is unicode.IsSpace, and its size.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r', 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// styleID names one of the text report's styles.
type styleID int

const (
	sTitle styleID = iota
	sScore
	sGood
	sWarn
	sBad
	sDim
	sKeyword
	nStyles
)

// matchStyleID is matchStyle as a styleID.
func matchStyleID(k scorer.MatchKind) styleID {
	switch k {
	case scorer.Exact:
		return sGood
	case scorer.Missing:
		return sBad
	}
	return sWarn
}

// textStyles renders text in the report's styles. For a single line
// without tabs, lipgloss's Render with our styles (no width, padding,
// border or margin) is the style's opening sequence, the text and the
// reset, or the text alone without colour: textStyles takes the two from
// one Render per style and joins them, instead of lipgloss's split, tab
// conversion, alignment and grapheme walk on every call, which were a fifth
// of a run's report time. TestTextStyles holds it to Render.
type textStyles struct {
	style     [nStyles]lipgloss.Style
	pre, post [nStyles]string

	// plain is set for output without colour, whose wrappers are all empty
	// (textStylesFor); it builds the styles for the strings that need Render.
	plain  func() *textStyles
	styled *textStyles
}

// textStylesFor returns the text styles of profile p on w. Without colour
// (termenv.Ascii) Render adds nothing around a line of text, which
// TestTextStylesPlain holds to lipgloss, so the renderer and its styles
// (half a millisecond of a run writing to a file or a pipe) are built only
// if a string with a tab or line break needs Render itself.
func textStylesFor(w io.Writer, p termenv.Profile) *textStyles {
	build := func() *textStyles { return newTextStyles(newStyles(newRenderer(w, p))) }
	if p != termenv.Ascii {
		return build()
	}
	return &textStyles{plain: build}
}

func newTextStyles(st styles) *textStyles {
	t := &textStyles{style: [nStyles]lipgloss.Style{st.Title, st.Score, st.Good, st.Warn, st.Bad, st.Dim, st.KeywordCell}}
	for i, sty := range t.style {
		r := sty.Render("x")
		if x := strings.IndexByte(r, 'x'); x >= 0 {
			t.pre[i], t.post[i] = r[:x], r[x+1:]
		} else {
			t.pre[i], t.post[i] = "\x00", "" // not a wrapper: render always
		}
	}
	return t
}

// render renders s in style id.
func (t *textStyles) render(id styleID, s string) string {
	if t.plain != nil {
		if !strings.ContainsAny(s, "\t\n\r") {
			return s
		}
		if t.styled == nil {
			t.styled = t.plain()
		}
		return t.styled.render(id, s)
	}
	if strings.ContainsAny(s, "\t\n\r") || t.pre[id] == "\x00" {
		return t.style[id].Render(s)
	}
	return t.pre[id] + s + t.post[id]
}

// textWidth is lipgloss.Width, in cells, with a shortcut for printable
// ASCII, whose width is its length.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return lipgloss.Width(s)
		}
	}
	return len(s)
}
