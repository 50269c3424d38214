package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// Glyph caps (extraction.md §4.8): a small Flate bomb can inflate to hundreds
// of megabytes of Tj text.
const (
	maxPageGlyphs = 200_000
	maxDocGlyphs  = 1_000_000
	maxFormDepth  = 8
	maxDarkBoxes  = 256 // filled areas remembered per page for the white-text test
)

// guard is the recover boundary around every call into ledongthuc/pdf. A
// panic inside try is turned into a lost step (and counted); a fatal
// condition (a cap, cancellation) is remembered and stops the document.
type guard struct {
	ctx     context.Context
	fatal   error
	panics  int
	lastErr any
	out     int64     // inflated bytes checked so far
	free    [][]byte  // content buffers done with, reused by readContent
	raw     []byte    // the bytes the reader was opened on; nil when encrypted
	z       *inflater // the document's reused zlib reader

	cmapArgs  []operand // parseToUnicode's operand buffer, reused from font to font
	cmapPairs cmapPairs // parseToUnicode's entries, reused from font to font

	unmappedAsCode bool // Options.unmappedAsCode
}

// maxKeptBuf is the largest content buffer kept for reuse.
const maxKeptBuf = 4 << 20

// inflateGuess is the inflated-to-compressed size ratio readContent makes
// room for before inflating a content stream.
const inflateGuess = 12

// release hands a content buffer back for reuse once nothing reads it.
func (g *guard) release(b []byte) {
	if cap(b) > 0 && cap(b) <= maxKeptBuf {
		g.free = append(g.free, b[:0])
	}
}

// fatalPanic carries a fatal error through a panic out of pdf.Interpret.
type fatalPanic struct{ err error }

func (g *guard) try(fn func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
			if fp, isFatal := r.(fatalPanic); isFatal {
				if g.fatal == nil {
					g.fatal = fp.err
				}
				return
			}
			g.panics++
			g.lastErr = r
		}
	}()
	if g.fatal != nil {
		return false
	}
	fn()
	return true
}

func (g *guard) fail(err error) {
	if g.fatal == nil {
		g.fatal = err
	}
	panic(fatalPanic{err})
}

// readContent inflates a content stream (or an array of them) behind the
// per-stream and total caps (robustness.md §8 A4). A stream that fails
// part-way keeps the bytes read so far and reports complete == false.
func (g *guard) readContent(v pdf.Value) (data []byte, complete bool) {
	complete = true
	var parts []pdf.Value
	switch v.Kind() {
	case pdf.Stream:
		parts = []pdf.Value{v}
	case pdf.Array:
		for i := 0; i < v.Len() && i < 1024; i++ {
			parts = append(parts, v.Index(i))
		}
	}
	var buf []byte
	if n := len(g.free); n > 0 {
		buf = g.free[n-1]
		g.free = g.free[:n-1]
	}
	for _, p := range parts {
		if p.Kind() != pdf.Stream {
			continue
		}
		ok := g.try(func() {
			var rd io.Reader
			if body, flate, own := g.rawStream(p); !own {
				rc := p.Reader()
				defer rc.Close()
				rd = rc
			} else if !flate {
				rd = bytes.NewReader(body)
			} else {
				zr, err := g.z.open(body)
				if err != nil {
					complete = false // as the library's zlib.NewReader fails
					return
				}
				rd = zr
				// Room for the inflated stream at once: content streams
				// inflate 7 to 14 times on the corpus, and growing the
				// buffer by doublings allocates about twice what it keeps.
				buf = roomFor(buf, min(inflateGuess*len(body)+1024, maxKeptBuf))
			}
			var n int64
			var err error
			buf, n, err = readInto(buf, io.LimitReader(rd, maxStreamOut+1-int64(len(buf))))
			g.out += n
			if err != nil {
				complete = false
			}
		})
		complete = complete && ok
		if len(buf) > maxStreamOut || g.out > maxTotalOut {
			g.fail(fmt.Errorf("content streams inflate past the limit (%d MiB per page, %d MiB in all): %w", maxStreamOut>>20, maxTotalOut>>20, ErrTooLarge))
		}
		if !ok && g.fatal != nil {
			panic(fatalPanic{g.fatal})
		}
		buf = append(roomFor(buf, 1), '\n')
	}
	return buf, complete
}

