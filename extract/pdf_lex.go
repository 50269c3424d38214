package extract

import (
	"strconv"
)

// An own content-stream tokenizer replaces pdf.Interpret for page and form
// content (extraction.md §7 pitfall 17): the library's tokenizer panics on
// inline images (BI … ID <binary> EI) and the rest of the page is lost; it is
// also the walker's largest cost. This one works on the inflated bytes, skips
// inline image data, never panics on malformed input and allocates little.

// opKind is the type of one content-stream operand.
type opKind uint8

const (
	opNull opKind = iota
	opNumber
	opString
	opName
	opArray
	opDict
	opBool
)

// operand is one operand of a content-stream operator.
type operand struct {
	kind opKind
	num  float64
	str  string    // string bytes or name
	arr  []operand // array elements
}

// maxLexDepth bounds array and dictionary nesting in content streams.
const maxLexDepth = 64

// contentLexer splits a content stream into operands and operators.
type contentLexer struct {
	b   []byte
	pos int
	// arena, when reuse is set, holds the operands of top-level arrays
	// until the caller calls release (after each operator), so that the
	// arrays of a content stream's TJ operators share one allocation.
	arena []operand
	reuse bool
}

// release lets the next top-level arrays overwrite the previous ones; the
// caller must hold none of them any more.
func (l *contentLexer) release() {
	l.arena = l.arena[:0]
}

// pdfChar classes bytes for the lexers: PDF white space and delimiters.
// One table lookup per byte instead of a chain of comparisons, in the
// loops that read every byte of every content stream.
var pdfChar = [256]uint8{
	0: charSpace, '\t': charSpace, '\n': charSpace, '\f': charSpace, '\r': charSpace, ' ': charSpace,
	'(': charDelim, ')': charDelim, '<': charDelim, '>': charDelim, '[': charDelim, ']': charDelim,
	'{': charDelim, '}': charDelim, '/': charDelim, '%': charDelim,
}

const (
	charSpace = 1 << iota // NUL, tab, LF, FF, CR, space
	charDelim             // ( ) < > [ ] { } / %
)

func isPDFSpace(c byte) bool { return pdfChar[c]&charSpace != 0 }

// isEOLSpace is white space without NUL, which image data is full of.
func isEOLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func isPDFDelim(c byte) bool { return pdfChar[c]&charDelim != 0 }

func (l *contentLexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isPDFSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operand, or the next operator as op != "". ok is
// false at the end of the stream.
func (l *contentLexer) next(depth int) (v operand, op string, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return operand{}, "", false
	}
	c := l.b[l.pos]
	number := c-'0' <= 9 || c == '-' || c == '.' || c == '+'
	if number {
		// Numbers are most of a content stream's tokens: they skip the
		// delimiter cases.
		if f, n, ok := scanNumber(l.b[l.pos:]); ok {
			l.pos += n
			return operand{kind: opNumber, num: f}, "", true
		}
	} else if pdfChar[c] != 0 { // a delimiter (skipSpace left no white space or comment)
		if v, ok := l.delimited(c, depth); ok {
			return v, "", true
		}
	}
	start := l.pos
	for l.pos < len(l.b) && pdfChar[l.b[l.pos]] == 0 { // a regular character
		l.pos++
	}
	tok := l.b[start:l.pos]
	if number {
		if f, ok := fastNumber(tok); ok {
			return operand{kind: opNumber, num: f}, "", true
		}
		if f, err := strconv.ParseFloat(string(tok), 64); err == nil {
			return operand{kind: opNumber, num: f}, "", true
		}
		if f, ok := lenientNumber(tok); ok {
			return operand{kind: opNumber, num: f}, "", true
		}
	}
	switch string(tok) {
	case "true", "false":
		return operand{kind: opBool}, "", true
	case "null":
		return operand{kind: opNull}, "", true
	}
	return operand{}, operatorName(tok), true
}

