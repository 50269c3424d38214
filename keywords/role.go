package keywords

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// RoleVersion is the only role file format version this package reads.
const RoleVersion = 1

// maxListBytes caps how much of a role file or keyword list is read.
const maxListBytes = 1 << 20

// RolesDir is the directory of an fs.FS that holds the role files (roles/<id>.yaml).
const RolesDir = "roles"

// ErrUnknownRole is returned by Load when no role file has the requested id.
var ErrUnknownRole = errors.New("unknown role")

// ErrInvalid is wrapped by every error about the content of a role file or
// keyword list (a bad value, an unknown field, a duplicate keyword).
var ErrInvalid = errors.New("invalid keyword file")

// Kinds are the keyword categories a role file may use in `kind`.
var Kinds = []string{
	"language", "framework", "library", "runtime", "database", "messaging", "data",
	"cloud", "devops", "tool", "os", "platform", "protocol", "security", "ml",
	"concept", "practice", "soft", "domain", "certification", "business", "design", "title",
}

// checkIDs are the ids of the quality checks package scorer implements.
// scorer's tests hold that the two lists agree.
var checkIDs = []string{
	"text-layer", "contact-details", "contact-placement", "section-headings",
	"reading-order", "length", "file-name",
	"quantified-results", "weak-openings", "buzzwords", "first-person", "keyword-stuffing",
}

// CheckIDs returns the ids of the built-in quality checks, which a role file's
// `checks` may name besides its own signals.
func CheckIDs() []string { return append([]string(nil), checkIDs...) }

// RoleInfo summarises one role file for listings.
type RoleInfo struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Keywords  int    `json:"keywords"`
	Essential int    `json:"essential"`
	Important int    `json:"important"`
	Bonus     int    `json:"bonus"`
	Soft      int    `json:"soft"`
	Signals   int    `json:"signals"`
}

// roleFile is the YAML form of a role file, version 1.
type roleFile struct {
	Version  int           `yaml:"version"`
	Role     string        `yaml:"role"`
	Title    string        `yaml:"title"`
	Sources  []string      `yaml:"sources"`
	Keywords []roleKeyword `yaml:"keywords"`
	Checks   []string      `yaml:"checks"`
	Signals  []roleSignal  `yaml:"signals"`
}

type roleKeyword struct {
	Name        string   `yaml:"name"`
	Aliases     []string `yaml:"aliases"`
	CaseAliases []string `yaml:"case_aliases"` // forms matched only in exactly this case (HR)
	Tier        string   `yaml:"tier"`
	Kind        string   `yaml:"kind"`
	Soft        bool     `yaml:"soft"`
	Context     string   `yaml:"context"`
	Weight      *float64 `yaml:"weight"`
}

type roleSignal struct {
	ID      string   `yaml:"id"`
	Title   string   `yaml:"title"`
	Phrases []string `yaml:"phrases"`
	Fix     string   `yaml:"fix"`
}

// validID reports whether id is a role id: a lowercase letter or digit, then
// lowercase letters, digits and hyphens (`^[a-z0-9][a-z0-9-]*$`, written out
// so that no regular expression is compiled for every run).
func validID(id string) bool {
	if id == "" || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Load reads the role called role from fsys (roles/<role>.yaml): the built-in
// roles come from seeds.FS(); Overlay adds a user's role directories on top.
// An id with no file gives an error wrapping ErrUnknownRole.
func Load(fsys fs.FS, role string) (*Set, error) {
	if !validID(role) {
		return nil, fmt.Errorf("role %q: %w (ids are lowercase letters, digits and hyphens)", role, ErrUnknownRole)
	}
	name := path.Join(RolesDir, role+".yaml")
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("role %q: %w", role, ErrUnknownRole)
		}
		return nil, fmt.Errorf("role %q: %w", role, err)
	}
	defer f.Close()
	data, err := readRoleFile(f, role+".yaml")
	if err != nil {
		return nil, err
	}
	set, err := parseRoleData(data, role+".yaml", true)
	if err != nil {
		return nil, err
	}
	if set.ID != role {
		return nil, fmt.Errorf("%s: role id %q does not match the file name: %w", role+".yaml", set.ID, ErrInvalid)
	}
	set.Source = "role"
	return set, nil
}

