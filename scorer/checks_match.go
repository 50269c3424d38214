package scorer

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Plain-code matchers for the simple regular expressions of the checks.
// Compiling an expression costs more than a whole document's matching with
// it, and a run of the tool compiles each one it uses. Each function here
// gives exactly the answer of the expression in its comment, which
// TestCheckMatchers holds it to over the guard lines (edge cases, generated
// resumes, the corpus, random ASCII and non-ASCII text). The expressions with
// (?i) stay as the answer for text with a Kelvin sign or a long s, whose
// case folding reaches ASCII letters (foldsToASCII).

// isWordByteRE is \w of package regexp, which also decides \b: an ASCII
// letter, digit or underscore.
func isWordByteRE(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// isSpaceRE is \s of package regexp: [\t\n\f\r ].
func isSpaceRE(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

func isLetterASCII(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// hasWordASCII reports whether text holds one of words (lowercase ASCII
// starting and ending with a letter or digit) as a whole word in any ASCII
// case: (?i)\b(w1|w2|...)\b for text without a Kelvin sign or long s.
func hasWordASCII(text string, words []string) bool {
	for i := 0; i < len(text); i++ {
		if i > 0 && isWordByteRE(text[i-1]) || !isWordByteRE(text[i]) {
			continue
		}
		for _, w := range words {
			if len(text)-i < len(w) || text[i]|0x20 != w[0] {
				continue
			}
			j := 1
			for j < len(w) && lowerASCII(text[i+j]) == w[j] {
				j++
			}
			if j == len(w) && (i+j == len(text) || !isWordByteRE(text[i+j])) {
				return true
			}
		}
	}
	return false
}

func lowerASCII(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b | 0x20
	}
	return b
}

// matchWords is re().MatchString(text) for re = (?i)\b(words...)\b.
func matchWords(text string, words []string, re func() *regexp.Regexp) bool {
	if foldsToASCII(text) {
		return re().MatchString(text)
	}
	return hasWordASCII(text, words)
}

// percentiles are the words pctileRe matches.
var percentiles = []string{"p50", "p90", "p95", "p99", "p999"}

// hasNumberWord is numberWd().MatchString(text).
func hasNumberWord(text string) bool { return matchWords(text, numberWords, numberWd) }

// hasPercentile is pctileRe().MatchString(text).
func hasPercentile(text string) bool { return matchWords(text, percentiles, pctileRe) }

// namesProfile is profileNm().MatchString(text).
func namesProfile(text string) bool { return matchWords(text, profileNames, profileNm) }

// hasEmail is emailRe().MatchString(text):
// (?i)[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}. An @ with a local-part byte
// before it and, in the run of domain bytes after it, a dot after at least
// one byte and followed by two letters.
func hasEmail(text string) bool {
	if foldsToASCII(text) {
		return emailRe().MatchString(text)
	}
	for at := strings.IndexByte(text, '@'); at >= 0; {
		if at > 0 && isEmailLocal(text[at-1]) {
			end := at + 1
			for end < len(text) && isEmailDomain(text[end]) {
				end++
			}
			for p := at + 2; p+2 < end; p++ {
				if text[p] == '.' && isLetterASCII(text[p+1]) && isLetterASCII(text[p+2]) {
					return true
				}
			}
		}
		next := strings.IndexByte(text[at+1:], '@')
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return false
}

func isEmailLocal(b byte) bool {
	return isLetterASCII(b) || b >= '0' && b <= '9' || b == '.' || b == '_' || b == '%' || b == '+' || b == '-'
}

func isEmailDomain(b byte) bool {
	return isLetterASCII(b) || b >= '0' && b <= '9' || b == '.' || b == '-'
}

// findPhones is FindAllString(text, -1) of \+?\(?\d[\d\s().-]{7,18}\d,
// leftmost-first, each match as long as it can be.
func findPhones(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		if end := phoneAt(text, i); end > 0 {
			out = append(out, text[i:end])
			i = end
			continue
		}
		i++ // a match starts with +, ( or a digit, ASCII bytes no UTF-8 sequence holds
	}
	return out
}

// phoneAt returns the end of the findPhones match starting at i, or 0.
func phoneAt(s string, i int) int {
	j := i
	if j < len(s) && s[j] == '+' {
		j++
	}
	if j < len(s) && s[j] == '(' {
		j++
	}
	if j >= len(s) || !isDigit(s[j]) {
		return 0
	}
	j++
	run := 0 // [\d\s().-] bytes after the first digit, at most 19 looked at
	for run < 19 && j+run < len(s) && isPhoneByte(s[j+run]) {
		run++
	}
	// the class takes m in 7..18 bytes and a digit follows; greedy: the largest m
	for m := min(run-1, 18); m >= 7; m-- {
		if isDigit(s[j+m]) {
			return j + m + 1
		}
	}
	return 0
}

func isPhoneByte(b byte) bool {
	return isDigit(b) || isSpaceRE(b) || b == '(' || b == ')' || b == '.' || b == '-'
}

// isYearRange is ^(19|20)\d\d\s*[-–/]\s*(19|20)\d\d$ on s.
func isYearRange(s string) bool {
	if !yearAt(s, 0) {
		return false
	}
	i := 4
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	switch {
	case strings.HasPrefix(s[i:], "-"), strings.HasPrefix(s[i:], "/"):
		i++
	case strings.HasPrefix(s[i:], "–"):
		i += len("–")
	default:
		return false
	}
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return len(s)-i == 4 && yearAt(s, i)
}

// yearAt reports whether s[i:] starts with (19|20)\d\d.
func yearAt(s string, i int) bool {
	return i+4 <= len(s) && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3])
}

