package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// configName is the file check looks for, walking up from the working
// directory to the repository root.
const configName = ".resumescore.yaml"

// configEnv names a config file, like --config.
const configEnv = "RESUMESCORE_CONFIG"

// maxConfigBytes caps how much of a config file is read.
const maxConfigBytes = 1 << 20

// checkFormats are the --format values check accepts (and the config's format key).
var checkFormats = []string{"text", "json", "markdown", "github"}

// gates are the thresholds of check. A nil pointer (or nil slice) means "not
// set here": a target's gates fall back to the top level's.
type gates struct {
	MinScore *float64 // fail when the score is under this
	Require  []string // keywords that must be present
	MaxDrop  *float64 // fail when the score falls more than this against the baseline
}

// merge returns g with every unset gate taken from def.
func (g gates) merge(def gates) gates {
	if g.MinScore == nil {
		g.MinScore = def.MinScore
	}
	if g.Require == nil {
		g.Require = def.Require
	}
	if g.MaxDrop == nil {
		g.MaxDrop = def.MaxDrop
	}
	return g
}

// targetConfig is one entry of targets: exactly one of Role, JD or Keywords,
// with its own gates.
type targetConfig struct {
	Role     string // built-in role id
	JD       string // job description file, relative to the config's directory
	Keywords string // keyword list file, relative to the config's directory
	Line     int    // line of the entry in the config, for messages
	gates
}

// config is a parsed .resumescore.yaml. Relative paths in it are relative to
// Dir, the directory holding the file.
type config struct {
	Path     string   // the file as found (relative to the working directory when under it)
	Dir      string   // absolute directory of the file
	Files    []string // file names or globs to check
	Targets  []targetConfig
	Format   string // text | json | markdown | github ("" = text)
	Baseline string // git revision to compare with ("" = HEAD)
	gates           // defaults for every target
}

// configError is a problem in a config file, printed as "file:line: message".
type configError struct {
	Path string
	Line int // 0 when it concerns the whole file
	Msg  string
}

func (e *configError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// The YAML shapes of the config. Each scalar remembers its line so that
// validation errors can point at it; decoding is strict (KnownFields), so an
// unknown key is an error too.
type (
	rawConfig struct {
		Files    yamlStrings `yaml:"files"`
		Targets  []rawTarget `yaml:"targets"`
		MinScore yamlNumber  `yaml:"min-score"`
		Require  yamlStrings `yaml:"require"`
		MaxDrop  yamlNumber  `yaml:"max-drop"`
		Format   yamlString  `yaml:"format"`
		Baseline yamlString  `yaml:"baseline"`
	}
	rawTarget struct {
		Role     yamlString  `yaml:"role"`
		JD       yamlString  `yaml:"jd"`
		Keywords yamlString  `yaml:"keywords"`
		MinScore yamlNumber  `yaml:"min-score"`
		Require  yamlStrings `yaml:"require"`
		MaxDrop  yamlNumber  `yaml:"max-drop"`
	}
)

// yamlString is a scalar string with its line.
type yamlString struct {
	Val  string
	Set  bool
	Line int
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (s *yamlString) UnmarshalYAML(n *yaml.Node) error {
	s.Line, s.Set = n.Line, true
	if n.Kind != yaml.ScalarNode {
		return &configError{Line: n.Line, Msg: "want a single value, got a " + kindName(n)}
	}
	s.Val = n.Value
	return nil
}

// yamlNumber is a scalar number with its line.
type yamlNumber struct {
	Val  float64
	Set  bool
	Line int
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (f *yamlNumber) UnmarshalYAML(n *yaml.Node) error {
	f.Line, f.Set = n.Line, true
	if n.Kind != yaml.ScalarNode {
		return &configError{Line: n.Line, Msg: "want a number, got a " + kindName(n)}
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return &configError{Line: n.Line, Msg: fmt.Sprintf("want a number, got %q", n.Value)}
	}
	f.Val = v
	return nil
}

// yamlStrings is a list of strings (a single string is a list of one) with
// the line of each item.
type yamlStrings struct {
	Val   []string
	Lines []int
	Set   bool
	Line  int
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (l *yamlStrings) UnmarshalYAML(n *yaml.Node) error {
	l.Line, l.Set = n.Line, true
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		l.Val, l.Lines = []string{n.Value}, []int{n.Line}
		return nil
	case yaml.SequenceNode:
		l.Val = []string{}
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return &configError{Line: c.Line, Msg: "want a list of names, got a " + kindName(c) + " inside it"}
			}
			l.Val = append(l.Val, c.Value)
			l.Lines = append(l.Lines, c.Line)
		}
		return nil
	}
	return &configError{Line: n.Line, Msg: "want a list, got a " + kindName(n)}
}

// kindName names a YAML node kind for error messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

// yamlLineRE reads the line out of yaml.v3's messages ("line 3: ...", "yaml: line 3: ...").
var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`) })

// unknownFieldRE reads yaml.v3's KnownFields message.
var unknownFieldRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found in type \S+$`) })

