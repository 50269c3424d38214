package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
)

func init() {
	registerCommand(func(s *streams, g *globalOptions) *cobra.Command { return newCheckCmd(s, g, nil) })
}

// checkOptions are the inputs of `resumescore check`.
type checkOptions struct {
	IO       *streams
	Global   *globalOptions
	Files    []string      // files given on the command line (else the config's)
	Config   string        // --config
	Target   targetOptions // a target from the command line replaces the config's targets
	Require  []string      // --require, added to every target's require list
	MaxDrop  float64       // --max-drop, when MaxDropSet
	Baseline string        // --baseline revision ("" = the config's, else HEAD)
	Dir      string        // working directory ("" = the process's)

	FormatSet, MinScoreSet, MaxDropSet bool // the flag was given (it then beats the config)
}

// newCheckCmd builds `resumescore check`. runF replaces runCheck in tests.
func newCheckCmd(s *streams, g *globalOptions, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{IO: s, Global: g}
	c := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Gate a resume repository: fail when a score, a must-have or a regression is off",
		Long: `Check scores each file named in .resumescore.yaml (or each FILE given) against
each target in it, and exits 1 when a gate fails:

  min-score  the score is under the threshold
  require    a keyword that must be present is missing
  max-drop   the score fell more than this against the baseline revision

The baseline is the same file at HEAD (or --baseline REV), read through git;
the keywords gained and lost against it are listed. Outside git, or in a
repository with no commits yet, the regression gate is skipped (said once).

The config is --config, else $RESUMESCORE_CONFIG, else .resumescore.yaml in the
working directory or a parent, up to the repository root. Exit codes: 0 every
gate passed, 1 a gate failed, 2 usage or input error.`,
		Example: `  resumescore check
  resumescore check resume.md --role backend --min-score 70 --require Go,PostgreSQL
  resumescore check --baseline origin/main --format github`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			opts.FormatSet = c.Flags().Changed("format")
			opts.MinScoreSet = c.Flags().Changed("min-score")
			opts.MaxDropSet = c.Flags().Changed("max-drop")
			if err := g.validate(checkFormats...); err != nil {
				return err
			}
			if c.Flags().Changed("explain") {
				return usageErrorf("--explain does not apply to check: run resumescore score FILE --explain with the same target")
			}
			if opts.MaxDropSet && (opts.MaxDrop < 0 || opts.MaxDrop > 100) {
				return usageErrorf("invalid --max-drop %v: want a number from 0 to 100", opts.MaxDrop)
			}
			if !opts.Target.empty() {
				if err := opts.Target.validate(); err != nil {
					return err
				}
				if opts.Target.Role != "" && opts.Target.JD != "" {
					return usageErrorf("give one of --role, --jd or --keywords (list several targets in the config)")
				}
			}
			for _, f := range args {
				if f == "" || f == "-" {
					return usageErrorf("check reads files, not %q: use `resumescore score -` for stdin", f)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runCheck(c.Context(), opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.Config, "config", "", "config `file` (default: .resumescore.yaml up to the repository root)")
	addTargetFlags(f, &opts.Target)
	f.StringSliceVar(&opts.Require, "require", nil, "`keywords` that must be present (comma-separated, repeatable)")
	f.Float64Var(&opts.MaxDrop, "max-drop", 0, "fail when the score falls more than `N` points against the baseline")
	f.StringVar(&opts.Baseline, "baseline", "", "git `revision` to compare with (default HEAD)")
	return c
}

// checkTarget is one resolved target with its effective gates.
type checkTarget struct {
	Opts  targetOptions
	Gates gates
}

// checkReport is the JSON form of a check run.
type checkReport struct {
	SchemaVersion int           `json:"schema_version"`
	Passed        bool          `json:"passed"`
	Config        string        `json:"config,omitempty"`
	Notes         []string      `json:"notes"`
	Results       []checkResult `json:"results"`
}

// checkResult is one file against one target.
type checkResult struct {
	File     string         `json:"file"`
	Target   scorer.Target  `json:"target"`
	Score    float64        `json:"score"`
	Matched  int            `json:"matched"`
	Total    int            `json:"total"`
	Baseline *checkBaseline `json:"baseline,omitempty"`
	Gained   []string       `json:"gained"`
	Lost     []string       `json:"lost"`
	Gates    []gateResult   `json:"gates"`
	Passed   bool           `json:"passed"`
	Report   *scorer.Report `json:"-"`
}

// checkBaseline is the same file scored at the baseline revision.
type checkBaseline struct {
	Rev   string  `json:"rev"`
	Score float64 `json:"score"`
	Delta float64 `json:"delta"` // score now minus score then
}

// gateResult is the outcome of one gate.
type gateResult struct {
	Gate    string   `json:"gate"` // min-score | require | max-drop
	Passed  bool     `json:"passed"`
	Message string   `json:"message"`
	Missing []string `json:"missing,omitempty"` // require: the keywords not found
	Line    int      `json:"line,omitempty"`    // a line of the file to point at
}

// runCheck loads the config, scores every file against every target and
// evaluates the gates.
func runCheck(ctx context.Context, opts *checkOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	s, g := opts.IO, opts.Global
	dir := opts.Dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return fmt.Errorf("working directory: %w", err)
		}
		dir = wd
	}
	getenv := g.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	cfgPath, err := findConfig(opts.Config, getenv, dir)
	if err != nil {
		return err
	}
	var cfg *config
	if cfgPath != "" {
		p := cfgPath
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if cfg, err = loadConfig(p, cfgPath); err != nil {
			return err
		}
	} else if opts.Target.empty() {
		// Not a usageError: the command line is fine, the repository lacks a
		// config, and the hint says how to write one (exit 2 all the same).
		return withHint(fmt.Errorf("no %s found (looked in %s and its parents up to the repository root)", configName, dir),
			"create "+configName+" with files: and targets: (see the README), or pass --role, --jd or --keywords")
	}
	if cfg == nil {
		cfg = &config{Dir: dir}
	}

	format := g.Format
	if !opts.FormatSet && cfg.Format != "" {
		format = cfg.Format
	}
	targets, err := checkTargets(opts, cfg, dir)
	if err != nil {
		return err
	}
	files, err := checkFiles(opts, cfg, dir)
	if err != nil {
		return err
	}

	out := &checkReport{SchemaVersion: scorer.SchemaVersion, Passed: true, Config: cfg.Path, Notes: []string{}}
	note := func(msg string) {
		out.Notes = append(out.Notes, msg)
		fmt.Fprintf(s.Err, "resumescore: note: %s\n", msg)
	}

	// The targets (lexicon, roles, job descriptions, compiled indexes) load
	// in the background while git and the extractor read the files: a hook
	// waits for the longer of the two, not their sum.
	type loadedTarget struct {
		tg  *target
		req *scorer.Index
		err error
	}
	loaded := make([]loadedTarget, len(targets))
	targetsDone := make(chan struct{})
	go func() {
		defer close(targetsDone)
		for i, t := range targets {
			tg, err := loadTarget(ctx, s, g, t.Opts)
			if err != nil {
				loaded[i].err = err
				return
			}
			loaded[i].tg = tg
			if len(t.Gates.Require) > 0 {
				loaded[i].req, loaded[i].err = requireIndex(tg.Lexicon, t.Gates.Require)
			}
		}
	}()
	// Every return below waits for the loader first, so it never outlives the run.
	wait := func(err error) error {
		<-targetsDone
		return err
	}

	// The baseline, once for the run.
	rev, explicit := "HEAD", false
	if cfg.Baseline != "" {
		rev, explicit = cfg.Baseline, true
	}
	if opts.Baseline != "" {
		rev, explicit = opts.Baseline, true
	}
	base, why, err := openBaseline(ctx, cfg.Dir, rev, explicit)
	if err != nil {
		return wait(err)
	}
	if base == nil {
		note("regression gate skipped: " + why)
	}

	// Extract each file once, now and at the baseline.
	type input struct {
		name string
		doc  *extract.Document
		base *extract.Document
	}
	xopts := g.extractOptions()
	inputs := make([]input, 0, len(files))
	for _, f := range files {
		doc, err := extract.File(ctx, f.path, xopts)
		if err != nil {
			var fe *extract.FileError
			if errors.As(err, &fe) {
				fe.Path = f.name // as the user wrote it, not the absolute path
			}
			return wait(err)
		}
		doc.Path = f.name
		in := input{name: f.name, doc: doc}
		if base != nil {
			data, found, err := base.read(ctx, f.path)
			switch {
			case err != nil:
				return wait(err)
			case !found:
				note(fmt.Sprintf("%s: not in %s, no baseline to compare with", f.name, rev))
			case sameFile(f.path, data):
				in.base = doc // unchanged since the baseline: nothing to extract or score twice
			default:
				bd, err := extract.Read(ctx, bytes.NewReader(data), f.name, xopts)
				if err != nil {
					note(fmt.Sprintf("%s: the %s version cannot be read (%v), no baseline to compare with", f.name, rev, describe(err)))
				} else {
					in.base = bd
				}
			}
		}
		inputs = append(inputs, in)
	}

	<-targetsDone
	for i, t := range targets {
		if loaded[i].err != nil {
			return loaded[i].err
		}
		tg, req := loaded[i].tg, loaded[i].req
		// check reports gates, never the quality checks: skip them (a third
		// of Score's time on a typical resume).
		ix := tg.Index.WithoutChecks()
		if req != nil {
			req = req.WithoutChecks()
		}
		for _, in := range inputs {
			rep := ix.Score(in.doc)
			var baseRep, reqRep *scorer.Report
			switch {
			case in.base == in.doc:
				baseRep = rep
			case in.base != nil:
				baseRep = ix.Score(in.base)
			}
			if req != nil {
				reqRep = req.Score(in.doc)
			}
			r := evalCheck(rep, baseRep, reqRep, t.Gates, rev, firstLine(in.doc))
			r.File = in.name
			if r.Target.ID == "" && tg.Set != nil {
				r.Target = scorer.Target{Source: tg.Set.Source, ID: tg.Set.ID, Title: tg.Set.Title}
			}
			out.Results = append(out.Results, r)
			if !r.Passed {
				out.Passed = false
			}
		}
	}

	if err := renderCheck(s, g, format, out); err != nil {
		return err
	}
	if !out.Passed {
		var failed []string
		for _, r := range out.Results {
			for _, gr := range r.Gates {
				if !gr.Passed {
					failed = append(failed, fmt.Sprintf("%s (%s %s): %s", r.File, r.Target.Source, r.Target.ID, gr.Gate))
				}
			}
		}
		fmt.Fprintf(s.Err, "resumescore: check failed: %s\n", strings.Join(failed, "; "))
		return gateErrorf("check failed")
	}
	return nil
}

