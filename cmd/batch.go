package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/scorer"
)

func init() {
	registerCommand(func(s *streams, g *globalOptions) *cobra.Command { return newBatchCmd(s, g, nil) })
}

// batchFormats are the --format values batch accepts.
var batchFormats = []string{"text", "csv", "json", "jsonl", "markdown"}

// batchExts are the extensions batch picks up when it walks a directory.
// Files named on the command line are read whatever their name.
var batchExts = []string{".pdf", ".docx", ".md", ".markdown", ".txt", ".text", ".json"}

// batchMemoryLimit is the soft heap limit of a batch run. Main turns the
// proportional collector off under a higher limit, which suits one resume;
// a batch allocates without end, so it collects sooner and keeps its peak
// well under the 200 MB bar (10,000 resumes: about 130 MB). Measured on
// 1,000 generated resumes: 96, 128 and 192 MiB cost the same CPU within
// noise. A user's GOGC or GOMEMLIMIT wins.
const batchMemoryLimit = 128 << 20

// batchOptions are the inputs of `resumescore batch`.
type batchOptions struct {
	IO      *streams
	Global  *globalOptions
	Paths   []string // files and directories
	Target  targetOptions
	Top     int    // show only the N best (0 = all)
	Jobs    int    // workers (0 = GOMAXPROCS)
	Isolate string // auto | always | never: extract in a child process
	Missing int    // how many missing keywords each row names
}

