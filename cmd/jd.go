package cmd

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/charmbracelet/x/ansi"

	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

// jdKeyword is one keyword of a job description as `keywords` and `diff`
// print it in JSON.
type jdKeyword struct {
	Name     string  `json:"name"`               // the form to write, as the JD wrote it
	ID       string  `json:"id"`                 // lexicon id or slug
	Kind     string  `json:"kind"`               // "skill" (the lexicon knows it) or "other" (an other term)
	Category string  `json:"category,omitempty"` // lexicon category of a skill: language, database, ...
	Section  string  `json:"section"`            // required, responsibilities, preferred, about
	Tier     string  `json:"tier"`               // essential, important, bonus
	Count    int     `json:"count"`              // occurrences in the JD
	Weight   float64 `json:"weight"`             // section weight x frequency factor (x 0.5 for other terms)
	Group    string  `json:"group,omitempty"`    // any-of group: one keyword of the group satisfies it
}

// jdFacts are the facts of a JD reported beside its keywords, never scored.
type jdFacts struct {
	Title     string `json:"title"`
	Years     int    `json:"years"`
	Degree    string `json:"degree"`
	Seniority string `json:"seniority"`
}

// loadJD reads a job description (any format extract reads, "-" for stdin)
// and extracts its keywords with the built-in lexicon.
func loadJD(ctx context.Context, s *streams, g *globalOptions, name string) (*keywords.JD, *keywords.Lexicon, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, nil, err
	}
	text, err := readText(ctx, s, g, name)
	if err != nil {
		return nil, nil, err
	}
	jd, err := keywords.FromJD(displayName(name), text, lex)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if jd == nil || jd.Set == nil || len(jd.Set.Keywords) == 0 {
		return nil, nil, withHint(fmt.Errorf("%s: no keywords found in the job description", name),
			"check that the file is the job posting's text")
	}
	return jd, lex, nil
}

// jdKeywords converts a JD's keywords for output.
func jdKeywords(jd *keywords.JD) []jdKeyword {
	out := make([]jdKeyword, 0, len(jd.Set.Keywords))
	for _, k := range jd.Set.Keywords {
		out = append(out, toJDKeyword(k))
	}
	return out
}

func toJDKeyword(k keywords.Keyword) jdKeyword {
	j := jdKeyword{Name: k.Name, ID: k.ID, Kind: "skill", Category: k.Kind, Section: k.Section,
		Tier: k.Tier.String(), Count: k.Count, Weight: k.Weight, Group: k.Group}
	if k.Other {
		j.Kind, j.Category = "other", ""
	}
	return j
}

// kindLabel is the kind column for people: a skill's category, or "other term".
func kindLabel(k jdKeyword) string {
	if k.Kind == "other" {
		return "other term"
	}
	if k.Category == "" {
		return "skill"
	}
	return k.Category
}

// factsOf returns the reported facts of jd.
func factsOf(jd *keywords.JD) jdFacts {
	return jdFacts{Title: jd.Title, Years: jd.Years, Degree: jd.Degree, Seniority: jd.Seniority}
}

// factsLine is the facts of a JD in one line for people ("5+ years · Bachelor's · senior").
func factsLine(f jdFacts) string {
	s := ""
	add := func(v string) {
		if v == "" {
			return
		}
		if s != "" {
			s += " · "
		}
		s += v
	}
	if f.Years > 0 {
		add(fmt.Sprintf("%d+ years", f.Years))
	}
	add(f.Degree)
	add(f.Seniority)
	return s
}

// asOfMonth is t's month as keywords.Set.AsOf counts it (year*12 + month - 1):
// a resume's role dated "to present" ends there. Only cmd reads the clock.
func asOfMonth(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// today is the date a run counts "present" to: SOURCE_DATE_EPOCH (seconds
// since 1970, the reproducible-builds convention) when set, so that a CI
// gate or a stored report can be rerun byte for byte on a later day, else
// the clock.
func (g *globalOptions) today() time.Time {
	if g.Getenv != nil {
		if v := strings.TrimSpace(g.Getenv("SOURCE_DATE_EPOCH")); v != "" {
			if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
				return time.Unix(sec, 0).UTC()
			}
		}
	}
	return time.Now()
}

// repeatNote explains, for a job-description target, the share of each
// keyword's points that needs repeated mentions (scorer.RepeatShare), or "".
func repeatNote(rep *scorer.Report) string {
	if !strings.HasPrefix(rep.Target.Source, "jd") {
		return ""
	}
	return fmt.Sprintf("Against a posting %s%% of a keyword's points need %d mentions: named once it earns %s%%.",
		formatScore(100*scorer.RepeatShare), scorer.CountCap, formatScore(100*(1-scorer.RepeatShare*(scorer.CountCap-1)/scorer.CountCap)))
}

