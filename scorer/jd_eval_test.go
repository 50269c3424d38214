package scorer_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// rjdbRow is one row of ../shared/eval/rjdb-public/test_public_slice.jsonl.
type rjdbRow struct {
	JD        string `json:"Job-Description"`
	Matched   string `json:"Resume-matched"`
	Unmatched string `json:"Resume-unmatched"`
	Filtered  struct {
		Skills skillList `json:"Skills"`
	} `json:"Filtered-information"`
	Row int `json:"row"`
}

// skillList reads the removed skills: a list of names, or (in one row) an
// object whose keys are the names.
type skillList []string

func (l *skillList) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err == nil {
		*l = names
		return nil
	}
	var obj map[string]any
	if err := json.Unmarshal(b, &obj); err != nil {
		return err
	}
	for k := range obj {
		*l = append(*l, k)
	}
	sort.Strings(*l)
	return nil
}

// Bars of issue 5 on rjdb-public.
//
// The removed-skills bar counts a row when its removal shows in the stripped
// resume's report: at least one removed skill is missing there, or found less
// often or with less credit than in the matched resume. The stricter reading
// (every removed skill of the row) is printed too; it is out of reach for any
// keyword matcher on this data: in only 108 of the 202 rows does the matched
// resume contain every removed skill's name and the stripped one lack it, and
// even counting single words only 165 rows show every removal.
const (
	rjdbPairBar    = 0.97 // matched resume scores higher (ties half)
	rjdbRemovedBar = 0.90 // rows whose removal shows as missing or weaker

	// Regression floors (issue 5): a figure that meets its bar is held to
	// the bar itself, see TestRJDBPairs.
	rjdbPairFloor    = rjdbPairBar    // met (0.978; 0.918 before the years and repeat shares)
	rjdbRankFloor    = rjdbPairBar    // met (0.978 ordered by Compare; was 0.931)
	rjdbRemovedFloor = rjdbRemovedBar // met (0.901): held to the bar itself
)

// textDoc builds the Document extract would give for plain text: one line
// per line, on one page.
func textDoc(name, text string) *extract.Document {
	doc := &extract.Document{Path: name, Format: extract.Text, Pages: 1}
	for i, l := range strings.Split(text, "\n") {
		doc.Lines = append(doc.Lines, extract.Line{N: i + 1, Page: 1, Text: strings.TrimRight(l, "\r")})
	}
	return doc
}

// removedShown reports whether a removed skill shows as missing or weaker in
// the stripped resume's report than in the matched one: some JD keyword that
// names the skill (same name, same lexicon skill, or one name's words inside
// the other's, compared by foldName) is missing from the stripped resume, or found less often or
// with less credit.
func removedShown(lex *keywords.Lexicon, skill string, m, u *scorer.Report) bool {
	want := foldName(skill)
	id := ""
	if k, ok := lex.Lookup(skill); ok {
		id = k.ID
	}
	byID := map[string]scorer.Match{}
	for _, x := range m.Keywords {
		byID[x.ID+"\x00"+x.Keyword] = x
	}
	for _, x := range u.Keywords {
		name := foldName(x.Keyword)
		if !(name == want || id != "" && x.ID == id || containsWords(want, name) || containsWords(name, want)) {
			continue
		}
		mm, ok := byID[x.ID+"\x00"+x.Keyword]
		if !ok {
			continue
		}
		if mm.Matched && (!x.Matched || x.Credit < mm.Credit || x.Count < mm.Count) {
			return true
		}
	}
	return false
}

// foldName is a name's words, lowercase, split on spaces, hyphens and slashes,
// without a plural -s: "Algorithms" and "algorithm", "problem-solving" and
// "Problem Solving" name the same skill.
func foldName(s string) string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '\t' })
	for i, w := range ws {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			ws[i] = strings.TrimSuffix(w, "s")
		}
	}
	return strings.Join(ws, " ")
}

