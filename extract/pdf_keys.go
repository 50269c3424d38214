package extract

import (
	"bytes"
	"strings"
)

// The pre-scan, the object-stream flattening and the font-reference reader
// look for a few keys in raw PDF bytes ("/Size 12", "/W [1 4 2]",
// "/Root 5 0 R"). They did it with regular expressions; compiling the
// thirteen of them cost a one-resume run more than reading them, so these
// small readers do the same work by hand. Between a key and its value comes
// PDF white space (NUL, tab, LF, FF, CR, space) and comments, a comment
// running to the end of its line.

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// skipPDFSpace returns the index after the white space and comments at b[i:].
func skipPDFSpace(b []byte, i int) int {
	for i < len(b) {
		switch {
		case isPDFSpace(b[i]):
			i++
		case b[i] == '%':
			for i < len(b) && b[i] != '\r' && b[i] != '\n' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// skipDigits returns the index after the ASCII digits at b[i:].
func skipDigits(b []byte, i int) int {
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	return i
}

// eolSpan returns the length of the white space (without comments) that
// starts b.
func eolSpan(b []byte) int {
	i := 0
	for i < len(b) && isPDFSpace(b[i]) {
		i++
	}
	return i
}

// isObjHead reports whether b starts with an object header, "12 0 obj".
func isObjHead(b []byte) bool {
	i := skipDigits(b, 0)
	if i == 0 || i >= len(b) || !isEOLSpace(b[i]) {
		return false
	}
	for i < len(b) && isEOLSpace(b[i]) {
		i++
	}
	j := skipDigits(b, i)
	if j == i || j >= len(b) || !isEOLSpace(b[j]) {
		return false
	}
	for j < len(b) && isEOLSpace(b[j]) {
		j++
	}
	return bytes.HasPrefix(b[j:], []byte("obj"))
}

// valueReader reads a value at b[i:]: it returns the part kept (b[vs:ve])
// and where the value ends, or ok false when no such value starts there.
type valueReader func(b []byte, i int) (vs, ve, end int, ok bool)

// intValue reads an unsigned integer.
func intValue(b []byte, i int) (int, int, int, bool) {
	e := skipDigits(b, i)
	return i, e, e, e > i
}

// signedValue reads an integer with an optional minus sign.
func signedValue(b []byte, i int) (int, int, int, bool) {
	j := i
	if j < len(b) && b[j] == '-' {
		j++
	}
	e := skipDigits(b, j)
	return i, e, e, e > j
}

// arrayValue reads "[...]" up to the first "]" and keeps what is inside.
func arrayValue(b []byte, i int) (int, int, int, bool) {
	if i >= len(b) || b[i] != '[' {
		return 0, 0, 0, false
	}
	k := bytes.IndexByte(b[i+1:], ']')
	if k < 0 {
		return 0, 0, 0, false
	}
	return i + 1, i + 1 + k, i + 2 + k, true
}

// numberArrayValue reads "[...]" holding only digits and white space (as
// \s in Go's regexp syntax) and keeps what is inside.
func numberArrayValue(b []byte, i int) (int, int, int, bool) {
	if i >= len(b) || b[i] != '[' {
		return 0, 0, 0, false
	}
	j := i + 1
	for j < len(b) && (isDigit(b[j]) || isEOLSpace(b[j])) {
		j++
	}
	if j >= len(b) || b[j] != ']' {
		return 0, 0, 0, false
	}
	return i + 1, j, j + 1, true
}

// refValue reads an indirect reference, "5 0 R", with white space and
// comments between its parts, and keeps all of it.
func refValue(b []byte, i int) (int, int, int, bool) {
	j := skipDigits(b, i)
	if j == i {
		return 0, 0, 0, false
	}
	k := skipPDFSpace(b, j)
	l := skipDigits(b, k)
	if l == k {
		return 0, 0, 0, false
	}
	m := skipPDFSpace(b, l)
	if m >= len(b) || b[m] != 'R' {
		return 0, 0, 0, false
	}
	return i, m + 1, m + 1, true
}

// filterValue reads a /Filter value, a name or an array, and keeps all of it.
func filterValue(b []byte, i int) (int, int, int, bool) {
	if i < len(b) && b[i] == '/' {
		j := i + 1
		for j < len(b) && (isDigit(b[j]) || b[j] >= 'A' && b[j] <= 'Z' || b[j] >= 'a' && b[j] <= 'z') {
			j++
		}
		if j > i+1 {
			return i, j, j, true
		}
		return 0, 0, 0, false
	}
	_, _, end, ok := arrayValue(b, i)
	return i, end, end, ok
}

// indexKey is bytes.Index(b, []byte(key)) for a key with its slash
// ("/Size"). It looks for the name after the slash and then checks the
// slash: a PDF is full of slashes, and bytes.Index pays for every
// occurrence of a pattern's first byte (on a Typst resume the three
// pre-scan keys cost 1M instructions that way, more than the rest of the
// pre-scan).
func indexKey(b []byte, key string) int {
	name := []byte(key[1:])
	for from := 0; from+len(key) <= len(b); {
		q := bytes.Index(b[from+1:], name)
		if q < 0 {
			return -1
		}
		if k := from + q; b[k] == key[0] {
			return k
		}
		from += q + 1
	}
	return -1
}

// findKey returns the value of the first key (with its slash, "/Size") in
// b at or after from that read accepts, and where that value ends; nil when
// there is none. A key whose value does not read is passed over.
func findKey(b []byte, key string, read valueReader, from int) (val []byte, end int) {
	for from <= len(b) {
		k := indexKey(b[from:], key)
		if k < 0 {
			return nil, len(b)
		}
		k += from
		if vs, ve, e, ok := read(b, skipPDFSpace(b, k+len(key))); ok {
			return b[vs:ve], e
		}
		from = k + 1
	}
	return nil, len(b)
}

// findKeys returns the values of every key in b that read accepts, in order.
func findKeys(b []byte, key string, read valueReader) [][]byte {
	var out [][]byte
	for from := 0; ; {
		v, end := findKey(b, key, read, from)
		if v == nil {
			return out
		}
		out = append(out, v)
		from = end
	}
}

// encryptRef returns the object number of the /Encrypt reference in b
// ("/Encrypt 12 0 R", white space but no comments between the parts), or
// nil.
func encryptRef(b []byte) []byte {
	key := []byte("/Encrypt")
	for from := 0; ; {
		k := bytes.Index(b[from:], key)
		if k < 0 {
			return nil
		}
		k += from
		from = k + 1
		i := k + len(key)
		for i < len(b) && isEOLSpace(b[i]) {
			i++
		}
		j := skipDigits(b, i)
		if j == i || j >= len(b) || !isEOLSpace(b[j]) {
			continue
		}
		l := j
		for l < len(b) && isEOLSpace(b[l]) {
			l++
		}
		m := skipDigits(b, l)
		if m == l || m >= len(b) || !isEOLSpace(b[m]) {
			continue
		}
		for m < len(b) && isEOLSpace(b[m]) {
			m++
		}
		if m < len(b) && b[m] == 'R' {
			return b[i:j]
		}
	}
}

// fontRefs calls fn with the name and the reference ("5 0 R") of every
// "/Name 5 0 R" entry in a dictionary printed by the PDF library, in order.
func fontRefs(s string, fn func(name, ref string)) {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '/')
		if k < 0 {
			return
		}
		k += i
		j := k + 1
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		end, ok := printedRef(s, j)
		if j == k+1 || !ok {
			i = k + 1
			continue
		}
		fn(s[k+1:j], s[j+1:end])
		i = end
	}
}

// isNameByte reports whether c may be part of a name in the printed form
// (anything but white space and the delimiters / < > [ ] ( )).
func isNameByte(c byte) bool {
	return !isEOLSpace(c) && c != '/' && c != '<' && c != '>' && c != '[' && c != ']' && c != '(' && c != ')'
}

// printedRef reads " 5 0 R" at s[i:] (single spaces, as the library prints
// it) and returns where it ends.
func printedRef(s string, i int) (int, bool) {
	if i >= len(s) || s[i] != ' ' {
		return 0, false
	}
	j := i + 1
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ' ' {
		return 0, false
	}
	k := j + 1
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k == j+1 || k+1 >= len(s) || s[k] != ' ' || s[k+1] != 'R' {
		return 0, false
	}
	return k + 2, true
}
