package extract

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// finish is the post-pass common to every format. It normalises each line
// (NFKC, soft hyphens and zero-width characters out, private-use icons and
// control characters to spaces, runs of spaces collapsed), drops empty lines,
// numbers the remaining lines (Line.N, 1-based), sets Pages, detects sections
// and adds diagnostics.
//
// A reader may pass section hints in doc.Sections: Heading set and Start the
// 1-based index into doc.Lines (before the post-pass) of a line that is a
// heading by markup (a Markdown "#", a generated JSON Resume heading). finish
// replaces them with the detected sections.
func finish(doc *Document) {
	hints := make(map[int]bool, len(doc.Sections))
	for _, s := range doc.Sections {
		hints[s.Start-1] = true
	}
	doc.Sections = nil
	icons := 0
	out := doc.Lines[:0]
	isHeading := make([]bool, 0, len(doc.Lines))
	maxPage := 0
	for i, l := range doc.Lines {
		var n int
		l.Text, n = cleanLine(l.Text)
		icons += n
		if l.Page < 1 {
			l.Page = 1
		}
		maxPage = max(maxPage, l.Page)
		if l.Text == "" {
			continue
		}
		l.N = len(out) + 1
		out = append(out, l)
		isHeading = append(isHeading, hints[i])
	}
	doc.Lines = out
	if doc.Pages < maxPage {
		doc.Pages = maxPage
	}
	if doc.Pages == 0 && len(doc.Lines) > 0 {
		doc.Pages = 1
	}
	detectSections(doc, isHeading)
	if icons > 0 && !hasDiag(doc, "icons-dropped") {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{
			Code:    "icons-dropped",
			Message: fmt.Sprintf("%d icon glyphs (private-use characters) dropped", icons),
		})
	}
	contactDiagnostics(doc)
}

func hasDiag(doc *Document, code string) bool {
	for _, d := range doc.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

// cleanLine normalises one line and returns it with the number of private-use
// (icon) characters it replaced.
func cleanLine(s string) (string, int) {
	if !norm.NFKC.IsNormalString(s) {
		s = norm.NFKC.String(s)
	}
	icons := 0
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for _, r := range s {
		switch {
		case r == '\u00AD', r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF':
			continue
		case isPUA(r):
			icons++
			r = ' '
		case r == '\uFFFD':
			// kept: it marks text the reader could not decode
		case unicode.IsSpace(r), unicode.IsControl(r), unicode.Is(unicode.Zs, r):
			r = ' '
		}
		if r == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " "), icons
}

func isPUA(r rune) bool {
	return (r >= 0xE000 && r <= 0xF8FF) || (r >= 0xF0000 && r <= 0xFFFFD) || (r >= 0x100000 && r <= 0x10FFFD)
}

// nonSpaceRunes counts the letters, digits, marks and symbols in doc.
func nonSpaceRunes(doc *Document) int {
	n := 0
	for _, l := range doc.Lines {
		for _, r := range l.Text {
			if !unicode.IsSpace(r) {
				n++
			}
		}
	}
	return n
}

// minRunes is the least text a document must hold to count as not empty.
const minRunes = 20

// classifyEmpty turns a near-empty document into an error: ErrNoText for a
// PDF (most likely a scan), ErrEmpty otherwise.
func classifyEmpty(doc *Document) error {
	n := nonSpaceRunes(doc)
	if n >= minRunes {
		return nil
	}
	switch doc.Format {
	case PDF:
		return &causeError{msg: fmt.Sprintf("no text layer (%d characters found; scanned image?)", n), errs: []error{ErrNoText}}
	case DOCX:
		return &causeError{msg: fmt.Sprintf("the DOCX holds no text (%d characters found)", n), errs: []error{ErrEmpty}}
	}
	return &causeError{msg: fmt.Sprintf("no text (%d characters found)", n), errs: []error{ErrEmpty}}
}

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp afterwards. The package's expressions use
// it so that package init, which every run of the tool pays before its
// first line of work, compiles nothing a run may never use (encrypted or
// broken PDFs, object streams).
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// hasEmail reports whether s holds an e-mail address: whether the regular
// expression [\pL\pN._%+-]+@[\pL\pN-]+(\.[\pL\pN-]+)+ matches in s. It is
// that expression written out (TestHasEmail holds the two together): its
// Unicode classes cost 0.4 ms to compile, on every run that reads a resume
// with an address, more than the whole check.
func hasEmail(s string) bool {
	local := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune("._%+-", r)
	}
	domain := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '-' }
	for at := strings.IndexByte(s, '@'); at >= 0; {
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); at > 0 && local(r) {
			// a run of domain characters, a dot, a domain character: the
			// run cannot hold a dot, so only its full length can be followed
			// by one
			j := at + 1
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !domain(r) {
					break
				}
				j += n
			}
			if j > at+1 && j < len(s) && s[j] == '.' {
				if r, _ := utf8.DecodeRuneInString(s[j+1:]); j+1 < len(s) && domain(r) {
					return true
				}
			}
		}
		next := strings.IndexByte(s[at+1:], '@')
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return false
}

