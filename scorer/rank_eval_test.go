package scorer

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// categoryRoles maps the labelled categories of eval/resume-categories to
// built-in role ids. "" marks a category with no matching role: it is
// reported, not scored. Five of the seven "Testing" resumes test electrical
// or electronic equipment (transformers, switchgear, circuit boards), for
// which Rank puts electrical-engineer first; the mapping to software-tester
// is kept, and the README reports the figures with and without the category.
var categoryRoles = map[string]string{
	"Java Developer":            "java-developer",
	"Database":                  "database-administrator",
	"Data Science":              "data-scientist",
	"HR":                        "hr-specialist",
	"Advocate":                  "lawyer",
	"Automation Testing":        "qa-automation",
	"DevOps Engineer":           "devops",
	"Hadoop":                    "big-data-engineer",
	"DotNet Developer":          "dotnet-developer",
	"Testing":                   "software-tester",
	"Arts":                      "",
	"Health and fitness":        "fitness-trainer",
	"Civil Engineer":            "civil-engineer",
	"Business Analyst":          "business-analyst",
	"SAP Developer":             "sap-developer",
	"Python Developer":          "python-developer",
	"Mechanical Engineer":       "mechanical-engineer",
	"Sales":                     "sales-representative",
	"Electrical Engineering":    "electrical-engineer",
	"Network Security Engineer": "security-engineer",
	"ETL Developer":             "etl-developer",
	"Blockchain":                "blockchain-developer",
	"Web Designing":             "web-designer",
	"Operations Manager":        "operations-manager",
	"PMO":                       "project-manager",
}

// The bars of issue 7.
const (
	barTop1       = 0.90
	barMRR        = 0.93
	barMaskedTop1 = 0.75
)

// Regression floors, a little under the figures measured when they were set,
// held while a bar of issue 7 is not yet met (see the README's roles
// section). When a figure meets its bar, raise its floor to the bar.
const (
	floorTop1       = barTop1 // measured 0.906: the bar is met
	floorMRR        = barMRR  // measured 0.932: the bar is met
	floorMaskedTop1 = 0.72    // measured 0.725
)

// holdBar fails when got is under min(floor, bar): under the floor while the
// bar is not met, under the bar once the floor has been raised to it.
func holdBar(t *testing.T, name string, got, bar, floor float64) {
	t.Helper()
	switch {
	case got >= bar:
		t.Logf("%s = %.3f: meets the issue 7 bar %.2f", name, got, bar)
	case got >= floor && floor < bar:
		t.Logf("%s = %.3f: under the issue 7 bar %.2f, over the regression floor %.2f", name, got, bar, floor)
	default:
		t.Errorf("%s = %.3f, want >= %.2f (issue 7 bar %.2f)", name, got, math.Min(floor, bar), bar)
	}
}

// labelled is one resume of a ranking evaluation: Want is the role it
// should rank first ("" when its category has no role), and Mask the words
// the title-masked variant deletes (the category's or the role's title).
type labelled struct {
	ID, Category, Text string
	Want, Mask         string
}

// roleIndexes compiles every built-in role, resolved against the lexicon.
// It reads the seeds directory through os.DirFS, the same files seeds.FS()
// embeds, so that scorer's tests keep to the import rules.
func roleIndexes(t *testing.T) (map[string]*Index, []string) {
	t.Helper()
	fsys := os.DirFS(filepath.Join(sharedtest.Root(t), "seeds"))
	lex, err := keywords.LoadLexicon(fsys)
	if err != nil {
		t.Fatalf("LoadLexicon: %v", err)
	}
	roles, err := keywords.Roles(fsys)
	if err != nil {
		t.Fatalf("Roles: %v", err)
	}
	idx := map[string]*Index{}
	var ids []string
	for _, r := range roles {
		set, err := keywords.Load(fsys, r.ID)
		if err != nil {
			t.Fatalf("Load(%s): %v", r.ID, err)
		}
		lex.Resolve(set)
		ix, err := Compile(set, lex)
		if err != nil {
			t.Fatalf("Compile(%s): %v", r.ID, err)
		}
		idx[r.ID] = ix
		ids = append(ids, r.ID)
	}
	return idx, ids
}

