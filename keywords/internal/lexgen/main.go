// Command lexgen builds the embedded skill lexicon (seeds/lexicon/skills.tsv)
// and the English word list (seeds/lexicon/english.txt) from ../shared/data
// and Debian's wamerican word list. It is run by `go generate ./keywords`; the
// output is committed so that a build needs neither input.
//
// Sources, in order of trust (an earlier source owns a name):
//
//	curated       skills_lexicon.tsv (the project's own)
//	onet-hot      onet_hot_technologies_aliases.tsv (own alias columns, O*NET names; CC BY 4.0)
//	onet          onet_tech_skills_computing.tsv examples (O*NET 29.2; CC BY 4.0)
//	linguist      linguist_languages.tsv, programming languages (MIT)
//	esco          esco_digital_skills.tsv, knowledge concepts (ESCO v1.2.0, acknowledgement required)
//	simple-icons  simple_icons_brands.tsv titles (CC0 1.0)
//
// A generated name that is an ordinary English word ("Slack", "Processing")
// becomes a case-exact alias with a context rule, never a case-insensitive one;
// third-party alias lists (Linguist aliases, ESCO alternative labels) are not
// used because they are unsafe (C# -> cake, JavaScript -> Mocha).
package main

import (
	"bufio"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/resumescore/resumescore/keywords"
)

type entry struct {
	id, label, category, kind string
	ci, cs                    []string
	ambiguity, context        string
	stem                      bool
	negatives, broader        []string
	source                    string
}

type gen struct {
	english map[string]bool // lowercase-only words of the word list
	entries []*entry
	byForm  map[string]*entry // folded alias -> owner
	ids     map[string]bool
}

func main() {
	data := flag.String("data", "../../shared/data", "directory of the shared data files")
	dict := flag.String("dict", "/usr/share/dict/american-english", "wamerican word list")
	out := flag.String("out", "../seeds/lexicon", "output directory")
	flag.Parse()
	if err := run(*data, *dict, *out); err != nil {
		fmt.Fprintln(os.Stderr, "lexgen:", err)
		os.Exit(1)
	}
}

func run(data, dict, out string) error {
	g := &gen{english: map[string]bool{}, byForm: map[string]*entry{}, ids: map[string]bool{}}
	words, err := readWords(dict)
	if err != nil {
		return err
	}
	for _, w := range words {
		g.english[w] = true
	}
	steps := []struct {
		file string
		fn   func([]string) error
	}{
		{"skills_lexicon.tsv", g.curated},
		{"onet_hot_technologies_aliases.tsv", g.onetHot},
		{"onet_tech_skills_computing.tsv", g.onet},
		{"linguist_languages.tsv", g.linguist},
		{"esco_digital_skills.tsv", g.esco},
		{"simple_icons_brands.tsv", g.brand},
	}
	for _, s := range steps {
		if err := eachRow(filepath.Join(data, s.file), s.fn); err != nil {
			return err
		}
	}
	if err := eachLine(overlayTSV, "overlay.tsv", g.overlay); err != nil {
		return err
	}
	if err := g.write(filepath.Join(out, "skills.tsv")); err != nil {
		return err
	}
	return writeWords(filepath.Join(out, "english.txt"), words)
}