// hasContact reports whether s holds an e-mail address or a phone number.
func hasContact(s string) bool {
	if strings.IndexByte(s, '@') >= 0 && hasEmail(s) {
		return true
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	if digits < 9 {
		return false // no phone number has fewer digits; skip the regexp
	}
	found := false
	eachPhone(s, func(m string) bool {
		digits := 0
		for i := 0; i < len(m); i++ {
			if m[i] >= '0' && m[i] <= '9' {
				digits++
			}
		}
		found = digits >= 9 && digits <= 15
		return !found
	})
	return found
}

// eachPhone calls fn with each match, left to right, of the regular
// expression
//
//	(\+\d{1,3}[\s.-]?)?(\(\d{2,4}\)[\s.-]?)?\d{2,4}[\s.-]\d{2,4}([\s.-]\d{2,5})?
//
// as FindAllString returns them, until fn returns false. It is that
// expression written out as the backtracking search whose first success is
// the leftmost-first match (TestEachPhone holds the two together); it
// saves compiling the expression on the runs that look for a phone
// number. Every byte it matches is ASCII, which no byte of a multi-byte
// UTF-8 sequence is, so it may step through s byte by byte.
func eachPhone(s string, fn func(m string) bool) {
	for i := 0; i < len(s); {
		if end, ok := phoneAt(s, i); ok {
			if !fn(s[i:end]) {
				return
			}
			i = end
			continue
		}
		i++
	}
}

// phoneAt returns the end of the leftmost-first phone match that starts
// at s[i], trying each optional part taken before skipped and each digit
// run longest first.
func phoneAt(s string, i int) (int, bool) {
	// (\+\d{1,3}[\s.-]?)?
	if i < len(s) && s[i] == '+' {
		for n := digitRun(s, i+1, 3); n >= 1; n-- {
			if end, ok := optionalSep(s, i+1+n, phoneArea); ok {
				return end, true
			}
		}
	}
	return phoneArea(s, i)
}

// optionalSep matches [\s.-]? at s[j] and then rest, leftmost-first: with
// the separator taken when there is one, else without it.
func optionalSep(s string, j int, rest func(string, int) (int, bool)) (int, bool) {
	if j < len(s) && isPhoneSep(s[j]) {
		if end, ok := rest(s, j+1); ok {
			return end, true
		}
	}
	return rest(s, j)
}

// phoneArea matches (\(\d{2,4}\)[\s.-]?)? and the rest at s[i].
func phoneArea(s string, i int) (int, bool) {
	if i < len(s) && s[i] == '(' {
		for n := digitRun(s, i+1, 4); n >= 2; n-- {
			j := i + 1 + n
			if j >= len(s) || s[j] != ')' {
				continue
			}
			if end, ok := optionalSep(s, j+1, phoneNumber); ok {
				return end, true
			}
		}
	}
	return phoneNumber(s, i)
}

// phoneNumber matches \d{2,4}[\s.-]\d{2,4}([\s.-]\d{2,5})? at s[i].
func phoneNumber(s string, i int) (int, bool) {
	for a := digitRun(s, i, 4); a >= 2; a-- {
		j := i + a
		if j >= len(s) || !isPhoneSep(s[j]) {
			continue
		}
		j++
		b := digitRun(s, j, 4)
		if b < 2 {
			continue
		}
		j += b
		if j < len(s) && isPhoneSep(s[j]) {
			if c := digitRun(s, j+1, 5); c >= 2 {
				return j + 1 + c, true
			}
		}
		return j, true
	}
	return 0, false
}

// digitRun is the number of ASCII digits at s[i:], at most max.
func digitRun(s string, i, max int) int {
	n := 0
	for i+n < len(s) && n < max && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// isPhoneSep reports whether c is in [\s.-] (\s is ASCII white space).
func isPhoneSep(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', '.', '-':
		return true
	}
	return false
}

// contactDiagnostics flags contact details that appear only in a header,
// footer or text box: many ATS skip those parts.
func contactDiagnostics(doc *Document) {
	// The body is read first and the rest only when the body holds no
	// contact details, so that a typical resume (an address in its first
	// lines, or no header at all) never compiles the phone expression.
	other := false
	for _, l := range doc.Lines {
		if l.Source != Body {
			other = true
			break
		}
	}
	if !other {
		return // contact details can only be in the body, or nowhere
	}
	for _, l := range doc.Lines {
		if l.Source == Body && hasContact(l.Text) {
			return
		}
	}
	found := map[Source]bool{}
	for _, l := range doc.Lines {
		if l.Source != Body && hasContact(l.Text) {
			found[l.Source] = true
		}
	}
	if len(found) == 0 {
		return
	}
	var where []string
	for _, s := range []Source{Header, Footer, TextBox, Footnote} {
		if found[s] {
			where = append(where, map[Source]string{Header: "header", Footer: "footer", TextBox: "text box", Footnote: "footnote"}[s])
		}
	}
	doc.Diagnostics = append(doc.Diagnostics, Diagnostic{
		Code:    "contact-in-header",
		Message: "contact details found only in the " + strings.Join(where, " and ") + "; many ATS skip those, so repeat them in the body",
	})
}
