package scorer

import (
	"fmt"
	"iter"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/keywords"
)

// The quality checks are reported beside the score and never mixed into it.
// They read only the Document and the Set's signals, so they are as pure as
// Score. Thresholds are the constants below; the README lists them.
const (
	minWordsFail     = 30   // fewer words than this: no usable text layer
	minWordsWarn     = 100  // fewer: very little text
	shortWords       = 200  // fewer words: too short
	longWordsPerPage = 700  // more words per page than this: crammed
	longWords        = 1400 // more words than this: too long
	maxPagesPass     = 2    // pages beyond this warn
	maxPagesWarn     = 3    // pages beyond this fail

	quantifiedPass = 0.5  // share of experience bullets with a number to pass
	quantifiedWarn = 0.25 // share to warn instead of fail

	buzzwordsWarn    = 2 // distinct buzzwords to warn
	buzzwordsFail    = 5 // distinct buzzwords to fail
	firstPersonFail  = 5 // first-person pronouns to fail (one is a warning)
	weakOpeningsFail = 3 // weak openings to fail (one is a warning)

	stuffMinCount  = 12   // a word must appear this often to be stuffing
	stuffWarnShare = 0.04 // and take this share of all words to warn
	stuffFailShare = 0.07 // or this share to fail
	stuffLineCount = 5    // the same word this often in one line fails,
	stuffLineShare = 0.4  // when it is this share of the line's words
	offPageWarn    = 40   // characters placed off the page to warn
)

// runChecks runs the quality checks beside the score: parse-ability, impact
// and the role's own signals.
func runChecks(doc *extract.Document, set *keywords.Set) []Check {
	a := analyse(doc)
	checks := []Check{
		a.textLayer(),
		a.contactDetails(),
		a.contactPlacement(),
		a.sectionHeadings(),
		a.readingOrder(),
		a.length(),
	}
	if c, ok := a.fileName(); ok {
		checks = append(checks, c)
	}
	checks = append(checks,
		a.quantifiedResults(),
		a.weakOpenings(),
		a.buzzwords(),
		a.firstPerson(),
		a.keywordStuffing(),
	)
	if set != nil {
		required := map[string]bool{}
		for _, id := range set.Checks {
			required[id] = true
		}
		for _, s := range set.Signals {
			checks = append(checks, a.signal(s, required[s.ID]))
		}
	}
	return checks
}

// analysis is what every check needs from the document, computed once.
type analysis struct {
	doc      *extract.Document
	lines    []extract.Line
	lower    []string // lowercased line texts
	words    int
	pages    int
	sections map[string]bool
	diag     map[string]extract.Diagnostic

	contactLine        []bool // the line holds an email or profile address
	email, phone, link contact
	linkNamed          bool

	// text is the lowercase lines joined by newlines, for phrase searches
	// (firstPhraseLine), lineStart where each line starts in it, and
	// wordAt the offsets in text where words start, grouped by first byte
	// (those starting with byte c at wordAt[wordFrom[c]:wordFrom[c+1]]),
	// in text order within a group.
	text      string
	lineStart []int
	wordAt    []int32
	wordFrom  [257]int32
}

func analyse(doc *extract.Document) *analysis {
	a := &analysis{doc: doc, lines: doc.Lines, sections: map[string]bool{}, diag: map[string]extract.Diagnostic{}}
	a.lower = make([]string, 0, len(doc.Lines))
	for _, l := range doc.Lines {
		a.lower = append(a.lower, strings.ToLower(l.Text))
		a.words += countWords(l.Text)
		if l.Section != "" {
			a.sections[l.Section] = true
		}
	}
	for _, s := range doc.Sections {
		a.sections[s.ID] = true
	}
	for _, d := range doc.Diagnostics {
		if _, ok := a.diag[d.Code]; !ok {
			a.diag[d.Code] = d
		}
	}
	a.pages = max(doc.Pages, 1)
	a.findContacts()
	a.joinLines()
	return a
}

// joinLines sets a.text and a.lineStart; a.text stays empty when a line
// holds a newline itself, and phrase searches then go line by line.
func (a *analysis) joinLines() {
	n := 0
	for _, low := range a.lower {
		if strings.IndexByte(low, '\n') >= 0 {
			return
		}
		n += len(low) + 1
	}
	var b strings.Builder
	b.Grow(n)
	a.lineStart = make([]int, len(a.lower))
	for i, low := range a.lower {
		a.lineStart[i] = b.Len()
		b.WriteString(low)
		b.WriteByte('\n')
	}
	a.text = b.String()
	// a counting sort of the word starts by first byte: two passes, one slice
	t := a.text
	var count [256]int32
	for i := 0; i+1 < len(t); i++ {
		if isWordByte(t[i]) && (i == 0 || !isWordByte(t[i-1])) {
			count[t[i]]++
		}
	}
	for c := range count {
		a.wordFrom[c+1] = a.wordFrom[c] + count[c]
	}
	a.wordAt = make([]int32, a.wordFrom[256])
	next := a.wordFrom
	for i := 0; i+1 < len(t); i++ {
		if isWordByte(t[i]) && (i == 0 || !isWordByte(t[i-1])) {
			a.wordAt[next[t[i]]] = int32(i)
			next[t[i]]++
		}
	}
}