// readWords returns the lowercase-only ASCII words of the word list, sorted
// bytewise (the order keywords.Lexicon.IsEnglish binary-searches).
func readWords(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("word list (apt-get install -y wamerican): %w", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || !lowerWord(w) {
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	words = append(words, extraEnglish...)
	sort.Strings(words)
	return dedupe(words), nil
}

// extraEnglish are ordinary words of resumes and job ads that the default
// SCOWL size lacks (the project's own list). Being English words, they are
// never taken for typos of a skill ("informatics" is not Informatica).
var extraEnglish = strings.Fields(`
analytics bioinformatics chatbot chatbots codebase codebases cybersecurity dataset datasets
ecommerce fintech geospatial hackathon hackathons informatics mentorship offboarding
onboarding roadmap roadmaps runtime runtimes stakeholder stakeholders toolchain toolchains
upskilling uptime workflow workflows`)

func lowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func writeWords(path string, words []string) error {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func eachRow(path string, fn func([]string) error) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return eachLine(string(raw), filepath.Base(path), fn)
}

// eachLine calls fn with the tab-separated fields of each row of a TSV text
// after its header; name labels errors.
func eachLine(text, name string, fn func([]string) error) error {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines[1:] { // skip the header
		if strings.TrimSpace(l) == "" {
			continue
		}
		if err := fn(strings.Split(l, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, i+2, err)
		}
	}
	return nil
}

// overlayTSV holds the project's own corrections to generated entries, one
// row per entry: case-insensitive and case-exact aliases to add, a context
// rule to set, vetoing phrases to add, and why. It is applied after every
// source, so it can reach any entry.
//
//go:embed overlay.tsv
var overlayTSV string

// overlay applies one row of overlay.tsv to the entry it names.
func (g *gen) overlay(f []string) error {
	id := field(f, 0)
	var e *entry
	for _, x := range g.entries {
		if x.id == id {
			e = x
		}
	}
	if e == nil {
		return fmt.Errorf("no entry %q", id)
	}
	if field(f, 5) == "" {
		return fmt.Errorf("%s: say why", id)
	}
	for _, col := range []struct {
		forms []string
		to    *[]string
		fold  func(string) string
	}{
		{list(field(f, 1), "|"), &e.ci, fold},
		{list(field(f, 2), "|"), &e.cs, func(a string) string { return a }},
	} {
		for _, a := range col.forms {
			if o, taken := g.byForm[fold(a)]; taken && o != e {
				return fmt.Errorf("%s: form %q belongs to %s", id, a, o.id)
			}
			*col.to = append(*col.to, col.fold(a))
			g.byForm[fold(a)] = e
		}
	}
	if c := field(f, 3); c != "" {
		e.context = c
	}
	e.negatives = append(e.negatives, list(field(f, 4), "|")...)
	return nil
}

func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

func list(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (g *gen) add(e *entry) {
	e.id = g.uniqueID(e.id)
	g.ids[e.id] = true
	g.entries = append(g.entries, e)
	for _, a := range append(append([]string{e.label}, e.ci...), e.cs...) {
		if _, taken := g.byForm[fold(a)]; !taken {
			g.byForm[fold(a)] = e
		}
	}
}

func (g *gen) uniqueID(id string) string {
	if id == "" {
		id = "x"
	}
	if !g.ids[id] {
		return id
	}
	for n := 2; ; n++ {
		if c := fmt.Sprintf("%s-%d", id, n); !g.ids[c] {
			return c
		}
	}
}

// owner returns the entry that already owns any of names.
func (g *gen) owner(names ...string) *entry {
	for _, n := range names {
		if e, ok := g.byForm[fold(n)]; ok {
			return e
		}
	}
	return nil
}

// addAlias gives e a new multi-word case-insensitive alias unless another
// entry owns it. Single words are never added to an existing entry: that is
// where the unsafe third-party aliases are.
func (g *gen) addAlias(e *entry, a string) {
	f := fold(a)
	if f == "" || !strings.Contains(f, " ") {
		return
	}
	if _, taken := g.byForm[f]; taken {
		return
	}
	e.ci = append(e.ci, f)
	g.byForm[f] = e
}

func (g *gen) curated(f []string) error {
	e := &entry{
		id: field(f, 0), label: field(f, 1), category: field(f, 2),
		ci: list(field(f, 3), "|"), cs: list(field(f, 4), "|"),
		ambiguity: field(f, 5), context: field(f, 6), stem: field(f, 7) == "Y",
		negatives: list(field(f, 8), "|"), broader: list(field(f, 9), "|"), source: "curated",
	}
	if e.id == "" || e.label == "" {
		return fmt.Errorf("missing id or label")
	}
	e.kind = "hard"
	if e.category == "soft" {
		e.kind = "soft"
	}
	g.add(e)
	return nil
}

// onetHot reads the hand-written display/alias columns for the O*NET hot
// technologies; forms in unsafe_alone never become aliases on their own.
func (g *gen) onetHot(f []string) error {
	example, display := field(f, 0), field(f, 1)
	ci, cs := list(field(f, 2), "|"), list(field(f, 3), "|")
	unsafe := map[string]bool{}
	for _, u := range list(field(f, 4), "|") {
		unsafe[fold(u)] = true
	}
	keep := func(xs []string) []string {
		var out []string
		for _, x := range xs {
			if !unsafe[fold(x)] {
				out = append(out, x)
			}
		}
		return out
	}
	ci = keep(ci)
	if o := g.owner(append([]string{display}, ci...)...); o != nil {
		for _, a := range append(ci, example) {
			g.addAlias(o, a)
		}
		return nil
	}
	e := &entry{id: keywords.Slug(display), label: display, category: "tool", kind: "hard", ambiguity: "none", context: "none", source: "onet-hot"}
	for _, a := range ci {
		if _, taken := g.byForm[fold(a)]; !taken {
			e.ci = append(e.ci, fold(a))
		}
	}
	e.cs = cs
	if unsafe[fold(display)] || g.english[fold(display)] {
		e.ambiguity, e.context = "english_word", "list_or_tech"
		if !contains(e.cs, display) {
			e.cs = append(e.cs, display)
		}
	} else if !contains(e.ci, fold(display)) && len(cs) == 0 {
		e.ci = append(e.ci, fold(display))
	}
	if len(e.ci) == 0 && len(e.cs) == 0 {
		return nil
	}
	if fold(example) != fold(display) && strings.Contains(example, " ") && !contains(e.ci, fold(example)) {
		e.ci = append(e.ci, fold(example))
	}
	g.add(e)
	return nil
}

// onet adds the technology examples of the computing occupations. O*NET
// names carry vendor prefixes and expansions ("Structured query language
// SQL"); the full name is kept as an alias, and a trailing acronym whose
// letters are the initials of the words before it becomes the label.
func (g *gen) onet(f []string) error {
	name := field(f, 2)
	if name == "" {
		return nil
	}
	if trimmed := strings.TrimSuffix(name, " software"); trimmed != name {
		if allEnglish(g.english, fold(trimmed)) {
			return nil // a category ("Billing software"), not a product
		}
		name = trimmed
	}
	label, expansion := name, ""
	words := strings.Fields(name)
	if n := len(words); n >= 3 {
		last := words[n-1]
		if isAcronym(last) && initials(words[:n-1]) == strings.ToLower(last) {
			label, expansion = last, strings.Join(words[:n-1], " ")
		}
	}
	if o := g.owner(label, name); o != nil {
		g.addAlias(o, name)
		if expansion != "" {
			g.addAlias(o, expansion)
		}
		return nil
	}
	category := "tool"
	ct := strings.ToLower(field(f, 4))
	switch {
	case strings.Contains(ct, "data base") || strings.Contains(ct, "database"):
		category = "database"
	case strings.Contains(ct, "operating system"):
		category = "os"
	case strings.Contains(ct, "development environment") || strings.Contains(ct, "object or component"):
		category = "tool"
	case strings.Contains(ct, "web platform"):
		category = "framework"
	}
	e := g.named(label, category, "onet")
	if e == nil {
		return nil
	}
	if fold(name) != fold(label) {
		g.addAliasNew(e, name)
	}
	if expansion != "" {
		g.addAliasNew(e, expansion)
	}
	if category == "database" {
		e.broader = []string{"database"}
	}
	g.add(e)
	return nil
}

func (g *gen) addAliasNew(e *entry, a string) {
	f := fold(a)
	if _, taken := g.byForm[f]; taken || contains(e.ci, f) {
		return
	}
	e.ci = append(e.ci, f)
}

// named builds a new entry for a third-party name: an English word, a name of
// one or two letters or an all-caps word that is an English word becomes a
// case-exact alias with a context rule.
func (g *gen) named(label, category, source string) *entry {
	label = strings.TrimSpace(label)
	f := fold(label)
	if f == "" || len(f) > 60 || strings.ContainsAny(label, "\t|\"") {
		return nil
	}
	e := &entry{id: keywords.Slug(label), label: label, category: category, kind: "hard", ambiguity: "none", context: "none", source: source}
	short := len([]rune(f)) <= 2
	englishy := g.english[f] || g.english[strings.TrimSuffix(f, "s")]
	if !strings.Contains(f, " ") && (short || englishy) {
		e.cs = []string{label}
		e.context = "list_or_tech"
		e.ambiguity = "english_word"
		if short {
			e.ambiguity, e.context = "short", "tech"
		}
		return e
	}
	if !strings.Contains(f, " ") && isAcronym(label) && len(label) <= 5 {
		// an all-caps acronym (CNN, COM, ANA): in lowercase it is often a
		// word or something else, so it matches in its own case only
		e.cs = []string{label}
		e.ambiguity = "short"
		return e
	}
	if strings.Contains(f, " ") && label != f && allEnglish(g.english, f) {
		// a phrase of ordinary words ("Pure Data", "Visual Basic" are fine as
		// phrases; a case-exact form keeps "pure data" in prose out)
		e.cs = []string{label}
		e.ambiguity = "english_word"
		e.context = "list_or_tech"
		return e
	}
	e.ci = []string{f}
	return e
}

func allEnglish(eng map[string]bool, f string) bool {
	for _, w := range strings.Fields(f) {
		if !eng[w] {
			return false
		}
	}
	return true
}

func (g *gen) linguist(f []string) error {
	name, typ, popular := field(f, 0), field(f, 1), field(f, 3) == "Y"
	if typ != "programming" && !(popular && typ != "prose") {
		return nil
	}
	if g.owner(name) != nil {
		return nil
	}
	e := g.named(name, "language", "linguist")
	if e == nil {
		return nil
	}
	if e.context != "none" {
		e.context = "tech" // a language called like a word needs programming context
	}
	g.add(e)
	return nil
}

// esco adds ESCO knowledge concepts. A parenthesised qualifier is dropped from
// the label ("Python (computer programming)" -> "Python") and the full label
// kept as an alias. Alternative labels are not used: they are noisy.
func (g *gen) esco(f []string) error {
	if field(f, 2) != "knowledge" {
		return nil
	}
	full := field(f, 1)
	label := full
	if i := strings.Index(label, " ("); i > 0 {
		label = strings.TrimSpace(label[:i])
	}
	if o := g.owner(label, full); o != nil {
		if full != label {
			g.addAlias(o, full)
		}
		return nil
	}
	e := g.named(label, "concept", "esco")
	if e == nil {
		return nil
	}
	if full != label {
		g.addAliasNew(e, full)
	}
	if len(e.ci) > 0 && e.ci[0] == fold(label) && label == fold(label) {
		e.stem = !strings.Contains(label, " ") // ordinary lowercase concept word
	}
	g.add(e)
	return nil
}

func (g *gen) brand(f []string) error {
	title := field(f, 0)
	if title == "" || g.owner(title) != nil {
		return nil
	}
	e := g.named(title, "brand", "simple-icons")
	if e == nil {
		return nil
	}
	g.add(e)
	return nil
}

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteByte(strings.ToLower(w)[0])
	}
	s := b.String()
	return s
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func dedupe(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

const header = `# resumescore skill lexicon, generated by keywords/internal/lexgen (go generate ./keywords); do not edit.
# Sources and licences: NOTICE.md in this directory. Columns (tab-separated, lists joined by |):
# id	label	category	kind	aliases_ci	aliases_cs	ambiguity	context	stem	negatives	broader	source
`

func (g *gen) write(path string) error {
	var b strings.Builder
	b.WriteString(header)
	for _, e := range g.entries {
		stem := "N"
		if e.stem {
			stem = "Y"
		}
		cols := []string{e.id, e.label, e.category, e.kind, strings.Join(e.ci, "|"), strings.Join(e.cs, "|"),
			e.ambiguity, e.context, stem, strings.Join(e.negatives, "|"), strings.Join(e.broader, "|"), e.source}
		for _, c := range cols {
			if strings.ContainsAny(c, "\t\n") {
				return fmt.Errorf("entry %s: a field contains a tab or newline", e.id)
			}
		}
		b.WriteString(strings.Join(cols, "\t"))
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
