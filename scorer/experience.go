package scorer

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
	"github.com/resumescore/resumescore/scorer/token"
)

// ExperienceShare is the share of the score that a job description's years
// requirements ("at least 2 years as a Network Engineer") hold when it states
// any: the keywords weigh 1 - ExperienceShare of the score, the years asked
// ExperienceShare. A target that asks no years (a role, a keyword list, most
// postings) is scored on its keywords alone.
const ExperienceShare = 0.2

// experienceSectionWeight weighs an ask by where the posting states it.
func experienceSectionWeight(section string) float64 {
	if section == keywords.SectionPreferred {
		return 0.5
	}
	return 1
}

// Experience is the years-asked share of a report: what each of the posting's
// "N years as X" requirements found in the resume's dated roles.
type Experience struct {
	Points    float64           `json:"points"`     // the share's points in the score
	MaxPoints float64           `json:"max_points"` // 100 * ExperienceShare
	Asks      []ExperienceMatch `json:"asks"`
}

// ExperienceMatch is the verdict for one years requirement.
type ExperienceMatch struct {
	Text      string     `json:"text"`       // the requirement as the posting writes it
	Section   string     `json:"section"`    // required or preferred
	Asked     int        `json:"asked"`      // years asked
	Years     float64    `json:"years"`      // years of the resume's dated roles that name the requirement's role or field
	Credit    float64    `json:"credit"`     // min(years / asked, 1)
	Points    float64    `json:"points"`     // this requirement's share of the score
	MaxPoints float64    `json:"max_points"` // its share when met
	Evidence  []Evidence `json:"evidence"`   // the dated lines counted
	Fix       string     `json:"fix,omitempty"`
}

// monthNames maps a month's first three letters to its number.
var monthNames = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// dateRangeRE finds "2019 - 2023", "(2016-2018)", "2009 to 2014",
// "Jan 2019 - Mar 2021", "03/2019 - 06/2021" and "2019 - Present" after
// token.Normalize (en dashes are hyphens by then).
var dateRangeRE = lazyRegexp(`(?i)\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+|(0?[1-9]|1[0-2])/)?((?:19|20)\d\d)\s*(?:-+|to|until|through|till)\s*(?:(?:(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+|(0?[1-9]|1[0-2])/)?((?:19|20)\d\d)\b|(present|current|now|today|date)\b)`)

// educationWords mark a dated line as schooling, not a role.
func educationWords(w string) bool {
	switch w {
	case
		"university", "college", "school", "bachelor", "bachelors", "master",
		"masters", "degree", "diploma", "phd", "gpa", "graduated", "academy",
		"institute", "bsc", "msc", "mba", "coursework":
		return true
	}
	return false
}

// datedLine is a role's date range with the words that name it.
type datedLine struct {
	line       int // index in Document.Lines
	start, end int // months since year 0, end exclusive
	words      map[string]bool
}