// delimited reads the operand that starts with delimiter c: a string,
// dictionary, array or name; a stray closing delimiter is skipped and read
// as null. ok is false for any other byte.
func (l *contentLexer) delimited(c byte, depth int) (operand, bool) {
	switch {
	case c == '(':
		l.pos++
		return operand{kind: opString, str: l.literal()}, true
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		l.container(">>", depth)
		return operand{kind: opDict}, true
	case c == '<':
		l.pos++
		return operand{kind: opString, str: l.hex()}, true
	case c == '[':
		l.pos++
		return operand{kind: opArray, arr: l.container("]", depth)}, true
	case c == '/':
		l.pos++
		return operand{kind: opName, str: l.name()}, true
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		l.pos++ // stray delimiter: skip it
		return operand{kind: opNull}, true
	}
	return operand{}, false
}

// operatorName returns tok as a string, without allocating for the
// operators content streams use (the switch compares without converting).
func operatorName(tok []byte) string {
	switch string(tok) {
	case "q":
		return "q"
	case "Q":
		return "Q"
	case "cm":
		return "cm"
	case "m":
		return "m"
	case "l":
		return "l"
	case "c":
		return "c"
	case "v":
		return "v"
	case "y":
		return "y"
	case "h":
		return "h"
	case "re":
		return "re"
	case "f":
		return "f"
	case "f*":
		return "f*"
	case "n":
		return "n"
	case "S":
		return "S"
	case "s":
		return "s"
	case "B":
		return "B"
	case "b":
		return "b"
	case "W":
		return "W"
	case "W*":
		return "W*"
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Ts":
		return "Ts"
	case "Tr":
		return "Tr"
	case "Tf":
		return "Tf"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "T*":
		return "T*"
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "g":
		return "g"
	case "G":
		return "G"
	case "rg":
		return "rg"
	case "RG":
		return "RG"
	case "k":
		return "k"
	case "K":
		return "K"
	case "cs":
		return "cs"
	case "CS":
		return "CS"
	case "sc":
		return "sc"
	case "SC":
		return "SC"
	case "scn":
		return "scn"
	case "SCN":
		return "SCN"
	case "gs":
		return "gs"
	case "Do":
		return "Do"
	case "w":
		return "w"
	case "J":
		return "J"
	case "j":
		return "j"
	case "M":
		return "M"
	case "d":
		return "d"
	case "i":
		return "i"
	case "ri":
		return "ri"
	case "BDC":
		return "BDC"
	case "BMC":
		return "BMC"
	case "EMC":
		return "EMC"
	case "begincodespacerange":
		return "begincodespacerange"
	case "endcodespacerange":
		return "endcodespacerange"
	case "beginbfchar":
		return "beginbfchar"
	case "endbfchar":
		return "endbfchar"
	case "beginbfrange":
		return "beginbfrange"
	case "endbfrange":
		return "endbfrange"
	}
	return string(tok)
}

// exactPow10 holds the powers of ten a float64 represents exactly.
var exactPow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// fastNumber reads the common content-stream number, [+-]digits[.digits]
// with at most 15 digits, without allocating. Both the mantissa and the
// power of ten are exact in a float64, so the one division rounds exactly
// as strconv.ParseFloat does; anything else reports false and is left to
// strconv.
func fastNumber(tok []byte) (float64, bool) {
	i := 0
	neg := false
	if i < len(tok) && (tok[i] == '+' || tok[i] == '-') {
		neg = tok[i] == '-'
		i++
	}
	var m uint64
	digits, frac := 0, 0
	dot := false
	for ; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	f := float64(m) / exactPow10[frac]
	if neg {
		f = -f
	}
	return f, true
}

