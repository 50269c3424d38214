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