// Roles lists every role file in fsys's roles directory, sorted by id.
func Roles(fsys fs.FS) ([]RoleInfo, error) {
	entries, err := fs.ReadDir(fsys, RolesDir)
	if err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	var out []RoleInfo
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || e.IsDir() {
			continue
		}
		set, err := Load(fsys, id)
		if err != nil {
			return nil, err
		}
		info := RoleInfo{ID: set.ID, Title: set.Title, Keywords: len(set.Keywords), Signals: len(set.Signals)}
		for _, k := range set.Keywords {
			switch k.Tier {
			case Essential:
				info.Essential++
			case Important:
				info.Important++
			case Bonus:
				info.Bonus++
			}
			if k.Soft {
				info.Soft++
			}
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Parse reads a user's keyword list: a plain list (one keyword per line, #
// comments) or a role YAML file. name is used in errors ("list.txt:3: ...") and,
// without its extension, as the set's ID.
//
// A plain list line is a keyword, optionally followed by "=" and its
// comma-separated aliases ("PostgreSQL = Postgres, psql"). A line "[important]"
// (or "[essential]", "[bonus]") sets the tier of the lines after it; the first
// lines are essential.
func Parse(r io.Reader, name string) (*Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxListBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxListBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes: %w", name, maxListBytes, ErrInvalid)
	}
	if looksLikeYAML(name, data) {
		set, err := parseRole(bytes.NewReader(data), name)
		if err != nil {
			return nil, err
		}
		set.Source = "keywords"
		return set, nil
	}
	return parseList(data, name)
}

// looksLikeYAML says whether a keyword file is a role file rather than a plain list.
func looksLikeYAML(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return true
	}
	for _, line := range strings.Split(string(data), "\n") {
		for _, key := range []string{"version:", "role:", "keywords:"} {
			if strings.HasPrefix(line, key) {
				return true
			}
		}
	}
	return false
}

// stripComment removes a # comment: a # at the start of the line or after a
// blank, so that "C#" and "F#" stay keywords.
func stripComment(line string) string {
	if strings.HasPrefix(strings.TrimSpace(line), "#") {
		return ""
	}
	for i := 1; i < len(line); i++ {
		if line[i] == '#' && (line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}

func parseList(data []byte, name string) (*Set, error) {
	set := &Set{ID: listID(name), Title: path.Base(name), Source: "keywords"}
	seen := map[string]int{} // folded name or alias -> line
	tier := Essential
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), maxListBytes)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(stripComment(strings.TrimPrefix(sc.Text(), "\ufeff")))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			t, ok := parseTier(strings.TrimSpace(line[1 : len(line)-1]))
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown tier %q (want essential, important or bonus): %w", name, n, line, ErrInvalid)
			}
			tier = t
			continue
		}
		kwName, aliasList, _ := strings.Cut(line, "=")
		kwName = strings.TrimSpace(kwName)
		if kwName == "" {
			return nil, fmt.Errorf("%s:%d: a keyword is missing before %q: %w", name, n, "=", ErrInvalid)
		}
		k := Keyword{ID: Slug(kwName), Name: kwName, Tier: tier, Weight: 1}
		if aliasList != "" {
			for _, a := range strings.Split(aliasList, ",") {
				if a = strings.TrimSpace(a); a != "" {
					k.Aliases = append(k.Aliases, a)
				}
			}
		}
		for _, form := range append([]string{k.Name}, k.Aliases...) {
			f := fold(form)
			if prev, dup := seen[f]; dup {
				return nil, fmt.Errorf("%s:%d: %q is already listed on line %d: %w", name, n, form, prev, ErrInvalid)
			}
			seen[f] = n
		}
		set.Keywords = append(set.Keywords, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	if len(set.Keywords) == 0 {
		return nil, fmt.Errorf("%s: no keywords: %w", name, ErrInvalid)
	}
	return set, nil
}

// listID is a list file's base name without extension, as a slug.
func listID(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	if s := Slug(base); s != "" {
		return s
	}
	return "keywords"
}

// fold is the comparison form of a name or alias for duplicate detection.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func parseTier(s string) (Tier, bool) {
	switch strings.ToLower(s) {
	case "essential", "must-have", "must", "required":
		return Essential, true
	case "important", "nice-to-have", "recommended", "preferred":
		return Important, true
	case "bonus", "plus":
		return Bonus, true
	}
	return Essential, false
}