// bulletGlyphs are the glyphs bulletEnd takes for a bullet.
const bulletGlyphs = "-•*▪◦●–—‣⁃·○■□➢➤►▶✓✔→"

// bulletEnd is the end of ^\s*([-•*▪◦●–—‣⁃·○■□➢➤►▶✓✔→]|\d{1,2}[.)])\s* in
// t, or -1 when t does not start with a bullet.
func bulletEnd(t string) int {
	i := 0
	for i < len(t) && isSpaceRE(t[i]) {
		i++
	}
	switch {
	case i+2 < len(t) && isDigit(t[i]) && isDigit(t[i+1]) && (t[i+2] == '.' || t[i+2] == ')'):
		i += 3
	case i+1 < len(t) && isDigit(t[i]) && (t[i+1] == '.' || t[i+1] == ')'):
		i += 2
	default:
		r, size := utf8.DecodeRuneInString(t[i:])
		if size == 0 || !strings.ContainsRune(bulletGlyphs, r) {
			return -1
		}
		i += size
	}
	for i < len(t) && isSpaceRE(t[i]) {
		i++
	}
	return i
}

// leadingDigits is the capture of ^\D*?(\d+) in msg: its first run of ASCII
// digits, "" when it has none.
func leadingDigits(msg string) string {
	i := 0
	for i < len(msg) && !isDigit(msg[i]) {
		i++
	}
	j := i
	for j < len(msg) && isDigit(msg[j]) {
		j++
	}
	return msg[i:j]
}

// The three expressions of quantified, for text without a Kelvin sign or a
// long s (foldsToASCII), where their (?i) matches only ASCII: each match
// then lies in ASCII bytes, so these work on bytes and step over the others.

// datePrefixes are dateRe's month prefixes, in its order.
var datePrefixes = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}

// replaceDates is dateRe().ReplaceAllString(t, " "):
// (?i)\b((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*'?\d{2,4}|(0?[1-9]|1[0-2])/((19|20)\d\d|\d\d)|(19|20)\d\d|q[1-4])\b
func replaceDates(t string) string {
	return replaceEach(t, dateAt)
}

