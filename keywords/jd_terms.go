package keywords

import (
	"math"
	"strings"
	"unicode"
)

// jdTerm is a candidate "other term": a JD phrase the lexicon does not know.
type jdTerm struct {
	name       string // display form, as first written
	clause     int
	start, end int
	kind       string // "list" (a labelled list item), "tech" (tech-shaped token), "name" (capitalised words inside a sentence), "phrase", "word"
}

// capsStop are all-caps tokens that are not skills: degrees, conjunctions,
// places, HR acronyms.
func capsStop(w string) bool {
	switch w {
	case
		"AND", "OR", "THE", "US", "USA", "UK", "EU", "EEO", "EEOC", "PTO",
		"401K", "BS", "BA", "MS", "MA", "PHD", "MBA", "BSC", "MSC", "CEO",
		"CTO", "CFO", "FAQ", "TBD", "II", "III", "IV", "OK", "NY", "CA",
		"LATAM", "EMEA", "APAC", "NYC", "SF", "HR", "WE", "YOU", "IS", "ARE",
		"ALL", "NOT", "NO", "A", "I", "AN", "IN", "ON", "AT", "TO", "OF",
		"DEI", "GPA", "USD", "EUR", "GBP", "ET", "PT", "EST", "PST",
		"UTC", "GMT", "AM", "PM", "ID", "RI", "GA", "IL", "TX", "WA":
		return true
	}
	return false
}

// maxPhraseWords is the longest "other term".
const maxPhraseWords = 4

// otherTerms proposes JD terms the lexicon does not know: the labels of skill
// list items ("Customer Service: ..."), tech-shaped tokens (CamelCase, dotted,
// versioned, with + or #, short all-caps) and noun phrases whose words stand out
// against the background table.
func (r *JDRules) otherTerms(cs []jdClause, hits []jdHit, title string) []jdTerm {
	covered := map[int][][2]int{}
	for _, h := range hits {
		covered[h.clause] = append(covered[h.clause], [2]int{h.start, h.end})
	}
	isCovered := func(ci, s, e int) bool {
		for _, sp := range covered[ci] {
			if s < sp[1] && sp[0] < e {
				return true
			}
		}
		return false
	}
	titleWords := map[string]bool{}
	for _, w := range cueWords(title) {
		titleWords[w] = true
	}
	var out []jdTerm
	for ci, c := range cs {
		if c.Section == SectionIgnore || c.Section == SectionTitle {
			continue
		}
		toks := jdTokens(c.Text)
		inNeg := func(s, e int) bool {
			for _, n := range c.Negated {
				if s >= n[0] && e <= n[1] {
					return true
				}
			}
			return false
		}
		// (a) the label of a list item: "Customer Service: helping clients",
		// or a short item under a requirements heading ("- Time Management").
		if label, end, ok := r.listLabel(c); ok && !isCovered(ci, 0, end) && !hasTechToken(label) && (skillsHeading(c.Heading) || r.standsOut(jdTokens(label), titleWords)) {
			out = append(out, jdTerm{name: label, clause: ci, start: 0, end: end, kind: "list"})
		}
		// (b) tech-shaped tokens and (c) phrases between function words.
		// Under a skills heading the phrases of an item's label ("Remarkable
		// level of Patience") and of a comma list are terms even when made of
		// common words; elsewhere a phrase must stand out.
		relaxedEnd := 0
		if skillsHeading(c.Heading) {
			explicit := strings.Contains(strings.ToLower(c.Heading), "skill")
			short := c.First && len(strings.Fields(c.Text)) <= 6
			switch {
			case (c.Bullet || short) && c.First:
				end := len(c.Text)
				if i := strings.IndexAny(c.Text, ":–—"); i > 0 {
					end = i
				}
				words := strings.Fields(c.Text[:end])
				// a short item ("Time Management"), not a sentence ("You react quickly")
				if explicit || len(words) > 0 && len(words) <= 6 && !r.function[strings.ToLower(words[0])] {
					relaxedEnd = end
				}
			case explicit && strings.Count(c.Text, ",") >= 1:
				relaxedEnd = len(c.Text)
			}
		}
		var run []jdTok
		var emit func(run []jdTok)
		emit = func(run []jdTok) {
			relaxed := len(run) > 0 && run[len(run)-1].End <= relaxedEnd
			run = r.trimRun(run, relaxed)
			if len(run) > maxPhraseWords {
				// "implementation experience running complex algorithms":
				// too long for a term, but the verbs inside split it into
				// phrases that may be.
				for _, part := range splitAtVerbs(run) {
					emit(part)
				}
				return
			}
			if len(run) > 0 {
				s, e := run[0].Start, run[len(run)-1].End
				switch {
				case e <= relaxedEnd && !allTitle(run, titleWords):
					out = append(out, jdTerm{name: c.Text[s:e], clause: ci, start: s, end: e, kind: "list"})
					// the words of a skill phrase, at a lower weight: a resume
					// with "Neurological practices" has part of "Neurological
					// Procedures".
					if len(run) > 1 {
						for _, t := range run {
							low := strings.ToLower(t.Text)
							if len(low) >= 4 && !r.qualifier(t.Text) && !r.stop[low] && !titleWords[low] && !roleNoun(low) {
								out = append(out, jdTerm{name: t.Text, clause: ci, start: t.Start, end: t.End, kind: "word"})
							}
						}
					}
				case r.standsOut(run, titleWords):
					out = append(out, jdTerm{name: c.Text[s:e], clause: ci, start: s, end: e, kind: "phrase"})
				default:
					// "Conduct system-wide Penetration Testing": words capitalised
					// inside a sentence name a thing.
					if cs, ce, ok := capitalRun(c.Text, run); ok {
						out = append(out, jdTerm{name: c.Text[cs:ce], clause: ci, start: cs, end: ce, kind: "name"})
					}
				}
			}
		}
		flush := func() {
			emit(run)
			run = run[:0]
		}
		for i, t := range toks {
			if i > 0 && strings.TrimSpace(c.Text[toks[i-1].End:t.Start]) != "" {
				flush()
			}
			if isCovered(ci, t.Start, t.End) || inNeg(t.Start, t.End) {
				flush()
				continue
			}
			if techShaped(t.Text) && !r.shouted(t.Text) {
				flush()
				out = append(out, jdTerm{name: t.Text, clause: ci, start: t.Start, end: t.End, kind: "tech"})
				continue
			}
			low := strings.ToLower(t.Text)
			if r.function[low] || strings.ContainsRune(low, '\'') || strings.ContainsAny(t.Text, "0123456789") || c.Section == SectionAbout {
				flush()
				continue
			}
			// "Ability to read and understand": a lowercase word alone
			// between "to" and a function word is a verb.
			if len(run) == 0 && i > 0 && strings.EqualFold(toks[i-1].Text, "to") && low == t.Text &&
				(i+1 == len(toks) || r.function[strings.ToLower(toks[i+1].Text)] || strings.TrimSpace(c.Text[t.End:toks[i+1].Start]) != "") {
				continue
			}
			run = append(run, t)
		}
		flush()
	}
	return out
}

