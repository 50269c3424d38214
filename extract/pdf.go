package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// Page-walk bounds (robustness.md §8 B3).
const (
	maxTreeDepth   = 32
	hardMaxPages   = 2000
	minTextRunes   = 20 // fewer non-space runes than this is "near-empty"
	garbledShare   = 0.30
	letterShareMin = 0.5
)

// flattenObjectStreams turns on flattenObjStms; tests compare both ways.
var flattenObjectStreams = true

// pdfPage is one leaf of the page tree with its inherited attributes.
type pdfPage struct {
	v   pdf.Value
	res pdf.Value
	box pageBox
}

// readPDF extracts the text of a PDF held in memory: tolerant open, pre-scan
// caps, an own bounded page-tree walk, a text-state walker per page under
// recover, then the layout of extraction.md §4. Errors wrap one sentinel of
// errors.go and never name the file.
func readPDF(ctx context.Context, data []byte, opts Options) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil { // last resort: nothing below should panic
			doc, err = nil, fmt.Errorf("damaged file: internal failure reading the PDF (%v): %w", r, ErrMalformed)
		}
	}()
	if ctx == nil {
		ctx = context.Background()
	}
	buf, err := normalizePDF(data)
	if err != nil {
		return nil, err
	}
	z := &inflater{}
	if err := prescanPDF(buf, z); err != nil {
		return nil, err
	}
	encKind := encryptionKind(buf)
	var update []byte
	if encKind == "" && flattenObjectStreams {
		update = flattenObjStms(buf, z)
	}
	z.objStm = nil
	r, buf, err := openPDF(buf, update)
	if err != nil {
		return nil, classifyOpenError(err, encKind)
	}
	gd := &guard{ctx: ctx, unmappedAsCode: opts.unmappedAsCode, z: z}
	if encKind == "" {
		gd.raw = buf
	}
	maxPages := opts.MaxPages
	if maxPages <= 0 || maxPages > hardMaxPages {
		maxPages = hardMaxPages
	}
	var pages []pdfPage
	if !gd.try(func() { pages, err = walkPages(r, maxPages) }) {
		if gd.fatal != nil {
			return nil, gd.fatal
		}
		return nil, fmt.Errorf("damaged file: the page tree cannot be read: %w", ErrMalformed)
	}
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("damaged file: no pages found: %w", ErrMalformed)
	}

	doc = &Document{Format: PDF, Pages: len(pages)}
	fonts := map[string]*pdfFont{}
	fontRefs := map[string]map[string]string{}
	docGlyphs := 0
	// The page walker sizes this buffer from the first content stream
	// (glyphCapFor); later pages reuse it.
	var glyphBuf []glyph
	perPage := make([][]outLine, len(pages))
	var total layoutStats
	var images, inline, lost, runes, bad, letters int
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, ctxError(err)
		}
		// Each page's glyphs reuse the previous page's buffer: layoutPage
		// keeps no reference to them.
		w := &walker{gd: gd, fonts: fonts, fontRefs: fontRefs, docGlyphs: &docGlyphs, glyphs: glyphBuf[:0]}
		ok := gd.try(func() {
			content := p.v.Key("Contents")
			if content.IsNull() {
				return
			}
			w.run(content, p.res, identity, 0)
		})
		if gd.fatal != nil {
			if errors.Is(gd.fatal, context.Canceled) || errors.Is(gd.fatal, context.DeadlineExceeded) {
				return nil, ctxError(gd.fatal)
			}
			return nil, gd.fatal
		}
		images += w.images
		inline += w.inline
		for _, g := range w.glyphs {
			if g.space || g.icon {
				continue
			}
			for _, c := range g.text {
				runes++
				switch {
				case c == utf8.RuneError || unicode.IsControl(c):
					bad++
				case unicode.IsLetter(c) || unicode.IsDigit(c):
					letters++
				}
			}
		}
		if !ok || w.partial {
			lost++
			msg := fmt.Sprintf("page %d lost to a parse error", i+1)
			if len(w.glyphs) > 0 {
				msg = fmt.Sprintf("part of page %d lost to a parse error", i+1)
			}
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Code: "page-lost", Message: msg, Page: i + 1})
		}
		var st layoutStats
		perPage[i] = layoutPage(w.glyphs, p.box, w.dark, &st)
		glyphBuf = w.glyphs
		pageDiagnostics(doc, i+1, st)
		total.icons += st.icons
		total.hidden += st.hidden + st.white
	}
	if total.icons > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Code: "icons-dropped",
			Message: fmt.Sprintf("%d icon glyphs (private-use characters) read as spaces", total.icons)})
	}
	if total.hidden > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Code: "invisible-text",
			Message: fmt.Sprintf("%d invisible characters (white on white, or an invisible rendering mode) were removed; an ATS may read them, a person cannot", total.hidden)})
	}

	doc.Lines = assembleLines(perPage, pages, hyphenates(r, gd))
	text := 0
	for _, l := range doc.Lines {
		for _, c := range l.Text {
			if !unicode.IsSpace(c) {
				text++
			}
		}
	}
	if text == 0 || text < minTextRunes && (encKind != "" || images+inline > 0) {
		switch {
		case encKind != "":
			return nil, fmt.Errorf("encrypted with %s, which yields no readable text: %w", encKind, ErrEncrypted)
		case bad > 0 && bad*2 >= runes:
			return nil, fmt.Errorf("no text layer: its fonts have no Unicode map, so the text cannot be decoded (export the PDF again, or save as DOCX): %w", ErrNoText)
		case lost == len(pages):
			return nil, fmt.Errorf("damaged file: every page failed to parse: %w", ErrMalformed)
		case images+inline > 0:
			return nil, fmt.Errorf("no text layer (scanned image?): %w", ErrNoText)
		default:
			return nil, fmt.Errorf("no text layer: no text found on any page: %w", ErrNoText)
		}
	}
	if runes > 0 && (float64(bad) > garbledShare*float64(runes) || float64(letters) < letterShareMin*float64(runes)) {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Code: "garbled",
			Message: "text layer looks garbled (custom font encoding); an ATS may read nonsense"})
	}
	return doc, nil
}

