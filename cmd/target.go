package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"
	"github.com/resumescore/resumescore/seeds"
)

// targetOptions are the flags that say what a resume is scored against.
type targetOptions struct {
	Role     string // built-in role id (--role)
	JD       string // job description file, "-" for stdin (--jd)
	Keywords string // the user's keyword list or role YAML (--keywords)
}

// addTargetFlags registers --role, --jd and --keywords on fs.
func addTargetFlags(fs *flagSet, t *targetOptions) {
	fs.StringVar(&t.Role, "role", "", "built-in `role` to score against (see: resumescore roles)")
	fs.StringVar(&t.JD, "jd", "", "job description `file` to score against (\"-\" for stdin)")
	fs.StringVar(&t.Keywords, "keywords", "", "your own keyword list: one per line, or a role YAML `file`")
}

// empty reports whether no target flag was given.
func (t targetOptions) empty() bool { return t.Role == "" && t.JD == "" && t.Keywords == "" }

// validate checks the combination: one of --role, --jd, --keywords, except
// that --role and --jd together score against their union.
func (t targetOptions) validate() error {
	switch {
	case t.empty():
		return usageErrorf("say what to score against: --role ROLE, --jd FILE or --keywords FILE")
	case t.Keywords != "" && (t.Role != "" || t.JD != ""):
		return usageErrorf("--keywords cannot be combined with --role or --jd")
	}
	return nil
}

// target is a compiled scoring target: the keyword set, its index and the
// lexicon it was resolved against. Build it once per run and share it.
type target struct {
	Set     *keywords.Set
	Index   *scorer.Index
	Lexicon *keywords.Lexicon
	JD      *keywords.JD // the parsed job description, when --jd was given
}

// loadTarget turns --role, --jd and --keywords into a compiled index. The
// lexicon is loaded once; a role comes from the embedded seeds, a keyword
// list through keywords.Parse, a job description through keywords.FromJD.
// With --role and --jd together the set is their union: the JD's keywords
// first with the JD's weights, then the role's keywords the JD does not name.
func loadTarget(ctx context.Context, s *streams, g *globalOptions, t targetOptions) (*target, error) {
	if err := t.validate(); err != nil {
		return nil, err
	}
	var (
		roleSet, listSet *keywords.Set
		jdText           string
		err              error
	)
	if t.Role != "" {
		if roleSet, err = loadRole(g, t.Role); err != nil {
			return nil, err
		}
	}
	switch {
	case t.Keywords != "":
		if listSet, err = parseKeywordsFile(t.Keywords); err != nil {
			return nil, err
		}
	case t.JD != "":
		if jdText, err = readText(ctx, s, g, t.JD); err != nil {
			return nil, err
		}
	}
	// The lexicon is compiled into the binary: nothing to overlap with
	// reading the role, list or job description any more.
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	tg := &target{Lexicon: lex}
	if roleSet != nil {
		lex.Resolve(roleSet)
	}
	switch {
	case listSet != nil:
		lex.Resolve(listSet)
		tg.Set = listSet
	case t.JD != "":
		jd, err := keywords.FromJD(displayName(t.JD), jdText, lex)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.JD, err)
		}
		if jd == nil || jd.Set == nil || len(jd.Set.Keywords) == 0 {
			return nil, withHint(fmt.Errorf("%s: no keywords found in the job description", t.JD),
				"check that the file is the job posting's text, or use --keywords with your own list")
		}
		lex.Resolve(jd.Set)
		jd.Set.AsOf = asOfMonth(g.today()) // a role "to present" ends this month (cmd/jd.go)
		tg.JD = jd
		tg.Set = jd.Set
		if roleSet != nil {
			tg.Set = unionSets(jd.Set, roleSet)
		}
	default:
		tg.Set = roleSet
	}
	if tg.Index, err = scorer.Compile(tg.Set, lex); err != nil {
		return nil, fmt.Errorf("compile keywords: %w", err)
	}
	return tg, nil
}

