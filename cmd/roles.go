package cmd

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// rolesOptions are the inputs of `resumescore roles`.
type rolesOptions struct {
	IO     *streams
	Global *globalOptions
	Role   string // show one role
	Rank   string // rank every role for this resume
	Top    int    // with --rank: show only the best N (0 = all)
}

// newRolesCmd builds `resumescore roles`. runF replaces runRoles in tests.
func newRolesCmd(s *streams, g *globalOptions, runF func(*rolesOptions) error) *cobra.Command {
	opts := &rolesOptions{IO: s, Global: g}
	c := &cobra.Command{
		Use:   "roles [ROLE] | roles --rank RESUME",
		Short: "List the built-in roles, show one, or rank them all for a resume",
		Long: `With no argument, list every role (built-in, plus --roles-dir) with its id,
title and keyword counts. With a ROLE id, show its keywords by tier with their
aliases. With --rank RESUME, score the resume against every role and list the
best fits first.`,
		Example: `  resumescore roles
  resumescore roles backend
  resumescore roles --rank resume.pdf --top 5`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Role = args[0]
			}
			if err := g.validate(); err != nil {
				return err
			}
			if opts.Role != "" && opts.Rank != "" {
				return usageErrorf("give a ROLE or --rank RESUME, not both")
			}
			if opts.Top < 0 {
				return usageErrorf("invalid --top %d: want 0 (all) or more", opts.Top)
			}
			if runF != nil {
				return runF(opts)
			}
			return runRoles(c.Context(), opts)
		},
	}
	c.Flags().StringVar(&opts.Rank, "rank", "", "rank every role for this resume `file`")
	c.Flags().IntVar(&opts.Top, "top", 0, "with --rank, show only the best `N` roles")
	return c
}

func init() {
	registerCommand(func(s *streams, g *globalOptions) *cobra.Command { return newRolesCmd(s, g, nil) })
}

// runRoles dispatches to the listing, one role or the ranking.
func runRoles(ctx context.Context, opts *rolesOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	switch {
	case opts.Rank != "":
		return runRank(ctx, opts)
	case opts.Role != "":
		return runRoleShow(opts)
	}
	return runRoleList(opts)
}

// runRoleList prints every role with its keyword counts.
func runRoleList(opts *rolesOptions) error {
	roles, err := keywords.Roles(roleFS(opts.Global))
	if err != nil {
		return err
	}
	w := opts.IO.Out
	switch opts.Global.Format {
	case "json":
		if roles == nil {
			roles = []keywords.RoleInfo{}
		}
		return writeJSON(w, struct {
			SchemaVersion int                 `json:"schema_version"`
			Roles         []keywords.RoleInfo `json:"roles"`
		}{scorer.SchemaVersion, roles})
	case "markdown":
		rows := make([][]string, 0, len(roles))
		for _, r := range roles {
			rows = append(rows, []string{r.ID, r.Title, fmt.Sprint(r.Keywords), fmt.Sprint(r.Essential), fmt.Sprint(r.Important), fmt.Sprint(r.Bonus), fmt.Sprint(r.Soft)})
		}
		return writeTable(w, []string{"Role", "Title", "Keywords", "Must-have", "Nice-to-have", "Bonus", "Soft"}, rows)
	}
	st := newStyles(newRenderer(w, opts.Global.renderOptions(opts.IO).Profile))
	idW, titleW := 4, 5
	for _, r := range roles {
		idW = max(idW, len(r.ID))
		titleW = max(titleW, len([]rune(r.Title)))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.Title.Render(fmt.Sprintf("%-*s  %-*s  %8s  %s", idW, "ROLE", titleW, "TITLE", "KEYWORDS", "MUST/NICE/BONUS  SOFT")))
	for _, r := range roles {
		fmt.Fprintf(&b, "%-*s  %-*s  %8d  %-15s  %d\n", idW, r.ID, titleW, r.Title, r.Keywords,
			fmt.Sprintf("%d/%d/%d", r.Essential, r.Important, r.Bonus), r.Soft)
	}
	fmt.Fprintf(&b, "\n%d roles. Show one with: resumescore roles ID\n", len(roles))
	_, err = io.WriteString(w, b.String())
	return err
}

// roleJSON is the JSON form of one role in `roles ID`.
type roleJSON struct {
	SchemaVersion int               `json:"schema_version"`
	ID            string            `json:"id"`
	Title         string            `json:"title"`
	Keywords      []roleKeywordJSON `json:"keywords"`
	Checks        []string          `json:"checks"`
	Signals       []roleSignalJSON  `json:"signals"`
}

type roleKeywordJSON struct {
	Name      string   `json:"name"`
	Tier      string   `json:"tier"`
	Kind      string   `json:"kind"`
	Soft      bool     `json:"soft,omitempty"`
	Aliases   []string `json:"aliases"`
	Weight    float64  `json:"weight"`
	Context   string   `json:"context,omitempty"`
	Lexicon   bool     `json:"lexicon"` // resolved against the built-in lexicon
	LexiconID string   `json:"lexicon_id,omitempty"`
}

type roleSignalJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Fix   string `json:"fix,omitempty"`
}

// runRoleShow prints one role's keywords by tier.
func runRoleShow(opts *rolesOptions) error {
	set, err := loadRole(opts.Global, opts.Role)
	if err != nil {
		return err
	}
	rj := roleJSON{SchemaVersion: scorer.SchemaVersion, ID: set.ID, Title: set.Title, Keywords: []roleKeywordJSON{}, Checks: set.Checks, Signals: []roleSignalJSON{}}
	if rj.Checks == nil {
		rj.Checks = []string{}
	}
	for _, k := range set.Keywords {
		aliases := append(append([]string{}, k.Aliases...), k.CaseAliases...)
		ctx := ""
		switch k.Context {
		case keywords.ListOrTech:
			ctx = "list_or_tech"
		case keywords.TechOnly:
			ctx = "tech"
		case keywords.NearSkill:
			ctx = "near_skill"
		}
		lexID := ""
		if k.Known {
			lexID = k.ID
		}
		rj.Keywords = append(rj.Keywords, roleKeywordJSON{Name: k.Name, Tier: k.Tier.String(), Kind: k.Kind, Soft: k.Soft, Aliases: aliases, Weight: k.Weight, Context: ctx, Lexicon: k.Known, LexiconID: lexID})
	}
	for _, s := range set.Signals {
		rj.Signals = append(rj.Signals, roleSignalJSON{ID: s.ID, Title: s.Title, Fix: s.Fix})
	}
	w := opts.IO.Out
	if opts.Global.Format == "json" {
		return writeJSON(w, rj)
	}
	md := opts.Global.Format == "markdown"
	st := newStyles(newRenderer(w, opts.Global.renderOptions(opts.IO).Profile))
	var b strings.Builder
	if md {
		fmt.Fprintf(&b, "## %s (`%s`)\n", mdInline(set.Title), set.ID)
	} else {
		fmt.Fprintf(&b, "%s %s\n", st.Title.Render(set.Title), st.Dim.Render("("+set.ID+")"))
	}
	for _, tier := range tierOrder {
		var rows [][]string
		for _, k := range rj.Keywords {
			if k.Tier != tier.id {
				continue
			}
			kind := k.Kind
			if k.Soft && kind != "soft" {
				kind += ", soft"
			}
			rows = append(rows, []string{k.Name, kind, strings.Join(k.Aliases, ", ")})
		}
		if len(rows) == 0 {
			continue
		}
		if md {
			fmt.Fprintf(&b, "\n### %s (%d)\n\n", tier.label, len(rows))
			if err := writeTable(&b, []string{"Keyword", "Kind", "Also matches"}, rows); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", st.Title.Render(fmt.Sprintf("%s (%d)", tier.label, len(rows))))
		nameW, kindW := 0, 0
		for _, r := range rows {
			nameW = max(nameW, len([]rune(r[0])))
			kindW = max(kindW, len([]rune(r[1])))
		}
		for _, r := range rows {
			line := fmt.Sprintf("  %-*s  %s", nameW, r[0], st.Dim.Render(fmt.Sprintf("%-*s", kindW, r[1])))
			if r[2] != "" {
				line += "  also: " + r[2]
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
	if len(rj.Signals) > 0 {
		if md {
			b.WriteString("\n### What hiring managers look for\n\n")
			for _, s := range rj.Signals {
				fmt.Fprintf(&b, "- **%s**: %s\n", mdInline(s.Title), mdInline(s.Fix))
			}
		} else {
			fmt.Fprintf(&b, "\n%s\n", st.Title.Render("What hiring managers look for"))
			for _, s := range rj.Signals {
				writeWrapped(&b, "  - ", "    ", s.Title+": "+s.Fix, opts.IO.textWidth())
			}
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// rankExplainNote says how `roles --rank --explain` reads.
const rankExplainNote = "Each matched keyword adds weight x credit x (1 + ln count) x ln(1 + roles/df) x position, where df is the number of roles that list it or count the same words and position runs from 1.5 for a keyword first found on the resume's first line to 1 on its last; the job title counts twice, four times on a line of its own."

// evidenceName is a keyword's name in the evidence list, marked when it is
// the role's job title, and when that title stands on a line of its own.
func evidenceName(e scorer.RoleEvidence) string {
	switch {
	case e.Headline:
		return e.Keyword + " (title, own line)"
	case e.Title:
		return e.Keyword + " (title)"
	}
	return e.Keyword
}

// rankJSON is the JSON form of `roles --rank`.
type rankJSON struct {
	SchemaVersion int              `json:"schema_version"`
	File          string           `json:"file"`
	Roles         []scorer.RoleFit `json:"roles"`
}

// runRank scores the resume against every role and prints the best fits
// first, ordered by scorer.Rank (keyword coverage weighted by how specific
// each keyword is to the role).
func runRank(ctx context.Context, opts *rolesOptions) error {
	s, g := opts.IO, opts.Global
	doc, err := readDocument(ctx, s, g, opts.Rank)
	if err != nil {
		return err
	}
	fsys := roleFS(g)
	roles, err := keywords.Roles(fsys)
	if err != nil {
		return err
	}
	lex, err := loadLexicon()
	if err != nil {
		return err
	}
	reps := make([]*scorer.Report, 0, len(roles))
	for _, r := range roles {
		set, err := keywords.Load(fsys, r.ID)
		if err != nil {
			return fmt.Errorf("role %s: %w", r.ID, err)
		}
		lex.Resolve(set)
		ix, err := scorer.Compile(set, lex)
		if err != nil {
			return fmt.Errorf("role %s: %w", r.ID, err)
		}
		rep := ix.Score(doc)
		rep.Target = scorer.Target{Source: "role", ID: set.ID, Title: set.Title}
		reps = append(reps, rep)
	}
	out := rankJSON{SchemaVersion: scorer.SchemaVersion, File: doc.Path, Roles: scorer.Rank(reps, len(doc.Lines))}
	if out.Roles == nil {
		out.Roles = []scorer.RoleFit{}
	}
	if opts.Top > 0 && len(out.Roles) > opts.Top {
		out.Roles = out.Roles[:opts.Top]
	}
	if !g.Explain {
		for i := range out.Roles {
			out.Roles[i].Evidence = nil
		}
	}
	w := s.Out
	switch g.Format {
	case "json":
		return writeJSON(w, out)
	case "markdown":
		var b strings.Builder
		fmt.Fprintf(&b, "## Roles ranked for %s\n\n", mdInline(doc.Path))
		rows := make([][]string, 0, len(out.Roles))
		for _, r := range out.Roles {
			rows = append(rows, []string{fmt.Sprint(r.Rank), r.Role, r.Title, formatScore(r.Fit), formatScore(r.Score), fmt.Sprintf("%d/%d", r.Matched, r.Total)})
		}
		if err := writeTable(&b, []string{"#", "Role", "Title", "Fit", "Score", "Matched"}, rows); err != nil {
			return err
		}
		if g.Explain {
			b.WriteString("\n### Evidence\n\n" + rankExplainNote + "\n\n")
			var ev [][]string
			for _, r := range out.Roles {
				for _, e := range r.Evidence {
					ev = append(ev, []string{fmt.Sprint(r.Rank), r.Role, evidenceName(e), e.Found, fmt.Sprint(e.Count), fmt.Sprint(e.Roles), fmt.Sprint(e.Line), formatScore(e.Points)})
				}
			}
			if err := writeTable(&b, []string{"#", "Role", "Keyword", "Found", "Count", "Roles", "Line", "Points"}, ev); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	st := newStyles(newRenderer(w, g.renderOptions(s).Profile))
	idW, titleW := 4, 5
	for _, r := range out.Roles {
		idW = max(idW, len(r.Role))
		titleW = max(titleW, len([]rune(r.Title)))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", st.Title.Render("Roles ranked for "+doc.Path))
	fmt.Fprintf(&b, "%s\n", st.Dim.Render(fmt.Sprintf("%3s  %-*s  %-*s  %5s  %5s  %s", "#", idW, "ROLE", titleW, "TITLE", "FIT", "SCORE", "MATCHED")))
	for _, r := range out.Roles {
		fit := fmt.Sprintf("%5s", formatScore(r.Fit))
		if r.Rank == 1 {
			fit = st.Score.Render(fit)
		}
		fmt.Fprintf(&b, "%3d  %-*s  %-*s  %s  %5s  %d/%d\n", r.Rank, idW, r.Role, titleW, r.Title, fit, formatScore(r.Score), r.Matched, r.Total)
	}
	b.WriteString("\nFit weighs each keyword by how specific it is to the role; score is the plain score of 'resumescore score --role'.\n")
	if g.Explain {
		fmt.Fprintf(&b, "\n%s\n", st.Title.Render("Evidence"))
		writeWrapped(&b, "", "", rankExplainNote, s.textWidth())
		for _, r := range out.Roles {
			parts := make([]string, 0, len(r.Evidence))
			for _, e := range r.Evidence {
				parts = append(parts, fmt.Sprintf("%s %s (%d×, %d role%s, L%d);", evidenceName(e), formatScore(e.Points), e.Count, e.Roles, plural(e.Roles), e.Line))
			}
			text := "no keyword found"
			if len(parts) > 0 {
				text = strings.TrimSuffix(strings.Join(parts, " "), ";")
			}
			writeWrapped(&b, fmt.Sprintf("%3d  %s: ", r.Rank, r.Role), "       ", text, s.textWidth())
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}
