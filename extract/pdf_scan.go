package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
)

// Pre-scan caps (robustness.md §8 A4). They run on the raw bytes before the PDF
// library sees them, because the out-of-memory failures they prevent cannot be
// recovered once the library has started.
const (
	maxXrefEntries   = 1_000_000 // largest /Size, /Index or classic subsection end
	maxColumns       = 100_000   // largest predictor /Columns
	maxStreamOut     = 20 << 20  // inflated bytes of one stream
	maxTotalOut      = 64 << 20  // inflated bytes of all checked streams together
	maxPrevChain     = 256       // xref sections followed by the /Prev check
	smallStreamBytes = 20 << 10  // Flate expands at most ~1032:1, so smaller streams cannot reach maxStreamOut
)

// normalizePDF repairs the byte-level damage that makes ledongthuc/pdf refuse a
// file a viewer opens (extraction.md §4.1): bytes before the header, a %PDF-2.0
// or otherwise odd header line, and bytes after the last %%EOF. Offsets inside
// the file are preserved. data is not modified, and the result must not be
// written to: when the file needs no repair but the end of line after its
// last %%EOF, the result is a sub-slice of data (no copy of the file, whose
// bytes would be fresh pages in a run with GC off).
func normalizePDF(data []byte) ([]byte, error) {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	i := bytes.Index(head, []byte("%PDF-"))
	if i < 0 {
		return nil, fmt.Errorf("damaged file: no %%PDF header: %w", ErrMalformed)
	}
	data = data[i:]
	if e := bytes.LastIndex(data, []byte("%%EOF")); e >= 0 {
		// The repaired file is data[:e+5] plus "\n": when that newline is
		// already there and the header is one the library accepts, it is data.
		if e+5 < len(data) && data[e+5] == '\n' && e+5 >= 16 && goodHeader(data) {
			return data[: e+6 : e+6], nil
		}
		// A file that ends with %%EOF (Typst writes no newline after it) is
		// read as it is: the library trims the end of line anyway, and a
		// copy of the file to append one costs a fresh page per 4 KB.
		if e+5 == len(data) && e >= 16 && goodHeader(data) {
			return data[:len(data):len(data)], nil
		}
		data = data[:e+5]
	}
	out := make([]byte, len(data), len(data)+1)
	copy(out, data)
	if len(out) < 16 {
		return nil, fmt.Errorf("damaged file: too short for a PDF: %w", ErrMalformed)
	}
	// "%PDF-1.x" followed by an end of line is all the library accepts.
	if !(out[5] == '1' && out[6] == '.' && out[7] >= '0' && out[7] <= '7') {
		copy(out[5:8], "1.7")
	}
	if out[8] != '\r' && out[8] != '\n' {
		out[8] = '\n'
	}
	out = append(out, '\n')
	return out, nil
}

// goodHeader reports whether b (at least 9 bytes) starts with a header
// normalizePDF leaves as it is: "%PDF-1.0" to "%PDF-1.7" and an end of line.
func goodHeader(b []byte) bool {
	return len(b) >= 9 && b[5] == '1' && b[6] == '.' && b[7] >= '0' && b[7] <= '7' && (b[8] == '\r' || b[8] == '\n')
}

