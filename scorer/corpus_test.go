package scorer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/keywords"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// knownFalsePositives are ordinary-English uses of ambiguous names that the
// matcher must never count; each is checked at the place a match was found.
var knownFalsePositives = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^go[- ](to|beyond|back|through|over|ahead|above|live|getter)\b`),
	regexp.MustCompile(`^(C|R)[-/](suite|level|section|D)\b`),
	regexp.MustCompile(`(?i)^spring (19|20)\d\d|^spring (semester|term|break)`),
	regexp.MustCompile(`(?i)^make (sure|decisions|it|the|a|up)\b|^makes\b`),
	regexp.MustCompile(`(?i)^express(ed|ion|ly)\b`),
	regexp.MustCompile(`(?i)^react(ed|ing|ion|ive)\b`),
	regexp.MustCompile(`(?i)^rust belt|^rails? (of|on the)\b`),
	regexp.MustCompile(`(?i)^shell (oil|plc|company)`),
	regexp.MustCompile(`(?i)^excel(lent|lence|led)\b`),
	regexp.MustCompile(`(?i)^swift(ly|ness)\b`),
}

// ambiguousSet is every curated lexicon skill with a case or context rule.
func ambiguousSet(lex *keywords.Lexicon) []keywords.Keyword {
	var out []keywords.Keyword
	for _, e := range lex.Entries() {
		if lex.Source(e.ID) != "curated" {
			continue
		}
		if e.Context != keywords.AnyContext || len(e.CaseAliases) > 0 || e.Ambiguity == "english_word" || e.Ambiguity == "short" || e.Ambiguity == "person_name" {
			out = append(out, keywords.Keyword{Name: e.Name})
		}
	}
	return out
}

// TestCorpusAmbiguousMatches lists every match of an ambiguous skill in the
// real job descriptions and reference resume texts of ../shared/corpus, writes
// them to a report for review, and fails on any known false-positive pattern.
func TestCorpusAmbiguousMatches(t *testing.T) {
	shared := sharedtest.Dir(t)
	var files []string
	for _, pat := range []string{"corpus/jds/*.txt", "corpus/ref/*.pdftotext.txt", "corpus/ref/*.pandoc.txt"} {
		m, _ := filepath.Glob(filepath.Join(shared, pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no corpus texts")
	}
	sort.Strings(files)
	lex := lexicon(t)
	ix := compile(t, ambiguousSet(lex)...)
	var report strings.Builder
	matches, bad := 0, 0
	perSkill := map[string]int{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.ReplaceAll(string(raw), "\f", "\n"), "\n")
		// each line alone: the gates look at one line (its sentences, whether it
		// is a list), so this lists every match, where a report keeps three
		for i, line := range lines {
			if strings.TrimSpace(line) == "" {
				continue
			}
			rep := ix.Score(doc(line))
			for _, m := range rep.Keywords {
				if !m.Matched {
					continue
				}
				matches++
				perSkill[m.Keyword]++
				fmt.Fprintf(&report, "%s:%d\t%s\t%q\t%s\n", filepath.Base(f), i+1, m.Keyword, m.Found, strings.TrimSpace(line))
				at := strings.Index(line, m.Found)
				if at < 0 {
					continue
				}
				for _, re := range knownFalsePositives {
					if re.MatchString(line[at:]) {
						bad++
						t.Errorf("%s:%d: %s matched ordinary English %q: %s", filepath.Base(f), i+1, m.Keyword, m.Found, line)
					}
				}
			}
		}
	}
	out := filepath.Join(os.TempDir(), "resumescore-ambiguous-matches.tsv")
	if err := os.WriteFile(out, []byte(report.String()), 0o644); err != nil {
		t.Logf("cannot write report: %v", err)
	}
	var skills []string
	for k, n := range perSkill {
		skills = append(skills, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(skills)
	t.Logf("%d files, %d matches of ambiguous skills (%s), %d known false positives; report: %s", len(files), matches, strings.Join(skills, ", "), bad, out)
}
