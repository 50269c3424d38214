// Package cmd is the command line: cobra commands, flags, config discovery,
// rendering and exit codes. It is the only package that touches os.Args, the
// environment, the terminal or os.Exit.
//
// Every command has three parts: an options struct (scoreOptions), a
// constructor newScoreCmd(s, g, runF) that parses and validates flags and then
// calls runF (tests pass their own), and runScore, which does the work and
// writes only to the injected streams. Exit codes live in exit.go only.
//
// Commands in other files join the root with registerCommand from an init
// function, so root.go does not change when a command is added.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/resumescore/resumescore/extract"
)

// version is set at build time with -ldflags "-X .../cmd.version=v1.2.3".
var version = ""

// globalOptions are the persistent flags of the root command, shared by every
// subcommand through the same pointer.
type globalOptions struct {
	Format   string        // text | json | markdown
	Color    string        // auto | always | never
	MinScore float64       // gate: exit 1 when a score is under it (0 = no gate)
	Explain  bool          // show each keyword's share of the score
	Timeout  time.Duration // per-file extraction deadline
	MaxSize  string        // per-file size limit ("10MiB")
	MaxPages int           // per-PDF page limit
	RoleDirs []string      // directories of user role files over the built-ins (--roles-dir)
	Getenv   func(string) string
}

// validate checks the enum flags; call it in RunE before runF. allowed limits
// --format for commands that do not support all three.
func (g *globalOptions) validate(allowed ...string) error {
	if err := validateFormat(g.Format, allowed...); err != nil {
		return err
	}
	if err := validateColor(g.Color); err != nil {
		return err
	}
	if g.MinScore < 0 || g.MinScore > 100 {
		return usageErrorf("invalid --min-score %v: want a number from 0 to 100", g.MinScore)
	}
	if g.Timeout < 0 {
		return usageErrorf("invalid --timeout %v: want a positive duration", g.Timeout)
	}
	if g.MaxPages < 0 {
		return usageErrorf("invalid --max-pages %d: want a positive number", g.MaxPages)
	}
	if _, err := parseSize(g.MaxSize); err != nil {
		return usageErrorf("invalid --max-size %q: %w", g.MaxSize, err)
	}
	return nil
}

// extractOptions turns the limit flags into extract.Options (defaults where unset).
func (g *globalOptions) extractOptions() extract.Options {
	o := extract.DefaultOptions()
	if g.Timeout > 0 {
		o.Timeout = g.Timeout
	}
	if n, err := parseSize(g.MaxSize); err == nil && n > 0 {
		o.MaxBytes = n
	}
	if g.MaxPages > 0 {
		o.MaxPages = g.MaxPages
	}
	return o
}

// renderOptions returns the renderer settings for output on s.
func (g *globalOptions) renderOptions(s *streams) renderOptions {
	getenv := g.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	return renderOptions{
		Profile: colorProfile(g.Color, getenv, s.OutTTY),
		Width:   s.textWidth(),
		Explain: g.Explain,
	}
}

// commandFactories are the subcommands registered by registerCommand.
var commandFactories []func(s *streams, g *globalOptions) *cobra.Command

// registerCommand adds a subcommand to the root. Call it from an init
// function in the command's own file:
//
//	func init() {
//		registerCommand(func(s *streams, g *globalOptions) *cobra.Command { return newCheckCmd(s, g, nil) })
//	}
func registerCommand(f func(s *streams, g *globalOptions) *cobra.Command) {
	commandFactories = append(commandFactories, f)
}

// Main runs the tool with the process's arguments and returns the exit code.
func Main() int {
	tuneGC(os.Getenv)
	return run(context.Background(), os.Args[1:], systemStreams(), os.Getenv)
}

// gcMemoryLimit is the heap size at which the collector starts when tuneGC
// has turned the proportional collector off.
const gcMemoryLimit = 192 << 20

// tuneGC trades memory for start-up time: a run builds the lexicon index
// (tens of MB of short-lived allocations) and exits, so collecting as the
// heap doubles costs about a third of the process's CPU time for nothing.
// The proportional collector is turned off and a soft memory limit turns
// collection back on for large inputs (batch runs, hostile files). A user's
// GOGC or GOMEMLIMIT wins.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcMemoryLimit)
}

// run executes one command line and returns its exit code. It is Main without
// the process: tests call it with their own args, streams and environment.
// It is the last recover boundary: a panic becomes an "internal error" line
// and exit 2, never a trace.
func run(ctx context.Context, args []string, s *streams, getenv func(string) string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.Err, "resumescore: %v\n", internalError(r))
			code = exitError
		}
	}()
	root := newRootFor(s, getenv, args)
	root.SetArgs(args)
	c, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var ge *gateError
	var re *reportedError
	switch {
	case errors.As(err, &ge):
		// the report already says why
	case errors.As(err, &re):
		// already printed
	case errors.As(err, &ue):
		// One line and a pointer to the help, not the whole usage: the
		// mistake stays visible on a small terminal.
		if c == nil {
			c = root
		}
		printError(s.Err, withHint(err, fmt.Sprintf("run '%s --help' for usage", c.CommandPath())))
	default:
		printError(s.Err, err)
	}
	return exitCode(err)
}

// newRootCmd builds the whole command tree for one run.
func newRootCmd(s *streams, getenv func(string) string) *cobra.Command {
	return newRoot(s, getenv, nil)
}