// prescanPDF rejects files whose structure would make the library allocate
// without bound: huge xref tables (CVE-2026-56867 class), huge predictor
// columns, Flate bombs in xref and object streams, and /Prev loops that hang
// NewReader. Content and CMap streams are read behind the same caps by the
// walker (readContent, safeCMap).
func prescanPDF(data []byte, z *inflater) error {
	for _, m := range findKeys(data, "/Columns", signedValue) {
		n, err := strconv.ParseInt(string(m), 10, 64)
		if err != nil || n > maxColumns || n < 0 {
			return fmt.Errorf("predictor /Columns %s over the limit of %d: %w", m, maxColumns, ErrTooLarge)
		}
	}
	for _, m := range findKeys(data, "/Size", signedValue) {
		n, err := strconv.ParseInt(string(m), 10, 64)
		if err != nil || n > maxXrefEntries {
			return fmt.Errorf("xref /Size %s over the limit of %d: %w", m, maxXrefEntries, ErrTooLarge)
		}
	}
	for _, m := range findKeys(data, "/Index", numberArrayValue) {
		f := bytes.Fields(m)
		for k := 0; k+1 < len(f); k += 2 {
			a, err1 := strconv.ParseInt(string(f[k]), 10, 64)
			b, err2 := strconv.ParseInt(string(f[k+1]), 10, 64)
			if err1 != nil || err2 != nil || a+b > maxXrefEntries {
				return fmt.Errorf("xref stream /Index over the limit of %d entries: %w", maxXrefEntries, ErrTooLarge)
			}
		}
	}
	if err := scanClassicXref(data); err != nil {
		return err
	}
	if err := scanPrevChain(data); err != nil {
		return err
	}
	return scanStructStreams(data, z)
}

// scanClassicXref checks every subsection header ("start count") of every
// classic xref table: the library grows its table to start+count before it
// reads a single entry. The table is read token by token, as the library
// reads it (any white space, NUL and comments included, between tokens).
func scanClassicXref(data []byte) error {
	limit := int64(len(data))/10 + 1000
	if limit > maxXrefEntries {
		limit = maxXrefEntries
	}
	off := 0
	for {
		k := bytes.Index(data[off:], []byte("xref"))
		if k < 0 {
			return nil
		}
		k += off
		off = k + 4
		if k >= 5 && string(data[k-5:k]) == "start" {
			continue // startxref points at a table, checked where it is
		}
		if err := checkSubsections(data[off:], limit); err != nil {
			return err
		}
	}
}

// checkSubsections reads the subsections after one "xref" keyword up to
// "trailer" and checks each header.
func checkSubsections(b []byte, limit int64) error {
	lx := contentLexer{b: b}
	word := func() string {
		lx.skipSpace()
		start := lx.pos
		for lx.pos < len(lx.b) && !isPDFSpace(lx.b[lx.pos]) && !isPDFDelim(lx.b[lx.pos]) {
			lx.pos++
		}
		if lx.pos == start && lx.pos < len(lx.b) {
			lx.pos++ // a delimiter: not part of a table
			return "/"
		}
		return string(lx.b[start:lx.pos])
	}
	for {
		a, err1 := strconv.ParseInt(word(), 10, 64)
		if err1 != nil {
			return nil // "trailer", the end, or not a table
		}
		n, err2 := strconv.ParseInt(word(), 10, 64)
		if err2 != nil {
			return nil
		}
		if a < 0 || n < 0 || a+n > limit || a > limit {
			return fmt.Errorf("xref subsection %d %d over the limit: %w", a, n, ErrTooLarge)
		}
		for i := int64(0); i < 3*n && lx.pos < len(lx.b); i++ {
			word()
		}
	}
}

// scanPrevChain follows startxref and the /Prev links with a visited set: the
// library follows them without one and never returns on a loop.
func scanPrevChain(data []byte) error {
	k := bytes.LastIndex(data, []byte("startxref"))
	if k < 0 {
		return nil
	}
	rest := data[k+9 : min(len(data), k+40)]
	rest = rest[eolSpan(rest):]
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	pos, err := strconv.ParseInt(string(rest[:j]), 10, 64)
	if err != nil {
		return nil // the open reports it
	}
	seen := map[int64]bool{}
	for n := 0; n < maxPrevChain; n++ {
		if pos <= 0 || pos >= int64(len(data)) {
			return nil
		}
		if seen[pos] {
			return fmt.Errorf("damaged file: its cross-reference chain loops: %w", ErrMalformed)
		}
		seen[pos] = true
		sect := data[pos:]
		sect = sect[eolSpan(sect):] // the library skips white space too
		// The trailer of a classic table, or the dictionary of an xref stream.
		var dict []byte
		switch {
		case bytes.HasPrefix(sect, []byte("xref")):
			t := bytes.Index(sect, []byte("trailer"))
			if t < 0 {
				return nil
			}
			dict = sect[t+7:]
		case isObjHead(sect[:min(len(sect), 32)]):
			dict = sect[bytes.Index(sect, []byte("obj"))+3:]
		default:
			return nil // the library reports a /Prev that points nowhere
		}
		prev, ok := dictPrev(dict)
		if !ok {
			return nil
		}
		pos = prev
	}
	return fmt.Errorf("cross-reference chain longer than %d sections: %w", maxPrevChain, ErrTooLarge)
}