func parseContext(s string) (Context, bool) {
	switch s {
	case "", "none":
		return AnyContext, true
	case "list":
		return ListOrTech, true
	case "tech":
		return TechOnly, true
	case "near_skill":
		return NearSkill, true
	}
	return AnyContext, false
}

// yamlLine and unknownField read yaml.v3's messages; compiled on the first
// error, not at package init.
var (
	yamlLine     = lazyRegexp(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownField = lazyRegexp(`^field (\S+) not found in type .*$`)
)

// yamlError rewrites a yaml.v3 error as "name:LINE: message".
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	var msgs []string
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	for i, m := range msgs {
		if sm := yamlLine().FindStringSubmatch(m); sm != nil {
			msg := sm[2]
			if fm := unknownField().FindStringSubmatch(msg); fm != nil {
				msg = "unknown field " + strconv.Quote(fm[1])
			}
			msgs[i] = name + ":" + sm[1] + ": " + msg
		} else {
			msgs[i] = name + ": " + strings.TrimPrefix(m, "yaml: ")
		}
	}
	return fmt.Errorf("%s: %w", strings.Join(msgs, "; "), ErrInvalid)
}

// decodeRoleFast parses data once, into doc, and decodes rf from that node:
// half the YAML work of decoding with KnownFields and parsing the node tree
// again for line numbers. It reports false, for the strict path to run and
// word the error, unless the file parses, every mapping key is a field of
// roleFile (what KnownFields checks) and the node decodes cleanly.
func decodeRoleFast(data []byte, rf *roleFile, doc *yaml.Node) bool {
	if yaml.Unmarshal(data, doc) != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return false
	}
	if !knownFields(doc.Content[0], reflect.TypeFor[roleFile]()) {
		return false
	}
	return doc.Decode(rf) == nil
}

// knownFields reports whether every mapping key under n names a yaml field
// of the struct type t decodes into there, recursively. Aliases and merge
// keys make it give up (false): the strict decoder judges those.
func knownFields(n *yaml.Node, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n.Kind {
	case yaml.AliasNode:
		return false
	case yaml.MappingNode:
		if t.Kind() != reflect.Struct {
			return true // a map or a type mismatch: not KnownFields' concern
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Value == "<<" {
				return false
			}
			f, ok := yamlField(t, k.Value)
			if !ok || !knownFields(n.Content[i+1], f.Type) {
				return false
			}
		}
	case yaml.SequenceNode:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return true
		}
		for _, c := range n.Content {
			if !knownFields(c, t.Elem()) {
				return false
			}
		}
	}
	return true
}

// yamlField finds the field of struct type t whose yaml key is key.
func yamlField(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" {
			tag = strings.ToLower(f.Name)
		}
		if tag == key && tag != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// mapValue returns the value node of key in mapping node m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// seqItem returns the i-th item of sequence node s, or nil.
func seqItem(s *yaml.Node, i int) *yaml.Node {
	if s == nil || s.Kind != yaml.SequenceNode || i >= len(s.Content) {
		return nil
	}
	return s.Content[i]
}

// lineOf is the line of node n, or of fallback when n is nil.
func lineOf(n, fallback *yaml.Node) int {
	if n != nil {
		return n.Line
	}
	if fallback != nil {
		return fallback.Line
	}
	return 1
}

// parseRole decodes and validates one role file.
func parseRole(r io.Reader, name string) (*Set, error) {
	data, err := readRoleFile(r, name)
	if err != nil {
		return nil, err
	}
	return parseRoleData(data, name, true)
}

// readRoleFile reads a role file of at most maxListBytes. A file that states
// its size (fs.File) is read into one buffer of that size.
func readRoleFile(r io.Reader, name string) ([]byte, error) {
	size := int64(512)
	if f, ok := r.(fs.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Size() >= 0 && fi.Size() <= maxListBytes {
			size = fi.Size() + 1 // one more byte, so that the read sees the end without growing
		}
	}
	data := make([]byte, 0, size)
	lr := io.LimitReader(r, maxListBytes+1)
	for { // io.ReadAll, from a buffer of the right size
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(data) > maxListBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes: %w", name, maxListBytes, ErrInvalid)
	}
	return data, nil
}