// datedLines returns the date ranges of the document's roles (lines outside
// an education section that do not name a school or degree), each with the
// folded words of the role: its dated line, the line above when the dates
// stand nearly alone ("Acme Corp, Network Engineer" over "Jan 2019 - Mar
// 2021"), and the lines under it up to the next dated line or heading (the
// role's bullets). A range ending "present" ends at asOf (Set.AsOf, the
// month cmd reads the resume on), or without it at the latest month the
// resume names: scoring has no clock of its own.
func datedLines(doc *extract.Document, asOf int, fold *wordFolder) []datedLine {
	var out []datedLine
	var opens []int
	latest := 0
	prev := -1
	var cur map[string]bool // the words of the role being read, nil outside one
	curSection := ""
	for i := range doc.Lines {
		ln := &doc.Lines[i]
		text := token.Normalize(ln.Text)
		if strings.TrimSpace(text) == "" {
			continue
		}
		var ms [][]int
		if hasYear(text) {
			ms = dateRangeRE().FindAllStringSubmatchIndex(text, -1)
		}
		if len(ms) == 0 {
			if cur != nil && (ln.Section != curSection || isHeading(text)) {
				cur = nil
			}
			if cur != nil {
				fold.add(cur, text)
			}
			prev = i
			continue
		}
		words := map[string]bool{}
		var rest strings.Builder
		at := 0
		for _, m := range ms {
			rest.WriteString(text[at:m[0]])
			rest.WriteByte(' ')
			at = m[1]
		}
		rest.WriteString(text[at:])
		n := fold.add(words, rest.String())
		if ln.Section == "education" || hasEducationWord(rest.String()) {
			cur = nil
			prev = i
			continue
		}
		if n < 2 && prev >= 0 {
			if pt := token.Normalize(doc.Lines[prev].Text); !hasYear(pt) || !dateRangeRE().MatchString(pt) {
				fold.add(words, pt)
			}
		}
		cur, curSection = words, ln.Section
		for _, m := range ms {
			d := datedLine{line: i, start: monthOf(text, m[2], m[3], m[4], m[5], m[6], m[7], false), words: words}
			latest = max(latest, d.start)
			if m[14] >= 0 {
				opens = append(opens, len(out))
			} else {
				d.end = monthOf(text, m[8], m[9], m[10], m[11], m[12], m[13], true)
				latest = max(latest, d.end)
			}
			out = append(out, d)
		}
		prev = i
	}
	if asOf > 0 {
		latest = asOf + 1 // the end of the month
	}
	for _, o := range opens {
		out[o].end = max(latest, out[o].start)
	}
	return out
}

// hasYear reports whether s holds a year 19xx or 20xx standing alone: the
// cheap test before dateRangeRE, which most lines fail.
func hasYear(s string) bool {
	digit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && digit(i+2) && digit(i+3) && !digit(i-1) && !digit(i+4) {
			return true
		}
	}
	return false
}

// wordFolder folds a resume's words for the years requirements. Only a word
// that starts like a requirement's word (its first three letters: a Snowball
// stem keeps the start of its word) can fold to it, so only those are
// stemmed, each once per document.
type wordFolder struct {
	want  map[string]bool   // first three bytes (or all) of each requirement word
	cache map[string]string // word -> ExperienceWord(word)
}

func newWordFolder(asks []keywords.ExperienceAsk) *wordFolder {
	f := &wordFolder{want: map[string]bool{}, cache: map[string]string{}}
	for _, a := range asks {
		for _, w := range a.Words {
			f.want[w[:min(3, len(w))]] = true
		}
	}
	return f
}

// add adds the folded words of s that may name a requirement to set and
// returns how many words s has.
func (f *wordFolder) add(set map[string]bool, s string) int {
	ws := lineWords(s)
	for _, w := range ws {
		if !f.want[w[:min(3, len(w))]] {
			continue
		}
		k, ok := f.cache[w]
		if !ok {
			k = keywords.ExperienceWord(w)
			f.cache[w] = k
		}
		set[k] = true
	}
	return len(ws)
}

// isHeading reports whether a line reads as a section heading: a Markdown
// heading, or a short line ending in a colon or written in capitals.
func isHeading(s string) bool {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "#") {
		return true
	}
	n := len(strings.Fields(t))
	if n == 0 || n > 4 {
		return false
	}
	return strings.HasSuffix(t, ":") || t == strings.ToUpper(t) && strings.ToLower(t) != t
}