// roomFor returns b with room for at least n more bytes. It grows b with
// make and copy rather than append or bytes.Buffer.Grow: those clear the
// whole new capacity, so every page of a generous guess is faulted in
// (the GC is off), while the pages of a fresh make are touched only when
// written.
func roomFor(b []byte, n int) []byte {
	if cap(b)-len(b) >= n {
		return b
	}
	nb := make([]byte, len(b), max(len(b)+n, 2*cap(b)))
	copy(nb, b)
	return nb
}

// readInto appends what r yields up to io.EOF to b, as bytes.Buffer's
// ReadFrom does (n counts the bytes read; io.EOF is not an error), growing
// b with roomFor: by doublings once the room it had is used up.
func readInto(b []byte, r io.Reader) (_ []byte, n int64, err error) {
	for {
		if len(b) == cap(b) {
			b = roomFor(b, 512)
		}
		m, err := r.Read(b[len(b):cap(b)])
		if m < 0 || m > cap(b)-len(b) {
			return b, n, errNegativeRead
		}
		b = b[:len(b)+m]
		n += int64(m)
		if err == io.EOF {
			return b, n, nil
		}
		if err != nil {
			return b, n, err
		}
	}
}

// errNegativeRead reports a reader that returned an impossible count.
var errNegativeRead = errors.New("reader returned an invalid count")

// rawStream returns the encoded bytes of a stream straight from the file
// buffer, as the library's Value.Reader would read them (same /Length,
// same empty-stream rule), when they are plain or Flate without a
// predictor; own is false when the library must decode the stream itself
// (encryption, other filters, predictors, an offset it does not print).
// Reading them here lets one zlib reader serve the whole document.
func (g *guard) rawStream(v pdf.Value) (body []byte, flate, own bool) {
	if g.raw == nil || g.z == nil {
		return nil, false, false
	}
	n := v.Key("Length").Int64()
	if n == 0 {
		return nil, false, true // the library skips the filters of an empty stream
	}
	if n < 0 {
		return nil, false, false
	}
	switch filter := v.Key("Filter"); filter.Kind() {
	case pdf.Null:
	case pdf.Name:
		if filter.Name() != "FlateDecode" || v.Key("DecodeParms").Key("Predictor").Kind() != pdf.Null {
			return nil, false, false
		}
		flate = true
	default:
		return nil, false, false
	}
	// A stream prints as its dictionary, "@", and the offset of its data.
	s := v.String()
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return nil, false, false
	}
	off, err := strconv.ParseInt(s[at+1:], 10, 64)
	if err != nil || off < 0 || off >= int64(len(g.raw)) {
		return nil, false, false
	}
	if n > int64(len(g.raw))-off {
		return nil, false, false // past the end: the library reads what follows (an update) or stops
	}
	return g.raw[off : off+n], flate, true
}

// matrix is a PDF transformation [a b c d e f] in row-vector convention.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m first, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// glyph is one shown code in user space.
type glyph struct {
	x, y   float64 // origin
	fs     float64 // font size (em) in user space
	adv    float64 // advance in user space, Tc and Tw included
	dx, dy float64 // unit baseline direction
	text   string
	space  bool // whitespace
	sep    bool // separator turned into a space (bullet, icon)
	icon   bool // a private-use glyph
	rot    bool // baseline not horizontal
	hidden bool // rendering mode 3 or 7 (invisible)
	white  bool // filled in white: invisible unless drawn over a dark area
}

type gstate struct {
	ctm                matrix
	tc, tw, th, tl, ts float64
	tfs                float64
	font               *pdfFont
	tr                 int
	white              bool // the fill colour is white
}

// box is an axis-aligned area in user space.
type box struct{ x0, y0, x1, y1 float64 }

// transformBox maps the rectangle (x, y, w, h) through m to its bounding box.
func transformBox(x, y, w, h float64, m matrix) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range [4][2]float64{{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}} {
		px := p[0]*m[0] + p[1]*m[2] + m[4]
		py := p[0]*m[1] + p[1]*m[3] + m[5]
		b.x0, b.y0 = min(b.x0, px), min(b.y0, py)
		b.x1, b.y1 = max(b.x1, px), max(b.y1, py)
	}
	return b
}