// ctxError words a cancelled or timed-out read. A deadline is reported as a
// damaged file (robustness.md §8: "timed out parsing the PDF"), keeping the
// context error visible to errors.Is.
func ctxError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("damaged file: timed out parsing the PDF (%w): %w", err, ErrMalformed)
	}
	return fmt.Errorf("gave up reading the PDF: %w", err)
}

func pageDiagnostics(doc *Document, page int, st layoutStats) {
	add := func(code, msg string) {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Code: code, Message: msg, Page: page})
	}
	if st.columns {
		add("columns", fmt.Sprintf("page %d is laid out in columns; some ATS read straight across them", page))
	}
	if st.geometric {
		add("reading-order", fmt.Sprintf("page %d draws its text out of reading order; order rebuilt from positions", page))
	}
	if st.offPage > 0 {
		add("offpage-text", fmt.Sprintf("%d characters outside the visible page on page %d were removed", st.offPage, page))
	}
	if st.overprints > 0 {
		add("overprint", fmt.Sprintf("%d overprinted characters (fake bold) on page %d were read once", st.overprints, page))
	}
}

// openPDF opens the normalized bytes followed by update (flattenObjStms's
// appended objects, or nil), retrying once with a startxref that points at
// the last classic xref table (extraction.md §4.1 step 4). It returns the
// bytes before any update that the reader reads: the offsets of the file's
// streams point into them.
func openPDF(buf, update []byte) (*pdf.Reader, []byte, error) {
	var f io.ReaderAt = bytes.NewReader(buf)
	if len(update) > 0 {
		f = &concatReaderAt{buf, update}
	}
	r, err := pdf.NewReader(f, int64(len(buf)+len(update)))
	if err == nil || errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
		return r, buf, err
	}
	if len(update) > 0 {
		buf = append(buf[:len(buf):len(buf)], update...)
	}
	x := lastXrefKeyword(buf)
	if x < 0 {
		return nil, nil, err
	}
	tail := buf
	if k := bytes.LastIndex(buf, []byte("startxref")); k > x {
		tail = buf[:k]
	}
	fixed := make([]byte, 0, len(tail)+32)
	fixed = append(fixed, tail...)
	fixed = append(fixed, "\nstartxref\n"+strconv.Itoa(x)+"\n%%EOF\n"...)
	if err := scanPrevChain(fixed); err != nil {
		return nil, nil, err
	}
	r2, err2 := pdf.NewReader(bytes.NewReader(fixed), int64(len(fixed)))
	if err2 != nil {
		return nil, nil, err
	}
	return r2, fixed, nil
}