// monthOf reads a month-year point of dateRangeRE as months since year 0:
// the month's start, or for an end the month after it, so that a range is
// end - start months ("Jan 2019 - Mar 2021" 27). A year alone is its
// January, start or end: "2019 - 2021" is two years.
func monthOf(text string, ns, ne, ds, de, ys, ye int, end bool) int {
	m := 0
	switch {
	case ns >= 0:
		m = monthNames[strings.ToLower(text[ns:ns+3])]
	case ds >= 0:
		m = atoi(text[ds:de])
	default:
		return atoi(text[ys:ye]) * 12
	}
	if !end {
		m--
	}
	return atoi(text[ys:ye])*12 + m
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// hasEducationWord reports whether s names a school or a degree.
func hasEducationWord(s string) bool {
	for _, w := range lineWords(s) {
		if educationWords(w) {
			return true
		}
	}
	return false
}

// lineWords splits a line into its lowercase words.
func lineWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#')
	})
}

// names reports whether a dated line names the requirement: at least half
// of its words, and two of them when it has two or more ("Network Engineer"
// is not named by "System Engineer"). A requirement without words ("5+ years
// of experience") is named by every role.
func (d *datedLine) names(words []string) bool {
	hit := 0
	for _, w := range words {
		if d.words[w] {
			hit++
		}
	}
	return 2*hit >= len(words) && hit >= min(len(words), 2)
}

// experience credits each of the set's years requirements with the years of
// the dated roles that name it (overlapping ranges counted once) and returns
// the share, or nil when the set asks no years.
func experience(doc *extract.Document, asks []keywords.ExperienceAsk, asOf int, share float64) *Experience {
	if len(asks) == 0 {
		return nil
	}
	dated := datedLines(doc, asOf, newWordFolder(asks))
	var wsum float64
	for _, a := range asks {
		wsum += experienceSectionWeight(a.Section)
	}
	ex := &Experience{MaxPoints: round2(100 * share), Asks: []ExperienceMatch{}}
	var total float64
	for _, a := range asks {
		em := ExperienceMatch{Text: a.Text, Section: a.Section, Asked: a.Years, Evidence: []Evidence{}}
		type span struct{ s, e int }
		var spans []span
		for _, d := range dated {
			if !d.names(a.Words) {
				continue
			}
			spans = append(spans, span{d.start, d.end})
			n := doc.Lines[d.line].N
			if len(em.Evidence) < maxEvidence && (len(em.Evidence) == 0 || em.Evidence[len(em.Evidence)-1].Line != n) {
				em.Evidence = append(em.Evidence, Evidence{Line: n, Text: doc.Lines[d.line].Text})
			}
		}
		sort.Slice(spans, func(i, j int) bool { return spans[i].s < spans[j].s })
		months, curS, curE := 0, -1, -1
		for _, s := range spans {
			if s.e <= s.s {
				continue
			}
			if curS >= 0 && s.s <= curE {
				curE = max(curE, s.e)
				continue
			}
			if curS >= 0 {
				months += curE - curS
			}
			curS, curE = s.s, s.e
		}
		if curS >= 0 {
			months += curE - curS
		}
		em.Years = math.Round(float64(months)/12*10) / 10
		em.Credit = math.Min(em.Years/float64(a.Years), 1)
		maxP := 100 * share * experienceSectionWeight(a.Section) / wsum
		em.MaxPoints = round2(maxP)
		em.Points = round2(maxP * em.Credit)
		em.Credit = round2(em.Credit)
		total += maxP * math.Min(em.Years/float64(a.Years), 1)
		if em.Years < float64(a.Years) {
			em.Fix = experienceFix(a, em.Years)
		}
		ex.Asks = append(ex.Asks, em)
	}
	ex.Points = total
	return ex
}

func experienceFix(a keywords.ExperienceAsk, years float64) string {
	found := "no dated role names it"
	if years > 0 {
		found = fmt.Sprintf("the dated roles that name it cover %s", yearsLabel(years))
	}
	return fmt.Sprintf("the posting asks %s (%q): %s; if you have them, name the role with its dates (2019 - 2023)",
		yearsLabel(float64(a.Years)), clipText(a.Text, 60), found)
}

func yearsLabel(y float64) string {
	if y == 1 {
		return "1 year"
	}
	return strconv.FormatFloat(y, 'f', -1, 64) + " years"
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