// firstPhraseLine returns the index of the first line (up to line limit,
// exclusive, at most len(a.lower)) where findPhrase finds phrase, or -1. It
// searches the joined text once instead of every line in turn: a line's
// newline has the same word-boundary effect as its end, so the answer is
// the same, for a phrase without a newline.
func (a *analysis) firstPhraseLine(phrase string, limit int) int {
	limit = min(limit, len(a.lower))
	if a.text == "" || strings.IndexByte(phrase, '\n') >= 0 {
		for i := 0; i < limit; i++ {
			if findPhrase(a.lower[i], phrase) >= 0 {
				return i
			}
		}
		return -1
	}
	if limit <= 0 {
		return -1
	}
	end := a.lineStart[limit-1] + len(a.lower[limit-1]) // the last line searched, without its newline
	at := -1
	if len(phrase) >= 2 && isWordByte(phrase[0]) {
		// a phrase starting with a letter or digit starts a word: try only
		// the words starting with its first byte, which is where findPhrase
		// would find it, in the same order
		c := phrase[0]
		for _, i := range a.wordAt[a.wordFrom[c]:a.wordFrom[c+1]] {
			if int(i)+len(phrase) > end {
				break
			}
			if a.text[int(i):int(i)+len(phrase)] == phrase && phraseEndOK(a.text[:end], int(i)+len(phrase), phrase) {
				at = int(i)
				break
			}
		}
	} else {
		at = findPhrase(a.text[:end], phrase)
	}
	if at < 0 {
		return -1
	}
	// the line holding at: the last one starting at or before it
	return sort.SearchInts(a.lineStart[:limit], at+1) - 1
}

// wordSeq yields the words of s: runs of letters, digits and word-inner
// marks (strings.FieldsFunc's fields, without the slice).
func wordSeq(s string) iter.Seq[string] {
	return strings.FieldsFuncSeq(s, notWordRune)
}

// countWords is the number of words wordSeq yields.
func countWords(s string) int {
	n := 0
	for range wordSeq(s) {
		n++
	}
	return n
}

// notWordRune separates words: not a letter, digit or word-inner mark.
func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("+#.'/%$-", r))
}

func (a *analysis) textLayer() Check {
	c := Check{ID: "text-layer", Title: "Text layer"}
	switch {
	case a.words < minWordsFail:
		c.Status, c.Message = Fail, fmt.Sprintf("only %d words of text: an ATS sees an almost empty file", a.words)
		c.Fix = "export the resume as a text PDF or DOCX from its source document, not as a scan or image"
	case a.words < minWordsWarn:
		c.Status, c.Message = Warn, fmt.Sprintf("only %d words of text", a.words)
		c.Fix = "check with `resumescore extract` that all your text is readable; text in images is invisible to an ATS"
	default:
		c.Status, c.Message = Pass, fmt.Sprintf("%d words of readable text", a.words)
	}
	for _, code := range []string{"garbled", "page-lost", "encoding"} {
		if d, ok := a.diag[code]; ok && c.Status == Pass {
			c.Status, c.Message = Warn, "text found, but "+d.Message
			c.Fix = "re-export the file (a standard font, no text converted to outlines) and check it with `resumescore extract`"
		}
	}
	return c
}

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp afterwards: package init, which every run
// of the tool pays before anything else, compiles nothing. The checks'
// expressions define their plain-code matchers (checks_match.go) and are
// compiled only for text those leave to them, or by experience for a job
// description's years.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var (
	emailRe   = lazyRegexp(`(?i)[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}`)
	profileRe = lazyRegexp(`(?i)(linkedin\.com/\S+|github\.com/\S+|gitlab\.com/\S+|stackoverflow\.com/\S+|behance\.net/\S+|dribbble\.com/\S+|https?://\S+|www\.[a-z0-9-]+\.\S+|\b[a-z0-9-]+\.(dev|io|me|site|page)\b)`)
	profileNm = lazyRegexp(`(?i)\b(linkedin|github|gitlab|portfolio|behance|dribbble)\b`)
)

// isPhone says whether s, a findPhones match, is a phone number and not a date
// range or a long figure.
func isPhone(s string) bool {
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits < 10 || digits > 15 {
		return false
	}
	return !isYearRange(strings.TrimSpace(s))
}

// contact is where a kind of contact detail was found.
type contact struct {
	body, hidden int // first line number (Line.N) in the body, or only in a header/footer/text box
}