func lastXrefKeyword(buf []byte) int {
	for end := len(buf); end > 0; {
		k := bytes.LastIndex(buf[:end], []byte("xref"))
		if k <= 0 {
			return -1
		}
		if c := buf[k-1]; c == '\n' || c == '\r' {
			return k
		}
		end = k
	}
	return -1
}

var (
	reEncV = lazyRegexp(`/V\s*(\d)`)
	reEncR = lazyRegexp(`/R\s*(\d)`)
)

// encryptionKind names the encryption of a file from its /Encrypt dictionary,
// or returns "" when the file is not encrypted: when it holds no /Encrypt at
// all (flattenObjStms counts on that).
func encryptionKind(buf []byte) string {
	k := indexKey(buf, "/Encrypt")
	if k < 0 {
		return ""
	}
	ref := encryptRef(buf[k:]) // the first reference after the first key, as in buf
	if ref == nil {
		return "an unknown method"
	}
	loc := regexp.MustCompile(`(?:^|[\r\n\s])` + string(ref) + `\s+\d+\s+obj`).FindIndex(buf)
	if loc == nil {
		return "an unknown method"
	}
	d := buf[loc[1]:min(len(buf), loc[1]+2048)]
	if e := bytes.Index(d, []byte("endobj")); e >= 0 {
		d = d[:e]
	}
	v, r := 0, 0
	if mm := reEncV().FindSubmatch(d); mm != nil {
		v, _ = strconv.Atoi(string(mm[1]))
	}
	if mm := reEncR().FindSubmatch(d); mm != nil {
		r, _ = strconv.Atoi(string(mm[1]))
	}
	switch {
	case v >= 5 || r >= 5:
		return "AES-256"
	case v == 4 && bytes.Contains(d, []byte("AESV2")):
		return "AES-128"
	case v == 4 || v == 2 || r == 3:
		return "RC4-128"
	case v == 1 || r == 2:
		return "RC4-40"
	}
	return "an unknown method"
}

func classifyOpenError(err error, encKind string) error {
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		return fmt.Errorf("password-protected PDF: %w", ErrEncrypted)
	case strings.Contains(msg, "encryption") || encKind != "" && strings.Contains(msg, "256-bit"):
		kind := encKind
		if kind == "" {
			kind = "an unknown method"
		}
		return fmt.Errorf("encrypted with an unsupported method (%s): %w", kind, ErrEncrypted)
	case errors.Is(err, ErrTooLarge) || errors.Is(err, ErrMalformed):
		return err
	}
	return fmt.Errorf("damaged file (%s): %w", strings.TrimPrefix(strings.TrimPrefix(msg, "malformed PDF: "), "malformed PDF file: "), ErrMalformed)
}