// scanStructStreams inflates, behind a limit, the xref and object streams the
// library inflates while opening the file or resolving objects.
func scanStructStreams(data []byte, z *inflater) error {
	var total int64
	off := 0
	for {
		k := bytes.Index(data[off:], []byte("stream"))
		if k < 0 {
			return nil
		}
		k += off
		off = k + 6
		if k >= 3 && string(data[k-3:k]) == "end" {
			continue
		}
		// The stream dictionary: back to the enclosing "obj".
		d := bytes.LastIndex(data[max(0, k-4096):k], []byte("obj"))
		if d < 0 {
			continue
		}
		dict := data[max(0, k-4096)+d : k]
		if !bytes.Contains(dict, []byte("/XRef")) && !bytes.Contains(dict, []byte("/ObjStm")) {
			continue
		}
		if bytes.Contains(dict, []byte("/XRef")) {
			// The library allocates one buffer of the summed /W widths.
			for _, m := range findKeys(dict, "/W", arrayValue) {
				for _, w := range bytes.Fields(m) {
					if n, err := strconv.Atoi(string(w)); err != nil || n < 0 || n > 8 {
						return fmt.Errorf("damaged file: xref stream field width %s: %w", w, ErrMalformed)
					}
				}
			}
		}
		if !bytes.Contains(dict, []byte("/FlateDecode")) {
			continue
		}
		body := data[off:]
		body = body[eolSpan(body):]
		if e := bytes.Index(body, []byte("endstream")); e >= 0 {
			body = body[:e]
		}
		objStm := bytes.Contains(dict, []byte("/ObjStm"))
		if !objStm && len(body) < smallStreamBytes/8 {
			continue
		}
		if objStm {
			// The library parses object streams in EOF-tolerant mode, where
			// an unterminated hex string loops forever: check them first.
			out, err := z.inflateLimited(body, maxStreamOut+1)
			z.keepObjStm(off, out, err)
			if err != nil && len(out) == 0 {
				continue
			}
			if len(out) > maxStreamOut {
				return fmt.Errorf("an object stream inflates past %d MiB: %w", maxStreamOut>>20, ErrTooLarge)
			}
			if !hexTerminated(out) {
				return fmt.Errorf("damaged file: an object stream ends inside a hex string: %w", ErrMalformed)
			}
			total += int64(len(out))
		} else {
			n, err := z.inflatedSize(body, maxStreamOut+1)
			if err != nil {
				continue // damaged stream; the library reports it when it matters
			}
			if n > maxStreamOut {
				return fmt.Errorf("a compressed stream inflates past %d MiB: %w", maxStreamOut>>20, ErrTooLarge)
			}
			total += n
		}
		if total > maxTotalOut {
			return fmt.Errorf("compressed streams inflate past %d MiB: %w", maxTotalOut>>20, ErrTooLarge)
		}
	}
}

// inflater inflates the zlib streams of one document with one reused
// reader: compress/zlib.NewReader allocates about 40 KB of inflate state
// each time, and a single run has GC off, so each of those is fresh pages.
// It also keeps the object streams the pre-scan inflated, so that
// flattenObjStms does not inflate them again. Not safe for concurrent use;
// one stream is read to its end before the next is opened.
type inflater struct {
	zr     io.ReadCloser
	src    bytes.Reader
	objStm map[int]inflated // by the offset just after the "stream" keyword
}