// findContacts finds the contact details once. Cheap byte tests guard the
// regular expressions, which would otherwise dominate the checks' cost.
func (a *analysis) findContacts() {
	a.contactLine = make([]bool, len(a.lines))
	for i, l := range a.lines {
		found := func(c *contact) {
			if l.Source == extract.Body || l.Source == extract.Footnote {
				if c.body == 0 {
					c.body = l.N
				}
			} else if c.hidden == 0 {
				c.hidden = l.N
			}
		}
		low := a.lower[i]
		if strings.IndexByte(low, '@') >= 0 && hasEmail(l.Text) {
			found(&a.email)
			a.contactLine[i] = true
		}
		if digitCount(low) >= 10 {
			for _, m := range findPhones(l.Text) {
				if isPhone(m) {
					found(&a.phone)
					break
				}
			}
		}
		if strings.IndexByte(low, '.') >= 0 && mayHoldLink(low) && hasProfileLink(low) {
			found(&a.link)
			a.contactLine[i] = true
		} else if !a.linkNamed && mayNameProfile(l.Text, low) && namesProfile(l.Text) {
			a.linkNamed = true
		}
	}
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// linkHints are substrings every profileRe match contains one of.
var linkHints = []string{"linkedin", "github", "gitlab", "stackoverflow", "behance", "dribbble", "http", "www.", ".dev", ".io", ".me", ".site", ".page"}

func mayHoldLink(low string) bool {
	for _, h := range linkHints {
		if strings.Contains(low, h) {
			return true
		}
	}
	return false
}

// profileNames are the words profileNm matches, lowercase.
var profileNames = []string{"linkedin", "github", "gitlab", "portfolio", "behance", "dribbble"}

// mayNameProfile is false only when profileNm cannot match text (low is
// its lowercase form). Text with a Kelvin sign or a long s always goes to
// the regexp, whose case folding maps them to k and s (foldsToASCII).
func mayNameProfile(text, low string) bool {
	if foldsToASCII(text) {
		return true
	}
	for _, w := range profileNames {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// foldsToASCII reports whether s holds one of the two non-ASCII runes
// whose case folding includes an ASCII letter: the Kelvin sign (U+212A, k)
// and the long s (U+017F, s). A (?i) regexp made of ASCII letters matches
// only ASCII bytes in any other text, so a match there is an ASCII
// substring, and strings.ToLower keeps it (lowercased) while other runes
// may change around it: byte tests on the lowercase text hold for it.
func foldsToASCII(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == 0xC5 && s[i+1] == 0xBF: // U+017F
			return true
		case s[i] == 0xE2 && s[i+1] == 0x84 && i+2 < len(s) && s[i+2] == 0xAA: // U+212A
			return true
		}
	}
	return false
}

func (c contact) any() bool { return c.body > 0 || c.hidden > 0 }

func (a *analysis) contactDetails() Check {
	c := Check{ID: "contact-details", Title: "Contact details"}
	email, phone, link, named := a.email, a.phone, a.link, a.linkNamed
	var have, missing []string
	for _, x := range []struct {
		name string
		c    contact
	}{{"email", email}, {"phone", phone}, {"profile link", link}} {
		if x.c.any() {
			have = append(have, x.name)
		} else {
			missing = append(missing, x.name)
		}
	}
	switch {
	case len(missing) == 0:
		c.Status, c.Message = Pass, "email, phone and a profile link found"
	case !email.any() && !phone.any():
		c.Status, c.Message = Fail, "no email address and no phone number found"
		c.Fix = "put your email and phone as plain text at the top of the resume"
	default:
		c.Status = Warn
		c.Message = "found " + strings.Join(have, " and ") + "; missing " + strings.Join(missing, " and ")
		c.Fix = "add your " + strings.Join(missing, " and ") + " as plain text near your name"
		if !link.any() && named {
			c.Message += " (a profile is named, but its address is not in the text: a link behind an icon or a word is lost to an ATS)"
			c.Fix = "write the profile address out, e.g. linkedin.com/in/your-name"
		}
	}
	return c
}

func (a *analysis) contactPlacement() Check {
	c := Check{ID: "contact-placement", Title: "Contact details in the body"}
	email, phone, link := a.email, a.phone, a.link
	var hiddenOnly []string
	line := 0
	for _, x := range []struct {
		name string
		c    contact
	}{{"email", email}, {"phone", phone}, {"profile link", link}} {
		if x.c.body == 0 && x.c.hidden > 0 {
			hiddenOnly = append(hiddenOnly, x.name)
			if line == 0 {
				line = x.c.hidden
			}
		}
	}
	switch {
	case len(hiddenOnly) > 0:
		c.Status, c.Line = Fail, line
		c.Message = strings.Join(hiddenOnly, ", ") + " only in a header, footer or text box, which many ATS skip"
		c.Fix = "move your contact details into the main body of the page"
	case !email.any() && !phone.any() && !link.any():
		c.Status, c.Message = Warn, "no contact details found to check"
		c.Fix = "put your email and phone as plain text at the top of the resume"
	default:
		c.Status, c.Message = Pass, "contact details are in the body text"
	}
	if d, ok := a.diag["contact-in-header"]; ok && c.Status == Pass {
		c.Status, c.Message = Warn, d.Message
		c.Fix = "repeat your contact details in the main body of the page"
	}
	return c
}

func (a *analysis) sectionHeadings() Check {
	c := Check{ID: "section-headings", Title: "Standard section headings"}
	var missing []string
	for _, s := range []string{"experience", "education", "skills"} {
		if !a.sections[s] {
			missing = append(missing, s)
		}
	}
	switch {
	case len(missing) == 0:
		c.Status, c.Message = Pass, "experience, education and skills headings found"
	case len(missing) == 1 && missing[0] != "experience":
		c.Status, c.Message = Warn, "no "+missing[0]+" heading found"
		c.Fix = "add a plain \"" + titleCase(missing[0]) + "\" heading; ATS file your text under standard headings"
	default:
		c.Status, c.Message = Fail, "no "+strings.Join(missing, ", ")+" heading found"
		c.Fix = "use plain standard headings (\"Experience\", \"Education\", \"Skills\") so an ATS files your text correctly"
	}
	return c
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (a *analysis) readingOrder() Check {
	c := Check{ID: "reading-order", Title: "Reading order"}
	if d, ok := a.diag["interleaved"]; ok {
		c.Status, c.Message = Fail, d.Message
		c.Fix = "use a single-column layout; columns read across by an ATS mix your sentences"
		return c
	}
	if d, ok := a.diag["columns"]; ok {
		c.Status, c.Message = Warn, d.Message
		c.Fix = "prefer a single-column layout, or check with `resumescore extract` that each column reads in order"
		return c
	}
	c.Status, c.Message = Pass, "no columns or interleaved text detected"
	return c
}

func (a *analysis) length() Check {
	c := Check{ID: "length", Title: "Length"}
	msg := fmt.Sprintf("%d words on %d page(s)", a.words, a.pages)
	switch {
	case a.pages > maxPagesWarn || a.words > 2*longWords:
		c.Status, c.Message = Fail, msg+": far longer than recruiters read"
		c.Fix = "cut to one or two pages: keep the last 10 years and the results that matter for this role"
	case a.words < shortWords:
		c.Status, c.Message = Warn, msg+": short for a resume"
		c.Fix = "describe each role with 3-5 results and name the tools you used"
	case a.pages > maxPagesPass || a.words > longWords:
		c.Status, c.Message = Warn, msg+": long"
		c.Fix = "aim for one page per 10 years of experience, two at most"
	case a.words > longWordsPerPage*a.pages && a.doc.Format == extract.PDF:
		c.Status, c.Message = Warn, msg+": crammed"
		c.Fix = "give the text room: fewer words per page read better to people after the ATS"
	default:
		c.Status, c.Message = Pass, msg
	}
	return c
}

// genericNameWords are file-name words that say nothing about who the resume is for.
func genericNameWords(w string) bool {
	switch w {
	case
		"resume", "cv", "curriculum", "vitae", "document", "doc", "docx",
		"pdf", "final", "new", "copy", "draft", "updated", "update",
		"latest", "version", "my", "template", "file", "untitled", "scan",
		"img", "image", "page", "the", "of", "and", "for", "sample",
		"example", "revised", "edit", "edited", "v", "en", "english",
		"resumé", "résumé", "lebenslauf", "stdin":
		return true
	}
	return false
}

// fileName checks the base name of the path. It is skipped for stdin.
func (a *analysis) fileName() (Check, bool) {
	p := a.doc.Path
	if p == "" || p == "-" {
		return Check{}, false
	}
	c := Check{ID: "file-name", Title: "File name"}
	base := path.Base(strings.ReplaceAll(p, "\\", "/"))
	stem := strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))
	parts := strings.FieldsFunc(stem, func(r rune) bool { return !unicode.IsLetter(r) })
	says, who := false, false
	for _, w := range parts {
		switch {
		case w == "resume" || w == "cv" || w == "resumé" || w == "résumé" || w == "lebenslauf" || w == "vitae":
			says = true
		case len([]rune(w)) >= 2 && !genericNameWords(w):
			who = true
		}
	}
	switch {
	case says && who:
		c.Status, c.Message = Pass, fmt.Sprintf("%q says who and what", base)
	case !says && !who:
		c.Status, c.Message = Fail, fmt.Sprintf("%q says neither who you are nor that it is a resume", base)
		c.Fix = "name the file after you and what it is, e.g. jane-doe-resume.pdf"
	case !says:
		c.Status, c.Message = Warn, fmt.Sprintf("%q does not say it is a resume", base)
		c.Fix = "add \"resume\" or \"cv\" to the file name, e.g. jane-doe-resume.pdf"
	default:
		c.Status, c.Message = Warn, fmt.Sprintf("%q does not say whose resume it is", base)
		c.Fix = "put your name in the file name, e.g. jane-doe-resume.pdf"
	}
	return c, true
}