// listLabel returns the label of a list item in a requirements-like section:
// the words before a colon ("Networking: TCP/IP ...") or a whole short item.
func (r *JDRules) listLabel(c jdClause) (string, int, bool) {
	if !c.Bullet || !c.First || c.Section == SectionAbout {
		return "", 0, false
	}
	text := strings.TrimRight(c.Text, ". ")
	end := len(text)
	if i := strings.IndexAny(text, ":–—"); i > 0 {
		end = i
	} else if strings.ContainsAny(text, ",;.()") {
		return "", 0, false
	}
	label := strings.TrimSpace(text[:end])
	start := 0
	// "Proven Teamwork Skills" -> Teamwork; "Knowledge of SQL" -> SQL.
	for _, t := range jdTokens(label) {
		if !r.qualifier(t.Text) {
			break
		}
		start = t.End
	}
	label = strings.TrimLeft(label[start:], " -–,:")
	for {
		w := strings.Fields(label)
		if len(w) < 2 {
			break
		}
		last := strings.ToLower(strings.Trim(w[len(w)-1], ".,;"))
		if last != "skills" && last != "skill" && last != "abilities" && !r.function[last] {
			break
		}
		label = strings.TrimSpace(label[:strings.LastIndex(label, w[len(w)-1])])
	}
	if label == "" {
		return "", 0, false
	}
	for _, t := range jdTokens(label) {
		if r.function[strings.ToLower(t.Text)] {
			return "", 0, false // "Attention to Detail": its phrases are the terms
		}
	}
	w := strings.Fields(label)
	if len(w) == 0 || len(w) > maxPhraseWords+1 {
		return "", 0, false
	}
	content := 0
	for _, x := range w {
		low := strings.ToLower(strings.Trim(x, ".,;()'\""))
		if !r.function[low] && !r.stop[low] {
			content++
		}
	}
	if content == 0 || !unicode.IsUpper([]rune(label)[0]) {
		return "", 0, false
	}
	// "Experience: at least 8 years" - a label made only of boilerplate is not a skill.
	if len(w) == 1 && r.stop[strings.ToLower(label)] {
		return "", 0, false
	}
	return label, end, true
}