// parseRoleData decodes a role file's bytes. generated says whether a
// built-in role file may be taken from builtinRole (the test that
// generates it decodes them).
func parseRoleData(data []byte, name string, generated bool) (*Set, error) {
	if generated {
		if mk := builtinRole(fingerprintBytes(data)); mk != nil {
			return mk(), nil
		}
	}
	var rf roleFile
	if decodeRoleLite(data, &rf) {
		if set, err := roleSet(&rf, nil, name); err == nil {
			return set, nil
		}
		rf = roleFile{} // the YAML path below words the error with its line
	}
	var doc yaml.Node
	if !decodeRoleFast(data, &rf, &doc) {
		// the strict path, which also words every error
		rf, doc = roleFile{}, yaml.Node{}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&rf); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%s: empty role file: %w", name, ErrInvalid)
			}
			return nil, yamlError(name, err)
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, yamlError(name, err)
		}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	return roleSet(&rf, root, name)
}

// roleSet validates a decoded role file and builds its Set. root is the
// file's YAML node, for the line numbers of errors; nil (decodeRoleLite)
// gives line 1, and the caller decodes again with yaml.v3 to word an error.
func roleSet(rf *roleFile, root *yaml.Node, name string) (*Set, error) {
	bad := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s: %w", name, lineOf(n, root), fmt.Sprintf(format, args...), ErrInvalid)
	}

	if rf.Version != RoleVersion {
		if mapValue(root, "version") == nil {
			return nil, bad(root, "missing version (want version: %d)", RoleVersion)
		}
		return nil, bad(mapValue(root, "version"), "unsupported version %d (want %d)", rf.Version, RoleVersion)
	}
	if !validID(rf.Role) {
		return nil, bad(mapValue(root, "role"), "role id %q must be lowercase letters, digits and hyphens", rf.Role)
	}
	set := &Set{ID: rf.Role, Title: strings.TrimSpace(rf.Title), Source: "role"}
	if set.Title == "" {
		set.Title = rf.Role
	}
	kwNode := mapValue(root, "keywords")
	if len(rf.Keywords) == 0 {
		return nil, bad(kwNode, "no keywords")
	}
	seen := make(map[string]int, 2*len(rf.Keywords)) // folded name or alias -> line
	set.Keywords = make([]Keyword, 0, len(rf.Keywords))
	for i, rk := range rf.Keywords {
		item := seqItem(kwNode, i)
		field := func(f string) *yaml.Node {
			if v := mapValue(item, f); v != nil {
				return v
			}
			return item
		}
		kname := strings.TrimSpace(rk.Name)
		if kname == "" {
			return nil, bad(field("name"), "keyword without a name")
		}
		tier := Essential
		if rk.Tier != "" {
			t, ok := parseTier(rk.Tier)
			if !ok || rk.Tier != t.String() {
				return nil, bad(field("tier"), "keyword %q: unknown tier %q (want essential, important or bonus)", kname, rk.Tier)
			}
			tier = t
		}
		ctx, ok := parseContext(rk.Context)
		if !ok {
			return nil, bad(field("context"), "keyword %q: unknown context %q (want none, list or tech)", kname, rk.Context)
		}
		if rk.Kind != "" && !knownKind(rk.Kind) {
			return nil, bad(field("kind"), "keyword %q: unknown kind %q (want one of %s)", kname, rk.Kind, strings.Join(Kinds, ", "))
		}
		weight := 1.0
		if rk.Weight != nil {
			weight = *rk.Weight
			if !(weight > 0 && weight <= 10) {
				return nil, bad(field("weight"), "keyword %q: weight %v out of range (0, 10]", kname, weight)
			}
		}
		k := Keyword{
			ID:      Slug(kname),
			Name:    kname,
			Tier:    tier,
			Kind:    rk.Kind,
			Soft:    rk.Soft || rk.Kind == "soft",
			Weight:  weight,
			Context: ctx,
		}
		if k.Soft && k.Kind == "" {
			k.Kind = "soft"
		}
		// forms trims a keyword's list of alternative forms; an empty one is
		// an error at its line.
		forms := func(list []string, node *yaml.Node, what string) ([]string, error) {
			var out []string
			for j, a := range list {
				a = strings.TrimSpace(a)
				if a == "" {
					return nil, bad(lineNode(seqItem(node, j), item), "keyword %q: empty %s", kname, what)
				}
				out = append(out, a)
			}
			return out, nil
		}
		var err error
		aliasNode := mapValue(item, "aliases")
		if k.Aliases, err = forms(rk.Aliases, aliasNode, "alias"); err != nil {
			return nil, err
		}
		caseNode := mapValue(item, "case_aliases")
		if k.CaseAliases, err = forms(rk.CaseAliases, caseNode, "case alias"); err != nil {
			return nil, err
		}
		for j, form := range append(append([]string{kname}, k.Aliases...), k.CaseAliases...) {
			at := field("name")
			switch {
			case j > len(k.Aliases):
				at = lineNode(seqItem(caseNode, j-1-len(k.Aliases)), item)
			case j > 0:
				at = lineNode(seqItem(aliasNode, j-1), item)
			}
			f := fold(form)
			if prev, dup := seen[f]; dup {
				return nil, bad(at, "%q is already listed on line %d", form, prev)
			}
			seen[f] = lineOf(at, root)
		}
		set.Keywords = append(set.Keywords, k)
	}

	sigNode := mapValue(root, "signals")
	sigIDs := map[string]bool{}
	for i, rs := range rf.Signals {
		item := seqItem(sigNode, i)
		field := func(f string) *yaml.Node {
			if v := mapValue(item, f); v != nil {
				return v
			}
			return item
		}
		if !validID(rs.ID) {
			return nil, bad(field("id"), "signal id %q must be lowercase letters, digits and hyphens", rs.ID)
		}
		if sigIDs[rs.ID] || contains(checkIDs, rs.ID) {
			return nil, bad(field("id"), "signal id %q is already used", rs.ID)
		}
		sigIDs[rs.ID] = true
		if len(rs.Phrases) == 0 {
			return nil, bad(field("phrases"), "signal %q has no phrases", rs.ID)
		}
		if strings.TrimSpace(rs.Fix) == "" {
			return nil, bad(field("fix"), "signal %q has no fix", rs.ID)
		}
		sig := Signal{ID: rs.ID, Title: strings.TrimSpace(rs.Title), Fix: strings.TrimSpace(rs.Fix)}
		if sig.Title == "" {
			sig.Title = rs.ID
		}
		for _, p := range rs.Phrases {
			p = fold(p)
			if p == "" {
				return nil, bad(field("phrases"), "signal %q has an empty phrase", rs.ID)
			}
			sig.Phrases = append(sig.Phrases, p)
		}
		set.Signals = append(set.Signals, sig)
	}

	checkNode := mapValue(root, "checks")
	for i, c := range rf.Checks {
		if !contains(checkIDs, c) && !sigIDs[c] {
			return nil, bad(lineNode(seqItem(checkNode, i), checkNode), "unknown check %q (want one of the role's signals or %s)", c, strings.Join(checkIDs, ", "))
		}
		set.Checks = append(set.Checks, c)
	}
	return set, nil
}

