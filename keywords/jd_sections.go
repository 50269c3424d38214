package keywords

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// jdClause is one sentence of a job description with the section it belongs
// to after headings and inline cues.
type jdClause struct {
	Line    int    // 1-based line number in the JD
	Text    string // the sentence
	Section string // required, responsibilities, preferred, about, ignore or title
	Base    string // the section of the heading, before the sentence's inline cues
	Bullet  bool   // the line is a list item
	First   bool   // the first sentence of its line
	Heading string // the heading the clause sits under ("" before the first)
	// Negated holds byte ranges of Text inside a negated requirement
	// ("no Ruby or Rails experience required"): hits there are dropped.
	Negated [][2]int
}

// jdDoc is a job description split into clauses, with the title line.
type jdDoc struct {
	Title   string
	Clauses []jdClause
}

var (
	bulletRE   = lazyRegexp(`^\s*(?:[-*•·▪◦●‣–—>]+\s*|\(?\d{1,2}[.)]\s+|\(?[a-z]\)\s+)`)
	markRE     = lazyRegexp(`\*\*|__|^#+\s*|\s*#+$`)
	negationRE = lazyRegexp(`(?i)\bno\s+([^.;:()]{1,80}?)\s+(?:experience\s+|knowledge\s+|background\s+)?(?:is\s+|are\s+)?(?:required|necessary|needed)\b`)
	titleCueRE = lazyRegexp(`(?i)^\s*(?:job\s+title|position|role\s+title|title)\s*:\s*(\S.*)$`)
)

// maxHeadingWords is the longest line read as a heading (matching.md §7).
const maxHeadingWords = 8

// splitJD cuts the JD text into clauses, each tagged with its section.
func (r *JDRules) splitJD(text string) jdDoc {
	var d jdDoc
	section, heading := SectionAbout, ""
	wantTitle := true // the first short line is the posting's title
	nextIsTitle := false
	lines := joinWrapped(strings.Split(text, "\n"))
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSpace(strings.TrimRight(raw, "\r"))
		if line == "" {
			continue
		}
		if m := titleCueRE().FindStringSubmatch(line); m != nil && d.Title == "" {
			d.Title = strings.TrimSpace(m[1])
			d.Clauses = append(d.Clauses, jdClause{Line: n, Text: d.Title, Section: SectionTitle})
			wantTitle, nextIsTitle = false, false
			continue
		}
		clean := strings.TrimSpace(markRE().ReplaceAllString(line, ""))
		bullet := bulletRE().MatchString(clean) && !strings.HasPrefix(line, "#")
		if bullet {
			clean = strings.TrimSpace(bulletRE().ReplaceAllString(clean, ""))
		}
		if clean == "" {
			continue
		}
		if !bullet {
			if sec, norm, ok := r.heading(clean, line); ok {
				if norm == "job title" || norm == "title" || norm == "position" {
					nextIsTitle = true
					continue
				}
				section, heading = sec, clean
				wantTitle = false
				continue
			}
		}
		// "Required Skills: Kafka, Redis" - a heading with its content on one line.
		if !bullet {
			if i := strings.Index(clean, ":"); i > 0 && i+1 < len(clean) {
				if sec, norm, ok := r.heading(clean[:i+1], clean[:i+1]); ok && norm != "job title" && norm != "title" && norm != "position" {
					section, heading = sec, clean[:i]
					wantTitle, nextIsTitle = false, false
					clean = strings.TrimSpace(clean[i+1:])
					if clean == "" {
						continue
					}
				}
			}
		}
		if nextIsTitle || (wantTitle && !bullet && looksLikeTitle(clean)) {
			d.Title = strings.TrimSpace(strings.TrimSuffix(clean, ":"))
			d.Clauses = append(d.Clauses, jdClause{Line: n, Text: d.Title, Section: SectionTitle})
			wantTitle, nextIsTitle = false, false
			continue
		}
		wantTitle, nextIsTitle = false, false
		for k, s := range splitSentences(clean) {
			c := jdClause{Line: n, Text: s, Section: section, Base: section, Bullet: bullet, Heading: heading, First: k == 0}
			if section != SectionIgnore {
				c.Section, c.Negated = r.inlineSection(s, section)
			}
			d.Clauses = append(d.Clauses, c)
		}
	}
	return d
}

// joinWrapped rejoins lines that a PDF or a narrow editor wrapped: a line
// opening in lowercase continues the line above when that one does not end a
// sentence ("Experience with Python, Java, or" / "C# for tooling" stays split;
// "Kubernetes and Docker in" / "production." joins). The joined text stays on
// the first line's number; the continuation's slot is left empty.
func joinWrapped(lines []string) []string {
	out := make([]string, len(lines))
	copy(out, lines)
	prev := -1
	for i, l := range out {
		t := strings.TrimSpace(l)
		if t == "" {
			prev = -1
			continue
		}
		if prev >= 0 {
			p := strings.TrimSpace(out[prev])
			r, _ := utf8.DecodeRuneInString(t)
			// a wrapped line is long; a short one above is a heading or a title
			if unicode.IsLower(r) && len(strings.Fields(p)) >= 8 && !strings.ContainsAny(p[len(p)-1:], ".:;!?") && !bulletRE().MatchString(t) {
				out[prev] = p + " " + t
				out[i] = ""
				continue
			}
		}
		prev = i
	}
	return out
}