// configKeys are the keys allowed at the top level and in a target, for hints.
var (
	configKeys = []string{"files", "targets", "min-score", "require", "max-drop", "format", "baseline"}
	targetKeys = []string{"role", "jd", "keywords", "min-score", "require", "max-drop"}
)

// parseConfig reads a config from r. path names it in errors; dir is the
// directory its relative paths are relative to.
func parseConfig(r io.Reader, path, dir string) (*config, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxConfigBytes+1))
	if err != nil {
		return nil, &configError{Path: path, Msg: err.Error()}
	}
	if len(data) > maxConfigBytes {
		return nil, &configError{Path: path, Msg: "config larger than 1 MiB"}
	}
	var raw rawConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &configError{Path: path, Line: 1, Msg: "empty config: list files and targets (see the README)"}
		}
		return nil, yamlError(path, err)
	}
	// Lines of target entries come from the node tree: an entry may set no
	// scalar at all.
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	targetLines := sequenceLines(&root, "targets")

	c := &config{Path: path, Dir: dir, Format: raw.Format.Val, Baseline: raw.Baseline.Val}
	bad := func(line int, format string, a ...any) error {
		return &configError{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)}
	}
	for i, f := range raw.Files.Val {
		if strings.TrimSpace(f) == "" {
			return nil, bad(raw.Files.Lines[i], "files: empty file name")
		}
		if _, err := filepath.Match(f, ""); err != nil {
			return nil, bad(raw.Files.Lines[i], "files: bad pattern %q: %v", f, err)
		}
	}
	c.Files = raw.Files.Val
	if raw.Format.Set && !slices.Contains(checkFormats, raw.Format.Val) {
		return nil, bad(raw.Format.Line, "format: %q is not one of %s", raw.Format.Val, strings.Join(checkFormats, ", "))
	}
	if raw.Baseline.Set && strings.TrimSpace(raw.Baseline.Val) == "" {
		return nil, bad(raw.Baseline.Line, "baseline: empty revision")
	}
	if c.gates, err = rawGates(path, raw.MinScore, raw.Require, raw.MaxDrop); err != nil {
		return nil, err
	}
	for i, t := range raw.Targets {
		line := 0
		if i < len(targetLines) {
			line = targetLines[i]
		}
		tc := targetConfig{Role: t.Role.Val, JD: t.JD.Val, Keywords: t.Keywords.Val, Line: line}
		n := 0
		for _, s := range []yamlString{t.Role, t.JD, t.Keywords} {
			if s.Set {
				n++
				if strings.TrimSpace(s.Val) == "" {
					return nil, bad(s.Line, "empty value")
				}
			}
		}
		if n != 1 {
			return nil, bad(line, "a target needs exactly one of role, jd or keywords")
		}
		if tc.gates, err = rawGates(path, t.MinScore, t.Require, t.MaxDrop); err != nil {
			return nil, err
		}
		c.Targets = append(c.Targets, tc)
	}
	return c, nil
}

// rawGates validates the three gate keys of one level.
func rawGates(path string, minScore yamlNumber, require yamlStrings, maxDrop yamlNumber) (gates, error) {
	var g gates
	if minScore.Set {
		if minScore.Val < 0 || minScore.Val > 100 {
			return g, &configError{Path: path, Line: minScore.Line, Msg: fmt.Sprintf("min-score: %g is outside 0..100", minScore.Val)}
		}
		v := minScore.Val
		g.MinScore = &v
	}
	if maxDrop.Set {
		if maxDrop.Val < 0 || maxDrop.Val > 100 {
			return g, &configError{Path: path, Line: maxDrop.Line, Msg: fmt.Sprintf("max-drop: %g is outside 0..100", maxDrop.Val)}
		}
		v := maxDrop.Val
		g.MaxDrop = &v
	}
	if require.Set {
		g.Require = []string{}
		for i, k := range require.Val {
			if strings.TrimSpace(k) == "" {
				return g, &configError{Path: path, Line: require.Lines[i], Msg: "require: empty keyword"}
			}
			g.Require = append(g.Require, strings.TrimSpace(k))
		}
	}
	return g, nil
}