// walkPages walks /Root/Pages with a depth bound, a visited set and the page
// cap; it never calls NumPage or Page(i) (robustness.md §8 B3).
func walkPages(r *pdf.Reader, maxPages int) ([]pdfPage, error) {
	root := r.Trailer().Key("Root")
	if root.Kind() != pdf.Dict {
		return nil, fmt.Errorf("damaged file: no document catalog: %w", ErrMalformed)
	}
	var pages []pdfPage
	seen := map[string]bool{}
	nodes := 0
	var walk func(v, res pdf.Value, media, crop pdf.Value, depth int) error
	walk = func(v, res pdf.Value, media, crop pdf.Value, depth int) error {
		if v.Kind() != pdf.Dict {
			return nil
		}
		nodes++
		if nodes > 4*maxPages+64 {
			return fmt.Errorf("page tree too large: %w", ErrTooLarge)
		}
		if x := v.Key("Resources"); x.Kind() == pdf.Dict {
			res = x
		}
		if x := v.Key("MediaBox"); x.Kind() == pdf.Array {
			media = x
		}
		if x := v.Key("CropBox"); x.Kind() == pdf.Array {
			crop = x
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			if len(pages) >= maxPages {
				return fmt.Errorf("too many pages (max %d): %w", maxPages, ErrTooLarge)
			}
			box := boxOf(crop)
			if box == (pageBox{}) {
				box = boxOf(media)
			}
			pages = append(pages, pdfPage{v: v, res: res, box: box})
			return nil
		}
		if depth >= maxTreeDepth {
			return nil
		}
		key := v.String()
		if seen[key] {
			return nil
		}
		seen[key] = true
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), res, media, crop, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root.Key("Pages"), pdf.Value{}, pdf.Value{}, pdf.Value{}, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

func boxOf(v pdf.Value) pageBox {
	if v.Len() != 4 {
		return pageBox{}
	}
	a, b, c, d := v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64()
	return pageBox{min(a, c), min(b, d), max(a, c), max(b, d)}
}

// assembleLines drops repeated running headers and footers, joins words
// hyphenated across lines and builds the document's lines (extraction.md §4.7).
func assembleLines(perPage [][]outLine, pages []pdfPage, joinHyphen bool) []Line {
	src := make([][]Source, len(perPage))
	keep := make([][]bool, len(perPage))
	counts := map[string]map[int]bool{}
	keyOf := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if unicode.IsDigit(r) {
				r = '#'
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	inBand := func(p int, y float64) Source {
		box := pages[p].box
		h := box.y1 - box.y0
		if h <= 0 {
			return Body
		}
		if y > box.y1-bandShare*h {
			return Header
		}
		if y < box.y0+bandShare*h && y > box.y0-h {
			return Footer
		}
		return Body
	}
	for p, lines := range perPage {
		src[p] = make([]Source, len(lines))
		keep[p] = make([]bool, len(lines))
		for i, l := range lines {
			keep[p][i] = l.text != ""
			if len(perPage) < 2 || l.text == "" {
				continue
			}
			if s := inBand(p, l.y); s != Body {
				k := keyOf(l.text)
				if counts[k] == nil {
					counts[k] = map[int]bool{}
				}
				counts[k][p] = true
			}
		}
	}
	first := map[string]bool{}
	for p, lines := range perPage {
		for i, l := range lines {
			if !keep[p][i] || len(perPage) < 2 {
				continue
			}
			s := inBand(p, l.y)
			if s == Body {
				continue
			}
			k := keyOf(l.text)
			if len(counts[k]) < 2 || 10*len(counts[k]) < 6*len(perPage) {
				continue // a letterhead repeated once in a long file is not a running header
			}
			if first[k] {
				keep[p][i] = false
				continue
			}
			first[k] = true
			src[p][i] = s
		}
	}
	var out []Line
	for p, lines := range perPage {
		var page []Line
		for i, l := range lines {
			if keep[p][i] {
				page = append(page, Line{Page: p + 1, Source: src[p][i], Text: l.text})
			}
		}
		page = dehyphenate(page, joinHyphen)
		out = append(out, page...)
	}
	return out
}

// hyphenates reports whether the producer hyphenates words at line ends with
// a plain hyphen (TeX engines). Browsers, word processors and Quartz break
// lines only at hyphens already in the text ("fast-growing"), and Typst
// marks its breaks with U+00AD.
func hyphenates(r *pdf.Reader, gd *guard) bool {
	tex := true
	gd.try(func() {
		info := r.Trailer().Key("Info")
		p, c := info.Key("Producer").Text(), info.Key("Creator").Text()
		if p == "" && c == "" {
			return
		}
		s := p + " " + c
		tex = strings.Contains(s, "TeX") || strings.Contains(s, "dvipdf") || strings.Contains(s, "Typst") || strings.Contains(s, "typst")
	})
	return tex
}

// dehyphenate joins a word split by a hyphen at a line end when the next line
// starts with a lower-case letter, then removes the remaining soft hyphens.
// With joinHyphen false a plain hyphen is kept ("fast-growing"); a soft
// hyphen is always dropped.
func dehyphenate(lines []Line, joinHyphen bool) []Line {
	for i := 0; i+1 < len(lines); i++ {
		t := lines[i].Text
		last, n := utf8.DecodeLastRuneInString(t)
		if last != '-' && last != '\u2010' && last != '\u00ad' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(t[:len(t)-n])
		if !unicode.IsLetter(prev) {
			continue
		}
		next := lines[i+1].Text
		r, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsLower(r) {
			continue
		}
		word, rest, _ := strings.Cut(next, " ")
		if joinHyphen || last == '\u00ad' {
			t = t[:len(t)-n]
		}
		lines[i].Text = t + word
		lines[i+1].Text = rest
	}
	out := lines[:0]
	for _, l := range lines {
		l.Text = strings.TrimSpace(strings.ReplaceAll(l.Text, "\u00ad", ""))
		if l.Text != "" {
			out = append(out, l)
		}
	}
	return out
}