// sameFile reports whether the file at path holds exactly data.
func sameFile(path string, data []byte) bool {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() != int64(len(data)) {
		return false
	}
	cur, err := os.ReadFile(path)
	return err == nil && bytes.Equal(cur, data)
}

// checkFile is a file to check: where to read it and how to name it.
type checkFile struct{ path, name string }

// checkFiles returns the files to check: the arguments, else the config's.
func checkFiles(opts *checkOptions, cfg *config, dir string) ([]checkFile, error) {
	var out []checkFile
	if len(opts.Files) > 0 {
		for _, f := range opts.Files {
			p := f
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			out = append(out, checkFile{path: p, name: f})
		}
		return out, nil
	}
	if len(cfg.Files) == 0 {
		where := "the config"
		if cfg.Path != "" {
			where = cfg.Path
		}
		return nil, withHint(fmt.Errorf("no files to check: %s lists none and none were given", where),
			"add files: [resume.md] to the config, or name the files: resumescore check resume.md")
	}
	paths, err := cfg.resolveFiles()
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		out = append(out, checkFile{path: p, name: displayPath(dir, p)})
	}
	return out, nil
}

// displayPath names p relative to dir (with "../" when it lies above), the
// way a user in dir would type it; GitHub annotations need such paths.
func displayPath(dir, p string) string {
	if rel, err := filepath.Rel(dir, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

// checkTargets returns the targets with their effective gates: the command
// line's target if given, else the config's, each gate from the command line,
// else the target, else the config's top level.
func checkTargets(opts *checkOptions, cfg *config, dir string) ([]checkTarget, error) {
	var out []checkTarget
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(cfg.Dir, p)
	}
	if !opts.Target.empty() {
		t := opts.Target
		abs := func(p string) string {
			if p == "" || filepath.IsAbs(p) {
				return p
			}
			return filepath.Join(dir, p)
		}
		t.JD, t.Keywords = abs(t.JD), abs(t.Keywords)
		out = append(out, checkTarget{Opts: t, Gates: cfg.gates})
	} else {
		for _, t := range cfg.Targets {
			out = append(out, checkTarget{
				Opts:  targetOptions{Role: t.Role, JD: rel(t.JD), Keywords: rel(t.Keywords)},
				Gates: t.gates.merge(cfg.gates),
			})
		}
	}
	if len(out) == 0 {
		return nil, withHint(fmt.Errorf("no targets: %s lists none and no --role, --jd or --keywords was given", cfg.Path),
			"add targets: [{role: backend, min-score: 70}] to the config")
	}
	for i := range out {
		g := &out[i].Gates
		if opts.MinScoreSet {
			v := opts.Global.MinScore
			g.MinScore = &v
		}
		if opts.MaxDropSet {
			v := opts.MaxDrop
			g.MaxDrop = &v
		}
		if len(opts.Require) > 0 {
			g.Require = appendUnique(append([]string(nil), g.Require...), opts.Require...)
		}
	}
	return out, nil
}

// appendUnique appends the items of add not already in list (case-insensitively).
func appendUnique(list []string, add ...string) []string {
	for _, a := range add {
		a = strings.TrimSpace(a)
		dup := a == ""
		for _, l := range list {
			if strings.EqualFold(l, a) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, a)
		}
	}
	return list
}