// bullet returns the text of line i without its bullet glyph, and whether it
// had one.
func (a *analysis) bullet(i int) (string, bool) {
	t := a.lines[i].Text
	if end := bulletEnd(t); end >= 0 && end < len(t) {
		return t[end:], true
	}
	return strings.TrimSpace(t), false
}

// experienceBullets returns what the candidate says they did, one item per
// bullet: under experience (and projects), each bullet line joined with the
// lines that continue it (a PDF wraps long bullets). A resume without bullets
// there gives its sentence-length lines instead.
func (a *analysis) experienceBullets() []string {
	inExp := func(i int) bool {
		s := a.lines[i].Section
		return s == "experience" || s == "projects"
	}
	if !a.sections["experience"] {
		inExp = func(i int) bool { return a.lines[i].Section == "" || a.lines[i].Section == "projects" }
	}
	var bullets, sentences []string
	open := false // the last line was part of a bullet
	for i := range a.lines {
		if !inExp(i) || a.isHeading(i) {
			open = false
			continue
		}
		text, isBullet := a.bullet(i)
		n := countWords(text)
		switch {
		case isBullet && n >= 3:
			bullets = append(bullets, text)
			open = true
		case open && !isBullet && n > 0 && startsLower(text):
			bullets[len(bullets)-1] += " " + text
		default:
			open = false
			if n >= 8 {
				sentences = append(sentences, text)
			}
		}
	}
	if len(bullets) >= 3 {
		return bullets
	}
	return append(bullets, sentences...)
}

