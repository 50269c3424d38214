package cmd

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// diffOptions are the inputs of `resumescore diff`.
type diffOptions struct {
	IO     *streams
	Global *globalOptions
	Resume string
	JD     string
}

// newDiffCmd builds `resumescore diff RESUME JD`. runF replaces runDiff in tests.
func newDiffCmd(s *streams, g *globalOptions, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{IO: s, Global: g}
	c := &cobra.Command{
		Use:   "diff RESUME JD",
		Short: "Compare a resume with a job description, keyword by keyword",
		Long: `Score RESUME against the job description JD and show every keyword of the
posting side by side with the resume: how often the JD names it, how often the
resume does, how it matched (exact, alias, variant, typo, generic instead of
the specific name) or that it is missing, and the fix. Missing keywords come
first, required ones before the rest; the score is on top. Either file may be
"-" (stdin), not both. --min-score N exits 1 when the score is under N.`,
		Example: `  resumescore diff resume.pdf job.txt
  resumescore diff resume.md job.pdf --format markdown > gaps.md
  resumescore diff resume.docx job.txt --format json | jq '.rows[] | select(.match == "missing")'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Resume, opts.JD = args[0], args[1]
			if opts.Resume == "" || opts.JD == "" {
				return usageErrorf("empty file name")
			}
			if opts.Resume == "-" && opts.JD == "-" {
				return usageErrorf(`"-" (stdin) can be read only once`)
			}
			if err := g.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(c.Context(), opts)
		},
	}
	return c
}

func init() {
	registerCommand(func(s *streams, g *globalOptions) *cobra.Command { return newDiffCmd(s, g, nil) })
}

// diffRow is one JD keyword beside the resume.
type diffRow struct {
	Keyword     string            `json:"keyword"`
	ID          string            `json:"id"`
	Kind        string            `json:"kind"` // skill | other
	Section     string            `json:"section"`
	Tier        string            `json:"tier"`
	Group       string            `json:"group,omitempty"`
	JDCount     int               `json:"jd_count"`
	ResumeCount int               `json:"resume_count"`
	Match       scorer.MatchKind  `json:"match"` // exact, alias, variant, typo, generic, missing
	Found       string            `json:"found"`
	Weight      float64           `json:"weight"`
	Points      float64           `json:"points"`
	MaxPoints   float64           `json:"max_points"`
	Fix         string            `json:"fix,omitempty"`
	Covered     bool              `json:"covered,omitempty"` // missing, but another keyword of its any-of group matched
	Evidence    []scorer.Evidence `json:"evidence"`
}

// diffReport is the JSON form of `resumescore diff`.
type diffReport struct {
	SchemaVersion int       `json:"schema_version"`
	Resume        string    `json:"resume"`
	JD            string    `json:"jd"`
	Facts         jdFacts   `json:"facts"`
	Score         float64   `json:"score"`
	Matched       int       `json:"matched"`
	Total         int       `json:"total"`
	Rows          []diffRow `json:"rows"` // missing first, required first, then weight
	// Experience is the score's share for the posting's years requirements
	// (absent when it asks none).
	Experience *scorer.Experience `json:"experience,omitempty"`
}

// runDiff scores the resume against the JD and prints the side-by-side table.
func runDiff(ctx context.Context, opts *diffOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	s, g := opts.IO, opts.Global
	jd, lex, err := loadJD(ctx, s, g, opts.JD)
	if err != nil {
		return err
	}
	lex.Resolve(jd.Set)
	jd.Set.AsOf = asOfMonth(g.today())
	ix, err := scorer.Compile(jd.Set, lex)
	if err != nil {
		return fmt.Errorf("compile keywords: %w", err)
	}
	doc, err := readDocument(ctx, s, g, opts.Resume)
	if err != nil {
		return err
	}
	rep := ix.Score(doc)
	d := buildDiff(displayName(opts.Resume), displayName(opts.JD), jd, rep)
	switch g.Format {
	case "json":
		err = writeJSON(s.Out, d)
	case "markdown":
		err = renderDiffMarkdown(s.Out, d)
	default:
		err = renderDiffText(s.Out, d, g.renderOptions(s))
	}
	if err != nil {
		return err
	}
	if g.MinScore > 0 && d.Score < g.MinScore {
		fmt.Fprintf(s.Err, "resumescore: %s: score %s is under --min-score %s\n", d.Resume, formatScore(d.Score), formatScore(g.MinScore))
		return gateErrorf("score under --min-score")
	}
	return nil
}

// missingRank puts missing keywords first, then those covered by their
// any-of group, then matched ones.
func missingRank(r diffRow) int {
	switch {
	case r.Match == scorer.Missing && !r.Covered:
		return 0
	case r.Covered:
		return 1
	}
	return 2
}

// sectionRank orders JD sections: required first.
func sectionRank(s string) int {
	switch s {
	case keywords.SectionRequired:
		return 0
	case keywords.SectionResponsibilities:
		return 1
	case keywords.SectionPreferred:
		return 2
	case keywords.SectionAbout:
		return 3
	}
	return 4
}

// buildDiff joins the report's verdicts with the JD's keywords: every JD
// keyword gets a row, missing ones first (required before the rest), then by
// weight and name.
func buildDiff(resume, jdName string, jd *keywords.JD, rep *scorer.Report) diffReport {
	byID := map[string]scorer.Match{}
	byName := map[string]scorer.Match{}
	for _, m := range rep.Keywords {
		byID[m.ID] = m
		byName[strings.ToLower(m.Keyword)] = m
	}
	d := diffReport{SchemaVersion: scorer.SchemaVersion, Resume: resume, JD: jdName, Facts: factsOf(jd),
		Score: rep.Score, Matched: rep.Matched, Total: rep.Total, Experience: rep.Experience}
	for _, k := range jd.Set.Keywords {
		m, ok := byID[k.ID]
		if !ok {
			m, ok = byName[strings.ToLower(k.Name)]
		}
		row := diffRow{Keyword: k.Name, ID: k.ID, Kind: "skill", Section: k.Section, Tier: k.Tier.String(),
			Group: k.Group, JDCount: k.Count, Weight: k.Weight, Match: scorer.Missing, Evidence: []scorer.Evidence{}}
		if k.Other {
			row.Kind = "other"
		}
		if ok {
			row.ResumeCount, row.Match, row.Found, row.Fix = m.Count, m.Match, m.Found, m.Fix
			row.Points, row.MaxPoints = m.Points, m.MaxPoints
			if m.Weight > 0 {
				row.Weight = m.Weight
			}
			if m.Evidence != nil {
				row.Evidence = m.Evidence
			}
		}
		if row.Match == scorer.Missing {
			row.Fix = "add " + k.Name // the table says how much it matters
		}
		d.Rows = append(d.Rows, row)
	}
	// A missing keyword of an any-of group another member satisfies needs no fix.
	satisfied := map[string]string{}
	for _, r := range d.Rows {
		if r.Group != "" && r.Match != scorer.Missing {
			if _, ok := satisfied[r.Group]; !ok {
				satisfied[r.Group] = r.Keyword
			}
		}
	}
	members := map[string][]string{}
	for _, r := range d.Rows {
		if r.Group != "" {
			members[r.Group] = append(members[r.Group], r.Keyword)
		}
	}
	for i := range d.Rows {
		r := &d.Rows[i]
		if r.Group == "" || r.Match != scorer.Missing {
			continue
		}
		if by, ok := satisfied[r.Group]; ok {
			r.Covered = true
			r.Fix = "covered by " + by + " (any of)"
		} else {
			r.Fix = "add one of " + strings.Join(members[r.Group], ", ")
		}
	}
	sort.SliceStable(d.Rows, func(i, j int) bool {
		a, b := d.Rows[i], d.Rows[j]
		if ra, rb := missingRank(a), missingRank(b); ra != rb {
			return ra < rb
		}
		if ra, rb := sectionRank(a.Section), sectionRank(b.Section); ra != rb {
			return ra < rb
		}
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		return a.Keyword < b.Keyword
	})
	if d.Rows == nil {
		d.Rows = []diffRow{}
	}
	if d.Total == 0 {
		d.Total = len(d.Rows)
	}
	return d
}

// sectionLabel is the short name of a JD section in tables.
func sectionLabel(s string) string {
	if s == keywords.SectionResponsibilities {
		return "duties"
	}
	return s
}

// diffTableRows are the cells of the diff table.
func diffTableRows(d diffReport) [][]string {
	rows := make([][]string, 0, len(d.Rows))
	for _, r := range d.Rows {
		name := r.Keyword
		if r.Group != "" {
			name += " (" + r.Group + ")"
		}
		if r.Kind == "other" {
			name += " *"
		}
		match := matchGlyph(r.Match)
		if r.Covered {
			match = "○ covered"
		}
		if r.Match != scorer.Missing && r.Match != scorer.Exact && r.Found != "" {
			match += ": " + r.Found
		}
		rows = append(rows, []string{name, sectionLabel(r.Section), fmt.Sprint(r.JDCount), fmt.Sprint(r.ResumeCount), match, r.Fix})
	}
	return rows
}

func diffHeadline(d diffReport) string {
	title := d.Facts.Title
	if title == "" {
		title = d.JD
	}
	return fmt.Sprintf("%s vs %s", d.Resume, title)
}

func renderDiffText(w io.Writer, d diffReport, o renderOptions) error {
	r := newRenderer(w, o.Profile)
	st := newStyles(r)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.Title.Render(diffHeadline(d)))
	fmt.Fprintf(&b, "Score: %s/100  %s\n", st.Score.Render(formatScore(d.Score)), st.Dim.Render(fmt.Sprintf("(%d of %d keywords matched)", d.Matched, d.Total)))
	if f := factsLine(d.Facts); f != "" {
		fmt.Fprintf(&b, "The posting asks for: %s\n", f)
	}
	b.WriteString("\n")
	rows := diffTableRows(d)
	cell := func(row, col int) lipgloss.Style {
		s := r.NewStyle()
		if row < 0 || row >= len(d.Rows) {
			return s
		}
		switch col {
		case 4:
			if d.Rows[row].Covered {
				return s.Inherit(st.Dim)
			}
			return s.Inherit(matchStyle(st, d.Rows[row].Match))
		case 5:
			return s.Inherit(st.Dim)
		}
		return s
	}
	b.WriteString(newJDTable(r, []string{"KEYWORD", "SECTION", "JD", "RESUME", "MATCH", "FIX"}, rows, o.Width, cell))
	b.WriteString("\n")
	if hasOther(d.Rows) {
		b.WriteString(st.Dim.Render("* other term: not in the skill lexicon, weighted at most half"))
		b.WriteString("\n")
	}
	for _, g := range groupsOfRows(d.Rows) {
		fmt.Fprintf(&b, "%s\n", g)
	}
	if ls := experienceLines(d.Experience, o.Explain); len(ls) > 0 {
		b.WriteString("\n")
		b.WriteString(ls[0] + "\n")
		for _, l := range ls[1:] {
			writeWrapped(&b, "  ", "      ", strings.TrimSpace(l), o.Width)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func hasOther(rows []diffRow) bool {
	for _, r := range rows {
		if r.Kind == "other" {
			return true
		}
	}
	return false
}

func groupsOfRows(rows []diffRow) []string {
	kws := make([]jdKeyword, 0, len(rows))
	for _, r := range rows {
		kws = append(kws, jdKeyword{Name: r.Keyword, Group: r.Group})
	}
	return groupsLine(kws)
}

func renderDiffMarkdown(w io.Writer, d diffReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdInline(diffHeadline(d)))
	fmt.Fprintf(&b, "**Score: %s/100** (%d of %d keywords matched)\n\n", formatScore(d.Score), d.Matched, d.Total)
	if f := factsLine(d.Facts); f != "" {
		fmt.Fprintf(&b, "The posting asks for: %s\n\n", mdInline(f))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := writeTable(w, []string{"Keyword", "Section", "JD", "Resume", "Match", "Fix"}, diffTableRows(d)); err != nil {
		return err
	}
	b.Reset()
	if hasOther(d.Rows) {
		b.WriteString("\n\\* other term: not in the skill lexicon, weighted at most half.\n")
	} else if len(groupsOfRows(d.Rows)) > 0 {
		b.WriteString("\n")
	}
	for _, g := range groupsOfRows(d.Rows) {
		fmt.Fprintf(&b, "- %s\n", mdInline(g))
	}
	if ls := experienceLines(d.Experience, false); len(ls) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n", mdInline(strings.TrimSuffix(ls[0], ":")))
		for _, l := range ls[1:] {
			fmt.Fprintf(&b, "- %s\n", mdInline(strings.TrimSpace(l)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
