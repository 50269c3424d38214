package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/resumescore/resumescore/scorer"
)

// renderMarkdown writes the report as GitHub Markdown (plain fmt, no ANSI):
// for pull-request comments and coach reports.
func renderMarkdown(w io.Writer, rep *scorer.Report, o renderOptions) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Resume score: %s\n\n", mdInline(fileLabel(rep.File)))
	fmt.Fprintf(&b, "**Score: %s/100** against %s: %d of %d keywords matched.\n",
		formatScore(rep.Score), mdInline(targetName(rep.Target)), rep.Matched, rep.Total)
	if n := repeatNote(rep); o.Explain && n != "" {
		fmt.Fprintf(&b, "\n%s\n", mdInline(n))
	}
	for _, tier := range tiersOf(rep) {
		header := []string{"Status", "Keyword", "Found", "Count", "Evidence"}
		if o.Explain {
			header = append(header, "Points")
		}
		var rows [][]string
		matched, total := 0, 0
		for _, m := range rep.Keywords {
			if m.Tier != tier {
				continue
			}
			total++
			if m.Matched {
				matched++
			}
			ev := ""
			if len(m.Evidence) > 0 {
				ev = fmt.Sprintf("L%d: %s", m.Evidence[0].Line, clip(m.Evidence[0].Text, m.Evidence[0].Form, 100))
			}
			count := ""
			if m.Match != scorer.Missing {
				count = fmt.Sprint(m.Count)
			}
			row := []string{matchGlyph(m.Match), m.Keyword, m.Found, count, ev}
			if o.Explain {
				row = append(row, fmt.Sprintf("%.1f / %.1f", m.Points, m.MaxPoints))
			}
			rows = append(rows, row)
		}
		fmt.Fprintf(&b, "\n### %s (%d/%d matched)\n\n", tierLabel(tier), matched, total)
		if err := writeTable(&b, header, rows); err != nil {
			return err
		}
	}
	if o.Explain {
		var rows [][]string
		for _, m := range rep.Keywords {
			for _, rj := range m.Rejected {
				rows = append(rows, []string{m.Keyword, fmt.Sprintf("L%d", rj.Line), rj.Form, rj.Reason})
			}
		}
		if len(rows) > 0 {
			b.WriteString("\n### Near misses (not counted)\n\n")
			if err := writeTable(&b, []string{"Keyword", "Line", "Form", "Reason"}, rows); err != nil {
				return err
			}
		}
	}
	if ls := experienceLines(rep.Experience, o.Explain); len(ls) > 0 { // the years a JD asks (cmd/jd.go)
		fmt.Fprintf(&b, "\n### %s\n\n", mdInline(strings.TrimSuffix(ls[0], ":")))
		for _, l := range ls[1:] {
			fmt.Fprintf(&b, "- %s\n", mdInline(strings.TrimSpace(l)))
		}
	}
	if len(rep.Fixes) > 0 {
		b.WriteString("\n### What to fix\n\n")
		for i, f := range rep.Fixes {
			fmt.Fprintf(&b, "%d. %s\n", i+1, mdInline(f))
		}
	}
	if len(rep.Checks) > 0 {
		b.WriteString("\n### Checks\n\n")
		var rows [][]string
		for _, c := range rep.Checks {
			rows = append(rows, []string{statusGlyph(c.Status), c.Title, c.Message, c.Fix})
		}
		if err := writeTable(&b, []string{"Status", "Check", "Found", "Fix"}, rows); err != nil {
			return err
		}
	}
	if len(rep.Diagnostics) > 0 {
		b.WriteString("\n### Diagnostics\n\n")
		for _, d := range rep.Diagnostics {
			page := ""
			if d.Page > 0 {
				page = fmt.Sprintf(" (page %d)", d.Page)
			}
			fmt.Fprintf(&b, "- `%s`: %s%s\n", d.Code, mdInline(d.Message), page)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdInline escapes the Markdown characters that would change inline text.
func mdInline(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`)
	return r.Replace(s)
}