// edgeWord reports words that never open or close a term: boilerplate and
// generic qualifiers ("strong", "excellent", "experience").
func (r *JDRules) edgeWord(w string) bool {
	low := strings.ToLower(w)
	return r.stop[low] || r.function[low] || genericWords(low) || len([]rune(low)) < 2
}

// trimRun drops the words that never open or close a term. Relaxed (a skills
// list item) trims only qualifiers ("Proven Teamwork Skills" -> Teamwork);
// otherwise every boilerplate word goes.
func (r *JDRules) trimRun(run []jdTok, relaxed bool) []jdTok {
	edge := r.edgeWord
	if relaxed {
		edge = r.qualifier
	}
	for len(run) > 0 && (edge(run[0].Text) || leadingVerb(run, 0)) {
		run = run[1:]
	}
	for len(run) > 0 && (edge(run[len(run)-1].Text) || relaxed && len(run) > 1 && isSkillsWord(run[len(run)-1].Text)) {
		run = run[:len(run)-1]
	}
	for _, t := range run {
		if low := strings.ToLower(t.Text); !r.stop[low] && !r.function[low] {
			return run
		}
	}
	return nil // boilerplate only ("development", "team")
}

// qualifier reports words that praise or hedge a skill rather than name it,
// adverbs included ("critically", "effectively").
func (r *JDRules) qualifier(w string) bool {
	low := strings.ToLower(w)
	return genericWords(low) || r.function[low] || qualifierWords(low) || len([]rune(low)) < 2 || adverb(low)
}