// newRootFor builds the command tree args need. `resumescore FILE ...`, the
// common run, needs only the root: its first argument names a file (it holds
// a dot or a slash, which no command name does), so cobra looks up no
// subcommand, and without -h or --help nothing lists them. Building the other
// commands with their flags, and cobra's help and completion commands, cost
// that run about 0.2 ms for nothing. Any other command line gets the whole
// tree.
func newRootFor(s *streams, getenv func(string) string, args []string) *cobra.Command {
	if !fileFirst(args) {
		return newRootCmd(s, getenv)
	}
	return newRootTree(s, getenv, nil, false)
}

// fileFirst reports whether args start with a file name (an argument with a
// dot or a path separator, not a flag) and ask for no help.
func fileFirst(args []string) bool {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") || !strings.ContainsAny(args[0], "./\\") {
		return false
	}
	for _, a := range args[1:] {
		if a == "--" {
			break
		}
		if a == "-h" || a == "--help" || strings.HasPrefix(a, "--help=") ||
			(strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "h")) {
			return false
		}
	}
	return true
}

// newRoot is newRootCmd with scoreRunF replacing runScore (tests only), both
// for `resumescore FILE` and `resumescore score FILE`.
func newRoot(s *streams, getenv func(string) string, scoreRunF func(*scoreOptions) error) *cobra.Command {
	return newRootTree(s, getenv, scoreRunF, true)
}

// newRootTree builds the root command, and its subcommands when withSubs.
func newRootTree(s *streams, getenv func(string) string, scoreRunF func(*scoreOptions) error, withSubs bool) *cobra.Command {
	g := &globalOptions{Getenv: getenv}
	scoreOpts := &scoreOptions{IO: s, Global: g}
	root := &cobra.Command{
		Use:   "resumescore [FILE...] [--role R | --jd JD | --keywords FILE]",
		Short: "Score a resume against a role or a job description, offline",
		Long: `resumescore reads a resume (PDF, DOCX, Markdown, text, JSON Resume) the way an
applicant tracking system would, matches it against a role's keyword list or a
job description, and reports a score out of 100 with every keyword matched or
missing, how it matched, where, and what to fix.

"resumescore FILE..." is the same as "resumescore score FILE...".`,
		Example: `  resumescore resume.pdf --role backend
  resumescore resume.docx --jd job.txt --format markdown
  resumescore extract resume.pdf
  resumescore roles --rank resume.pdf`,
		Args:          cobra.ArbitraryArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(c *cobra.Command, args []string) error {
			if v, _ := c.Flags().GetBool("version"); v {
				_, err := fmt.Fprintf(c.OutOrStdout(), "resumescore %s\n", buildVersion())
				return err
			}
			if len(args) == 0 {
				return c.Help()
			}
			return scoreRunE(c, scoreOpts, args, scoreRunF)
		},
	}
	root.SuggestionsMinimumDistance = 2
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	// --version is our flag, not cobra's Version field: cobra prints a
	// custom version line only through text/template, whose reflective
	// method calls make the linker keep every exported method of every
	// package, and with them ledongthuc/pdf's 4,280-entry glyph-name map,
	// built at each start (about 8 % of a one-resume run's CPU).
	root.Flags().BoolP("version", "v", false, "version for resumescore")

	pf := root.PersistentFlags()
	pf.StringVar(&g.Format, "format", "text", "output format: text, json or markdown")
	pf.StringVar(&g.Color, "color", "auto", "colour: auto, always or never (auto honours NO_COLOR, CLICOLOR, CLICOLOR_FORCE)")
	pf.Float64Var(&g.MinScore, "min-score", 0, "exit 1 when a score is under `N` (the report is still printed)")
	pf.BoolVar(&g.Explain, "explain", false, "show each keyword's share of the score and the near misses")
	pf.DurationVar(&g.Timeout, "timeout", extract.DefaultOptions().Timeout, "give up on a file after this `duration`")
	pf.StringVar(&g.MaxSize, "max-size", "10MiB", "refuse files larger than this `size` (B, KB, KiB, MB, MiB)")
	pf.IntVar(&g.MaxPages, "max-pages", extract.DefaultOptions().MaxPages, "refuse PDFs with more `pages`")
	pf.StringSliceVar(&g.RoleDirs, "roles-dir", nil, "a `dir` of role files (<id>.yaml) that extends or overrides the built-in roles (repeatable)")
	addTargetFlags(root.Flags(), &scoreOpts.Target)
	if !withSubs {
		return root
	}

	root.AddCommand(
		newScoreCmd(s, g, scoreRunF),
		newExtractCmd(s, g, nil),
		newAboutCmd(s),
	)
	for _, f := range commandFactories {
		root.AddCommand(f(s, g))
	}
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// wrapArgs makes cobra's argument-count errors usage errors (exit 2 with usage).
func wrapArgs(c *cobra.Command) {
	if c.Args != nil {
		args := c.Args
		c.Args = func(c *cobra.Command, a []string) error {
			if err := args(c, a); err != nil {
				return &usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

// buildVersion returns the version set at link time, else the module version
// recorded by go install, else "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// parseSize reads a byte size such as "10MiB", "500KB" or "1048576".
// "" means the default.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	units := []struct {
		suffix string
		mult   int64
	}{
		{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
		{"kb", 1000}, {"mb", 1000 * 1000}, {"gb", 1000 * 1000 * 1000},
		{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1},
	}
	num, mult := strings.ToLower(s), int64(1)
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	var n int64
	if _, err := fmt.Sscan(num, &n); err != nil || n <= 0 || fmt.Sprint(n) != num {
		return 0, fmt.Errorf("want a positive size such as 10MiB or 500KB")
	}
	return n * mult, nil
}

// flagSet is the pflag type commands register flags on.
type flagSet = pflag.FlagSet