func readCategories(t *testing.T) []labelled {
	t.Helper()
	p := filepath.Join(sharedtest.Dir(t), "eval", "resume-categories", "resumes_dedup.jsonl")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("no eval set: %v", err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	for sc.Scan() {
		var r struct{ ID, Category, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want, ok := categoryRoles[r.Category]
		if !ok {
			t.Fatalf("category %q has no entry in categoryRoles", r.Category)
		}
		out = append(out, labelled{ID: r.ID, Category: r.Category, Text: r.Text, Want: want, Mask: r.Category})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// maskTitle deletes every word of a title (a category's name or a role's
// title) from the text, in any case, as whole words: the issue's
// "category-title words masked out", as the evaluation set's masked
// TF-IDF baseline (0.639) masked category-name tokens.
func maskTitle(text, title string) string {
	for _, w := range titleWords(title) {
		text = deleteAll(text, regexp.QuoteMeta(w))
	}
	return text
}

// maskPhrase deletes the title as a phrase (its words in order, any space
// between them), the title-masked variant as the evaluation set's README
// describes it ("delete the category-name phrases"); informational, as the
// issue's bar is on maskTitle.
func maskPhrase(text, title string) string {
	var ws []string
	for _, w := range titleWords(title) {
		ws = append(ws, regexp.QuoteMeta(w))
	}
	return deleteAll(text, strings.Join(ws, `\s+`))
}

// titleWords splits a title into its words, leaving out "and" and
// one-letter words: "Software Tester (Manual QA)" gives Software, Tester,
// Manual, QA.
func titleWords(title string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("/(),", r) }) {
		if len(w) < 2 || strings.EqualFold(w, "and") {
			continue
		}
		out = append(out, w)
	}
	return out
}

// deleteAll deletes every whole-word match of the pattern, in any case.
func deleteAll(text, pattern string) string {
	re := regexp.MustCompile(`(?i)(^|[^\pL\pN])` + pattern + `($|[^\pL\pN])`)
	for re.MatchString(text) {
		text = re.ReplaceAllString(text, "$1 $2")
	}
	return text
}

type evalResult struct {
	n, top1         int
	rr              float64
	plainTop1       int
	tfidfTop1       int
	perCat          map[string][2]int // category -> {right, total}
	perCatRR        map[string]float64
	confusions      map[string]int // "want -> got"
	unmapped        map[string]int
	openTop1, openN int
	misses          []string // with -v, one line block per miss
}

// ranked is one resume's outcome.
type ranked struct {
	category, want string
	closed         []RoleFit // over the mapped roles
	plain          string    // best role by plain score over the mapped roles
	tfidf          string    // best role by TF-IDF cosine against the role keyword lists
	open           string    // best role over every built-in role ("" when not run)
	miss           string    // with -v, when the labelled role is not first: the top roles and their evidence
}

// evaluate ranks the candidate roles for every resume with a role, in
// parallel over the resumes. The candidates are the roles some resume
// wants (the closed set); with open set, every built-in role competes as
// well.
func evaluate(t *testing.T, data []labelled, idx map[string]*Index, all []string, mask func(text, title string) string, open bool) evalResult {
	t.Helper()
	closed := map[string]bool{}
	res := evalResult{perCat: map[string][2]int{}, perCatRR: map[string]float64{}, confusions: map[string]int{}, unmapped: map[string]int{}}
	var todo []labelled
	for _, d := range data {
		if d.Want == "" {
			res.unmapped[d.Category]++
			continue
		}
		if idx[d.Want] == nil {
			t.Fatalf("%s: labelled role %q is not built in", d.ID, d.Want)
		}
		closed[d.Want] = true
		todo = append(todo, d)
	}
	base := newTFIDF(t, closed)
	out := make([]ranked, len(todo))
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := todo[i]
				text := d.Text
				if mask != nil {
					text = mask(text, d.Mask)
				}
				doc, err := extract.Read(context.Background(), strings.NewReader(text), d.ID+".txt", extract.DefaultOptions())
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", d.ID, err)
					continue
				}
				var closedReps, allReps []*Report
				for _, id := range all {
					if !closed[id] && !open {
						continue
					}
					rep := idx[id].Score(doc)
					allReps = append(allReps, rep)
					if closed[id] {
						closedReps = append(closedReps, rep)
					}
				}
				r := ranked{category: d.Category, want: d.Want, closed: Rank(closedReps, len(doc.Lines))}
				best := closedReps[0]
				for _, c := range closedReps[1:] {
					if c.Score > best.Score || (c.Score == best.Score && c.Target.ID < best.Target.ID) {
						best = c
					}
				}
				r.plain = best.Target.ID
				if testing.Verbose() && pessimisticRank(r.closed, r.want) != 1 {
					r.miss = describeMiss(d.ID, len(strings.Fields(text)), r.want, r.closed)
				}
				r.tfidf = base.best(text)
				if open {
					r.open = Rank(allReps, len(doc.Lines))[0].Role
				}
				out[i] = r
			}
		}()
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range out {
		if r.miss != "" {
			res.misses = append(res.misses, r.miss)
		}
		pos := pessimisticRank(r.closed, r.want)
		res.n++
		res.rr += 1 / float64(pos)
		res.perCatRR[r.category] += 1 / float64(pos)
		pc := res.perCat[r.category]
		pc[1]++
		if pos == 1 {
			res.top1++
			pc[0]++
		} else {
			got := r.closed[0].Role
			if got == r.want { // tied with the labelled role: name the first rival
				got = r.closed[1].Role
			}
			res.confusions[fmt.Sprintf("%s -> %s", r.want, got)]++
		}
		res.perCat[r.category] = pc
		if r.plain == r.want {
			res.plainTop1++
		}
		if r.tfidf == r.want {
			res.tfidfTop1++
		}
		if open {
			res.openN++
			if r.open == r.want {
				res.openTop1++
			}
		}
	}
	return res
}