// yamlError turns a yaml.v3 error into "file:line: message" errors, naming
// unknown keys the way a user wrote them.
func yamlError(path string, err error) error {
	var ce *configError
	if errors.As(err, &ce) {
		ce.Path = path
		return ce
	}
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msgs = te.Errors
	}
	// Report the first problem; a user fixes one line at a time.
	m := msgs[0]
	out := &configError{Path: path, Msg: strings.TrimPrefix(m, "yaml: ")}
	if sm := yamlLineRE().FindStringSubmatch(m); sm != nil {
		out.Line, _ = strconv.Atoi(sm[1])
		out.Msg = sm[2]
	}
	if fm := unknownFieldRE().FindStringSubmatch(out.Msg); fm != nil {
		keys := configKeys
		if strings.Contains(out.Msg, "rawTarget") {
			keys = targetKeys
		}
		out.Msg = fmt.Sprintf("unknown key %q (known keys: %s)", fm[1], strings.Join(keys, ", "))
		if alt := strings.ReplaceAll(fm[1], "_", "-"); alt != fm[1] && slices.Contains(keys, alt) {
			out.Msg = fmt.Sprintf("unknown key %q (did you mean %q?)", fm[1], alt)
		}
	}
	if strings.HasPrefix(out.Msg, "cannot unmarshal") {
		out.Msg = "wrong type: " + out.Msg
	}
	return out
}

// sequenceLines returns the line of each item of the top-level sequence key.
func sequenceLines(root *yaml.Node, key string) []int {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.SequenceNode {
			var lines []int
			for _, c := range m.Content[i+1].Content {
				lines = append(lines, c.Line)
			}
			return lines
		}
	}
	return nil
}

// findConfig returns the config file to use: --config, then $RESUMESCORE_CONFIG,
// then .resumescore.yaml in dir or a parent, stopping at the directory that
// holds .git (the repository root) or at /. It returns "" when there is none.
// An explicitly named file must exist.
func findConfig(flagPath string, getenv func(string) string, dir string) (string, error) {
	for _, p := range []struct{ path, from string }{{flagPath, "--config"}, {getenv(configEnv), configEnv}} {
		if p.path == "" {
			continue
		}
		if _, err := os.Stat(p.path); err != nil {
			return "", usageErrorf("%s %s: %w", p.from, p.path, unwrapPathErr(err))
		}
		return p.path, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("finding %s: %w", configName, err)
	}
	for d := abs; ; {
		p := filepath.Join(d, configName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return displayPath(abs, p), nil
		}
		if fi, err := os.Stat(filepath.Join(d, ".git")); err == nil && fi != nil {
			return "", nil // the repository root: stop here
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// loadConfig reads the config at path; name is how errors name it (the path
// as found, relative to the working directory).
func loadConfig(path, name string) (*config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", name, unwrapPathErr(err))
	}
	defer f.Close()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return parseConfig(f, name, filepath.Dir(abs))
}

// unwrapPathErr returns the cause of an *fs.PathError so the path is not named twice.
func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// resolveFiles expands the config's file patterns against its directory.
// A plain name that does not exist, or a glob that matches nothing, is an
// error: a typo in the config must not make the gate pass vacuously.
func (c *config) resolveFiles() ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, pat := range c.Files {
		p := pat
		if !filepath.IsAbs(p) {
			p = filepath.Join(c.Dir, p)
		}
		matches, err := filepath.Glob(p)
		if err != nil {
			return nil, &configError{Path: c.Path, Msg: fmt.Sprintf("files: bad pattern %q: %v", pat, err)}
		}
		if len(matches) == 0 {
			return nil, withHint(&configError{Path: c.Path, Msg: fmt.Sprintf("files: %q matches no file", pat)},
				"build the file first, or fix the name under files: in the config")
		}
		for _, m := range matches {
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out, nil
}