// scanNumber reads a number at the start of b in one pass: what fastNumber
// accepts, ended by white space, a delimiter or the end of b. n is its
// length. Anything else (a longer token such as "5.3.1", more digits) is
// reported false and left to the token path, which gives it to fastNumber,
// strconv and lenientNumber as before.
func scanNumber(b []byte) (f float64, n int, ok bool) {
	i := 0
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	var m uint64
	digits, frac := 0, 0
	dot := false
	for ; i < len(b); i++ {
		c := b[i]
		if d := c - '0'; d <= 9 {
			m = m*10 + uint64(d)
			digits++
			if dot {
				frac++
			}
		} else if c == '.' && !dot {
			dot = true
		} else if pdfChar[c] != 0 {
			break // the end of the token
		} else {
			return 0, 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, 0, false
	}
	f = float64(m) / exactPow10[frac]
	if neg {
		f = -f
	}
	return f, i, true
}

// lenientNumber reads numbers such as "--5" or "5.3.1" the way viewers do.
func lenientNumber(tok []byte) (float64, bool) {
	neg := false
	i := 0
	for i < len(tok) && (tok[i] == '-' || tok[i] == '+') {
		neg = neg || tok[i] == '-'
		i++
	}
	j := i
	dot := false
	for j < len(tok) && (tok[j] >= '0' && tok[j] <= '9' || tok[j] == '.' && !dot) {
		dot = dot || tok[j] == '.'
		j++
	}
	if j == i {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(tok[i:j]), 64)
	if err != nil {
		return 0, false
	}
	if neg {
		f = -f
	}
	return f, true
}

// container reads operands up to the closing delimiter; operators inside are
// ignored (they are malformed). Dictionaries keep no contents.
func (l *contentLexer) container(end string, depth int) []operand {
	if l.reuse && depth == 0 && end == "]" {
		start := len(l.arena)
		l.arena = l.containerInto(end, depth, l.arena)
		return l.arena[start:len(l.arena):len(l.arena)]
	}
	return l.containerInto(end, depth, nil)
}

// containerInto is container appending to out.
func (l *contentLexer) containerInto(end string, depth int, out []operand) []operand {
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return out
		}
		if end == "]" && l.b[l.pos] == ']' {
			l.pos++
			return out
		}
		if end == ">>" && l.b[l.pos] == '>' {
			l.pos++
			if l.pos < len(l.b) && l.b[l.pos] == '>' {
				l.pos++
			}
			return out
		}
		if depth >= maxLexDepth {
			l.pos++
			continue
		}
		v, op, ok := l.next(depth + 1)
		if !ok {
			return out
		}
		if op == "" && end == "]" {
			out = append(out, v)
		}
	}
}

func (l *contentLexer) literal() string {
	// Most strings have no escape and no nested parentheses: they are the
	// bytes up to the first ')', copied once.
	for i := l.pos; i < len(l.b); i++ {
		if c := l.b[i]; c == ')' {
			s := string(l.b[l.pos:i])
			l.pos = i + 1
			return s
		} else if c == '\\' || c == '(' {
			break
		}
	}
	var sb [64]byte // room for most strings on the stack: one allocation, the result's
	buf := sb[:0]
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(buf)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return string(buf)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						n = n*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(n)
				} else {
					c = e
				}
			}
		}
		buf = append(buf, c)
	}
	return string(buf)
}

func unhexByte(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *contentLexer) hex() string {
	var sb [64]byte // room for most strings on the stack: one allocation, the result's
	buf := sb[:0]
	hi := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		d := unhexByte(c)
		if d < 0 {
			continue
		}
		if hi < 0 {
			hi = d
		} else {
			buf = append(buf, byte(hi<<4|d))
			hi = -1
		}
	}
	if hi >= 0 {
		buf = append(buf, byte(hi<<4))
	}
	return string(buf)
}

func (l *contentLexer) name() string {
	start := l.pos
	esc := false
	for l.pos < len(l.b) && pdfChar[l.b[l.pos]] == 0 { // a regular character
		esc = esc || l.b[l.pos] == '#'
		l.pos++
	}
	raw := l.b[start:l.pos]
	if !esc {
		return string(raw)
	}
	var buf []byte
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) && unhexByte(raw[i+1]) >= 0 && unhexByte(raw[i+2]) >= 0 {
			buf = append(buf, byte(unhexByte(raw[i+1])<<4|unhexByte(raw[i+2])))
			i += 2
			continue
		}
		buf = append(buf, raw[i])
	}
	return string(buf)
}

// skipInlineImage moves past the data of an inline image: after "BI" the
// dictionary runs to "ID", one white-space byte, then the data ends at an
// "EI" between white space (PDF 32000-1 §8.9.7).
func (l *contentLexer) skipInlineImage() {
	for {
		_, op, ok := l.next(0)
		if !ok {
			return
		}
		if op == "ID" {
			break
		}
		if op == "EI" {
			return
		}
	}
	if l.pos < len(l.b) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == 0 || isEOLSpace(l.b[i-1])) && (i+2 >= len(l.b) || isEOLSpace(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