// startsLower says whether s starts with a lowercase letter or a digit, as
// the continuation of a wrapped line does.
func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r) || unicode.IsDigit(r)
	}
	return false
}

func (a *analysis) isHeading(i int) bool {
	for _, s := range a.doc.Sections {
		if s.Start == a.lines[i].N {
			return true
		}
	}
	return false
}

var (
	// dateRe matches dates and date ranges, which are numbers but not results.
	dateRe = lazyRegexp(`(?i)\b((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*'?\d{2,4}|(0?[1-9]|1[0-2])/((19|20)\d\d|\d\d)|(19|20)\d\d|q[1-4])\b`)
	// versionRe matches numbers glued to names (EC2, S3, Python 3.11 is left to the number rule).
	versionRe = lazyRegexp(`(?i)\b[a-z]+\d+[a-z]*\b`)
	numberRe  = lazyRegexp(`(?i)([$€£¥₹]\s*\d|\d[\d,.]*\s*(%|percent|x\b|k\b|m\b|mm\b|bn?\b|ms\b|s\b|tb\b|gb\b|\+)|\b\d[\d,.]*\b)`)
	pctileRe  = lazyRegexp(`(?i)\bp(50|90|95|99|999)\b`)
	numberWd  = lazyRegexp(`(?i)\b(doubled|tripled|halved|quadrupled|tenfold|twofold|threefold)\b`)
)

// quantified says whether text states a measured result: a number that is not
// a date or part of a product name.
//
// The regular expressions above define the answer. Cheap byte tests skip
// each one that cannot match, which makes the check about five times
// faster; text with a Kelvin sign or a long s, which case folding makes a k
// and an s (foldsToASCII), always runs all of them. TestQuantifiedGuards
// holds the two paths to the same answers.
func quantified(text string) bool {
	if digitCount(text) == 0 {
		low := strings.ToLower(text)
		return (strings.Contains(low, "doubl") || strings.Contains(low, "tripl") || strings.Contains(low, "halv") ||
			strings.Contains(low, "fold")) && hasNumberWord(text)
	}
	if foldsToASCII(text) {
		return quantifiedRegexp(text)
	}
	low := strings.ToLower(text)
	if mayNumberWord(low) && hasNumberWord(text) ||
		(strings.Contains(low, "p5") || strings.Contains(low, "p9")) && hasPercentile(text) {
		return true
	}
	t := text
	if mayHoldDate(low) {
		t = replaceDates(t)
	}
	if letterThenDigit(t) {
		t = replaceVersions(t)
	}
	return numberAlone(t) || digitCount(t) > 0 && hasNumber(t)
}

// numberAlone reports a run of digits standing alone in s (ASCII), which
// numberRe's last branch, \b\d[\d,.]*\b, matches: a true here spares the
// regexp, a false leaves the answer to it.
func numberAlone(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && isREWordByte(s[i-1]) {
			continue
		}
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == len(s) || !isREWordByte(s[j]) {
			return true
		}
		i = j
	}
	return false
}

// isREWordByte is \w of package regexp: an ASCII letter, digit or underscore.
func isREWordByte(b byte) bool { return isWordByte(b) || b == '_' }

