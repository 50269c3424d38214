package cmd

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// renderCheck writes the result of a check run in format.
func renderCheck(s *streams, g *globalOptions, format string, out *checkReport) error {
	switch format {
	case "json":
		return writeJSON(s.Out, out)
	case "markdown":
		return renderCheckMarkdown(s.Out, out)
	case "github":
		return renderCheckGitHub(s.Out, out)
	}
	return renderCheckText(s.Out, out, newStyles(newRenderer(s.Out, g.renderOptions(s).Profile)))
}

// targetLabel names a result's target for people: "role backend", "jd acme.txt".
func targetLabel(r checkResult) string {
	src := r.Target.Source
	if src == "" {
		src = "target"
	}
	return src + " " + r.Target.ID
}

// baselineLabel is " (HEAD 80, -1.5)" or "".
func baselineLabel(r checkResult) string {
	if r.Baseline == nil {
		return ""
	}
	sign := "+"
	if r.Baseline.Delta < 0 {
		sign = "-"
	}
	return fmt.Sprintf(" (%s %s, %s%s)", r.Baseline.Rev, formatScore(r.Baseline.Score), sign, formatScore(math.Abs(r.Baseline.Delta)))
}

// renderCheckText writes one compact block per file and target, then a summary line.
func renderCheckText(w io.Writer, out *checkReport, st styles) error {
	var b strings.Builder
	failed := 0
	for _, r := range out.Results {
		status := st.Good.Render("✓ pass")
		if !r.Passed {
			status = st.Bad.Render("✗ FAIL")
			failed++
		}
		fmt.Fprintf(&b, "%s  %s · %s: %s%s\n", status, st.Title.Render(r.File), targetLabel(r),
			st.Score.Render(formatScore(r.Score)+"/100"), baselineLabel(r))
		for _, gr := range r.Gates {
			mark := st.Good.Render("  ✓")
			if !gr.Passed {
				mark = st.Bad.Render("  ✗")
			}
			fmt.Fprintf(&b, "%s %s: %s\n", mark, gr.Gate, gr.Message)
		}
		if r.Baseline != nil {
			if len(r.Gained) > 0 {
				fmt.Fprintf(&b, "  %s gained: %s\n", st.Good.Render("+"), strings.Join(r.Gained, ", "))
			}
			if len(r.Lost) > 0 {
				fmt.Fprintf(&b, "  %s lost: %s\n", st.Bad.Render("-"), strings.Join(r.Lost, ", "))
			}
		}
	}
	if failed == 0 {
		fmt.Fprintf(&b, "%s\n", st.Good.Render(fmt.Sprintf("check passed: %d of %d", len(out.Results), len(out.Results))))
	} else {
		fmt.Fprintf(&b, "%s\n", st.Bad.Render(fmt.Sprintf("check failed: %d of %d", failed, len(out.Results))))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// renderCheckMarkdown writes a table for a pull-request comment, then the
// failing gates.
func renderCheckMarkdown(w io.Writer, out *checkReport) error {
	var b strings.Builder
	verdict := "✅ passed"
	if !out.Passed {
		verdict = "❌ failed"
	}
	fmt.Fprintf(&b, "## resumescore check %s\n\n", verdict)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	rows := make([][]string, 0, len(out.Results))
	for _, r := range out.Results {
		status := "✅"
		if !r.Passed {
			status = "❌"
		}
		base := ""
		if r.Baseline != nil {
			base = strings.TrimSpace(strings.Trim(baselineLabel(r), " ()"))
		}
		var gs []string
		for _, gr := range r.Gates {
			mark := "✓"
			if !gr.Passed {
				mark = "✗"
			}
			gs = append(gs, mark+" "+gr.Gate)
		}
		rows = append(rows, []string{status, r.File, targetLabel(r), formatScore(r.Score), base,
			strings.Join(gs, ", "), strings.Join(r.Gained, ", "), strings.Join(r.Lost, ", ")})
	}
	if err := writeTable(w, []string{"", "File", "Target", "Score", "Baseline", "Gates", "Gained", "Lost"}, rows); err != nil {
		return err
	}
	b.Reset()
	first := true
	for _, r := range out.Results {
		for _, gr := range r.Gates {
			if gr.Passed {
				continue
			}
			if first {
				b.WriteString("\n**Failed gates**\n\n")
				first = false
			}
			fmt.Fprintf(&b, "- `%s` (%s): **%s**: %s\n", r.File, targetLabel(r), gr.Gate, gr.Message)
		}
	}
	if len(out.Notes) > 0 {
		b.WriteString("\n")
		for _, n := range out.Notes {
			fmt.Fprintf(&b, "> %s\n", n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// renderCheckGitHub writes GitHub Actions workflow commands: an ::error per
// failed gate, pointing at the file and line, and a ::notice per result.
func renderCheckGitHub(w io.Writer, out *checkReport) error {
	var b strings.Builder
	for _, r := range out.Results {
		for _, gr := range r.Gates {
			if gr.Passed {
				continue
			}
			line := gr.Line
			if line <= 0 {
				line = 1
			}
			fmt.Fprintf(&b, "::error file=%s,line=%d,title=%s::%s\n", ghProperty(r.File), line,
				ghProperty("resumescore "+gr.Gate), ghMessage(fmt.Sprintf("%s: %s", targetLabel(r), gr.Message)))
		}
		msg := fmt.Sprintf("%s: score %s/100%s", targetLabel(r), formatScore(r.Score), baselineLabel(r))
		if len(r.Gained) > 0 {
			msg += "; gained: " + strings.Join(r.Gained, ", ")
		}
		if len(r.Lost) > 0 {
			msg += "; lost: " + strings.Join(r.Lost, ", ")
		}
		fmt.Fprintf(&b, "::notice file=%s,title=resumescore::%s\n", ghProperty(r.File), ghMessage(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghMessage escapes the message of a workflow command.
func ghMessage(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value of a workflow command.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
