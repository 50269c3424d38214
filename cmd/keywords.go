package cmd

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// keywordsOptions are the inputs of `resumescore keywords`.
type keywordsOptions struct {
	IO     *streams
	Global *globalOptions
	JD     string // the job description file, "-" for stdin
}

// newKeywordsCmd builds `resumescore keywords JD`. runF replaces runKeywords in tests.
func newKeywordsCmd(s *streams, g *globalOptions, runF func(*keywordsOptions) error) *cobra.Command {
	opts := &keywordsOptions{IO: s, Global: g}
	c := &cobra.Command{
		Use:   "keywords JD",
		Short: "List the weighted keywords of a job description",
		Long: `Read a job description (text, Markdown, PDF, DOCX; "-" reads stdin) and list
the keywords a resume is scored against with --jd: every known skill it names,
then "other terms" the skill lexicon does not know, at a lower weight. Each has
its weight, the section it came from (required, responsibilities, preferred,
about), how often the posting names it and its kind. Keywords of an any-of
group ("Python, Go or Java") share a group id. The title, years of experience,
degree and seniority asked are reported too; they are not scored.`,
		Example: `  resumescore keywords job.txt
  resumescore keywords job.pdf --format json
  pbpaste | resumescore keywords -`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.JD = args[0]
			if opts.JD == "" {
				return usageErrorf("empty file name")
			}
			if err := g.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runKeywords(c.Context(), opts)
		},
	}
	return c
}

func init() {
	registerCommand(func(s *streams, g *globalOptions) *cobra.Command { return newKeywordsCmd(s, g, nil) })
}

// keywordsReport is the JSON form of `resumescore keywords`.
type keywordsReport struct {
	SchemaVersion int         `json:"schema_version"`
	File          string      `json:"file"`
	Facts         jdFacts     `json:"facts"`
	Keywords      []jdKeyword `json:"keywords"` // heaviest first
	// Experience lists the posting's "N years as X" requirements, which hold
	// scorer.ExperienceShare of a resume's score (absent when it asks none).
	Experience []jdAsk `json:"experience,omitempty"`
}

// jdAsk is one years requirement of a job description in JSON.
type jdAsk struct {
	Years   int      `json:"years"`
	Text    string   `json:"text"`
	Section string   `json:"section"`
	Words   []string `json:"words"` // folded words a dated role must name (half of them, two at least)
}

// jdAsks converts a JD's years requirements for output.
func jdAsks(jd *keywords.JD) []jdAsk {
	var out []jdAsk
	for _, a := range jd.Set.Experience {
		w := a.Words
		if w == nil {
			w = []string{}
		}
		out = append(out, jdAsk{Years: a.Years, Text: a.Text, Section: a.Section, Words: w})
	}
	return out
}

// askLines describe the years requirements for people, one per line.
func askLines(asks []jdAsk) []string {
	if len(asks) == 0 {
		return nil
	}
	out := []string{fmt.Sprintf("Years asked (%s%% of a resume's score):", formatScore(100*scorer.ExperienceShare))}
	for _, a := range asks {
		l := fmt.Sprintf("%d years: %s", a.Years, a.Text)
		if a.Section == keywords.SectionPreferred {
			l += " (preferred)"
		}
		out = append(out, l)
	}
	return out
}

// runKeywords extracts and prints the keywords of one job description.
func runKeywords(ctx context.Context, opts *keywordsOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	jd, _, err := loadJD(ctx, opts.IO, opts.Global, opts.JD)
	if err != nil {
		return err
	}
	rep := keywordsReport{SchemaVersion: scorer.SchemaVersion, File: displayName(opts.JD), Facts: factsOf(jd), Keywords: jdKeywords(jd), Experience: jdAsks(jd)}
	w := opts.IO.Out
	switch opts.Global.Format {
	case "json":
		return writeJSON(w, rep)
	case "markdown":
		return renderKeywordsMarkdown(w, rep)
	}
	return renderKeywordsText(w, rep, opts.Global.renderOptions(opts.IO))
}

