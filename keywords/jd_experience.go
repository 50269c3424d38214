package keywords

import (
	"strings"

	"github.com/resumescore/resumescore/scorer/token"
)

// ExperienceAsk is one "N years as X" requirement of a job description: the
// years asked and the words of the role or field they are asked in. The
// scorer credits the years of the resume's dated roles that name those words.
type ExperienceAsk struct {
	Years   int      // years asked (the first figure of the requirement)
	Text    string   // the requirement as the posting writes it
	Words   []string // the role's or field's content words, as ExperienceWord folds them; empty: any experience counts
	Section string   // required or preferred
}

// maxExperienceAsks bounds the asks kept per posting, in posting order.
const maxExperienceAsks = 8

// experienceFiller are words of a years requirement that name neither the
// role nor the field ("at least 4 years of prior experience working as").
func experienceFiller(w string) bool {
	switch w {
	case
		"minimum", "least", "prior", "previous", "spent", "has", "have",
		"having", "hold", "holds", "must", "should", "total", "overall",
		"relevant", "related", "direct", "hands", "demonstrated", "combined",
		"progressive", "progressively", "responsible", "responsibility", "responsibilities",
		"job", "jobs", "work", "worked", "working", "position", "positions",
		"capacity", "field", "industry", "equivalent", "added", "advantage",
		"plus", "preferred", "required", "crucial", "essential", "mandatory",
		"desirable", "desired", "ideally", "preferably", "prefer", "approximately", "over", "more",
		"than", "year", "yrs", "yr", "experienced", "experiences":
		return true
	}
	return false
}

// jdExperience returns the posting's years requirements: each clause outside
// boilerplate that asks a number of years ("Minimum 2 years as a Network
// Engineer", "5+ years of experience in forest conservation") and reads as
// required or preferred. Its content words, once the figure, function words,
// job-ad boilerplate, requirement filler and a ", preferably …" tail are
// dropped, name the role or field. Its section comes from the inline cues up
// to the first comma or semicolon after the figure: in "2 years as a QA
// Engineer, preferably in a tech company" the preference is the company's,
// and the years stay required.
func (r *JDRules) jdExperience(cs []jdClause) []ExperienceAsk {
	var out []ExperienceAsk
	for _, c := range cs {
		if c.Section == SectionIgnore || c.Section == SectionTitle {
			continue
		}
		if f, ok := firstYearsFigure(c.Text); ok {
			head := c.Text
			if i := strings.IndexAny(c.Text[f.end:], ",;"); i >= 0 {
				head = c.Text[:f.end+i]
			}
			sec := c.Section
			if head != c.Text {
				sec, _ = r.inlineSection(head, c.Base)
			}
			if sec == SectionRequired || sec == SectionPreferred {
				rest := c.Text[:f.start] + " " + c.Text[f.end:]
				if i := preferenceTail(rest); i > 0 {
					rest = rest[:i] // "…, preferably at a tech company" is no part of the role
				}
				out = append(out, ExperienceAsk{Years: f.n, Text: strings.TrimSpace(c.Text), Words: r.experienceWords(rest), Section: sec})
			}
		}
		if len(out) == maxExperienceAsks {
			break
		}
	}
	return out
}

// preferenceTail returns where a ", preferably …" or ", ideally …" tail
// starts in s, or -1.
func preferenceTail(s string) int {
	low := strings.ToLower(s)
	best := -1
	for _, t := range []string{", preferably ", ", ideally ", " preferably in ", " preferably at ", " ideally in "} {
		if i := strings.Index(low, t); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// experienceWords folds the content words of a requirement, once each.
func (r *JDRules) experienceWords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range cueWords(s) {
		if len(w) < 2 || r.function[w] || r.stop[w] || experienceFiller(w) || isDigits(w) {
			continue
		}
		k := ExperienceWord(w)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ExperienceWord folds one word of a years requirement or of a resume's dated
// line so that both sides meet: lowercase, a possessive or plural dropped,
// ordinary words Snowball-stemmed ("Engineers" and "engineering" give
// "engin").
func ExperienceWord(w string) string {
	w = strings.TrimSuffix(strings.ToLower(w), "'s")
	if !token.Stemmable(w) {
		return w
	}
	return token.Porter2(token.Light(w))
}