// experienceLines describe a report's years-asked share for people, one line
// per requirement of the posting: met or not, the years found against those
// asked, and with explain the points. Empty when the target asks no years.
func experienceLines(ex *scorer.Experience, explain bool) []string {
	if ex == nil {
		return nil
	}
	head := fmt.Sprintf("Years asked (%s of the score):", formatScore(ex.MaxPoints)+"%")
	if explain {
		head = fmt.Sprintf("Years asked: %.1f/%.1f points", ex.Points, ex.MaxPoints)
	}
	out := []string{head}
	for _, a := range ex.Asks {
		glyph := "✓"
		if a.Years < float64(a.Asked) {
			glyph = "✗"
			if a.Years > 0 {
				glyph = "~"
			}
		}
		line := fmt.Sprintf("  %s %s of %d years: %s", glyph, strconv.FormatFloat(a.Years, 'f', -1, 64), a.Asked, a.Text)
		if a.Section == keywords.SectionPreferred {
			line += " (preferred)"
		}
		if explain {
			line += fmt.Sprintf(" [%.1f/%.1f]", a.Points, a.MaxPoints)
		}
		if len(a.Evidence) > 0 {
			ls := make([]string, 0, len(a.Evidence))
			for _, e := range a.Evidence {
				ls = append(ls, fmt.Sprintf("L%d", e.Line))
			}
			line += " — " + strings.Join(ls, ", ")
		}
		out = append(out, line)
	}
	return out
}

// newJDTable lays out rows as a lipgloss table that fits width: when the
// natural table is wider, the widest columns shrink and their cells wrap at
// word boundaries (never cut). Styles come from r, so the table has no colour
// when r's profile is Ascii; the borders are plain box-drawing characters.
func newJDTable(r *lipgloss.Renderer, headers []string, rows [][]string, width int, cell func(row, col int) lipgloss.Style) string {
	widths := fitColumns(headers, rows, width)
	wrapped := make([][]string, len(rows))
	for i, row := range rows {
		wrapped[i] = make([]string, len(row))
		for j, c := range row {
			wrapped[i][j] = wrapCell(c, widths[j])
		}
	}
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(r.NewStyle()).
		BorderRow(false).
		Headers(headers...).
		Rows(wrapped...).
		StyleFunc(func(row, col int) lipgloss.Style {
			base := r.NewStyle().Padding(0, 1)
			if row == table.HeaderRow {
				return base.Bold(true)
			}
			if cell != nil {
				return cell(row, col).Padding(0, 1)
			}
			return base
		})
	return t.String()
}

// fitColumns returns column widths whose table (borders and one space of
// padding each side) fits width, shrinking the widest column first, never
// below the header's width or 6 cells, nor below a column's longest word (up
// to 24 cells in the first column, the keyword, and 16 in the others), so a
// name such as "containerization" is not broken across lines. When the
// terminal is too narrow for that, the table is wider than the terminal
// rather than unreadable.
func fitColumns(headers []string, rows [][]string, width int) []int {
	n := len(headers)
	w := make([]int, n)
	minW := make([]int, n)
	for j, h := range headers {
		w[j] = lipgloss.Width(h)
		minW[j] = max(lipgloss.Width(h), 6)
	}
	for _, row := range rows {
		for j := 0; j < n && j < len(row); j++ {
			w[j] = max(w[j], lipgloss.Width(row[j]))
		}
		for j := 0; j < n && j < len(row); j++ {
			limit := 16 // other columns give way first: a long word may break there
			if j == 0 {
				limit = 24
			}
			for _, word := range strings.Fields(row[j]) {
				minW[j] = max(minW[j], min(lipgloss.Width(word), limit))
			}
		}
	}
	total := func() int {
		t := n + 1
		for _, x := range w {
			t += x + 2
		}
		return t
	}
	for total() > width {
		widest := -1
		for j := range w {
			if w[j] > minW[j] && (widest < 0 || w[j] >= w[widest]) {
				widest = j
			}
		}
		if widest < 0 {
			break // cannot shrink further; the terminal is too narrow
		}
		w[widest]--
	}
	return w
}

// wrapCell wraps text to width cells at spaces, breaking longer words.
func wrapCell(text string, width int) string {
	if width <= 0 || lipgloss.Width(text) <= width {
		return text
	}
	return ansi.Wrap(text, width, "")
}