// dateAt returns the end of the dateRe match starting at i, or -1.
func dateAt(t string, i int) int {
	if i > 0 && isWordByteRE(t[i-1]) || i >= len(t) || !isWordByteRE(t[i]) {
		return -1 // \b: a match starts with a letter or digit
	}
	// a month name, more letters, a dot, spaces, an apostrophe and 2-4 digits
	for _, m := range datePrefixes {
		if !hasPrefixFoldASCII(t[i:], m) {
			continue
		}
		j := i + len(m)
		for j < len(t) && isLetterASCII(t[j]) {
			j++
		}
		if j < len(t) && t[j] == '.' {
			j++
		}
		for j < len(t) && isSpaceRE(t[j]) {
			j++
		}
		if j < len(t) && t[j] == '\'' {
			j++
		}
		k := j
		for k < len(t) && isDigit(t[k]) {
			k++
		}
		if n := k - j; n >= 2 && n <= 4 && wordEnd(t, k) {
			return k
		}
		break // the month names never share a position but sep/sept, whose letters [a-z]* takes alike
	}
	// a month number, a slash and a year of four or two digits
	for _, m := range monthNumberLens(t, i) {
		j := i + m
		if j >= len(t) || t[j] != '/' {
			continue
		}
		j++
		if yearAt(t, j) && wordEnd(t, j+4) {
			return j + 4
		}
		if j+2 <= len(t) && isDigit(t[j]) && isDigit(t[j+1]) && wordEnd(t, j+2) {
			return j + 2
		}
	}
	if yearAt(t, i) && wordEnd(t, i+4) {
		return i + 4
	}
	if i+2 <= len(t) && t[i]|0x20 == 'q' && t[i+1] >= '1' && t[i+1] <= '4' && wordEnd(t, i+2) {
		return i + 2
	}
	return -1
}

// monthNumberLens lists, in dateRe's order, the lengths of the month
// numbers (0?[1-9]|1[0-2]) that t has at i.
func monthNumberLens(t string, i int) []int {
	var out [2]int
	n := 0
	switch {
	case i+1 < len(t) && t[i] == '0' && t[i+1] >= '1' && t[i+1] <= '9':
		out[n] = 2
		n++
	case i < len(t) && t[i] >= '1' && t[i] <= '9':
		out[n] = 1
		n++
	}
	if i+1 < len(t) && t[i] == '1' && t[i+1] >= '0' && t[i+1] <= '2' {
		out[n] = 2
		n++
	}
	return out[:n]
}

// wordEnd reports whether \b holds at j after a word byte: j ends t or
// t[j] is not a word byte.
func wordEnd(t string, j int) bool { return j >= len(t) || !isWordByteRE(t[j]) }

// hasPrefixFoldASCII reports whether s starts with lower (lowercase ASCII)
// in any ASCII case.
func hasPrefixFoldASCII(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		if lowerASCII(s[i]) != lower[i] {
			return false
		}
	}
	return true
}

// replaceVersions is versionRe().ReplaceAllString(t, " "):
// (?i)\b[a-z]+\d+[a-z]*\b, a word of letters, then digits, then letters.
func replaceVersions(t string) string {
	return replaceEach(t, func(t string, i int) int {
		if i > 0 && isWordByteRE(t[i-1]) || !isLetterASCII(t[i]) {
			return -1
		}
		j := i
		for j < len(t) && isLetterASCII(t[j]) {
			j++
		}
		k := j
		for k < len(t) && isDigit(t[k]) {
			k++
		}
		if k == j {
			return -1
		}
		for k < len(t) && isLetterASCII(t[k]) {
			k++
		}
		if !wordEnd(t, k) {
			return -1 // no shorter match ends at a boundary: a letter or digit follows each
		}
		return k
	})
}

// replaceEach replaces with a space each leftmost match that at(t, i)
// finds (its end, or -1), scanning from the end of the previous one, as
// Regexp.ReplaceAllString does.
func replaceEach(t string, at func(t string, i int) int) string {
	var b []byte
	last := 0
	for i := 0; i < len(t); {
		end := at(t, i)
		if end < 0 {
			i++
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(t))
		}
		b = append(b, t[last:i]...)
		b = append(b, ' ')
		last, i = end, end
	}
	if b == nil {
		return t
	}
	return string(append(b, t[last:]...))
}