// pessimisticRank is the labelled role's position with ties ranked
// pessimistically, as the evaluation set's README asks: every other role
// whose evidence and plain score are both at least the labelled role's comes
// before it (the role id, Rank's last tie-break, is no evidence).
func pessimisticRank(fits []RoleFit, want string) int {
	var w *RoleFit
	for i := range fits {
		if fits[i].Role == want {
			w = &fits[i]
		}
	}
	if w == nil {
		return len(fits) + 1
	}
	pos := 1
	for _, f := range fits {
		if f.Role != want && (f.evidence > w.evidence || (f.evidence == w.evidence && f.Score >= w.Score)) {
			pos++
		}
	}
	return pos
}

func (r evalResult) log(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: %d resumes; top-1 %.3f (%d), MRR %.3f; baselines over the same roles: plain score top-1 %.3f, TF-IDF cosine on the role keyword lists top-1 %.3f",
		name, r.n, r.top1Rate(), r.top1, r.mrr(), float64(r.plainTop1)/float64(r.n), float64(r.tfidfTop1)/float64(r.n))
	if r.openN > 0 {
		t.Logf("%s: open set (all built-in roles compete) top-1 %.3f", name, float64(r.openTop1)/float64(r.openN))
	}
	cats := make([]string, 0, len(r.perCat))
	macro := 0.0
	for c, v := range r.perCat {
		cats = append(cats, c)
		macro += float64(v[0]) / float64(v[1])
	}
	sort.Strings(cats)
	t.Logf("%s: macro top-1 over %d categories %.3f", name, len(cats), macro/float64(len(cats)))
	for _, c := range cats {
		v := r.perCat[c]
		t.Logf("  %-26s %2d/%2d  MRR %.3f", c, v[0], v[1], r.perCatRR[c]/float64(v[1]))
	}
	conf := make([]string, 0, len(r.confusions))
	for c := range r.confusions {
		conf = append(conf, c)
	}
	sort.Strings(conf)
	for _, c := range conf {
		t.Logf("  confused %s (%d)", c, r.confusions[c])
	}
	sort.Strings(r.misses)
	for _, m := range r.misses {
		t.Logf("%s miss %s", name, m)
	}
}