// heading reports whether clean (a line without bullets and markup) is a
// section heading, and which section it opens.
func (r *JDRules) heading(clean, raw string) (section, norm string, ok bool) {
	if section, norm, ok = r.headingOf(clean, raw); ok {
		return section, norm, ok
	}
	// "Perks (for Full-Time Employees Only)": without its trailing aside
	// (kept when it is the cue: "Highly Desirable (Bonus Points):").
	body := strings.TrimRight(clean, ":")
	if i := strings.LastIndexByte(body, '('); i > 0 && strings.HasSuffix(body, ")") {
		return r.headingOf(strings.TrimSpace(body[:i])+clean[len(body):], raw) // the colons stay
	}
	return "", "", false
}

// headingOf is heading for one form of the line.
func (r *JDRules) headingOf(clean, raw string) (section, norm string, ok bool) {
	if strings.ContainsAny(strings.TrimRight(clean, ":?!"), ".,;") && !strings.HasSuffix(clean, ":") {
		return "", "", false
	}
	w := cueWords(clean)
	if len(w) == 0 || len(w) > maxHeadingWords {
		return "", "", false
	}
	norm = strings.Join(w, " ")
	if norm == "job title" || norm == "title" || norm == "position" {
		return SectionTitle, norm, true
	}
	if sec, ok := r.headings[norm]; ok {
		return sec, norm, true
	}
	// "Why Join Docker?", "About Acme": the company's name where a cue says
	// "us" ("why join us", "about us").
	if f := strings.Fields(strings.TrimRight(clean, ":?!")); len(f) == len(w) && len(w) >= 2 {
		if last := f[len(f)-1]; last != "" && last[0] >= 'A' && last[0] <= 'Z' {
			if sec, ok := r.headings[strings.Join(w[:len(w)-1], " ")+" us"]; ok {
				return sec, norm, true
			}
		}
	}
	// "Senior Data Engineer Requirements", "Key Responsibilities:": the line
	// ends with a cue. A line that starts with one counts only when short and
	// marked as a heading (a colon, a #, or bold).
	marked := strings.HasSuffix(clean, ":") || strings.HasPrefix(raw, "#") || strings.HasPrefix(raw, "**")
	best, bestLen := "", 0
	for i := 1; i < len(w); i++ {
		tail := strings.Join(w[i:], " ")
		if sec, ok := r.headings[tail]; ok && len(w)-i > bestLen && len(w)-i >= 1 {
			best, bestLen = sec, len(w)-i
		}
	}
	if best != "" && (marked || len(w) <= 5) {
		return best, norm, true
	}
	if marked {
		// "Extra brownie points if you:": a marked heading containing a cue.
		best, bestLen = "", 0
		for i := 0; i < len(w); i++ {
			for j := i + 1; j <= len(w); j++ {
				if sec, ok := r.headings[strings.Join(w[i:j], " ")]; ok && j-i > bestLen {
					best, bestLen = sec, j-i
				}
			}
		}
		if best != "" {
			return best, norm, true
		}
	}
	return "", "", false
}

// looksLikeTitle reports whether a line can be a posting's title: short, not a
// sentence.
func looksLikeTitle(s string) bool {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") {
		return false
	}
	n := len(strings.Fields(s))
	return n >= 1 && n <= 12
}

// inlineSection applies the inline cues of one sentence: "Kafka is a plus"
// moves it to preferred; "no Ruby experience required" marks a negated span.
func (r *JDRules) inlineSection(s, section string) (string, [][2]int) {
	var neg [][2]int
	for _, m := range negationRE().FindAllStringSubmatchIndex(s, -1) {
		neg = append(neg, [2]int{m[2], m[3]})
	}
	w := cueWords(s)
	joined := " " + strings.Join(w, " ") + " "
	for _, c := range r.inline {
		if c.negated || len(c.words) == 0 {
			continue
		}
		if strings.Contains(joined, " "+strings.Join(c.words, " ")+" ") {
			if c.section == SectionRequired && section != SectionRequired && section != SectionResponsibilities && section != SectionPreferred {
				// "or equivalent" in an about paragraph is not a requirement.
				return section, neg
			}
			return c.section, neg
		}
	}
	return section, neg
}

// splitSentences cuts a line at sentence ends (". ", "; ", "! ", "? ") that are
// not abbreviations.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == '.' || r == ';' || r == '!' || r == '?') && i+size < len(s) && s[i+size] == ' ' {
			word := lastWord(s[start:i])
			if r != '.' || !isAbbrev(word) {
				if t := strings.TrimSpace(s[start : i+size]); t != "" {
					out = append(out, t)
				}
				start = i + size
			}
		}
		i += size
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return chunkLong(out)
}

// maxClauseBytes bounds a clause: longer runs without a sentence end (a pasted
// keyword blob) are cut at a comma or space, which keeps the per-clause work
// of the matcher small and FromJD linear in the text.
const maxClauseBytes = 600

func chunkLong(in []string) []string {
	var out []string
	for _, s := range in {
		for len(s) > maxClauseBytes {
			cut := strings.LastIndex(s[:maxClauseBytes], ", ")
			if cut < maxClauseBytes/2 {
				cut = strings.LastIndex(s[:maxClauseBytes], " ")
			}
			if cut <= 0 {
				cut = maxClauseBytes
				for cut > 0 && !utf8.RuneStart(s[cut]) {
					cut--
				}
				if cut == 0 {
					cut = maxClauseBytes
				}
			}
			if t := strings.TrimSpace(s[:cut]); t != "" {
				out = append(out, t)
			}
			s = strings.TrimLeft(s[cut:], ", ")
		}
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	return s[i+1:]
}

func isAbbrev(w string) bool {
	switch strings.ToLower(w) {
	case "e.g", "i.e", "etc", "vs", "sr", "jr", "inc", "co", "ltd", "approx", "incl", "min", "max", "no", "st", "dr", "mr", "ms", "u.s", "b.s", "m.s", "ph.d", "b.a", "m.a":
		return true
	}
	return len(w) == 1
}
