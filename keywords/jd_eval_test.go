package keywords

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// oracleSkill is a language, framework, database or cloud service of the
// shared curated lexicon, with the forms that name it.
type oracleSkill struct {
	id, label string
	ci        []string // forms matched case-insensitively
	cs        []string // forms matched in exact case
}

// readOracle reads ../shared/data/skills_lexicon.tsv: the curated rows of the
// four categories the bar names.
func readOracle(t *testing.T, shared string) []oracleSkill {
	t.Helper()
	f, err := os.Open(filepath.Join(shared, "data", "skills_lexicon.tsv"))
	if err != nil {
		t.Skipf("%v", err)
	}
	defer f.Close()
	var out []oracleSkill
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 7 || c[0] == "id" {
			continue
		}
		switch c[2] {
		case "language", "framework", "database", "cloud":
		default:
			continue
		}
		s := oracleSkill{id: c[0], label: c[1]}
		for _, a := range strings.Split(c[3], "|") {
			if a != "" {
				s.ci = append(s.ci, a)
			}
		}
		for _, a := range strings.Split(c[4], "|") {
			if a != "" {
				s.cs = append(s.cs, a)
			}
		}
		if len(s.cs) == 0 {
			s.ci = append(s.ci, s.label)
		}
		out = append(out, s)
	}
	return out
}

// nameRE matches a form as a whole word: no letter, digit or joiner glued on
// either side ("Java" not in "JavaScript", "SQL" not in "NoSQL").
func nameRE(form string, ci bool) *regexp.Regexp {
	p := `(?:^|[^\pL\pN+#.\-/])` + regexp.QuoteMeta(form) + `(?:$|[^\pL\pN+#\-/]|\.(?:$|\s))`
	if ci {
		p = `(?i)` + p
	}
	return regexp.MustCompile(p)
}

// requirementLines returns the lines of a JD's requirements sections, found
// independently of FromJD: a short heading line naming requirements or
// qualifications opens a block, any other short heading closes it.
func requirementLines(text string) []string {
	var out []string
	in := false
	reqHead := regexp.MustCompile(`(?i)(requirement|qualification|what you need|what you.?ll need|what you bring|what you.?ll bring|who you are|you have|looking for|must.?have|skills and (experience|knowledge)|required skills|about you)`)
	for _, raw := range strings.Split(text, "\n") {
		l := strings.TrimSpace(raw)
		if l == "" {
			continue
		}
		bare := strings.Trim(l, "#*_: ")
		heading := len(strings.Fields(bare)) <= 8 && !strings.HasSuffix(bare, ".") && !strings.HasPrefix(l, "-") && !strings.HasPrefix(l, "*") && !strings.HasPrefix(l, "•")
		if heading {
			in = reqHead.MatchString(bare) && !regexp.MustCompile(`(?i)responsibilit|you.?ll do|you will do`).MatchString(bare)
			continue
		}
		if in {
			out = append(out, l)
		}
	}
	return out
}

// oracleExclusions are names the line-level oracle finds in a requirements
// block that are not asked of the candidate, each checked by hand.
var oracleExclusions = map[string]string{
	"backend-gitlab-senior-backend-engineer.txt/rails": "negated: 'no Ruby or Rails experience required'",
	"backend-gitlab-senior-backend-engineer.txt/ruby":  "negated: 'no Ruby or Rails experience required'",
	"data-gitlab-data-engineer.txt/aws-lambda":         "'Lambda Architecture' is a data-processing design, not AWS Lambda",
}

// TestJDCorpusKeywords writes the keywords extracted from each of the 26
// corpus job descriptions (visible with -v) and holds the bars: no
// boilerplate word is ever a keyword, and every language, framework,
// database and cloud service named in a requirements section is extracted.
func TestJDCorpusKeywords(t *testing.T) {
	shared := sharedtest.Dir(t)
	lex, err := LoadLexicon(os.DirFS("../seeds"))
	if err != nil {
		t.Fatal(err)
	}
	oracle := readOracle(t, shared)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "jds", "*.txt"))
	if len(files) < 26 {
		t.Fatalf("found %d corpus JDs, want 26", len(files))
	}
	boiler := []string{"team", "teams", "experience", "experiences", "benefits", "benefit", "equal opportunity", "equal opportunity employer", "equal-opportunity"}
	rules, err := lex.jdRules()
	if err != nil {
		t.Fatal(err)
	}
	nNamed, found := 0, 0
	for _, path := range files {
		base := filepath.Base(path)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		jd, err := FromJD(base, string(b), lex)
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		ids := map[string]bool{}
		var parts []string
		for _, k := range jd.Set.Keywords {
			ids[k.ID] = true
			mark := ""
			if k.Other {
				mark = "*"
			}
			if k.Group != "" {
				mark += "(" + k.Group + ")"
			}
			parts = append(parts, fmt.Sprintf("%s%s %.2f/%s", k.Name, mark, k.Weight, k.Section[:3]))
			low := strings.ToLower(k.Name)
			for _, w := range boiler {
				if low == w {
					t.Errorf("%s: boilerplate %q extracted as a keyword", base, k.Name)
				}
			}
			all := true
			for _, w := range strings.Fields(low) {
				if !rules.stop[w] && !rules.function[w] {
					all = false
				}
			}
			if all {
				t.Errorf("%s: keyword %q is made of boilerplate words only", base, k.Name)
			}
		}
		t.Logf("%s: %q · %d years · %q · %q\n  %s", base, jd.Title, jd.Years, jd.Degree, jd.Seniority, strings.Join(parts, ", "))
		req := strings.Join(requirementLines(string(b)), "\n")
		// every oracle occurrence, then drop those inside a longer one
		// ("Spring" inside "Spring Boot"): the longest name wins.
		type occ struct {
			s          int
			start, end int
		}
		var occs []occ
		for i, s := range oracle {
			for k, forms := range [][]string{s.ci, s.cs} {
				for _, f := range forms {
					for _, m := range nameRE(f, k == 0).FindAllStringIndex(req, -1) {
						occs = append(occs, occ{i, m[0], m[1]})
					}
				}
			}
		}
		named := map[int]bool{}
		for _, o := range occs {
			inside := false
			for _, p := range occs {
				if p.end-p.start > o.end-o.start && p.start <= o.start && o.end <= p.end && oracle[p.s].id != oracle[o.s].id {
					inside = true
				}
			}
			if !inside {
				named[o.s] = true
			}
		}
		var missing []string
		for i, s := range oracle {
			if !named[i] {
				continue
			}
			if why, ok := oracleExclusions[base+"/"+s.id]; ok {
				t.Logf("%s: %s not required: %s", base, s.label, why)
				continue
			}
			nNamed++
			if ids[s.id] {
				found++
			} else {
				missing = append(missing, s.label)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s: named in requirements but not extracted: %s", base, strings.Join(missing, ", "))
		}
	}
	t.Logf("corpus JDs: %d files; %d of %d languages/frameworks/databases/clouds named in requirements extracted", len(files), found, nNamed)
}
