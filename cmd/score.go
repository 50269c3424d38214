package cmd

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/scorer"
)

// scoreOptions are the inputs of `resumescore score`.
type scoreOptions struct {
	IO     *streams
	Global *globalOptions
	Files  []string
	Target targetOptions
}

// newScoreCmd builds `resumescore score`. runF replaces runScore in tests.
func newScoreCmd(s *streams, g *globalOptions, runF func(*scoreOptions) error) *cobra.Command {
	opts := &scoreOptions{IO: s, Global: g}
	c := &cobra.Command{
		Use:   "score FILE... (--role ROLE | --jd JD | --keywords FILE)",
		Short: "Score resumes against a role, a job description or your own keywords",
		Long: `Score each FILE (PDF, DOCX, Markdown, text; "-" reads stdin) against a built-in
role (--role), a job description (--jd) or your own keyword list (--keywords).
--role and --jd together score against their union: the job description's
keywords first, with its weights, then the role's keywords it does not name.

With --format json one FILE gives one report object and several FILEs an array.
--min-score N exits 1 when any score is under N; the reports are still printed.`,
		Example: `  resumescore score resume.pdf --role backend
  resumescore score resume.pdf --jd job.txt --explain
  resumescore score a.pdf b.docx --role devops --format json
  cat resume.md | resumescore score - --role backend`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return scoreRunE(c, opts, args, runF)
		},
	}
	addTargetFlags(c.Flags(), &opts.Target)
	return c
}

// scoreRunE validates the flags and arguments, then calls runF (or runScore).
// The root command shares it, so `resumescore FILE` is `resumescore score FILE`.
func scoreRunE(c *cobra.Command, opts *scoreOptions, args []string, runF func(*scoreOptions) error) error {
	opts.Files = args
	if err := opts.Global.validate(); err != nil {
		return err
	}
	if err := opts.Target.validate(); err != nil {
		return err
	}
	stdin := 0
	for _, f := range args {
		if f == "-" {
			stdin++
		}
		if f == "" {
			return usageErrorf("empty file name")
		}
	}
	if c != nil && c == c.Root() {
		if err := mistypedCommand(c, args); err != nil {
			return err
		}
	}
	if opts.Target.JD == "-" {
		stdin++
	}
	if stdin > 1 {
		return usageErrorf(`"-" (stdin) can be read only once`)
	}
	if runF != nil {
		return runF(opts)
	}
	return runScore(c.Context(), opts)
}

// runScore scores every file and renders the reports. A file that cannot be
// read is reported on stderr and the others are still scored (exit 2 at the
// end); a score under --min-score exits 1 after every report is printed.
func runScore(ctx context.Context, opts *scoreOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	s, g := opts.IO, opts.Global
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Extraction does not depend on the target: read the files while the
	// lexicon loads and the keywords compile (two stages of similar cost).
	docs := extractAll(ctx, s, g, opts.Files)
	tg, err := loadTarget(ctx, s, g, opts.Target)
	if err != nil {
		return err
	}
	var reps []*scorer.Report
	var failed error
	for _, ch := range docs {
		r := <-ch
		doc, err := r.doc, r.err
		if err != nil {
			printError(s.Err, err)
			failed = err
			continue
		}
		rep := tg.Index.Score(doc)
		if rep.Target.Source == "" && rep.Target.ID == "" {
			rep.Target = scorer.Target{Source: tg.Set.Source, ID: tg.Set.ID, Title: tg.Set.Title}
		}
		reps = append(reps, rep)
	}
	if len(reps) > 0 || len(opts.Files) > 1 {
		ro := g.renderOptions(s)
		ro.Array = len(opts.Files) > 1
		if err := renderReports(s.Out, g.Format, reps, ro); err != nil {
			return err
		}
	}
	if failed != nil {
		return &reportedError{failed}
	}
	var gate error
	if g.MinScore > 0 {
		for _, rep := range reps {
			if rep.Score < g.MinScore {
				fmt.Fprintf(s.Err, "resumescore: %s: score %s is under --min-score %s\n",
					rep.File, formatScore(rep.Score), formatScore(g.MinScore))
				gate = gateErrorf("score under --min-score")
			}
		}
	}
	return gate
}

// docResult is one extracted file.
type docResult struct {
	doc *extract.Document
	err error
}

// extractAll reads files one after the other in the background; the i-th
// channel delivers the i-th file. Cancelling ctx stops the work.
func extractAll(ctx context.Context, s *streams, g *globalOptions, files []string) []chan docResult {
	out := make([]chan docResult, len(files))
	for i := range out {
		out[i] = make(chan docResult, 1)
	}
	go func() {
		for i, f := range files {
			if err := ctx.Err(); err != nil {
				out[i] <- docResult{err: err}
				continue
			}
			out[i] <- readSafely(ctx, s, g, f)
		}
	}()
	return out
}

// readSafely is readDocument for a goroutine: Main's recover cannot see a
// panic on another goroutine, so one is turned into an internal error here.
func readSafely(ctx context.Context, s *streams, g *globalOptions, name string) (r docResult) {
	defer func() {
		if p := recover(); p != nil {
			r = docResult{err: internalError(p)}
		}
	}()
	doc, err := readDocument(ctx, s, g, name)
	return docResult{doc, err}
}

// mistypedCommand catches `resumescore scroe ...`: the root takes files, so a
// mistyped command would otherwise read as a missing file. An argument with
// no extension or path that does not exist but is close to a command name is
// a usage error with a suggestion.
func mistypedCommand(root *cobra.Command, args []string) error {
	first := args[0]
	if strings.ContainsAny(first, "./\\") {
		return nil
	}
	if _, err := os.Stat(first); err == nil {
		return nil
	}
	if sug := root.SuggestionsFor(first); len(sug) > 0 {
		return usageErrorf("unknown command %q: did you mean %q?", first, sug[0])
	}
	return nil
}
