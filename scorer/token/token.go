// Package token is the one tokenizer and normaliser shared by keywords and
// scorer. It turns text into tokens that keep technology names whole (C++, C#,
// .NET, Node.js, CI/CD, A/B), records where each token is (byte offsets, line,
// sentence) and gives the folded, light-inflected and stemmed forms the matcher
// compares.
//
// Boundary logic lives here, on a token stream, rather than in regular
// expressions: Go's RE2 has no look-around and \b never fires after "C++".
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word-like run of text.
type Token struct {
	Text    string  // the token as written: s[Start:End]
	Norm    string  // folded form used as the match key: lowercase, without a glued version ("c++" for "C++17")
	Core    string  // Text without a glued version suffix ("C++" for "C++17"); compared for case-exact forms
	Version string  // a version attached to the token: glued ("17" in "C++17") or the next number ("17" in "Java 17")
	Start   int     // byte offset of the first byte in the tokenized string
	End     int     // byte offset just past the last byte
	Line    int     // 1-based line number
	Sent    int     // 0-based sentence id, counted over the whole text
	Num     bool    // a number (digits with inner dots), e.g. "17", "2.0"
	Parts   []Token // sub-tokens split on '-' and '/', nil when the token has neither
}

// Normalize applies NFKC and maps the characters PDFs and word processors use
// in place of plain ASCII: dashes, non-breaking and soft hyphens, curly
// apostrophes, the music sharp sign of "C♯". It is idempotent.
func Normalize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if isPlainASCII(s) {
		return s
	}
	s = norm.NFKC.String(s)
	if !hasMapped(s) { // the loop below would copy s unchanged
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\u00AD': // soft hyphen: invisible
			continue
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D':
			b.WriteByte('-')
		case '\u2014', '\u2015': // em dash separates clauses, it does not join words
			b.WriteByte(' ')
		case '\u2018', '\u2019', '\u201B', '\u2032':
			b.WriteByte('\'')
		case '\u201C', '\u201D', '\u201F', '\u2033':
			b.WriteByte('"')
		case '\u266F': // ♯
			b.WriteByte('#')
		case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003':
			b.WriteByte(' ')
		case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
			continue
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	// A mapped character can never re-enable composition, but NFKC once more
	// keeps the function idempotent on odd inputs.
	if !norm.NFKC.IsNormalString(out) {
		out = norm.NFKC.String(out)
	}
	return out
}

