package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/resumescore/resumescore/scorer"
)

// renderBatch writes the ranked rows in format; total is the number of
// files before --top.
func renderBatch(s *streams, g *globalOptions, format string, target *scorer.Target, rows []batchResult, total int) error {
	if rows == nil {
		rows = []batchResult{}
	}
	switch format {
	case "json":
		return writeJSON(s.Out, batchReport{SchemaVersion: scorer.SchemaVersion, Target: target, Results: rows})
	case "jsonl":
		return renderBatchJSONL(s.Out, rows)
	case "csv":
		return renderBatchCSV(s.Out, rows)
	case "markdown":
		return renderBatchMarkdown(s.Out, target, rows)
	}
	return renderBatchText(s.Out, target, rows, total, newStyles(newRenderer(s.Out, g.renderOptions(s).Profile)))
}

// renderBatchJSONL writes one compact JSON object per file, so outputs of
// several machines can be concatenated.
func renderBatchJSONL(w io.Writer, rows []batchResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write jsonl: %w", err)
		}
	}
	return nil
}

// batchScore is the score column: "73.5", or "" for a file that failed.
func batchScore(r batchResult) string {
	if r.Score == nil {
		return ""
	}
	return formatScore(*r.Score)
}

// batchCoverage is the must-have column: "4/6".
func batchCoverage(r batchResult) string {
	if r.Score == nil {
		return ""
	}
	return fmt.Sprintf("%d/%d", r.MustHave.Matched, r.MustHave.Total)
}

// renderBatchCSV writes a header and one record per file.
func renderBatchCSV(w io.Writer, rows []batchResult) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"rank", "file", "score", "must_have_matched", "must_have_total", "matched", "total", "missing", "error"})
	for _, r := range rows {
		rank, mm, mt, m, t := "", "", "", "", ""
		if r.Score != nil {
			rank = strconv.Itoa(r.Rank)
			mm, mt = strconv.Itoa(r.MustHave.Matched), strconv.Itoa(r.MustHave.Total)
			m, t = strconv.Itoa(r.Matched), strconv.Itoa(r.Total)
		}
		_ = cw.Write([]string{rank, r.File, batchScore(r), mm, mt, m, t, strings.Join(r.Missing, "; "), r.Error})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// renderBatchMarkdown writes a GitHub table.
func renderBatchMarkdown(w io.Writer, target *scorer.Target, rows []batchResult) error {
	title := "## Ranked resumes"
	if target != nil {
		title += " against " + target.Source + " " + target.ID
	}
	if _, err := io.WriteString(w, title+"\n\n"); err != nil {
		return err
	}
	return writeTable(w, []string{"#", "File", "Score", "Must-have", "Top missing"}, batchCells(rows))
}

// batchCells is one table row per result: rank, file, score, must-have
// coverage, and the top missing keywords or, for a failed file, its error.
func batchCells(rows []batchResult) [][]string {
	cells := make([][]string, 0, len(rows))
	for _, r := range rows {
		rank, last := "", strings.Join(r.Missing, ", ")
		if r.Score != nil {
			rank = strconv.Itoa(r.Rank)
		} else {
			last = "error: " + r.Error
		}
		cells = append(cells, []string{rank, r.File, batchScore(r), batchCoverage(r), last})
	}
	return cells
}

// renderBatchText writes an aligned table; colour only marks, never carries
// meaning (a failed file says "error:").
func renderBatchText(w io.Writer, target *scorer.Target, rows []batchResult, total int, st styles) error {
	var b strings.Builder
	if target != nil {
		title := target.Title
		if title == "" {
			title = target.ID
		}
		count := fmt.Sprintf("%d resumes", total)
		if len(rows) < total {
			count = fmt.Sprintf("%d of %d resumes", len(rows), total)
		}
		fmt.Fprintf(&b, "%s\n\n", st.Title.Render(fmt.Sprintf("%s against %s %s", count, target.Source, title)))
	}
	head := []string{"#", "file", "score", "must-have", "top missing"}
	cells := batchCells(rows)
	width := make([]int, len(head))
	for i, h := range head {
		width[i] = utf8.RuneCountInString(h)
	}
	for _, row := range cells {
		for i, c := range row[:len(row)-1] {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	pad := func(s string, n int, right bool) string {
		gap := strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
		if right {
			return gap + s
		}
		return s + gap
	}
	line := func(row []string, style func(i int, s string) string) {
		var l strings.Builder
		for i, c := range row {
			right := i == 0 || i == 2 || i == 3
			cell := c
			if i < len(row)-1 {
				cell = pad(c, width[i], right)
			}
			if style != nil {
				cell = style(i, cell)
			}
			l.WriteString(cell)
			if i < len(row)-1 {
				l.WriteString("  ")
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteString("\n")
	}
	line(head, func(_ int, s string) string { return st.Dim.Render(s) })
	for k, row := range cells {
		r := rows[k]
		line(row, func(i int, s string) string {
			switch {
			case r.Score == nil && i == len(row)-1:
				return st.Bad.Render(s)
			case i == 2:
				return st.Score.Render(s)
			}
			return s
		})
	}
	_, err := io.WriteString(w, b.String())
	return err
}