// lineNode returns n, or fallback when n is nil.
func lineNode(n, fallback *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return fallback
}

func knownKind(k string) bool { return contains(Kinds, k) }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Overlay returns a file system that serves the role files of each dir in
// dirs (role files at the top level of the dir: "<id>.yaml") over those of
// base (base's roles/<id>.yaml). A later dir overrides an earlier one and a
// dir overrides base; every other path is served by base. Load and Roles on
// the result see the built-in roles and the user's roles together.
func Overlay(base fs.FS, dirs ...fs.FS) fs.FS {
	return &overlayFS{base: base, dirs: dirs}
}

type overlayFS struct {
	base fs.FS
	dirs []fs.FS
}

// Open implements fs.FS.
func (o *overlayFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if dir, file := path.Split(name); dir == RolesDir+"/" && strings.HasSuffix(file, ".yaml") {
		for i := len(o.dirs) - 1; i >= 0; i-- {
			f, err := o.dirs[i].Open(file)
			if err == nil {
				return f, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	return o.base.Open(name)
}

// ReadDir implements fs.ReadDirFS: the roles directory lists the union of
// the role files of base and every dir.
func (o *overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != RolesDir {
		return fs.ReadDir(o.base, name)
	}
	byName := map[string]fs.DirEntry{}
	base, err := fs.ReadDir(o.base, RolesDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range base {
		byName[e.Name()] = e
	}
	for _, d := range o.dirs {
		entries, err := fs.ReadDir(d, ".")
		if err != nil {
			return nil, fmt.Errorf("read role directory: %w", err)
		}
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
				byName[e.Name()] = e
			}
		}
	}
	out := make([]fs.DirEntry, 0, len(byName))
	for _, e := range byName {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