func adverb(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range []string{"ally", "ively", "ately", "ously", "fully", "ently", "antly", "ularly", "ctly", "ingly"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func qualifierWords(w string) bool {
	switch w {
	case
		"strong", "proven", "proficient", "proficiency", "solid", "experience",
		"experienced", "expertise", "expert", "knowledge", "understanding", "familiarity",
		"familiar", "ability", "able", "skilled", "skills", "skill", "hands-on",
		"highly", "great", "superior", "outstanding", "remarkable", "comprehensive",
		"thorough", "working", "sound", "keen", "high", "level", "must",
		"brilliant", "enhanced", "impeccable", "superb", "robust", "exemplary",
		"refined", "sharp", "acute", "polished", "competent", "capable", "reliable",
		"dependable", "notable", "profound", "substantial", "considerable", "adept",
		"well-developed", "developed", "understandable", "definitive", "apt", "prior",
		"exceptional", "excellent", "effective", "efficient", "extensive", "significant",
		"in-depth", "sufficient", "adequate", "fluent", "good", "basic", "advanced",
		"demonstrated", "demonstrable", "practical", "relevant", "previous", "professional",
		"needed", "required", "sense", "attitude", "nature", "ideal", "bonus",
		"points", "particular", "plus", "think", "similar":
		return true
	}
	return false
}

// isSkillsWord reports trailing words that say "a skill in X" rather than
// name X ("Reading Comprehension capability", "TESTING techniques").
func isSkillsWord(w string) bool {
	switch strings.ToLower(w) {
	case "skills", "skill", "abilities", "ability", "capability", "capabilities", "proficiency", "knowledge",
		"experience", "expertise", "processes", "techniques", "principles", "concepts":
		return true
	}
	return false
}

// leadingVerb reports a verb opening a phrase of several words ("handling
// Mortgage Loan Models", "translate user stories", "Conduct system-wide
// Penetration Testing").
func leadingVerb(run []jdTok, i int) bool {
	if len(run) < 2 || i != 0 {
		return false
	}
	w := run[0].Text
	if w != strings.ToLower(w) {
		return commonVerbs(strings.ToLower(w)) && run[0].Start == 0
	}
	// "problem-solving", "decision-making": a hyphenated compound is a noun.
	return strings.HasSuffix(w, "ing") && !strings.ContainsAny(w, "-/") || commonVerbs(w)
}

// splitAtVerbs cuts a run of words at the verbs inside it (lowercase -ing
// forms and common verbs), dropping them: "implementation experience running
// complex algorithms" gives "implementation experience" and "complex
// algorithms". It returns nothing when no verb splits the run.
func splitAtVerbs(run []jdTok) [][]jdTok {
	var parts [][]jdTok
	from := 0
	for i, t := range run {
		w := t.Text
		if i == 0 || w != strings.ToLower(w) || !(len(w) > 4 && strings.HasSuffix(w, "ing") && !strings.ContainsAny(w, "-/") || commonVerbs(w)) {
			continue
		}
		if i > from {
			parts = append(parts, run[from:i])
		}
		from = i + 1
	}
	if from == 0 {
		return nil
	}
	if from < len(run) {
		parts = append(parts, run[from:])
	}
	return parts
}

// roleNoun reports words that name a person's role ("Engineers", "Fellow"):
// alone, they are no skill.
func roleNoun(w string) bool {
	w = strings.TrimSuffix(strings.ToLower(w), "s")
	switch w {
	case "engineer", "developer", "manager", "scientist", "analyst", "architect", "fellow", "intern", "lead",
		"director", "specialist", "designer", "administrator", "consultant", "technician", "officer", "head",
		"owner", "member", "partner", "recruiter", "worker", "operator", "representative", "associate", "staff",
		"senior", "junior", "principal", "assistant", "helper", "teacher", "supervisor", "coordinator":
		return true
	}
	return false
}

// capitalRun finds two or more capitalised words in a row (not opening the
// sentence, not all shouted) inside run: a name like "Penetration Testing".
func capitalRun(text string, run []jdTok) (int, int, bool) {
	best := [2]int{-1, -1}
	for i := 0; i < len(run); {
		j := i
		for j < len(run) && titleCased(run[j].Text) && run[j].Start > 0 {
			j++
		}
		if j-i >= 2 && (best[0] < 0 || run[j-1].End-run[i].Start > best[1]-best[0]) {
			best = [2]int{run[i].Start, run[j-1].End}
		}
		if j == i {
			j++
		}
		i = j
	}
	return best[0], best[1], best[0] >= 0
}

func titleCased(w string) bool {
	r := []rune(w)
	return len(r) > 1 && unicode.IsUpper(r[0]) && strings.ToUpper(w) != w
}

func commonVerbs(w string) bool {
	switch w {
	case
		"translate", "validate", "handle", "perform", "support", "conduct", "apply",
		"analyze", "analyse", "identify", "define", "deliver", "drive", "execute",
		"operate", "coordinate", "monitor", "review", "ensure", "build", "collaborate",
		"communicate", "participate", "prepare", "plan", "organize", "organise",
		"assist", "evaluate", "assess", "establish", "promote", "oversee", "optimize",
		"troubleshoot", "resolve", "train", "mentor", "guide", "track", "report",
		"various", "multiple", "several", "new", "other", "complex":
		return true
	}
	return false
}

// genericWords are qualifiers and verbs too common in postings to start or end
// a term; the background table catches the rest.
func genericWords(w string) bool {
	switch w {
	case
		"deep", "good", "excellent", "exceptional", "advanced", "basic", "extensive",
		"significant", "relevant", "various", "practical", "professional", "previous",
		"demonstrable", "demonstrated", "effective", "efficient", "high-quality",
		"use", "used", "uses", "write", "writing", "develop", "design", "implement",
		"maintain", "manage", "create", "provide", "improve", "lead", "own",
		"understand", "work", "hands", "years'", "minimum", "least", "plus",
		"etc", "e.g", "i.e", "things", "something", "ways", "lot", "lots",
		"you'll", "we'll", "you're", "we're", "it's", "there's", "that's",
		"comfortable", "ensuring", "ensures", "including", "includes", "such":
		return true
	}
	return false
}

// standsOut reports whether a phrase is specific enough to be a term: not all
// boilerplate, not words of the title alone, and at least one word rare in
// job ads and in English (background table).
func (r *JDRules) standsOut(run []jdTok, titleWords map[string]bool) bool {
	rare, inTitle := 0, 0
	for _, t := range run {
		low := strings.ToLower(t.Text)
		if titleWords[low] {
			inTitle++
		}
		if r.stop[low] || genericWords(low) {
			continue
		}
		if r.commonness(low) < 0.5 {
			rare++
		}
	}
	if inTitle == len(run) {
		return false
	}
	if len(run) == 1 {
		return rare == 1 && len(run[0].Text) >= 3
	}
	return rare >= 1
}

// allTitle reports whether every word of run is a word of the posting's title.
func allTitle(run []jdTok, titleWords map[string]bool) bool {
	for _, t := range run {
		if !titleWords[strings.ToLower(t.Text)] {
			return false
		}
	}
	return true
}

// hasTechToken reports whether s holds a tech-shaped token, which is a term of
// its own ("Have SaaS experience" gives SaaS, not a label).
func hasTechToken(s string) bool {
	for _, t := range jdTokens(s) {
		if techShaped(t.Text) {
			return true
		}
	}
	return false
}

// skillsHeading reports headings that introduce a list of skills, whose items
// are terms even when made of common words ("Customer Service").
func skillsHeading(h string) bool {
	h = strings.ToLower(h)
	for _, s := range []string{"skill", "qualification", "competenc", "requirement", "must have", "must-have", "nice to have", "nice-to-have", "experience"} {
		if strings.Contains(h, s) {
			return true
		}
	}
	return false
}

// commonness is how common a word is in job ads and English, 0 (unknown) to 1.
// A compound (non-technical, queue-based) is as common as its rarest part.
func (r *JDRules) commonness(w string) float64 {
	if strings.ContainsAny(w, "-/") {
		c := 1.0
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' }) {
			c = math.Min(c, r.commonness(p))
		}
		return c
	}
	if v, ok := r.background.lookup(w); ok {
		return v
	}
	if strings.HasSuffix(w, "s") {
		if v, ok := r.background.lookup(strings.TrimSuffix(w, "s")); ok {
			return v
		}
	}
	return 0
}

// techShaped: CamelCase (ClickHouse, eCommerce), dotted (socket.io), versioned
// or with digits (S3, RIPv2, HTTP/2), with + or #, or all-caps of 2-6 letters.
func techShaped(s string) bool {
	if len(s) < 2 || isNumber(s) || s[0] >= '0' && s[0] <= '9' { // 12B, 30-mile, 401k
		return false
	}
	letters, upper, digits, inner := 0, 0, 0, false
	lowerThenUpper := false
	prevLower := false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if prevLower && i > 0 {
					lowerThenUpper = true
				}
			}
			prevLower = unicode.IsLower(r)
		case unicode.IsDigit(r):
			digits++
			prevLower = false
		default:
			if r == '+' || r == '#' || r == '.' {
				inner = true
			}
			prevLower = false
		}
	}
	if letters == 0 {
		return false
	}
	if strings.ContainsRune(s, '\'') {
		return false
	}
	if strings.HasSuffix(s, "s") && upper == letters-1 && letters >= 3 { // APIs, SDKs
		return !capsStop(s[:len(s)-1])
	}
	switch {
	case digits > 0 && letters > 0:
		return !capsStop(strings.ToUpper(s)) && !ordinal(s)
	case inner:
		// e.g, i.e, a.m are abbreviations; socket.io, .deb, C++ are names
		if strings.Contains(s, ".") && !strings.HasPrefix(s, ".") {
			for _, p := range strings.Split(s, ".") {
				if len(p) < 2 {
					return false
				}
			}
		}
		return true
	case lowerThenUpper:
		return true
	case upper == letters && letters >= 2 && letters <= 6:
		return !capsStop(s) && !capsWord(s)
	}
	return false
}

// shouted reports an all-caps ordinary English word ("GREY BOX TESTING"):
// part of a phrase, not an acronym.
func (r *JDRules) shouted(w string) bool {
	return len(w) > 3 && w == strings.ToUpper(w) && r.commonness(strings.ToLower(w)) >= 0.5
}

// capsWord reports an all-caps ordinary word (MUST, WILL, OUR) shouted for
// emphasis rather than an acronym.
func capsWord(s string) bool {
	switch strings.ToLower(s) {
	case "it", "must", "will", "can", "our", "your", "and", "or", "not", "the", "with", "for", "you", "all", "new", "now", "now!", "key", "top", "fun", "why", "who", "how", "what", "we", "us", "job", "role":
		return true
	}
	return false
}

func ordinal(s string) bool {
	low := strings.ToLower(s)
	for _, suf := range []string{"st", "nd", "rd", "th", "s", "k", "m", "x"} {
		if strings.HasSuffix(low, suf) && isNumber(strings.TrimSuffix(low, suf)) {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