// describeMiss names a resume the ranking got wrong: the top three roles and
// the labelled one, each with its evidence and the keywords that gave most.
func describeMiss(id string, words int, want string, fits []RoleFit) string {
	line := func(f RoleFit) string {
		var kws []string
		for i, e := range f.Evidence {
			if i == 6 {
				kws = append(kws, "...")
				break
			}
			kws = append(kws, fmt.Sprintf("%s %.1f", e.ID, e.Points))
		}
		return fmt.Sprintf("\n      #%d %s %.1f: %s", f.Rank, f.Role, f.evidence, strings.Join(kws, ", "))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (want %s, %d words)", id, want, words)
	shown := false
	for _, f := range fits[:min(3, len(fits))] {
		b.WriteString(line(f))
		shown = shown || f.Role == want
	}
	if !shown {
		for _, f := range fits {
			if f.Role == want {
				b.WriteString(line(f))
			}
		}
	}
	return b.String()
}

// TestRankResumeCategories is issue 7's bar: on the labelled resumes of
// ../shared/eval/resume-categories, Rank puts the right role first for at
// least 90 % of the resumes whose category has a role (MRR >= 0.93), and for
// at least 75 % with the category's title words deleted from the text.
func TestRankResumeCategories(t *testing.T) {
	data := readCategories(t)
	raw, masked := evaluateRawAndMasked(t, data, "")
	if testing.Verbose() {
		idx, all := roleIndexes(t)
		phrase := evaluate(t, data, idx, all, maskPhrase, false)
		t.Logf("title-masked as phrases (the eval README's wording; informational): top-1 %.3f (%d), MRR %.3f",
			phrase.top1Rate(), phrase.top1, phrase.mrr())
	}
	var unmapped []string
	for c, n := range raw.unmapped {
		unmapped = append(unmapped, fmt.Sprintf("%s (%d)", c, n))
	}
	sort.Strings(unmapped)
	t.Logf("categories without a role, not scored: %s", strings.Join(unmapped, ", "))

	if raw.n == 0 {
		t.Fatal("no mapped resumes")
	}
	holdBar(t, "raw top-1", raw.top1Rate(), barTop1, floorTop1)
	holdBar(t, "raw MRR", raw.mrr(), barMRR, floorMRR)
	holdBar(t, "title-masked top-1", masked.top1Rate(), barMaskedTop1, floorMaskedTop1)
}

// evaluateRawAndMasked ranks the built-in roles for every labelled resume,
// raw and title-masked, and logs both under names starting with prefix.
// The open-set figure (every built-in role competing) is informational and
// costs 40 % more scoring: only with -v.
func evaluateRawAndMasked(t *testing.T, data []labelled, prefix string) (raw, masked evalResult) {
	t.Helper()
	idx, all := roleIndexes(t)
	raw = evaluate(t, data, idx, all, nil, testing.Verbose())
	masked = evaluate(t, data, idx, all, maskTitle, false)
	raw.log(t, prefix+"raw")
	masked.log(t, prefix+"title-masked")
	return raw, masked
}

// top1Rate is the share of resumes whose labelled role ranks first.
func (r evalResult) top1Rate() float64 { return float64(r.top1) / float64(r.n) }

// mrr is the mean reciprocal rank of the labelled role.
func (r evalResult) mrr() float64 { return r.rr / float64(r.n) }

func TestPessimisticRank(t *testing.T) {
	fits := []RoleFit{
		{Role: "a", evidence: 5, Score: 10},
		{Role: "b", evidence: 3, Score: 20},
		{Role: "c", evidence: 3, Score: 20},
		{Role: "d", evidence: 3, Score: 10},
		{Role: "e", evidence: 0, Score: 0},
	}
	tests := []struct {
		want string
		pos  int
	}{
		{"a", 1},
		{"b", 3}, // a, and c tied with it
		{"c", 3},
		{"d", 4},
		{"e", 5},
		{"absent", 6},
	}
	for _, tt := range tests {
		if got := pessimisticRank(fits, tt.want); got != tt.pos {
			t.Errorf("pessimisticRank(%q) = %d, want %d", tt.want, got, tt.pos)
		}
	}
}

func TestMaskTitle(t *testing.T) {
	tests := []struct {
		mask            func(text, title string) string
		text, cat, want string
	}{
		{maskTitle, "Java Developer at Acme; JavaScript too", "Java Developer", "at Acme; JavaScript too"},
		{maskTitle, "HADOOP and hadoop-based jobs", "Hadoop", "and -based jobs"},
		{maskTitle, "Health and fitness coach", "Health and fitness", "and coach"},
		{maskTitle, "Manual QA tester; software testing", "Software Tester (Manual QA)", "; testing"},
		{maskTitle, "Advocate, lawyer at the bar", "Lawyer / Advocate", ", at the bar"},
		{maskTitle, ".NET Developer, ASP.NET", ".NET Developer", ", ASP.NET"},
		{maskPhrase, "Java Developer at Acme; Java and Spring", "Java Developer", "at Acme; Java and Spring"},
		{maskPhrase, "DevOps\nEngineer; engineer; DevOps", "DevOps Engineer", "; engineer; DevOps"},
	}
	for _, tt := range tests {
		if got := strings.Join(strings.Fields(tt.mask(tt.text, tt.cat)), " "); got != tt.want {
			t.Errorf("mask(%q, %q) = %q, want %q", tt.text, tt.cat, got, tt.want)
		}
	}
}

// tfidf is the baseline the evaluation README asks for: each role is the
// bag of words of its keyword names and aliases; a resume goes to the role
// with the highest TF-IDF cosine (IDF over the roles).
type tfidf struct {
	roles []string
	vecs  []map[string]float64
	idf   map[string]float64
}

var wordRe = regexp.MustCompile(`[\pL\pN+#.]+`)

func bag(text string) map[string]float64 {
	b := map[string]float64{}
	for _, w := range wordRe.FindAllString(strings.ToLower(text), -1) {
		if w = strings.Trim(w, "."); w != "" {
			b[w]++
		}
	}
	return b
}

func newTFIDF(t *testing.T, roles map[string]bool) *tfidf {
	t.Helper()
	fsys := os.DirFS(filepath.Join(sharedtest.Root(t), "seeds"))
	tf := &tfidf{idf: map[string]float64{}}
	for id := range roles {
		tf.roles = append(tf.roles, id)
	}
	sort.Strings(tf.roles)
	var bags []map[string]float64
	for _, id := range tf.roles {
		set, err := keywords.Load(fsys, id)
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, k := range set.Keywords {
			text = append(text, k.Name)
			text = append(text, k.Aliases...)
		}
		bags = append(bags, bag(strings.Join(text, " ")))
	}
	df := map[string]int{}
	for _, b := range bags {
		for w := range b {
			df[w]++
		}
	}
	for w, n := range df {
		tf.idf[w] = math.Log(float64(len(bags)) / float64(n))
	}
	for _, b := range bags {
		tf.vecs = append(tf.vecs, tf.weigh(b))
	}
	return tf
}

func (tf *tfidf) weigh(b map[string]float64) map[string]float64 {
	v := map[string]float64{}
	norm := 0.0
	for w, n := range b {
		if idf, ok := tf.idf[w]; ok && idf > 0 {
			v[w] = (1 + math.Log(n)) * idf
			norm += v[w] * v[w]
		}
	}
	for w := range v {
		v[w] /= math.Sqrt(norm)
	}
	return v
}

func (tf *tfidf) best(text string) string {
	q := tf.weigh(bag(text))
	best, bestCos := "", -1.0
	for i, v := range tf.vecs {
		cos := 0.0
		for w, x := range q {
			cos += x * v[w]
		}
		if cos > bestCos {
			best, bestCos = tf.roles[i], cos
		}
	}
	return best
}
