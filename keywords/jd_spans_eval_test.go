package keywords

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// spanSentence is one labelled sentence: its text (tokens joined by spaces)
// and the byte spans of the gold Knowledge and Skill spans.
type spanSentence struct {
	text             string
	knowledge, skill [][2]int
}

// readConll reads a SkillSpan CoNLL file: token, Skill tag, Knowledge tag.
func readConll(t *testing.T, path string) []spanSentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%v", err)
	}
	defer f.Close()
	var out []spanSentence
	var cur spanSentence
	var b strings.Builder
	open := [2]int{-1, -1} // start of the open Skill and Knowledge spans
	last := [2]int{}
	closeSpan := func(i int, end int) {
		if open[i] < 0 {
			return
		}
		sp := [2]int{open[i], end}
		if i == 0 {
			cur.skill = append(cur.skill, sp)
		} else {
			cur.knowledge = append(cur.knowledge, sp)
		}
		open[i] = -1
	}
	flush := func() {
		closeSpan(0, last[0])
		closeSpan(1, last[1])
		cur.text = b.String()
		if cur.text != "" {
			out = append(out, cur)
		}
		cur = spanSentence{}
		b.Reset()
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(f[0])
		end := b.Len()
		for i, tag := range []string{f[1], f[2]} {
			switch {
			case strings.HasPrefix(tag, "B-"):
				closeSpan(i, last[i])
				open[i] = start
			case strings.HasPrefix(tag, "I-") && open[i] >= 0:
			default:
				closeSpan(i, last[i])
			}
			if open[i] >= 0 {
				last[i] = end
			}
		}
	}
	flush()
	return out
}

func overlaps(a [2]int, spans [][2]int) bool {
	for _, s := range spans {
		if a[0] < s[1] && s[0] < a[1] {
			return true
		}
	}
	return false
}

// TestJDSkillSpans reports how FromJD's extraction agrees with the labelled
// skill spans of SkillSpan's tech test split (no bar; figures in -v):
// precision = share of extracted keyword occurrences inside a labelled span,
// recall = share of labelled Knowledge (hard-skill) spans an extraction touches.
// Each sentence is read twice: as prose and as a skills-list item.
func TestJDSkillSpans(t *testing.T) {
	shared := sharedtest.Dir(t)
	lex, err := LoadLexicon(os.DirFS("../seeds"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := lex.jdRules()
	if err != nil {
		t.Fatal(err)
	}
	sents := readConll(t, filepath.Join(shared, "eval", "jd-skill-spans", "skillspan", "skillspan_tech_test.conll"))
	if len(sents) < 1000 {
		t.Fatalf("read %d sentences, want the whole tech test split", len(sents))
	}
	type tally struct{ extracted, inSpan, inKnowledge, gold, found int }
	type result struct {
		dict, all             tally
		goldSkill, foundSkill int
	}
	// Each sentence is read under a heading: "Responsibilities" reads it as
	// prose; "Required Skills" as a skills-list item, whose words become terms
	// even when common.
	run := func(head string) result {
		var res result
		dict, all := &res.dict, &res.all
		for _, s := range sents {
			doc := rules.splitJD(head + "\n" + s.text)
			hits := dictionary(lex, doc.Clauses)
			terms := rules.otherTerms(doc.Clauses, hits, doc.Title)
			// offsets of each clause inside the sentence
			var spans [][2]int
			var isDict []bool
			for _, h := range hits {
				if off := strings.Index(s.text, doc.Clauses[h.clause].Text); off >= 0 {
					spans = append(spans, [2]int{off + h.start, off + h.end})
					isDict = append(isDict, true)
				}
			}
			for _, tm := range terms {
				if off := strings.Index(s.text, doc.Clauses[tm.clause].Text); off >= 0 {
					spans = append(spans, [2]int{off + tm.start, off + tm.end})
					isDict = append(isDict, false)
				}
			}
			gold := append(append([][2]int(nil), s.knowledge...), s.skill...)
			for i, sp := range spans {
				for _, tl := range []*tally{all, dict} {
					if tl == dict && !isDict[i] {
						continue
					}
					tl.extracted++
					if overlaps(sp, gold) {
						tl.inSpan++
					}
					if overlaps(sp, s.knowledge) {
						tl.inKnowledge++
					}
				}
			}
			for _, k := range s.knowledge {
				all.gold++
				dict.gold++
				var d, a bool
				for i, sp := range spans {
					if overlaps(sp, [][2]int{k}) {
						a = true
						d = d || isDict[i]
					}
				}
				if a {
					all.found++
				}
				if d {
					dict.found++
				}
			}
			for _, k := range s.skill {
				res.goldSkill++
				if overlaps(k, spans) {
					res.foundSkill++
				}
			}
		}
		return res
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	prose, list := run("Responsibilities"), run("Required Skills")
	t.Logf("SkillSpan tech test: %d sentences, %d Knowledge spans, %d Skill spans", len(sents), prose.all.gold, prose.goldSkill)
	t.Logf("dictionary only:  precision %.1f%% (%d/%d in any span; %.1f%% in Knowledge), Knowledge recall %.1f%% (%d/%d)",
		pct(prose.dict.inSpan, prose.dict.extracted), prose.dict.inSpan, prose.dict.extracted, pct(prose.dict.inKnowledge, prose.dict.extracted),
		pct(prose.dict.found, prose.dict.gold), prose.dict.found, prose.dict.gold)
	for _, m := range []struct {
		name string
		r    result
	}{{"as prose", prose}, {"as skills-list items", list}} {
		a := m.r.all
		t.Logf("with other terms, %s: precision %.1f%% (%d/%d in any span; %.1f%% in Knowledge), Knowledge recall %.1f%% (%d/%d), Skill recall %.1f%%",
			m.name, pct(a.inSpan, a.extracted), a.inSpan, a.extracted, pct(a.inKnowledge, a.extracted), pct(a.found, a.gold), a.found, a.gold,
			pct(m.r.foundSkill, m.r.goldSkill))
	}
	all := prose.all
	if all.extracted == 0 || all.found == 0 {
		t.Errorf("nothing extracted from %d sentences", len(sents))
	}
}