// isWhite reports whether colour operands (gray, RGB or CMYK) are white.
func isWhite(v []float64) bool {
	switch len(v) {
	case 1:
		return v[0] >= 0.98
	case 3:
		return v[0] >= 0.98 && v[1] >= 0.98 && v[2] >= 0.98
	case 4:
		return v[0] <= 0.02 && v[1] <= 0.02 && v[2] <= 0.02 && v[3] <= 0.02
	}
	return false
}

// walker interprets content streams into glyphs (extraction.md §4.3).
type walker struct {
	gd        *guard
	fonts     map[string]*pdfFont // by indirect reference or printed form
	fontRefs  map[string]map[string]string
	codeBuf   []glyphCode
	partial   bool  // a content stream failed part-way
	dark      []box // filled non-white areas and images: white text on them is visible
	glyphs    []glyph
	images    int
	inline    int
	forms     int
	ops       int
	docGlyphs *int
}

// nums reads the last n operands as numbers (n <= 6) into the caller's buf,
// so that nothing is allocated.
func nums(buf *[6]float64, args []operand, n int) ([]float64, bool) {
	if len(args) < n || n > 6 {
		return nil, false
	}
	args = args[len(args)-n:]
	out := buf[:n]
	for i, a := range args {
		if a.kind != opNumber {
			return nil, false
		}
		out[i] = a.num
		if math.IsNaN(out[i]) || math.IsInf(out[i], 0) {
			return nil, false
		}
	}
	return out, true
}

// font returns the decoder for a font resource, loading it once per font
// object. Fonts are keyed by their indirect reference, read from the printed
// /Font dictionary, so that a font in an object stream is not resolved (and
// its object stream re-inflated) again on every page; a direct font
// dictionary is keyed by its printed form.
func (w *walker) font(res pdf.Value, local *runFonts, name string) *pdfFont {
	if f, ok := local.byName[name]; ok {
		return f
	}
	var f *pdfFont
	w.gd.try(func() {
		if !local.ready {
			// One resolve and one printing of the /Font dictionary per
			// content stream, however many fonts it selects.
			fd := res.Key("Font")
			fdStr := fd.String()
			refs, ok := w.fontRefs[fdStr]
			if !ok {
				refs = map[string]string{}
				fontRefs(fdStr, func(name, ref string) { refs[name] = "ref " + ref })
				w.fontRefs[fdStr] = refs
			}
			local.fd, local.refs, local.ready = fd, refs, true
		}
		fd, refs := local.fd, local.refs
		key := refs[name]
		if cached, ok := w.fonts[key]; ok && key != "" {
			f = cached
			return
		}
		v := fd.Key(name)
		if v.Kind() != pdf.Dict {
			return
		}
		if key == "" {
			key = v.String()
			if cached, ok := w.fonts[key]; ok {
				f = cached
				return
			}
		}
		f = loadFont(v, w.gd)
		w.fonts[key] = f
	})
	local.byName[name] = f
	return f
}

// runFonts are the fonts one content stream has selected, by resource
// name, and its /Font dictionary once read.
type runFonts struct {
	byName map[string]*pdfFont
	fd     pdf.Value
	refs   map[string]string
	ready  bool
}

