package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Caps applied to a DOCX before any entry is read (robustness.md §8 A5). The
// declared sizes can be trusted because archive/zip fails an entry that
// inflates past its header; the reads are limited anyway.
const (
	maxZipEntries   = 5000
	maxPartBytes    = 16 << 20
	maxDOCXBytes    = 64 << 20
	maxXMLDepth     = 2000
	maxDOCXTextRune = 4 << 20
)

// readDOCX extracts the text of a DOCX held in memory with a streaming walk of
// its XML (extraction.md §5.3): referenced headers (deduplicated), the main
// part, referenced footnotes and endnotes, then footers.
//
// github.com/nguyenthenguyen/docx is not called here on purpose: it returns
// only the raw XML of word/document.xml, fails without
// word/_rels/document.xml.rels or when the main part has another name, and
// reads every part whose name contains "header" or "footer" in full (the zip
// bomb case). The walk below reads only the parts the document references,
// under the caps above, so the library would add failure modes and no text.
func readDOCX(ctx context.Context, data []byte, opts Options) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, malformed("damaged or truncated DOCX (" + err.Error() + ")")
	}
	if n := len(zr.File); n > maxZipEntries {
		return nil, &causeError{msg: fmt.Sprintf("DOCX has %d zip entries (max %d)", n, maxZipEntries), errs: []error{ErrTooLarge}}
	}
	pk := &docxPackage{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(f.Name, "\\", "/")), "/")
		pk.files[strings.ToLower(name)] = f
	}
	main := "word/document.xml"
	if rels, err := pk.rels("_rels/.rels", ""); err != nil {
		return nil, err
	} else if t := rels.firstOfType("officeDocument"); t != "" {
		if pk.has(t) {
			main = t
		}
	}
	if !pk.has(main) {
		return nil, malformed("DOCX has no main document part (word/document.xml)")
	}
	mainRels, err := pk.rels(path.Join(path.Dir(main), "_rels", path.Base(main)+".rels"), path.Dir(main))
	if err != nil {
		return nil, err
	}
	styles := mainRels.firstOfType("styles")
	if styles == "" {
		styles = path.Join(path.Dir(main), "styles.xml")
	}
	pk.stylesPart = styles // read on first use: see headingStyle
	body, err := pk.walk(ctx, main, Body, nil)
	if err != nil {
		return nil, err
	}
	doc := &Document{}
	if body.altChunk && nonSpace(body.lines) < minRunes {
		return nil, unsupported("DOCX whose content is an embedded HTML or RTF chunk (altChunk)")
	}
	// Headers, then body, then notes, then footers.
	var headers, footers [][]docxLine
	seen := map[string]bool{}
	for _, ref := range body.refs {
		t, ok := mainRels.byID[ref]
		if !ok || seen[t.target] || !pk.has(t.target) {
			continue // rels may point at parts that are not there
		}
		seen[t.target] = true
		src := Header
		if strings.HasSuffix(t.typ, "/footer") {
			src = Footer
		} else if !strings.HasSuffix(t.typ, "/header") {
			continue
		}
		part, err := pk.walk(ctx, t.target, src, nil)
		if err != nil {
			return nil, err
		}
		if src == Header {
			headers = appendUnique(headers, part.lines)
		} else {
			footers = appendUnique(footers, part.lines)
		}
	}
	var notes []docxLine
	for _, kind := range []struct {
		typ string
		ids map[string]bool
	}{{"footnotes", body.footnotes}, {"endnotes", body.endnotes}} {
		if len(kind.ids) == 0 {
			continue
		}
		t := mainRels.firstOfType(kind.typ)
		if t == "" || !pk.has(t) {
			continue
		}
		part, err := pk.walk(ctx, t, Footnote, kind.ids)
		if err != nil {
			return nil, err
		}
		notes = append(notes, part.lines...)
	}
	lastPage := 1
	for _, l := range body.lines {
		lastPage = max(lastPage, l.page)
	}
	// Headers and footers stand on the first page, notes on the last.
	emit := func(ls []docxLine, page int) {
		for _, l := range ls {
			if l.heading {
				doc.Sections = append(doc.Sections, Section{Heading: l.text, Start: len(doc.Lines) + 1})
			}
			p := l.page
			if page > 0 {
				p = page
			}
			doc.Lines = append(doc.Lines, Line{Page: max(p, 1), Source: l.src, Text: l.text})
		}
	}
	for _, h := range headers {
		emit(h, 1)
	}
	emit(body.lines, 0)
	emit(notes, lastPage)
	for _, f := range footers {
		emit(f, lastPage)
	}
	doc.Pages = lastPage
	if body.hiddenRunes > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{
			Code:    "invisible-text",
			Message: fmt.Sprintf("%d characters of hidden text (Word's hidden font) were left out; an ATS may read them, a person cannot", body.hiddenRunes),
		})
	}
	if body.layoutRows > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{
			Code:    "layout-table",
			Message: fmt.Sprintf("the layout uses a table (%d rows with text side by side); some ATS read table cells out of order", body.layoutRows),
		})
	}
	boxed := 0
	for _, l := range doc.Lines {
		if l.Source == TextBox {
			boxed++
		}
	}
	if boxed > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{
			Code:    "text-boxes",
			Message: fmt.Sprintf("%d lines are inside text boxes; some ATS skip text boxes, so keep key content in the body", boxed),
		})
	}
	return doc, nil
}