// hasNumber is numberRe().MatchString(t):
// (?i)([$€£¥₹]\s*\d|\d[\d,.]*\s*(%|percent|x\b|k\b|m\b|mm\b|bn?\b|ms\b|s\b|tb\b|gb\b|\+)|\b\d[\d,.]*\b)
func hasNumber(t string) bool {
	for i := 0; i < len(t); i++ {
		// a currency sign, spaces, a digit
		if n := currencyLen(t[i:]); n > 0 {
			j := i + n
			for j < len(t) && isSpaceRE(t[j]) {
				j++
			}
			if j < len(t) && isDigit(t[j]) {
				return true
			}
		}
		if !isDigit(t[i]) {
			continue
		}
		// a figure and a unit: the unit can only follow the whole run of
		// digits, commas and dots and the spaces after it
		e := i + 1
		for e < len(t) && (isDigit(t[e]) || t[e] == ',' || t[e] == '.') {
			e++
		}
		r := e
		for r < len(t) && isSpaceRE(t[r]) {
			r++
		}
		if unitAt(t, r) {
			return true
		}
		// a figure between word boundaries
		if i == 0 || !isWordByteRE(t[i-1]) {
			for q := i + 1; q <= e; q++ {
				if isWordByteRE(t[q-1]) != (q < len(t) && isWordByteRE(t[q])) {
					return true
				}
			}
		}
	}
	return false
}

// currencyLen is the length of the currency sign s starts with, or 0.
func currencyLen(s string) int {
	for _, c := range [...]string{"$", "€", "£", "¥", "₹"} {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}

// units are the units numberRe takes after a figure; those marked word
// must end a word.
var units = [...]struct {
	s    string
	word bool
}{{"%", false}, {"percent", false}, {"x", true}, {"k", true}, {"m", true}, {"mm", true}, {"b", true}, {"bn", true}, {"ms", true}, {"s", true}, {"tb", true}, {"gb", true}, {"+", false}}

// unitAt reports whether a unit of numberRe starts at r in t.
func unitAt(t string, r int) bool {
	for _, u := range units {
		if hasPrefixFoldASCII(t[r:], u.s) && (!u.word || wordEnd(t, r+len(u.s))) {
			return true
		}
	}
	return false
}

// linkPrefixes are the profile and web address starts profileRe takes
// when something other than a space follows them.
var linkPrefixes = [...]string{"linkedin.com/", "github.com/", "gitlab.com/", "stackoverflow.com/", "behance.net/", "dribbble.com/", "http://", "https://"}

// personalTLDs are the domains profileRe takes after a name and a dot.
var personalTLDs = [...]string{"dev", "io", "me", "site", "page"}

// hasProfileLink is profileRe().MatchString(low):
// (?i)(linkedin\.com/\S+|github\.com/\S+|gitlab\.com/\S+|stackoverflow\.com/\S+|behance\.net/\S+|dribbble\.com/\S+|https?://\S+|www\.[a-z0-9-]+\.\S+|\b[a-z0-9-]+\.(dev|io|me|site|page)\b)
func hasProfileLink(low string) bool {
	if foldsToASCII(low) {
		return profileRe().MatchString(low)
	}
	for i := 0; i < len(low); i++ {
		for _, p := range linkPrefixes {
			if hasPrefixFoldASCII(low[i:], p) && nonSpaceAt(low, i+len(p)) {
				return true
			}
		}
		if hasPrefixFoldASCII(low[i:], "www.") {
			r := i + 4
			for r < len(low) && isLinkByte(low[r]) {
				r++
			}
			if r > i+4 && r < len(low) && low[r] == '.' && nonSpaceAt(low, r+1) {
				return true
			}
		}
		if low[i] == '.' && i > 0 && isLinkByte(low[i-1]) && personalTLDAt(low, i+1) {
			// a name of [a-z0-9-] before the dot, starting at a word boundary
			start := i - 1
			for start > 0 && isLinkByte(low[start-1]) {
				start--
			}
			for s := start; s < i; s++ {
				if (s > 0 && isWordByteRE(low[s-1])) != isWordByteRE(low[s]) {
					return true
				}
			}
		}
	}
	return false
}

// personalTLDAt reports whether one of personalTLDs, ending a word, starts
// at j in s.
func personalTLDAt(s string, j int) bool {
	for _, d := range personalTLDs {
		if hasPrefixFoldASCII(s[j:], d) && wordEnd(s, j+len(d)) {
			return true
		}
	}
	return false
}

// isLinkByte is [a-z0-9-] under (?i), in ASCII.
func isLinkByte(b byte) bool { return isLetterASCII(b) || isDigit(b) || b == '-' }

// nonSpaceAt reports whether \S matches at j: t has a byte there that is
// not ASCII space (a rune of any other kind, or an invalid byte).
func nonSpaceAt(t string, j int) bool { return j < len(t) && !isSpaceRE(t[j]) }