// run interprets one content stream (a page or a Form XObject).
func (w *walker) run(content, res pdf.Value, ctm matrix, depth int) {
	st := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix = identity, identity
	local := &runFonts{byName: map[string]*pdfFont{}}

	show := func(raw string) {
		f := st.font
		if f == nil || raw == "" {
			return
		}
		w.codeBuf = f.codes(raw, w.gd, w.codeBuf[:0])
		// Along one string the text matrix only moves (each glyph's advance
		// is a translation), so the glyphs share their size, scale,
		// direction and state, computed once here; only the origin is
		// computed per glyph.
		fm := matrix{st.tfs * st.th, 0, 0, st.tfs, 0, st.ts}
		m := tm.mul(st.ctm)
		sx := math.Hypot(m[0], m[1])
		trm := fm.mul(tm).mul(st.ctm)
		proto := glyph{fs: math.Hypot(trm[2], trm[3]) * f.sizeFactor, hidden: st.tr == 3 || st.tr == 7, white: st.white && st.tr != 1 && st.tr != 5}
		if sx > 0 {
			proto.dx, proto.dy = m[0]/sx, m[1]/sx
		} else {
			proto.dx = 1
		}
		proto.rot = math.Abs(m[1]) > 0.01*math.Abs(m[0]) || m[0] <= 0
		for i, gc := range w.codeBuf {
			if i > 0 {
				trm = fm.mul(tm).mul(st.ctm)
			}
			tx := gc.width*st.tfs + st.tc
			if gc.n == 1 && gc.code == 32 {
				tx += st.tw
			}
			tx *= st.th
			g := proto
			g.x, g.y, g.adv, g.text = trm[4], trm[5], tx*sx, gc.text
			classify(&g)
			w.glyphs = append(w.glyphs, g)
			*w.docGlyphs++
			if len(w.glyphs) > maxPageGlyphs || *w.docGlyphs > maxDocGlyphs {
				w.gd.fail(fmt.Errorf("more than %d glyphs: %w", maxPageGlyphs, ErrTooLarge))
			}
			tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
		}
	}
	td := func(x, y float64) {
		tlm = matrix{1, 0, 0, 1, x, y}.mul(tlm)
		tm = tlm
	}

	var path []box    // rectangles of the current path
	var nb [6]float64 // nums's buffer
	data, complete := w.gd.readContent(content)
	// The lexer copies every string it returns, so the buffer is free
	// once this stream is read.
	defer w.gd.release(data)
	if !complete {
		w.partial = true
	}
	if depth == 0 {
		if n := glyphCapFor(len(data)); cap(w.glyphs) < n {
			w.glyphs = make([]glyph, 0, n)
		}
	}
	lx := contentLexer{b: data, reuse: true}
	var args []operand
	last := func() operand {
		if len(args) == 0 {
			return operand{}
		}
		return args[len(args)-1]
	}
	for {
		v, op, ok := lx.next(0)
		if !ok {
			break
		}
		if op == "" {
			if len(args) < 64 {
				args = append(args, v)
			}
			continue
		}
		w.ops++
		if w.ops&1023 == 0 && w.gd.ctx.Err() != nil {
			w.gd.fail(w.gd.ctx.Err())
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, st)
			}
		case "Q":
			if n := len(stack); n > 0 {
				st = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if v, ok := nums(&nb, args, 6); ok {
				st.ctm = matrix(v).mul(st.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			if v, ok := nums(&nb, args, 1); ok {
				st.tc = v[0]
			}
		case "Tw":
			if v, ok := nums(&nb, args, 1); ok {
				st.tw = v[0]
			}
		case "Tz":
			if v, ok := nums(&nb, args, 1); ok {
				st.th = v[0] / 100
			}
		case "TL":
			if v, ok := nums(&nb, args, 1); ok {
				st.tl = v[0]
			}
		case "Ts":
			if v, ok := nums(&nb, args, 1); ok {
				st.ts = v[0]
			}
		case "Tr":
			if v, ok := nums(&nb, args, 1); ok {
				st.tr = int(v[0])
			}
		case "Tf":
			if v, ok := nums(&nb, args, 1); ok && len(args) >= 2 && args[len(args)-2].kind == opName {
				st.font = w.font(res, local, args[len(args)-2].str)
				st.tfs = v[0]
			}
		case "Td":
			if v, ok := nums(&nb, args, 2); ok {
				td(v[0], v[1])
			}
		case "TD":
			if v, ok := nums(&nb, args, 2); ok {
				st.tl = -v[1]
				td(v[0], v[1])
			}
		case "Tm":
			if v, ok := nums(&nb, args, 6); ok {
				tlm = matrix(v)
				tm = tlm
			}
		case "T*":
			td(0, -st.tl)
		case "Tj":
			if a := last(); a.kind == opString {
				show(a.str)
			}
		case "'":
			td(0, -st.tl)
			if a := last(); a.kind == opString {
				show(a.str)
			}
		case "\"":
			if v, ok := nums(&nb, args[:max(0, len(args)-1)], 2); ok {
				st.tw, st.tc = v[0], v[1]
			}
			td(0, -st.tl)
			if a := last(); a.kind == opString {
				show(a.str)
			}
		case "TJ":
			if a := last(); a.kind == opArray {
				for _, e := range a.arr {
					switch e.kind {
					case opString:
						show(e.str)
					case opNumber:
						tx := -e.num / 1000 * st.tfs * st.th
						tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "g", "rg", "k":
			n := 1
			switch op {
			case "rg":
				n = 3
			case "k":
				n = 4
			}
			if v, ok := nums(&nb, args, n); ok {
				st.white = isWhite(v)
			}
		case "sc", "scn":
			if len(args) > 0 && len(args) <= 4 && last().kind == opNumber {
				v, _ := nums(&nb, args, len(args))
				st.white = isWhite(v)
			} else {
				st.white = false // a pattern or an unusual colour space
			}
		case "re":
			if v, ok := nums(&nb, args, 4); ok && len(path) < 4096 {
				path = append(path, transformBox(v[0], v[1], v[2], v[3], st.ctm))
			}
		case "f", "F", "f*", "B", "B*", "b", "b*":
			if !st.white {
				for _, b := range path {
					if len(w.dark) < maxDarkBoxes {
						w.dark = append(w.dark, b)
					}
				}
			}
			path = path[:0]
		case "n", "S", "s":
			path = path[:0]
		case "sh":
			if len(w.dark) < maxDarkBoxes {
				w.dark = append(w.dark, box{math.Inf(-1), math.Inf(-1), math.Inf(1), math.Inf(1)})
			}
		case "BI":
			w.inline++
			if len(w.dark) < maxDarkBoxes {
				w.dark = append(w.dark, transformBox(0, 0, 1, 1, st.ctm))
			}
			lx.skipInlineImage()
		case "Do":
			if a := last(); a.kind == opName {
				w.doXObject(res, a.str, st.ctm, depth)
			}
		}
		args = args[:0]
		lx.release()
	}
}

// glyphCapFor estimates the glyphs of a page from the length of its content
// stream, so that the glyph buffer is allocated once instead of grown by
// copies: on the résumé corpus a page draws one glyph per 3 to 40 bytes of
// content (TeX's kerned TJ arrays are the densest), and at most about 3,500.
func glyphCapFor(contentBytes int) int {
	return min(max(contentBytes/4, 256), 4096)
}

func (w *walker) doXObject(res pdf.Value, name string, ctm matrix, depth int) {
	x := res.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		w.images++
		if len(w.dark) < maxDarkBoxes {
			w.dark = append(w.dark, transformBox(0, 0, 1, 1, ctm))
		}
	case "Form":
		if depth >= maxFormDepth {
			return
		}
		w.forms++
		m := identity
		if mv := x.Key("Matrix"); mv.Len() == 6 {
			for i := range m {
				m[i] = mv.Index(i).Float64()
			}
		}
		r := x.Key("Resources")
		if r.Kind() != pdf.Dict {
			r = res
		}
		w.gd.try(func() { w.run(x, r, m.mul(ctm), depth+1) })
		if w.gd.fatal != nil {
			panic(fatalPanic{w.gd.fatal})
		}
	}
}

// classify marks whitespace, separators and icons (extraction.md §4.4).
func classify(g *glyph) {
	t := g.text
	if t == "" {
		return
	}
	allSpace, sep, icon := true, false, false
	for _, r := range t {
		switch {
		case unicode.IsSpace(r) || r == '\u200b':
		case r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000:
			icon = true
			allSpace = false
		case r == 0xFFFD || r < 0x20 || r >= 0x7f && r < 0xa0:
			sep = true
			allSpace = false
		case isSeparatorRune(r):
			sep = true
			allSpace = false
		default:
			allSpace = false
		}
	}
	g.space = allSpace
	g.icon = icon
	g.sep = sep || icon
}

func isSeparatorRune(r rune) bool {
	switch r {
	case '•', '●', '▪', '■', '◦', '○', '►', '▶', '➢', '➤', '✓', '✔', '❖', '◆', '♦', '·', '∙', '⁃', '‣', '□', '☐', '★', '☆', '|', '│':
		return true
	}
	return false
}
