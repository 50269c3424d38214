package cmd

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/scorer"
)

// extractOptions are the inputs of `resumescore extract`.
type extractOptions struct {
	IO     *streams
	Global *globalOptions
	File   string
}

// newExtractCmd builds `resumescore extract`. runF replaces runExtract in tests.
func newExtractCmd(s *streams, g *globalOptions, runF func(*extractOptions) error) *cobra.Command {
	opts := &extractOptions{IO: s, Global: g}
	return &cobra.Command{
		Use:   "extract FILE",
		Short: "Print the plain text an ATS would read from a resume",
		Long: `Print the text resumescore (and, roughly, an ATS) reads from FILE: lines in
reading order, pages separated by a form feed. Check it for missing words,
glued words or columns read across.

--format json adds each line's page, section and source (body, header, footer,
text box), the detected sections and the extractor's diagnostics.`,
		Example: `  resumescore extract resume.pdf
  resumescore extract resume.docx --format json | jq '.sections'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if err := g.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runExtract(c.Context(), opts)
		},
	}
}

// extractJSON is the JSON form of `extract --format json`.
type extractJSON struct {
	SchemaVersion int                 `json:"schema_version"`
	File          string              `json:"file"`
	Format        string              `json:"format"`
	Pages         int                 `json:"pages"`
	Lines         []extractLineJSON   `json:"lines"`
	Sections      []extractSectionRow `json:"sections"`
	Diagnostics   []scorer.Diagnostic `json:"diagnostics"`
}

type extractLineJSON struct {
	N       int    `json:"n"`
	Page    int    `json:"page"`
	Section string `json:"section,omitempty"`
	Source  string `json:"source"`
	Text    string `json:"text"`
}

type extractSectionRow struct {
	ID      string `json:"id"`
	Heading string `json:"heading"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// runExtract extracts one file and prints it in the chosen format.
func runExtract(ctx context.Context, opts *extractOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	doc, err := readDocument(ctx, opts.IO, opts.Global, opts.File)
	if err != nil {
		return err
	}
	w := opts.IO.Out
	switch opts.Global.Format {
	case "json":
		return writeJSON(w, newExtractJSON(doc))
	case "markdown":
		return renderExtractMarkdown(w, doc)
	}
	_, err = io.WriteString(w, doc.Text())
	return err
}

// newExtractJSON converts a document to its JSON form (never null slices).
func newExtractJSON(doc *extract.Document) extractJSON {
	out := extractJSON{
		SchemaVersion: scorer.SchemaVersion,
		File:          doc.Path,
		Format:        doc.Format.String(),
		Pages:         doc.Pages,
		Lines:         []extractLineJSON{},
		Sections:      []extractSectionRow{},
		Diagnostics:   []scorer.Diagnostic{},
	}
	for _, l := range doc.Lines {
		out.Lines = append(out.Lines, extractLineJSON{N: l.N, Page: l.Page, Section: l.Section, Source: l.Source.String(), Text: l.Text})
	}
	for _, s := range doc.Sections {
		out.Sections = append(out.Sections, extractSectionRow{ID: s.ID, Heading: s.Heading, Start: s.Start, End: s.End})
	}
	for _, d := range doc.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, scorer.Diagnostic{Code: d.Code, Message: d.Message, Page: d.Page})
	}
	return out
}

// renderExtractMarkdown writes the sections, diagnostics and the text of each
// page in a fenced block.
func renderExtractMarkdown(w io.Writer, doc *extract.Document) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Extracted text: %s\n\n", mdInline(doc.Path))
	fmt.Fprintf(&b, "Format %s, %d page(s), %d line(s).\n", doc.Format, doc.Pages, len(doc.Lines))
	if len(doc.Sections) > 0 {
		b.WriteString("\n### Sections\n\n")
		var rows [][]string
		for _, s := range doc.Sections {
			rows = append(rows, []string{s.ID, s.Heading, fmt.Sprintf("%d-%d", s.Start, s.End)})
		}
		if err := writeTable(&b, []string{"Section", "Heading", "Lines"}, rows); err != nil {
			return err
		}
	}
	if len(doc.Diagnostics) > 0 {
		b.WriteString("\n### Diagnostics\n\n")
		for _, d := range doc.Diagnostics {
			fmt.Fprintf(&b, "- `%s`: %s\n", d.Code, mdInline(d.Message))
		}
	}
	page := -1
	for _, l := range doc.Lines {
		if l.Page != page {
			if page != -1 {
				b.WriteString("```\n")
			}
			page = l.Page
			fmt.Fprintf(&b, "\n### Page %d\n\n```text\n", page)
		}
		b.WriteString(strings.ReplaceAll(l.Text, "```", "` ` `") + "\n")
	}
	if page != -1 {
		b.WriteString("```\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