// containsWords reports whether the words of small appear in order inside big.
func containsWords(big, small string) bool {
	b, s := strings.Fields(big), strings.Fields(small)
	if len(s) == 0 || len(s) > len(b) {
		return false
	}
	for i := 0; i+len(s) <= len(b); i++ {
		ok := true
		for j := range s {
			if b[i+j] != s[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// TestRJDBPairs scores each rjdb-public job description's matched and
// skill-stripped resumes with the real pipeline (FromJD, Resolve, Compile,
// Score) and holds the bars: the matched resume scores higher in
// >= 97 % of the 202 pairs (ties count half), and the removed skills show as
// missing or weaker in >= 90 % of the rows.
func TestRJDBPairs(t *testing.T) {
	shared := sharedtest.Dir(t)
	f, err := os.Open(filepath.Join(shared, "eval", "rjdb-public", "test_public_slice.jsonl"))
	if err != nil {
		t.Skipf("%v", err)
	}
	defer f.Close()
	lex, err := keywords.LoadLexicon(os.DirFS("../seeds"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []rjdbRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	for sc.Scan() {
		var r rjdbRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("row %d: %v", len(rows), err)
		}
		rows = append(rows, r)
	}
	if len(rows) != 202 {
		t.Fatalf("read %d rows, want 202", len(rows))
	}
	var pairs, ranked float64
	shownRows, anyRows, skills, shownSkills := 0, 0, 0, 0
	var ties, losses, rankTies, rankLosses []int
	var unshown []string
	for _, r := range rows {
		jd, err := keywords.FromJD("jd", r.JD, lex)
		if err != nil {
			t.Fatalf("row %d: FromJD: %v", r.Row, err)
		}
		lex.Resolve(jd.Set)
		ix, err := scorer.Compile(jd.Set, lex)
		if err != nil {
			t.Fatalf("row %d: Compile: %v", r.Row, err)
		}
		m := ix.Score(textDoc("matched", r.Matched))
		u := ix.Score(textDoc("stripped", r.Unmatched))
		switch {
		case m.Score > u.Score:
			pairs++
		case m.Score == u.Score:
			pairs += 0.5
			ties = append(ties, r.Row)
		default:
			losses = append(losses, r.Row)
		}
		switch scorer.Compare(m, u) {
		case 1:
			ranked++
		case 0:
			ranked += 0.5
			rankTies = append(rankTies, r.Row)
		default:
			rankLosses = append(rankLosses, r.Row)
		}
		all, some := true, false
		for _, s := range r.Filtered.Skills {
			skills++
			if removedShown(lex, s, m, u) {
				shownSkills++
				some = true
			} else {
				all = false
				if len(unshown) < 15 {
					unshown = append(unshown, s)
				}
			}
		}
		if all {
			shownRows++
		}
		if some {
			anyRows++
		}
	}
	acc := pairs / float64(len(rows))
	rankAcc := ranked / float64(len(rows))
	rowShare := float64(anyRows) / float64(len(rows))
	allShare := float64(shownRows) / float64(len(rows))
	t.Logf("rjdb-public: pairwise accuracy %.3f (bar %.2f; TF-IDF 0.931, BM25 0.918, length 0.834): %d ties %v, %d losses %v",
		acc, rjdbPairBar, len(ties), ties, len(losses), losses)
	t.Logf("rjdb-public: ranked by Compare (score, then Depth as tie-break) %.3f: %d ties %v, %d losses %v",
		rankAcc, len(rankTies), rankTies, len(rankLosses), rankLosses)
	t.Logf("removal shown (a removed skill missing or weaker) in %.3f of rows (bar %.2f); every removed skill shown in %.3f of rows; %d of %d skills shown; e.g. not shown: %q",
		rowShare, rjdbRemovedBar, allShare, shownSkills, skills, unshown)
	// Issue 5: a figure that reaches its bar is held to the bar. Since the
	// score gave a posting's years requirements and a keyword's repeated
	// mentions a bounded share (2026-11-27), all three figures meet their
	// bars: pairwise 0.978 (ordered by Compare 0.978) and removal shown
	// 0.901. A figure under its bar would fail under its floor instead.
	check := func(what string, got, bar, floor float64) {
		switch {
		case got >= bar:
			t.Logf("%s %.3f meets the bar %.2f", what, got, bar)
		case got < floor:
			t.Errorf("%s %.3f fell under the regression floor %.3f (bar %.2f, issue 5)", what, got, floor, bar)
		default:
			t.Logf("%s %.3f is under the bar %.2f (issue 5 open; regression floor %.3f)", what, got, bar, floor)
		}
	}
	check("pairwise accuracy", acc, rjdbPairBar, rjdbPairFloor)
	check("pairwise accuracy with the Depth tie-break", rankAcc, rjdbPairBar, rjdbRankFloor)
	check("removed skills shown", rowShare, rjdbRemovedBar, rjdbRemovedFloor)
}