// newBatchCmd builds `resumescore batch`. runF replaces runBatch in tests.
func newBatchCmd(s *streams, g *globalOptions, runF func(*batchOptions) error) *cobra.Command {
	opts := &batchOptions{IO: s, Global: g}
	c := &cobra.Command{
		Use:   "batch DIR|FILE... (--jd JD | --role ROLE | --keywords FILE)",
		Short: "Rank many resumes against one job description or role",
		Long: `Batch scores every resume under each DIR (recursively: .pdf, .docx, .md, .txt,
.json) and each FILE against one target, on every core, and ranks them: rank,
file, score, must-have coverage and the top missing keywords.

One bad file never stops the batch: it is listed with its error (and the exit
code is 2 at the end). PDF and DOCX files are extracted in child processes with
a memory limit and a deadline, so a file that would crash or exhaust a parser
costs only its own row (--isolate never turns this off).

--format jsonl writes one JSON object per file: split a file list across
machines, run batch on each part, and concatenate the outputs.`,
		Example: `  resumescore batch applicants/ --jd job.txt
  resumescore batch applicants/ --role backend --top 10 --format markdown
  resumescore batch a.pdf b.docx --jd job.txt --format csv > ranked.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := g.validate(batchFormats...); err != nil {
				return err
			}
			if err := opts.Target.validate(); err != nil {
				return err
			}
			for _, f := range []string{"min-score", "explain"} {
				if c.Flags().Changed(f) {
					return usageErrorf("--%s does not apply to batch: rank with --top, or filter the --format jsonl output", f)
				}
			}
			if opts.Top < 0 {
				return usageErrorf("invalid --top %d: want a positive number", opts.Top)
			}
			if opts.Jobs < 0 {
				return usageErrorf("invalid --jobs %d: want a positive number", opts.Jobs)
			}
			if !slices.Contains([]string{"auto", "always", "never"}, opts.Isolate) {
				return usageErrorf("invalid --isolate %q: want auto, always or never", opts.Isolate)
			}
			for _, p := range args {
				if p == "" || p == "-" {
					return usageErrorf("batch reads files and directories, not %q", p)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runBatch(c.Context(), opts)
		},
	}
	f := c.Flags()
	addTargetFlags(f, &opts.Target)
	f.IntVar(&opts.Top, "top", 0, "show only the `N` best resumes (files that failed are always listed)")
	f.IntVar(&opts.Jobs, "jobs", 0, "number of parallel workers (default: all cores)")
	f.StringVar(&opts.Isolate, "isolate", "auto", "extract in child processes: auto (PDF, DOCX), always or never")
	f.IntVar(&opts.Missing, "show-missing", 3, "how many missing keywords each row names (0 = all)")
	return c
}

// batchResult is one file's row.
type batchResult struct {
	Rank     int      `json:"rank,omitempty"` // 1 = best; 0 for a file that failed
	File     string   `json:"file"`
	Format   string   `json:"format,omitempty"`
	Score    *float64 `json:"score,omitempty"`
	Matched  int      `json:"matched"`
	Total    int      `json:"total"`
	MustHave coverage `json:"must_have"`
	Missing  []string `json:"missing"` // missing keywords, most valuable first
	Error    string   `json:"error,omitempty"`
	err      error    // the error itself, for the stderr summary
	order    int      // position in the input, for a stable order
}

// coverage is how many keywords of a tier matched.
type coverage struct {
	Matched int `json:"matched"`
	Total   int `json:"total"`
}

// batchReport is the JSON form of a batch run.
type batchReport struct {
	SchemaVersion int            `json:"schema_version"`
	Target        *scorer.Target `json:"target,omitempty"`
	Results       []batchResult  `json:"results"`
}

// runBatch collects the files, scores them on a worker pool sharing one
// compiled index, ranks them and renders the table.
func runBatch(ctx context.Context, opts *batchOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	s, g := opts.IO, opts.Global
	if g.Getenv == nil || g.Getenv("GOGC") == "" && g.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(batchMemoryLimit))
	}
	// The target (lexicon, role or job description, compiled index) loads
	// while the workers already extract: on two cores that hides most of it.
	getTarget := sync.OnceValues(func() (*target, error) { return loadTarget(ctx, s, g, opts.Target) })
	targetDone := make(chan struct{})
	go func() {
		defer close(targetDone)
		_, _ = getTarget()
	}()
	files, walkErrs := collectFiles(opts.Paths)
	if len(files) == 0 && len(walkErrs) == 0 {
		if _, err := getTarget(); err != nil {
			return err
		}
		return withHint(fmt.Errorf("no resumes found in %s", strings.Join(opts.Paths, ", ")),
			"batch reads "+strings.Join(batchExts, " ")+" files")
	}
	var runner *childRunner
	if opts.Isolate != "never" {
		var err error
		if runner, err = newChildRunner(g); err != nil {
			return err
		}
	}
	// A target that fails (an unknown role, an unreadable JD) stops the feed.
	feedCtx, stopFeed := context.WithCancel(ctx)
	defer stopFeed()
	go func() {
		<-targetDone
		if _, err := getTarget(); err != nil {
			stopFeed()
		}
	}()
	prog := startProgress(s.Err, len(files), stderrIsTerminal(s), 100*time.Millisecond)
	results := scoreFiles(feedCtx, files, opts, g.extractOptions(), getTarget, runner, prog.add)
	prog.finish()
	tg, err := getTarget()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, we := range walkErrs {
		results = append(results, batchResult{File: we.path, Missing: []string{}, Error: describe(we.err), err: we.err, order: len(results)})
	}
	ranked := rankResults(results)
	shown := ranked
	if opts.Top > 0 {
		shown = topResults(ranked, opts.Top)
	}
	var target *scorer.Target
	if tg.Set != nil {
		target = &scorer.Target{Source: tg.Set.Source, ID: tg.Set.ID, Title: tg.Set.Title}
	}
	if err := renderBatch(s, g, g.Format, target, shown, len(ranked)); err != nil {
		return err
	}
	failed := 0
	var first error
	for _, r := range ranked {
		if r.err != nil {
			failed++
			if first == nil {
				first = r.err
			}
		}
	}
	if failed > 0 {
		fmt.Fprintf(s.Err, "resumescore: %d of %d files could not be read (listed with their errors)\n", failed, len(ranked))
		return &reportedError{first}
	}
	return nil
}

// walkError is a path given on the command line that could not be walked.
type walkError struct {
	path string
	err  error
}

// collectFiles expands the arguments: files as given, directories walked
// recursively (hidden entries skipped, symlinked directories not followed,
// lexical order) for the supported extensions. Duplicates are dropped.
func collectFiles(args []string) ([]string, []walkError) {
	var files []string
	var errs []walkError
	seen := map[string]bool{}
	add := func(p string) {
		key := filepath.Clean(p)
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, walkError{arg, &extract.FileError{Path: arg, Err: unwrapPathErr(err)}})
			continue
		}
		if !fi.IsDir() {
			add(arg)
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, walkError{p, &extract.FileError{Path: p, Err: unwrapPathErr(err)}})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if p != arg && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && slices.Contains(batchExts, strings.ToLower(filepath.Ext(name))) {
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, walkError{arg, err})
		}
	}
	return files, errs
}

// scoreFiles extracts and scores files on a pool of workers (GOMAXPROCS by
// default) that share one compiled index; each worker has its own child
// extractor when runner is set. Extraction and scoring are separate stages:
// a worker hands each document to the scorers and asks its child for the next
// file at once, so a child never waits while the parent scores, and the
// children keep extracting while the target still loads. Results keep the
// input order.
func scoreFiles(ctx context.Context, files []string, opts *batchOptions, xopts extract.Options,
	getTarget func() (*target, error), runner *childRunner, done func()) []batchResult {
	results := make([]batchResult, len(files))
	// Batch shows the score and the missing keywords, never the quality
	// checks, which cost about half of Score's time on a typical resume.
	getTarget = leanTarget(getTarget)
	workers := opts.Jobs
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(files))
	type extracted struct {
		i   int
		doc *extract.Document
		r   batchResult // the row when extraction failed
	}
	jobs := make(chan int)
	// A few documents per worker may wait for a scorer (or for the target):
	// enough to keep the children busy, few enough to keep memory flat.
	docs := make(chan extracted, 4*workers)
	var extractors, scorers sync.WaitGroup
	for range workers {
		extractors.Add(1)
		go func() {
			defer extractors.Done()
			var child *childWorker // started on the first file that needs it
			if runner != nil {
				child = runner.worker()
				defer child.close()
			}
			for i := range jobs {
				doc, r := extractOne(ctx, files[i], opts, xopts, child)
				docs <- extracted{i, doc, r}
			}
		}()
		scorers.Add(1)
		go func() {
			defer scorers.Done()
			for e := range docs {
				r := e.r
				if e.doc != nil {
					r = scoreDoc(files[e.i], e.doc, opts, getTarget)
				}
				r.order = e.i
				results[e.i] = r
				done()
			}
		}()
	}
feed:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	extractors.Wait()
	close(docs)
	scorers.Wait()
	return results
}

// leanTarget wraps getTarget so that its index leaves out the quality
// checks (scorer.Index.WithoutChecks); the copy is made once.
func leanTarget(getTarget func() (*target, error)) func() (*target, error) {
	return sync.OnceValues(func() (*target, error) {
		tg, err := getTarget()
		if err != nil || tg == nil || tg.Index == nil {
			return tg, err
		}
		lean := *tg
		lean.Index = tg.Index.WithoutChecks()
		return &lean, nil
	})
}

// scoreOne extracts one file (in child, when it must be contained) and turns
// its report into a row. It never panics on a bad file: every failure
// becomes the row's error.
func scoreOne(ctx context.Context, path string, opts *batchOptions, xopts extract.Options,
	getTarget func() (*target, error), child *childWorker) batchResult {
	doc, r := extractOne(ctx, path, opts, xopts, child)
	if doc == nil {
		return r
	}
	return scoreDoc(path, doc, opts, getTarget)
}

// failedRow is the row of a file that could not be read.
func failedRow(path string, err error) batchResult {
	r := batchResult{File: filepath.ToSlash(path), Missing: []string{}, Error: describe(err), err: err}
	var fe *extract.FileError
	if !errors.As(err, &fe) {
		r.Error = path + ": " + r.Error
	}
	return r
}

// panicRow is the row of a file whose handling panicked.
func panicRow(path string, p any) batchResult {
	err := &extract.FileError{Path: path, Err: &childError{msg: fmt.Sprintf("internal error: %v", p), errs: []error{extract.ErrMalformed}}}
	return batchResult{File: filepath.ToSlash(path), Missing: []string{}, Error: describe(err), err: err}
}

// extractOne reads one file, in the worker's child when it must be
// contained. It returns the document, or nil and the file's error row.
func extractOne(ctx context.Context, path string, opts *batchOptions, xopts extract.Options,
	child *childWorker) (doc *extract.Document, r batchResult) {
	defer func() {
		if p := recover(); p != nil {
			doc, r = nil, panicRow(path, p)
		}
	}()
	var err error
	if child != nil && (opts.Isolate == "always" || needsChild(path)) {
		doc, err = child.extract(ctx, path)
	} else {
		doc, err = extract.File(ctx, path, xopts)
	}
	if err != nil {
		return nil, failedRow(path, err)
	}
	return doc, batchResult{}
}

// scoreDoc waits for the target and turns the report on doc into a row.
func scoreDoc(path string, doc *extract.Document, opts *batchOptions, getTarget func() (*target, error)) (r batchResult) {
	r = batchResult{File: filepath.ToSlash(path), Missing: []string{}}
	defer func() {
		if p := recover(); p != nil {
			r = panicRow(path, p)
		}
	}()
	tg, err := getTarget()
	if err != nil {
		r.Error, r.err = err.Error(), err // runBatch returns this error instead of the rows
		return r
	}
	rep := tg.Index.Score(doc)
	score := rep.Score
	r.Score = &score
	r.Format = rep.Format
	r.Matched, r.Total = rep.Matched, rep.Total
	for _, m := range rep.Keywords {
		if m.Tier == "essential" || m.Tier == "" {
			r.MustHave.Total++
			if m.Matched {
				r.MustHave.Matched++
			}
		}
		if !m.Matched && (opts.Missing <= 0 || len(r.Missing) < opts.Missing) {
			r.Missing = append(r.Missing, m.Keyword)
		}
	}
	return r
}

// rankResults orders scored files by score (highest first), then must-have
// coverage, then file name, and numbers them; files that failed follow in
// input order.
func rankResults(rs []batchResult) []batchResult {
	out := append([]batchResult(nil), rs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Score == nil) != (b.Score == nil) {
			return a.Score != nil
		}
		if a.Score == nil {
			return a.order < b.order
		}
		if *a.Score != *b.Score {
			return *a.Score > *b.Score
		}
		if a.MustHave.Matched != b.MustHave.Matched {
			return a.MustHave.Matched > b.MustHave.Matched
		}
		return a.File < b.File
	})
	for i := range out {
		if out[i].Score != nil {
			out[i].Rank = i + 1
		}
	}
	return out
}

// topResults keeps the n best scored files and every failed one.
func topResults(ranked []batchResult, n int) []batchResult {
	var out []batchResult
	for _, r := range ranked {
		if r.Score == nil || r.Rank <= n {
			out = append(out, r)
		}
	}
	return out
}