// requireIndex compiles the required keywords into their own index, so that
// they match exactly as they would in a role: aliases, case rules and context
// from the lexicon.
func requireIndex(lex *keywords.Lexicon, names []string) (*scorer.Index, error) {
	set := &keywords.Set{ID: "require", Title: "Required keywords", Source: "keywords"}
	for _, n := range names {
		set.Keywords = append(set.Keywords, keywords.Keyword{ID: keywords.Slug(n), Name: n, Tier: keywords.Essential, Weight: 1})
	}
	lex.Resolve(set)
	ix, err := scorer.Compile(set, lex)
	if err != nil {
		return nil, fmt.Errorf("compile required keywords: %w", err)
	}
	return ix, nil
}

// evalCheck evaluates the gates on a report (rep), the same file's report
// at the baseline (base, nil when there is none) and the report of the
// required keywords (req, nil when nothing is required). line is the line
// an annotation about the whole file points at. It is pure.
func evalCheck(rep, base, req *scorer.Report, gt gates, rev string, line int) checkResult {
	r := checkResult{
		File: rep.File, Target: rep.Target, Score: rep.Score, Matched: rep.Matched, Total: rep.Total,
		Gained: []string{}, Lost: []string{}, Gates: []gateResult{}, Passed: true, Report: rep,
	}
	if gt.MinScore != nil {
		gr := gateResult{Gate: "min-score", Passed: rep.Score >= *gt.MinScore-1e-9}
		if gr.Passed {
			gr.Message = fmt.Sprintf("score %s is at least %s", formatScore(rep.Score), formatScore(*gt.MinScore))
		} else {
			gr.Message = fmt.Sprintf("score %s is under min-score %s", formatScore(rep.Score), formatScore(*gt.MinScore))
			gr.Line = line
		}
		r.Gates = append(r.Gates, gr)
	}
	if req != nil {
		// Look each required name up in the report, so that a name the
		// matcher dropped counts as missing rather than vanishing.
		found := map[string]bool{}
		for _, m := range req.Keywords {
			if m.Matched {
				found[strings.ToLower(m.Keyword)] = true
			}
		}
		gr := gateResult{Gate: "require", Passed: true}
		for _, n := range gt.Require {
			if !found[strings.ToLower(n)] {
				gr.Missing = append(gr.Missing, n)
			}
		}
		if len(gr.Missing) > 0 {
			gr.Passed = false
			gr.Message = fmt.Sprintf("required keyword%s missing: %s", plural(len(gr.Missing)), strings.Join(gr.Missing, ", "))
			gr.Line = line
		} else {
			gr.Message = fmt.Sprintf("all %d required keywords present", len(gt.Require))
		}
		r.Gates = append(r.Gates, gr)
	}
	if base != nil {
		br := base
		delta := round1(rep.Score - br.Score)
		r.Baseline = &checkBaseline{Rev: rev, Score: br.Score, Delta: delta}
		now := map[string]bool{}
		for _, m := range rep.Keywords {
			now[m.Keyword] = m.Matched
		}
		then := map[string]bool{}
		lostLine := 0
		for _, m := range br.Keywords {
			then[m.Keyword] = m.Matched
			if m.Matched && !now[m.Keyword] {
				r.Lost = append(r.Lost, m.Keyword)
				if lostLine == 0 && len(m.Evidence) > 0 {
					lostLine = m.Evidence[0].Line
				}
			}
		}
		for _, m := range rep.Keywords {
			if m.Matched && !then[m.Keyword] {
				r.Gained = append(r.Gained, m.Keyword)
			}
		}
		if gt.MaxDrop != nil {
			drop := -delta
			gr := gateResult{Gate: "max-drop", Passed: drop <= *gt.MaxDrop+1e-9}
			switch {
			case !gr.Passed:
				gr.Message = fmt.Sprintf("score fell %s points against %s (%s → %s), more than max-drop %s",
					formatScore(drop), rev, formatScore(br.Score), formatScore(rep.Score), formatScore(*gt.MaxDrop))
				if len(r.Lost) > 0 {
					gr.Message += "; lost: " + strings.Join(r.Lost, ", ")
				}
				gr.Line = lostLine
				if gr.Line == 0 {
					gr.Line = line
				}
			case drop > 0:
				gr.Message = fmt.Sprintf("score fell %s points against %s, within max-drop %s", formatScore(drop), rev, formatScore(*gt.MaxDrop))
			default:
				gr.Message = fmt.Sprintf("score did not fall against %s", rev)
			}
			r.Gates = append(r.Gates, gr)
		}
	}
	for _, gr := range r.Gates {
		if !gr.Passed {
			r.Passed = false
		}
	}
	return r
}

// firstLine is the line an annotation about the whole file points at.
func firstLine(doc *extract.Document) int {
	if len(doc.Lines) > 0 && doc.Lines[0].N > 0 {
		return doc.Lines[0].N
	}
	return 1
}

// round1 rounds to one decimal, as scores are reported.
func round1(v float64) float64 {
	if v < 0 {
		return -round1(-v)
	}
	return float64(int64(v*10+0.5)) / 10
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