// appendUnique appends part unless a part with the same text is there already
// (first-page, default and even headers usually repeat).
func appendUnique(parts [][]docxLine, part []docxLine) [][]docxLine {
	key := func(ls []docxLine) string {
		var b strings.Builder
		for _, l := range ls {
			b.WriteString(strings.Join(strings.Fields(l.text), " "))
			b.WriteByte('\n')
		}
		return b.String()
	}
	k := key(part)
	if strings.TrimSpace(k) == "" {
		return parts
	}
	for _, p := range parts {
		if key(p) == k {
			return parts
		}
	}
	return append(parts, part)
}

func nonSpace(ls []docxLine) int {
	n := 0
	for _, l := range ls {
		n += len(strings.Join(strings.Fields(l.text), ""))
	}
	return n
}

// docxPackage reads parts of the zip under the size caps.
type docxPackage struct {
	files         map[string]*zip.File
	read          uint64          // uncompressed bytes read so far
	headingStyles map[string]bool // paragraph style ids that are headings; nil until stylesPart is read
	stylesPart    string          // the style part's name
}

func (pk *docxPackage) has(name string) bool {
	_, ok := pk.files[strings.ToLower(name)]
	return ok
}

// part returns the bytes of one entry, refusing it when its declared size is
// over the per-part cap or the running total is over the package cap.
func (pk *docxPackage) part(name string) ([]byte, error) {
	f, ok := pk.files[strings.ToLower(name)]
	if !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > maxPartBytes {
		return nil, &causeError{msg: fmt.Sprintf("DOCX part %s inflates to %s (max %s); possible zip bomb", name, humanBytes(int64(min(f.UncompressedSize64, 1<<62))), humanBytes(maxPartBytes)), errs: []error{ErrTooLarge}}
	}
	if pk.read+f.UncompressedSize64 > maxDOCXBytes {
		return nil, &causeError{msg: fmt.Sprintf("DOCX parts inflate to more than %s; possible zip bomb", humanBytes(maxDOCXBytes)), errs: []error{ErrTooLarge}}
	}
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, unsupported("DOCX part " + name + " uses an unsupported zip compression method")
		}
		return nil, malformed("damaged DOCX part " + name + " (" + err.Error() + ")")
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err != nil {
		return nil, malformed("damaged DOCX part " + name + " (" + err.Error() + ")")
	}
	if uint64(len(b)) > f.UncompressedSize64 {
		return nil, malformed("damaged DOCX part " + name + " (larger than its header says)")
	}
	pk.read += uint64(len(b))
	return b, nil
}

// docxRels is a parsed relationships part.
type docxRels struct {
	byID  map[string]docxRel
	order []docxRel
}

type docxRel struct{ typ, target string }

func (r docxRels) firstOfType(suffix string) string {
	for _, t := range r.order {
		if strings.HasSuffix(t.typ, "/"+suffix) {
			return t.target
		}
	}
	return ""
}

// rels parses a relationships part; targets are resolved against base. A
// missing part gives empty relationships.
func (pk *docxPackage) rels(name, base string) (docxRels, error) {
	out := docxRels{byID: map[string]docxRel{}}
	b, err := pk.part(name)
	if err != nil || b == nil {
		return out, err
	}
	d := newXMLDecoder(b)
	for n := 0; n < 1<<20; n++ { // a real rels part has tens of entries
		tok, err := d.Token()
		if err != nil {
			break // keep what was read: rels damage must not lose the body
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		var id, typ, target, mode string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if strings.EqualFold(mode, "External") || target == "" {
			continue
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(path.Clean(target), "/")
		} else {
			target = strings.TrimPrefix(path.Clean("/"+path.Join(base, target)), "/")
		}
		r := docxRel{typ: typ, target: target}
		out.byID[id] = r
		out.order = append(out.order, r)
	}
	return out, nil
}

// newXMLDecoder returns a lenient decoder for a part, decoding a UTF-16 part
// (by BOM) first. External entities are never resolved by encoding/xml.
func newXMLDecoder(b []byte) *xml.Decoder {
	utf16 := false
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		b, utf16 = decodeUTF16(b[2:], false), true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		b, utf16 = decodeUTF16(b[2:], true), true
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		l := strings.ToLower(label)
		if utf16 || strings.HasPrefix(l, "utf-16") || l == "utf16" || l == "us-ascii" || l == "ascii" {
			return in, nil
		}
		if l == "iso-8859-1" || l == "latin1" || l == "windows-1252" || l == "cp1252" {
			return latin1Reader(in), nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return d
}
