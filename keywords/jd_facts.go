package keywords

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	yearsRE  = lazyRegexp(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:plus\s+)?(?:years?|yrs?)\b`)
	degreeRE = []struct {
		re    func() *regexp.Regexp
		label string
	}{
		{lazyRegexp(`(?i)\b(?:ph\.?\s?d|doctorate|doctoral)\b`), "PhD"},
		{lazyRegexp(`(?i)\b(?:master'?s?|masters|m\.s\.|msc|m\.sc|mba)\b|\bMS\b`), "Master's"},
		{lazyRegexp(`(?i)\b(?:bachelor'?s?|bachelors|b\.s\.|bsc|b\.sc|b\.a\.|undergraduate degree|b\.?tech)\b|\bB[SA]\b`), "Bachelor's"},
		{lazyRegexp(`(?i)\bassociate'?s? degree\b`), "Associate's"},
		{lazyRegexp(`(?i)\b(?:degree|diploma)\b`), "degree"},
	}
	fieldRE = lazyRegexp(`(?i)\b(?:degree|bachelor'?s?|master'?s?|b\.?s\.?|m\.?s\.?|bsc|msc|ph\.?d)\b[^.;]{0,20}?\b(?:in|of)\s+((?:[A-Z][\w&-]*|and|or|a|related|computer|science|engineering|mathematics|math|statistics|physics)(?:[ ,/]+(?:[A-Z][\w&-]*|and|or|computer|science|engineering|mathematics|math|statistics|physics|information|technology|systems|related|field|fields|similar|technical|quantitative))*)`)
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}

// seniorityWords maps title words to a seniority level, most specific first.
var seniorityWords = []struct{ word, level string }{
	{"intern", "intern"}, {"internship", "intern"}, {"trainee", "intern"},
	{"junior", "junior"}, {"jr", "junior"}, {"entry", "junior"}, {"graduate", "junior"}, {"associate", "junior"},
	{"principal", "principal"}, {"distinguished", "principal"}, {"architect", "principal"},
	{"staff", "staff"},
	{"director", "director"}, {"vp", "director"}, {"head", "director"},
	{"manager", "manager"},
	{"lead", "lead"},
	{"senior", "senior"}, {"sr", "senior"},
	{"mid", "mid"}, {"intermediate", "mid"},
}

// jdYears returns the years of experience asked: the first figure in a
// required clause, else the first figure anywhere outside boilerplate.
func jdYears(cs []jdClause) int {
	for pass := 0; pass < 2; pass++ {
		for _, c := range cs {
			if c.Section == SectionIgnore || c.Section == SectionTitle {
				continue
			}
			if pass == 0 && c.Section != SectionRequired {
				continue
			}
			if f, ok := firstYearsFigure(c.Text); ok {
				return f.n
			}
		}
	}
	return 0
}

// yearsFigure is a number of years asked found in a clause: n, and the
// figure's match (start, end) in the clause's text.
type yearsFigure struct{ n, start, end int }

// firstYearsFigure finds the first plausible years requirement in text ("5+
// years", "three years"): a figure from 1 to 30 that is not an age or a time
// ago ("20 years old", "2 years ago").
func firstYearsFigure(text string) (yearsFigure, bool) {
	for _, m := range yearsRE().FindAllStringSubmatchIndex(text, -1) {
		tail := strings.ToLower(text[m[1]:min(len(text), m[1]+40)])
		if strings.Contains(tail, "old") || strings.Contains(tail, "ago") {
			continue
		}
		v := text[m[2]:m[3]]
		n, err := strconv.Atoi(v)
		if err != nil {
			n = numberWords[strings.ToLower(v)]
		}
		if n > 0 && n <= 30 {
			return yearsFigure{n, m[0], m[1]}, true
		}
	}
	return yearsFigure{}, false
}

// jdDegree returns the lowest degree asked ("Bachelor's", "Master's", "PhD")
// with its field when stated ("Bachelor's in Computer Science"), or "".
func jdDegree(cs []jdClause) string {
	for _, c := range cs {
		if c.Section == SectionIgnore || c.Section == SectionTitle {
			continue
		}
		low := strings.ToLower(c.Text)
		if !strings.Contains(low, "degree") && !strings.Contains(low, "bachelor") && !strings.Contains(low, "master") &&
			!strings.Contains(low, "phd") && !strings.Contains(low, "ph.d") && !strings.Contains(c.Text, "BS") && !strings.Contains(c.Text, "MS") {
			continue
		}
		label := ""
		for i := len(degreeRE) - 2; i >= 0; i-- { // lowest level first
			if degreeRE[i].re().MatchString(c.Text) {
				label = degreeRE[i].label
				break
			}
		}
		if label == "" {
			if !degreeRE[len(degreeRE)-1].re().MatchString(c.Text) {
				continue
			}
			label = "degree"
		}
		if m := fieldRE().FindStringSubmatch(c.Text); m != nil {
			field := strings.TrimSpace(m[1])
			for _, cut := range []string{" or a related", " or related", " or equivalent", " or a similar", " or similar", " or other", " and related", ", or", ","} {
				if i := strings.Index(strings.ToLower(field), cut); i > 0 {
					field = field[:i]
				}
			}
			field = strings.TrimRight(strings.TrimSpace(field), " ,/")
			if field != "" && !strings.EqualFold(field, "a") {
				return label + " in " + field
			}
		}
		return label
	}
	return ""
}

// jdSeniority reads the seniority from the title, else from the years asked.
func jdSeniority(title string, years int) string {
	w := cueWords(title)
	for _, s := range seniorityWords {
		for _, x := range w {
			if x == s.word {
				return s.level
			}
		}
	}
	switch {
	case years >= 8:
		return "staff"
	case years >= 5:
		return "senior"
	case years >= 2:
		return "mid"
	case years >= 1:
		return "junior"
	}
	return ""
}