// inflated is one object stream as the pre-scan read it.
type inflated struct {
	data []byte
	err  error
}

// emptyZlib is a complete zlib stream of zero bytes, to make the reader.
var emptyZlib = []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}

// open resets the reused reader onto body. Errors are those of
// zlib.NewReader on the same bytes.
func (z *inflater) open(body []byte) (io.Reader, error) {
	if z.zr == nil {
		zr, err := zlib.NewReader(bytes.NewReader(emptyZlib))
		if err != nil {
			return nil, fmt.Errorf("zlib reader: %w", err)
		}
		z.zr = zr
	}
	z.src.Reset(body)
	if err := z.zr.(zlib.Resetter).Reset(&z.src, nil); err != nil {
		return nil, err
	}
	return z.zr, nil
}

// keepObjStm remembers an object stream the pre-scan inflated.
func (z *inflater) keepObjStm(off int, data []byte, err error) {
	if z.objStm == nil {
		z.objStm = map[int]inflated{}
	}
	z.objStm[off] = inflated{data, err}
}

// inflateLimited inflates a zlib stream, keeping at most limit bytes; a
// damaged stream keeps what was read.
func (z *inflater) inflateLimited(body []byte, limit int64) ([]byte, error) {
	zr, err := z.open(body)
	if err != nil {
		return nil, err
	}
	// Object streams inflate about 3 to 6 times; sizing the buffer once
	// saves the doublings of growing it from 512 bytes.
	buf := make([]byte, 0, min(limit, 6*int64(len(body))+1024, 1<<20))
	buf, _, err = readInto(buf, io.LimitReader(zr, limit))
	return buf, err
}

// hexTerminated reports whether every hex string in PostScript-like data
// (a CMap, an object stream) is closed. ledongthuc/pdf's tokenizer, reading
// in EOF-tolerant mode, never returns from a hex string left open at the
// end of its input: it reads an endless run of newlines.
func hexTerminated(b []byte) bool {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case '(':
			depth := 1
			for i++; i < len(b) && depth > 0; i++ {
				switch b[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			i--
		case '<':
			if i+1 < len(b) && b[i+1] == '<' {
				i++
				continue
			}
			j := bytes.IndexByte(b[i+1:], '>')
			if j < 0 {
				return false
			}
			i += j + 1
		}
	}
	return true
}

// dictPrev reads the dictionary at the start of b the way the library's
// tokenizer does (comments, nesting, strings) and returns its top-level
// /Prev, the last one when the key repeats.
func dictPrev(b []byte) (int64, bool) {
	lx := contentLexer{b: b}
	lx.skipSpace()
	if !bytes.HasPrefix(b[lx.pos:], []byte("<<")) {
		return 0, false
	}
	lx.pos += 2
	var prev int64
	found := false
	for n := 0; n < 4096; n++ {
		lx.skipSpace()
		if lx.pos >= len(b) || bytes.HasPrefix(b[lx.pos:], []byte(">>")) {
			break
		}
		v, _, ok := lx.next(1)
		if !ok {
			break
		}
		if v.kind == opName && v.str == "Prev" {
			if w, _, ok := lx.next(1); ok && w.kind == opNumber && w.num >= 0 && w.num < 1<<40 {
				prev, found = int64(w.num), true
			}
		}
	}
	return prev, found
}

// inflatedSize counts the bytes a zlib stream inflates to, reading at most limit.
func (z *inflater) inflatedSize(body []byte, limit int64) (int64, error) {
	zr, err := z.open(body)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(io.Discard, io.LimitReader(zr, limit))
	if err == io.ErrUnexpectedEOF {
		err = nil
	}
	return n, err
}