// hasMapped reports whether s holds a rune that Normalize maps or drops.
func hasMapped(s string) bool {
	for _, r := range s {
		if r < 0xA0 {
			continue
		}
		switch r {
		case '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D',
			'\u2014', '\u2015', '\u2018', '\u2019', '\u201B', '\u2032', '\u201C', '\u201D', '\u201F', '\u2033',
			'\u266F', '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003',
			'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
			return true
		}
	}
	return false
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// inner reports whether c may appear inside a token between word characters.
func inner(c byte) bool {
	switch c {
	case '+', '#', '.', '/', '&', '\'', '-', '_':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokenize splits s into tokens. s should already be normalised (Normalize);
// offsets refer to s as given. Lines are counted from 1 at each '\n'.
func Tokenize(s string) []Token {
	return TokenizeInto(make([]Token, 0, len(s)/6+1), s) // about one token per word of prose; append grows it on denser lines
}

// TokenizeInto is Tokenize reusing buf's storage: the tokens are written
// from buf[0], overwriting what buf held. Callers that tokenize many lines
// one after another pass the previous result back to save allocations.
func TokenizeInto(buf []Token, s string) []Token {
	toks := buf[:0]
	line, sent := 1, 0
	sentOpen := false // a token has been emitted in the current sentence
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '\n' {
			line++
			if sentOpen {
				sent++
				sentOpen = false
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) && !inner(c) {
			if sentOpen && breaksSentence(r) && !(c == '.' && i+1 < len(s) && isDigitByte(s[i+1]) && i > 0 && isDigitByte(s[i-1])) {
				sent++
				sentOpen = false
			}
			i += size
			continue
		}
		// a run of word runes and inner characters
		start := i
		j := i
		for j < len(s) {
			cj := s[j]
			if cj < utf8.RuneSelf {
				if isWordByte(cj) || inner(cj) {
					j++
					continue
				}
				break
			}
			rj, sz := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(rj) {
				break
			}
			j += sz
		}
		ts, te := trim(s, start, j)
		if ts < te {
			t := makeToken(s, ts, te, line, sent)
			if t.Num && len(toks) > 0 {
				p := &toks[len(toks)-1]
				if p.Version == "" && !p.Num && p.Line == line && p.Sent == sent && onlySpaces(s[p.End:ts]) {
					p.Version = t.Text
				}
			}
			toks = append(toks, t)
			sentOpen = true
		}
		// trailing characters trimmed off the run may end a sentence ("done.")
		for k := te; k < j; k++ {
			if sentOpen && (s[k] == '.') && !abbreviation(s[ts:te]) {
				sent++
				sentOpen = false
			}
		}
		if j == start { // cannot happen, but never loop forever
			j = start + size
		}
		i = j
	}
	return toks
}

func onlySpaces(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func breaksSentence(r rune) bool {
	switch r {
	case '.', '!', '?', ';', '•', '▪', '◦', '●', '■', '►':
		return true
	}
	return false
}

var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "vs": true, "inc": true, "approx": true, "incl": true,
	"e.g.": true, "i.e.": true, "dr": true, "mr": true, "ms": true, "mrs": true, "st": true, "jr": true, "sr": true,
}

func abbreviation(tok string) bool {
	if len(tok) > 5 {
		return false
	}
	return abbreviations[strings.ToLower(tok)]
}

// trim removes inner characters at both ends of the run s[i:j], keeping a
// leading '.' before a letter (.NET), a trailing "++" (C++) and a trailing '#'
// after a letter (C#, F#).
func trim(s string, i, j int) (int, int) {
	for i < j && inner(s[i]) {
		if s[i] == '.' && i+1 < j && isLetterByte(s[i+1]) && (i == 0 || s[i-1] != '.') {
			break
		}
		i++
	}
	for j > i && inner(s[j-1]) {
		if s[j-1] == '+' && j-2 > i && s[j-2] == '+' && isWordByte(s[j-3]) {
			break
		}
		if s[j-1] == '#' && j-1 > i && isLetterByte(s[j-2]) {
			break
		}
		j--
	}
	return i, j
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func makeToken(s string, i, j, line, sent int) Token {
	text := s[i:j]
	t := Token{Text: text, Core: text, Start: i, End: j, Line: line, Sent: sent}
	t.Num = isNumber(text)
	// a version glued after ++ or # (C++17, C#10)
	if k := lastPlusHash(text); k > 0 && k < len(text)-1 && isNumber(text[k+1:]) {
		t.Core = text[:k+1]
		t.Version = text[k+1:]
	}
	t.Norm = Fold(t.Core)
	if hasDashSlash(text) {
		t.Parts = split(s, i, j, line, sent)
	}
	return t
}

func split(s string, i, j, line, sent int) []Token {
	var parts []Token
	k := i
	for k < j {
		e := k
		for e < j && s[e] != '-' && s[e] != '/' {
			e++
		}
		ps, pe := trim(s, k, e)
		if ps < pe {
			text := s[ps:pe]
			p := Token{Text: text, Core: text, Start: ps, End: pe, Line: line, Sent: sent, Num: isNumber(text)}
			if q := lastPlusHash(text); q > 0 && q < len(text)-1 && isNumber(text[q+1:]) {
				p.Core = text[:q+1]
				p.Version = text[q+1:]
			}
			p.Norm = Fold(p.Core)
			parts = append(parts, p)
		}
		k = e + 1
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// lastPlusHash is strings.LastIndexAny(s, "+#") without the rune decoding.
func lastPlusHash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '+' || s[i] == '#' {
			return i
		}
	}
	return -1
}

// hasDashSlash is strings.ContainsAny(s, "-/") without the rune decoding.
func hasDashSlash(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == '/' {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	if s == "" || !isDigitByte(s[0]) || !isDigitByte(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// Fold returns the case-folded form of s used as a match key. ASCII-only
// strings without upper case are returned without allocating.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