// roleFS is the file system roles are read from: the built-in roles with the
// user's --roles-dir directories over them (a later directory wins).
func roleFS(g *globalOptions) fs.FS {
	if len(g.RoleDirs) == 0 {
		return seeds.FS()
	}
	dirs := make([]fs.FS, 0, len(g.RoleDirs))
	for _, d := range g.RoleDirs {
		dirs = append(dirs, os.DirFS(d))
	}
	return keywords.Overlay(seeds.FS(), dirs...)
}

// builtinLexicon loads the built-in lexicon once per process, so that the
// targets of one check (and the scorer's per-lexicon base index, cached by
// lexicon pointer) are built once, not once per target. The lexicon is not
// modified after loading.
var builtinLexicon = sync.OnceValues(openBuiltinLexicon)

// openBuiltinLexicon returns the lexicon compiled into the binary from the
// seeds' lexicon files: nothing is parsed at run time.
func openBuiltinLexicon() (*keywords.Lexicon, error) {
	return keywords.BuiltinLexicon(seeds.FS()), nil
}

// loadLexicon loads the built-in skill lexicon.
func loadLexicon() (*keywords.Lexicon, error) {
	lex, err := builtinLexicon()
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	return lex, nil
}

// loadRole loads a role, and lists the known roles when id is not one.
func loadRole(g *globalOptions, id string) (*keywords.Set, error) {
	fsys := roleFS(g)
	set, err := keywords.Load(fsys, id)
	if errors.Is(err, keywords.ErrUnknownRole) {
		hint := "resumescore roles lists the known roles"
		if roles, rerr := keywords.Roles(fsys); rerr == nil && len(roles) > 0 {
			ids := make([]string, len(roles))
			for i, r := range roles {
				ids[i] = r.ID
			}
			hint = "known roles: " + strings.Join(ids, ", ") + " (resumescore roles describes them)"
		}
		return nil, withHint(fmt.Errorf("unknown role %q", id), hint)
	}
	if err != nil {
		return nil, fmt.Errorf("role %s: %w", id, err)
	}
	return set, nil
}

// parseKeywordsFile reads the user's --keywords file.
func parseKeywordsFile(name string) (*keywords.Set, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	set, err := keywords.Parse(f, name)
	if err != nil {
		return nil, err
	}
	return set, nil
}

// readText extracts the plain text of a file (any format extract reads), or of
// stdin for "-".
func readText(ctx context.Context, s *streams, g *globalOptions, name string) (string, error) {
	doc, err := readDocument(ctx, s, g, name)
	if err != nil {
		return "", err
	}
	return doc.Text(), nil
}

// readDocument extracts one file, or stdin for "-", within the limit flags.
func readDocument(ctx context.Context, s *streams, g *globalOptions, name string) (*extract.Document, error) {
	opts := g.extractOptions()
	if name == "-" {
		return extract.Read(ctx, s.In, "-", opts)
	}
	return extract.File(ctx, name, opts)
}

// displayName is the name a target is reported under.
func displayName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return path.Base(strings.ReplaceAll(name, `\`, "/"))
}

// unionSets returns first's keywords followed by second's keywords that first
// does not already name (by id, else by case-folded name).
func unionSets(first, second *keywords.Set) *keywords.Set {
	out := *first
	out.Keywords = append([]keywords.Keyword(nil), first.Keywords...)
	seen := map[string]bool{}
	key := func(k keywords.Keyword) string {
		if k.ID != "" {
			return k.ID
		}
		return strings.ToLower(k.Name)
	}
	for _, k := range first.Keywords {
		seen[key(k)] = true
		seen[strings.ToLower(k.Name)] = true
	}
	for _, k := range second.Keywords {
		if seen[key(k)] || seen[strings.ToLower(k.Name)] {
			continue
		}
		out.Keywords = append(out.Keywords, k)
	}
	out.ID = first.ID + "+" + second.ID
	out.Title = strings.TrimSpace(first.Title + " + " + second.Title)
	out.Source = "jd+role"
	out.Checks = append(append([]string(nil), first.Checks...), second.Checks...)
	out.Signals = append(append([]keywords.Signal(nil), first.Signals...), second.Signals...)
	return &out
}
