package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/muesli/termenv"

	"github.com/resumescore/resumescore/scorer"
)

// Output formats and colour modes accepted by --format and --color.
var (
	formats    = []string{"text", "json", "markdown"}
	colorModes = []string{"auto", "always", "never"}
)

// validateFormat checks --format against the formats a command supports
// (all three when allowed is empty).
func validateFormat(format string, allowed ...string) error {
	if len(allowed) == 0 {
		allowed = formats
	}
	if !slices.Contains(allowed, format) {
		return usageErrorf("invalid --format %q: want one of %s", format, strings.Join(allowed, ", "))
	}
	return nil
}

// validateColor checks --color.
func validateColor(color string) error {
	if !slices.Contains(colorModes, color) {
		return usageErrorf("invalid --color %q: want one of %s", color, strings.Join(colorModes, ", "))
	}
	return nil
}

// renderOptions are what a renderer needs besides the report.
type renderOptions struct {
	Profile termenv.Profile // colour profile of the text renderer (Ascii = no colour)
	Width   int             // layout width of the text renderer
	Explain bool            // add each keyword's share of the score and the near misses
	Array   bool            // JSON: write an array even for one report (several files were given)
}

// renderer writes one report in one format.
type renderer func(w io.Writer, rep *scorer.Report, o renderOptions) error

// renderers are the report renderers by --format name.
var renderers = map[string]renderer{"text": renderText, "json": renderJSON, "markdown": renderMarkdown}

// renderReports writes the reports of one run: JSON gives one object for one
// report and an array when the run was given several files (even if some of
// them failed); text and Markdown give the reports one after the other.
func renderReports(w io.Writer, format string, reps []*scorer.Report, o renderOptions) error {
	for _, rep := range reps {
		normalizeReport(rep)
	}
	if format == "json" && (len(reps) != 1 || o.Array) {
		if reps == nil {
			reps = []*scorer.Report{}
		}
		return writeJSON(w, reps)
	}
	render, ok := renderers[format]
	if !ok {
		return usageErrorf("invalid --format %q", format)
	}
	for i, rep := range reps {
		if i > 0 && format != "json" {
			sep := "\n"
			if format == "markdown" {
				sep = "\n---\n\n"
			}
			if _, err := io.WriteString(w, sep); err != nil {
				return err
			}
		}
		if err := render(w, rep, o); err != nil {
			return err
		}
	}
	return nil
}

// writeJSON encodes v the house way: two-space indent, no HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// renderJSON writes the report as the documented JSON object.
func renderJSON(w io.Writer, rep *scorer.Report, _ renderOptions) error {
	return writeJSON(w, rep)
}

// writeTable writes a GitHub Markdown table. Cells are escaped (pipes,
// newlines) so any text is safe in them.
func writeTable(w io.Writer, header []string, rows [][]string) error {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" ")
			b.WriteString(mdCell(c))
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	row(header)
	b.WriteString("|")
	for range header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes text for a Markdown table cell: inline Markdown, pipes and
// newlines.
func mdCell(s string) string {
	s = mdInline(s)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r", "")
	s = strings.ReplaceAll(s, "\n", "<br>")
	return strings.TrimSpace(s)
}

// formatScore writes a score as "73" or "73.4" (one decimal when not whole).
func formatScore(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%.1f", v)
}

// normalizeReport makes a report's empty lists [] rather than null in JSON,
// so consumers can iterate without checks.
func normalizeReport(rep *scorer.Report) {
	if rep.Keywords == nil {
		rep.Keywords = []scorer.Match{}
	}
	for i := range rep.Keywords {
		if rep.Keywords[i].Evidence == nil {
			rep.Keywords[i].Evidence = []scorer.Evidence{}
		}
	}
	if rep.Fixes == nil {
		rep.Fixes = []string{}
	}
	if rep.Checks == nil {
		rep.Checks = []scorer.Check{}
	}
	if rep.Diagnostics == nil {
		rep.Diagnostics = []scorer.Diagnostic{}
	}
}