// keywordRows are the table rows of the keywords, skills before other terms.
func keywordRows(kws []jdKeyword) [][]string {
	rows := make([][]string, 0, len(kws))
	for _, other := range []bool{false, true} {
		for _, k := range kws {
			if (k.Kind == "other") != other {
				continue
			}
			name := k.Name
			if k.Group != "" {
				name += " (" + k.Group + ")"
			}
			rows = append(rows, []string{name, fmt.Sprintf("%.2f", k.Weight), sectionLabel(k.Section), fmt.Sprint(k.Count), kindLabel(k)})
		}
	}
	return rows
}

// groupsLine describes the any-of groups: "g1: Python | Go | Java".
func groupsLine(kws []jdKeyword) []string {
	var order []string
	members := map[string][]string{}
	for _, k := range kws {
		if k.Group == "" {
			continue
		}
		if _, ok := members[k.Group]; !ok {
			order = append(order, k.Group)
		}
		members[k.Group] = append(members[k.Group], k.Name)
	}
	out := make([]string, 0, len(order))
	for _, g := range order {
		out = append(out, g+": any of "+strings.Join(members[g], " | "))
	}
	return out
}

func countKinds(kws []jdKeyword) (skills, others int) {
	for _, k := range kws {
		if k.Kind == "other" {
			others++
		} else {
			skills++
		}
	}
	return skills, others
}

func renderKeywordsText(w io.Writer, rep keywordsReport, o renderOptions) error {
	r := newRenderer(w, o.Profile)
	st := newStyles(r)
	var b strings.Builder
	title := rep.Facts.Title
	if title == "" {
		title = rep.File
	}
	fmt.Fprintf(&b, "%s  %s\n", st.Title.Render(title), st.Dim.Render(rep.File))
	if f := factsLine(rep.Facts); f != "" {
		fmt.Fprintf(&b, "Asks for: %s\n", f)
	}
	skills, others := countKinds(rep.Keywords)
	fmt.Fprintf(&b, "%d keywords: %d skills, %d other terms (weighted at most half)\n\n", len(rep.Keywords), skills, others)
	rows := keywordRows(rep.Keywords)
	cell := func(row, col int) lipgloss.Style {
		s := r.NewStyle()
		if row >= 0 && row < len(rows) && col == 0 && rows[row][4] != "other term" {
			return s.Inherit(st.KeywordCell)
		}
		if col == 4 && row >= 0 && row < len(rows) && rows[row][4] == "other term" {
			return s.Inherit(st.Dim)
		}
		return s
	}
	b.WriteString(newJDTable(r, []string{"KEYWORD", "WEIGHT", "SECTION", "COUNT", "KIND"}, rows, o.Width, cell))
	b.WriteString("\n")
	for _, g := range groupsLine(rep.Keywords) {
		fmt.Fprintf(&b, "%s\n", g)
	}
	if ls := askLines(rep.Experience); len(ls) > 0 {
		fmt.Fprintf(&b, "\n%s\n", ls[0])
		for _, l := range ls[1:] {
			writeWrapped(&b, "  ", "    ", l, o.Width)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func renderKeywordsMarkdown(w io.Writer, rep keywordsReport) error {
	var b strings.Builder
	title := rep.Facts.Title
	if title == "" {
		title = rep.File
	}
	fmt.Fprintf(&b, "## Keywords: %s\n\n", mdInline(title))
	if f := factsLine(rep.Facts); f != "" {
		fmt.Fprintf(&b, "Asks for: %s\n\n", mdInline(f))
	}
	skills, others := countKinds(rep.Keywords)
	fmt.Fprintf(&b, "%d keywords: %d skills, %d other terms.\n\n", len(rep.Keywords), skills, others)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := writeTable(w, []string{"Keyword", "Weight", "Section", "Count", "Kind"}, keywordRows(rep.Keywords)); err != nil {
		return err
	}
	b.Reset()
	if gs := groupsLine(rep.Keywords); len(gs) > 0 {
		b.WriteString("\n")
		for _, g := range gs {
			fmt.Fprintf(&b, "- %s\n", mdInline(g))
		}
	}
	if ls := askLines(rep.Experience); len(ls) > 0 {
		fmt.Fprintf(&b, "\n%s\n\n", mdInline(ls[0]))
		for _, l := range ls[1:] {
			fmt.Fprintf(&b, "- %s\n", mdInline(l))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