// quantifiedRegexp is quantified for text with digits, every regexp run.
func quantifiedRegexp(text string) bool {
	if numberWd().MatchString(text) || pctileRe().MatchString(text) {
		return true
	}
	t := dateRe().ReplaceAllString(text, " ")
	t = versionRe().ReplaceAllString(t, " ")
	return numberRe().MatchString(t)
}

// numberWords are the words numberWd matches.
var numberWords = []string{"doubled", "tripled", "halved", "quadrupled", "tenfold", "twofold", "threefold"}

// mayNumberWord is false only when numberWd cannot match (low: lowercase ASCII).
func mayNumberWord(low string) bool {
	for _, w := range numberWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// monthPrefixes are the month names dateRe starts with.
var monthPrefixes = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// mayHoldDate is false only when dateRe cannot match low (lowercase ASCII):
// every date it matches holds a slash (3/2021), a year 19xx or 20xx, a
// quarter (q1-q4), or a month name followed by letters, a dot, spaces or an
// apostrophe and then a digit (Jan 2021, Sept. '19).
func mayHoldDate(low string) bool {
	if strings.IndexByte(low, '/') >= 0 {
		return true
	}
	for i := 0; i+1 < len(low); i++ {
		c, d := low[i], low[i+1]
		switch {
		case c == 'q' && d >= '1' && d <= '4':
			return true
		case (c == '1' && d == '9' || c == '2' && d == '0') && i+3 < len(low) && isDigit(low[i+2]) && isDigit(low[i+3]):
			return true
		}
	}
	for _, m := range monthPrefixes {
		for from := 0; ; {
			k := strings.Index(low[from:], m)
			if k < 0 {
				break
			}
			j := from + k + len(m)
			from = from + k + 1
			for j < len(low) && low[j] >= 'a' && low[j] <= 'z' {
				j++
			}
			if j < len(low) && low[j] == '.' {
				j++
			}
			for j < len(low) && (low[j] == ' ' || low[j] == '\t' || low[j] == '\n' || low[j] == '\f' || low[j] == '\r') {
				j++
			}
			if j < len(low) && low[j] == '\'' {
				j++
			}
			if j < len(low) && isDigit(low[j]) {
				return true
			}
		}
	}
	return false
}

// letterThenDigit is false only when versionRe cannot match s (ASCII): it
// needs a letter right before a digit (EC2, ipv6).
func letterThenDigit(s string) bool {
	for i := 1; i < len(s); i++ {
		if isDigit(s[i]) && (s[i-1]|0x20 >= 'a' && s[i-1]|0x20 <= 'z') {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func (a *analysis) quantifiedResults() Check {
	c := Check{ID: "quantified-results", Title: "Quantified results"}
	bullets := a.experienceBullets()
	if len(bullets) == 0 {
		c.Status, c.Message = Warn, "no experience bullets found to check"
		c.Fix = "describe each role in bullets that start with a verb and end with a measured result"
		return c
	}
	n, firstPlain := 0, ""
	for _, text := range bullets {
		if quantified(text) {
			n++
		} else if firstPlain == "" {
			firstPlain = text
		}
	}
	share := float64(n) / float64(len(bullets))
	c.Message = fmt.Sprintf("%d of %d experience bullets (%.0f%%) carry a number", n, len(bullets), 100*share)
	switch {
	case share >= quantifiedPass:
		c.Status = Pass
	case share >= quantifiedWarn:
		c.Status = Warn
	default:
		c.Status = Fail
	}
	if c.Status != Pass {
		c.Message += fmt.Sprintf("; e.g. %q", clip(firstPlain, 60))
		c.Fix = "give results in numbers: %, $, x faster, users, requests per second, latency, hours saved"
	}
	return c
}

var weakPhrases = []string{
	"responsible for", "worked on", "helped with", "helped to", "assisted with", "assisted in",
	"duties included", "tasked with", "involved in", "participated in", "in charge of",
}

func (a *analysis) weakOpenings() Check {
	c := Check{ID: "weak-openings", Title: "Weak openings"}
	var found []string
	for i := range a.lines {
		text, _ := a.bullet(i)
		low := strings.ToLower(text)
		for _, p := range weakPhrases {
			if strings.HasPrefix(low, p) && (len(low) == len(p) || !isWordByte(low[len(p)])) {
				found = append(found, p)
				if c.Line == 0 {
					c.Line = a.lines[i].N
				}
				break
			}
		}
	}
	switch {
	case len(found) == 0:
		c.Status, c.Message = Pass, "no bullet opens with a weak phrase"
		return c
	case len(found) >= weakOpeningsFail:
		c.Status = Fail
	default:
		c.Status = Warn
	}
	c.Message = fmt.Sprintf("%d line(s) open with a weak phrase (%s)", len(found), strings.Join(uniq(found), ", "))
	c.Fix = "open with a strong verb and the result: \"Cut p99 latency 40% by ...\" instead of \"Responsible for ...\""
	return c
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// buzzwordList is filler recruiters skim past: claims without evidence.
var buzzwordList = []string{
	"synergy", "synergies", "go-getter", "self-starter", "results-driven", "results-oriented",
	"think outside the box", "thinking outside the box", "best of breed", "proven track record",
	"rockstar", "rock star", "ninja", "guru", "value add", "value-add", "dynamic individual",
	"hard-working", "hardworking", "highly motivated", "self-motivated", "passionate about",
	"go-to person", "world-class", "best-in-class", "game changer", "game-changer", "move the needle",
	"low-hanging fruit", "thought leader", "seasoned professional", "track record of success",
	"visionary", "strategic thinker", "out-of-the-box", "win-win", "paradigm shift",
}

// findPhrase returns the index of phrase in low (lowercase text) at word
// boundaries, allowing a plural "s"/"es" after it, or -1.
// phraseEndOK reports whether an occurrence of phrase ending at end of low
// ends a word there: a phrase ending in a letter or digit may take a plural
// s or es and must then meet a non-word byte or the end of low.
func phraseEndOK(low string, end int, phrase string) bool {
	if !isWordByte(phrase[len(phrase)-1]) {
		return true
	}
	rest := low[end:]
	for _, suf := range []string{"es", "s", ""} {
		if strings.HasPrefix(rest, suf) && (len(rest) == len(suf) || !isWordByte(rest[len(suf)])) {
			return true
		}
	}
	return false
}

func findPhrase(low, phrase string) int {
	from := 0
	for {
		i := strings.Index(low[from:], phrase)
		if i < 0 {
			return -1
		}
		i += from
		okStart := i == 0 || !isWordByte(phrase[0]) || !isWordByte(low[i-1])
		if okStart && phraseEndOK(low, i+len(phrase), phrase) {
			return i
		}
		from = i + 1
	}
}

func (a *analysis) buzzwords() Check {
	c := Check{ID: "buzzwords", Title: "Filler and buzzwords"}
	var found []string
	for _, b := range buzzwordList {
		if i := a.firstPhraseLine(b, len(a.lower)); i >= 0 {
			found = append(found, b)
			if c.Line == 0 {
				c.Line = a.lines[i].N
			}
		}
	}
	switch {
	case len(found) < buzzwordsWarn:
		c.Status, c.Line = Pass, 0
		c.Message = "little or no filler"
		if len(found) == 1 {
			c.Message = fmt.Sprintf("one filler phrase (%s)", found[0])
		}
		return c
	case len(found) >= buzzwordsFail:
		c.Status = Fail
	default:
		c.Status = Warn
	}
	c.Message = fmt.Sprintf("%d filler phrases: %s", len(found), strings.Join(found, ", "))
	c.Fix = "replace claims with evidence: instead of \"results-driven\", show the result"
	return c
}

// romanContext are words after which a capital I is a numeral, not a pronoun.
var romanContext = map[string]bool{"phase": true, "level": true, "tier": true, "grade": true, "part": true,
	"class": true, "type": true, "stage": true, "world": true, "war": true, "engineer": true, "analyst": true,
	"developer": true, "i/o": true, "series": true, "step": true}

func (a *analysis) firstPerson() Check {
	c := Check{ID: "first-person", Title: "First-person pronouns"}
	n := 0
	for _, l := range a.lines {
		prev := "" // the word before w, "" for the first
		for w := range strings.FieldsFuncSeq(l.Text, notPronounRune) {
			hit := false
			switch {
			case w == "I" || w == "I'm" || w == "I've" || w == "I'd" || w == "I'll":
				hit = prev == "" || !romanContext[strings.ToLower(prev)]
			case w == "my" || w == "My" || w == "me" || w == "Me" || w == "myself" || w == "Myself" || w == "mine":
				hit = true
			}
			if hit {
				n++
				if c.Line == 0 {
					c.Line = l.N
				}
			}
			prev = w
		}
	}
	switch {
	case n == 0:
		c.Status, c.Message = Pass, "no first-person pronouns"
		return c
	case n >= firstPersonFail:
		c.Status = Fail
	default:
		c.Status = Warn
	}
	c.Message = fmt.Sprintf("%d first-person pronoun(s) (I, me, my)", n)
	c.Fix = "drop the pronouns: \"Led the migration ...\" instead of \"I led my team's migration ...\""
	return c
}

// notPronounRune separates the words firstPerson reads: not a letter, '/' or an apostrophe.
func notPronounRune(r rune) bool { return !(unicode.IsLetter(r) || r == '/' || r == '\'') }

// isStopWord reports whether w (lowercase) is an ordinary English word never
// counted as keyword stuffing. A switch, not a map filled at package init,
// which every run paid.
func isStopWord(w string) bool {
	switch w {
	case "a", "an", "and", "or", "the", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is",
		"are", "was", "were", "be", "been", "this", "that", "these", "those", "it", "its", "into", "over", "under",
		"per", "via", "using", "used", "use", "our", "we", "you", "your", "their", "they", "he", "she", "his",
		"her", "i", "me", "my", "not", "no", "but", "if", "so", "than", "then", "also", "all", "any", "each",
		"more", "most", "other", "such", "can", "will", "may", "new", "high", "up", "out", "about", "across",
		"within", "while", "where", "which", "who", "whom", "what", "when", "how", "team", "teams", "work",
		"worked", "working", "experience", "years", "year", "including", "based", "well", "both", "through",
		"during":
		return true
	}
	return false
}

func (a *analysis) keywordStuffing() Check {
	c := Check{ID: "keyword-stuffing", Title: "Keyword stuffing"}
	if d, ok := a.diag["invisible-text"]; ok {
		c.Status, c.Message = Fail, "hidden text: "+d.Message
		c.Fix = "remove white, tiny or covered text; ATS and recruiters treat it as keyword stuffing"
		return c
	}
	if d, ok := a.diag["offpage-text"]; ok && leadingCount(d.Message) >= offPageWarn {
		c.Status, c.Message = Warn, "text outside the page: "+d.Message
		c.Fix = "remove text placed outside the page; an ATS may read it as hidden keywords"
		return c
	}
	// sized for a resume's distinct words (0.4-0.7 of its words over the
	// corpus, fewer once stop words go): grown from empty, the map was
	// rehashed at every doubling
	counts := make(map[string]int, a.words/2)
	total := 0
	pastHeader := len(a.sections) == 0 // without sections, every line counts
	line := make(map[string]int, 32)   // one line's counts, cleared for each line
	for i, l := range a.lines {
		if l.Section != "" && l.Section != "contact" {
			pastHeader = true
		}
		if !pastHeader || l.Section == "contact" || a.contactLine[i] {
			continue // the name and contact block repeats the user's handle
		}
		clear(line)
		n := 0
		for w := range wordSeq(a.lower[i]) {
			w = strings.Trim(w, ".'-/%$")
			if len(w) < 2 || isStopWord(w) || !hasLetter(w) || placeholder(w) {
				continue
			}
			total++
			n++
			counts[w]++
			line[w]++
		}
		for w, k := range line {
			if k >= stuffLineCount && float64(k) >= stuffLineShare*float64(n) {
				c.Status, c.Line = Fail, l.N
				c.Message = fmt.Sprintf("%q repeated %d times in one line", w, k)
				c.Fix = "name each skill once or twice where you used it; repetition adds nothing to the score"
				return c
			}
		}
	}
	type wc struct {
		w string
		n int
	}
	// the most frequent word, the first in byte order among equals: one
	// pass, not a sort of every distinct word
	var t wc
	for w, n := range counts {
		if n > t.n || n == t.n && w < t.w {
			t = wc{w, n}
		}
	}
	if len(counts) > 0 && total > 0 {
		share := float64(t.n) / float64(total)
		if t.n >= stuffMinCount && share >= stuffWarnShare {
			c.Status = Warn
			if share >= stuffFailShare {
				c.Status = Fail
			}
			c.Message = fmt.Sprintf("%q appears %d times (%.1f%% of the words)", t.w, t.n, 100*share)
			c.Fix = "name each skill where you used it; repetition beyond a few mentions adds nothing and reads as stuffing"
			return c
		}
	}
	c.Status, c.Message = Pass, "no word repeated far above a normal density"
	return c
}

// placeholder says whether w is template filler such as "xxx".
func placeholder(w string) bool {
	return strings.Trim(w, w[:1]) == ""
}

// leadingCount is the first number in a diagnostic message ("479 characters
// outside the visible page ..."), or 0.
func leadingCount(msg string) int {
	n := 0
	for _, r := range leadingDigits(msg) {
		n = n*10 + int(r-'0')
		if n > 1<<20 {
			break
		}
	}
	return n
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// signal reports whether any of the signal's phrases appears. A signal the
// role lists in its checks is required: missing fails instead of warning.
func (a *analysis) signal(s keywords.Signal, required bool) Check {
	c := Check{ID: s.ID, Title: s.Title}
	// the first line holding any phrase, and in it the first phrase in
	// the signal's order: each phrase searches only up to the best line
	// so far, and a later phrase wins only on an earlier line
	best, bestPhrase := len(a.lower), ""
	for _, p := range s.Phrases {
		if i := a.firstPhraseLine(p, best+1); i >= 0 && i < best {
			best, bestPhrase = i, p
		}
	}
	if best < len(a.lower) {
		c.Status, c.Line = Pass, a.lines[best].N
		c.Message = fmt.Sprintf("found %q", bestPhrase)
		return c
	}
	c.Status, c.Fix = Warn, s.Fix
	if required {
		c.Status = Fail
	}
	c.Message = "not found (looked for: " + strings.Join(firstN(s.Phrases, 5), ", ") + ")"
	return c
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
