package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// pdfFont is what the walker needs from one font dictionary: how to split a
// string operand into codes, what each code means, and how far it moves the pen.
// It is built once per font object (extraction.md §4.3, "font cache keyed by
// object") and never re-reads the file afterwards except to build base.
type pdfFont struct {
	type3      bool
	cid        bool           // Type 0: widths from DescendantFonts /W
	twoByte    bool           // Type 0 with 2-byte codes
	spaces     []codespace    // ToUnicode codespace ranges, when present
	toUni      *codeMap       // ToUnicode, nil when it maps nothing
	diffs      map[int]string // /Differences glyph names
	dict       pdf.Value      // the font dictionary, read again only to build base
	fallback   bool           // base may decode what toUni and diffs leave unmapped
	base       *baseEncoding  // the fallback decoder, built on first use
	cmap       cmapLib        // how the library's CMap reader fared on ToUnicode
	cmapSpaces []codespace    // ToUnicode codespace ranges, even with no mapping
	memo       map[uint32]string
	firstChar  int
	widths     []float64          // simple fonts, glyph units
	cidW       map[uint32]float64 // Type 0 /W
	dw         float64            // Type 0 /DW
	scale      float64            // glyph units to text space (0.001, or FontMatrix[0] for Type 3)
	sizeFactor float64            // Type 3: em size relative to Tfs
	std        float64            // approximate width when the font has no widths
	broken     bool               // loading panicked; decode to U+FFFD
	// What loadFont resolved of /Encoding and /ToUnicode, kept so that
	// newBaseEncoding does not resolve the same objects again (each
	// resolve parses the object anew, into a fresh 4 KB buffer).
	enc      pdf.Value
	encRead  bool // enc holds /Encoding
	tuStream bool // /ToUnicode is a stream
	tuRead   bool // tuStream is known
	icons    bool // an icon font: every glyph is an icon
}

// iconFonts are font-name parts of icon fonts whose ToUnicode, when present,
// maps glyphs to names ("envelope") or junk rather than text.
var iconFonts = []string{"FontAwesome", "Fontawesome", "fontawesome", "Academicons", "academicons", "Marvosym", "marvosym", "Wingdings", "Webdings", "Dingbats", "Simple-Icons", "SimpleIcons", "Material-Icons", "MaterialIcons", "Ionicons", "Octicons"}

type codespace struct {
	n      int
	lo, hi uint32
}

// maxCMapEntries bounds the ToUnicode map of one font (a bfrange can span 2^32 codes).
const maxCMapEntries = 1 << 17

// loadFont reads a font dictionary. Every library call is guarded; a font
// that fails part-way keeps what was read.
func loadFont(v pdf.Value, gd *guard) *pdfFont {
	f := &pdfFont{scale: 0.001, sizeFactor: 1, dw: 1000, memo: map[uint32]string{}}
	ok := gd.try(func() {
		sub := v.Key("Subtype").Name()
		f.type3 = sub == "Type3"
		f.twoByte = sub == "Type0"
		f.cid = f.twoByte
		cmapSafe := true
		tu := v.Key("ToUnicode")
		f.tuStream, f.tuRead = tu.Kind() == pdf.Stream, true
		if f.tuStream {
			data, complete := gd.readContent(tu)
			// The library's decoder, used for codes the map lacks, reads the
			// same CMap with pdf.Interpret, which loops forever on a hex
			// string left open at the end of the stream.
			cmapSafe = complete && hexTerminated(data)
			cmapSafe = f.parseToUnicode(data, &gd.cmapArgs, &gd.cmapPairs) && cmapSafe
			gd.release(data) // the parse copied what it keeps
		}
		defer func() {
			if !cmapSafe {
				f.fallback = false // the library's decoder would parse the same CMap and hang
			}
		}()
		if len(f.spaces) > 0 && f.twoByte {
			one := true
			for _, s := range f.spaces {
				if s.n != 1 {
					one = false
				}
			}
			if one {
				f.twoByte = false
			}
		}
		enc := v.Key("Encoding")
		f.enc, f.encRead = enc, true
		if enc.Kind() == pdf.Dict {
			d := enc.Key("Differences")
			code := 0
			for i := 0; i < d.Len() && i < 4096; i++ {
				x := d.Index(i)
				switch x.Kind() {
				case pdf.Integer:
					code = int(x.Int64())
				case pdf.Name:
					if f.diffs == nil {
						// Sized once: Chrome's Type 3 fonts name a glyph
						// for most codes, and growing the map entry by
						// entry cost more than the rest of the font.
						f.diffs = make(map[int]string, min(d.Len(), 4096))
					}
					f.diffs[code] = x.Name()
					code++
				}
			}
		}
		if f.cid {
			f.readCIDWidths(v.Key("DescendantFonts").Index(0))
		} else {
			f.firstChar = int(v.Key("FirstChar").Int64())
			w := v.Key("Widths")
			if n := w.Len(); n > 0 && n <= 65536 {
				f.widths = make([]float64, n)
				for i := range f.widths {
					f.widths[i] = w.Index(i).Float64()
				}
			}
			// FontDescriptor/MissingWidth is not read: resolving the
			// descriptor costs an object-stream inflate per font, and codes
			// outside FirstChar..LastChar are rare; they get the standard width.
			if f.type3 {
				m := v.Key("FontMatrix")
				if a := m.Index(0).Float64(); a != 0 {
					f.scale = a
				}
				if d := m.Index(3).Float64(); d != 0 {
					f.sizeFactor = math.Abs(d) * 1000
				}
			}
		}
		f.std = 500
		base := v.Key("BaseFont").Name()
		for _, n := range iconFonts {
			if strings.Contains(base, n) {
				f.icons = true
			}
		}
		if strings.Contains(base, "Courier") {
			f.std = 600
		}
		f.dict, f.fallback = v, true
	})
	if !ok {
		f.broken = f.toUni == nil
	}
	return f
}

func (f *pdfFont) readCIDWidths(d pdf.Value) {
	if x := d.Key("DW"); x.Kind() == pdf.Integer || x.Kind() == pdf.Real {
		f.dw = x.Float64()
	}
	w := d.Key("W")
	f.cidW = map[uint32]float64{}
	n := w.Len()
	for i := 0; i < n && len(f.cidW) < maxCMapEntries; {
		c := w.Index(i)
		if c.Kind() != pdf.Integer {
			return
		}
		first := c.Int64()
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && j < maxCMapEntries; j++ {
				f.cidW[uint32(first)+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := next.Int64()
		width := w.Index(i + 2).Float64()
		if last-first > maxCMapEntries || last < first {
			return
		}
		for c := first; c <= last; c++ {
			f.cidW[uint32(c)] = width
		}
		i += 3
	}
}

// parseToUnicode parses a ToUnicode CMap (bfchar; bfrange with a string or
// an array destination; UTF-16BE with surrogates) with the content lexer, so
// no CMap goes through pdf.Interpret. It reports whether the library's own
// CMap reader may safely read the same CMap: that reader trusts the
// "N beginbfchar" counts and pops N pairs, so a huge N costs seconds and
// gigabytes. scratch is an operand buffer reused from font to font.
func (f *pdfFont) parseToUnicode(data []byte, scratch *[]operand, pairs *cmapPairs) (libSafe bool) {
	libSafe = true
	m := pairs
	m.reset()
	defer m.reset()
	var spaces []codespace
	// counted mirrors the library's block count: set by a begin…range or
	// beginbfchar operator, cleared by endcodespacerange.
	counted := false
	lx := contentLexer{b: data}
	if *scratch == nil {
		*scratch = make([]operand, 0, 320) // a full bfchar or bfrange block (100 entries)
	}
	args := (*scratch)[:0]
	defer func() {
		clear(args[:cap(args)]) // keep no strings of this CMap alive
		*scratch = args[:0]
	}()
	for n := 0; ; n++ {
		v, op, ok := lx.next(0)
		if !ok {
			break
		}
		if op == "" {
			if len(args) < 3*maxCMapEntries {
				args = append(args, v)
			}
			continue
		}
		switch op {
		case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidrange", "beginnotdefrange", "begincidchar":
			if len(args) > 0 && args[len(args)-1].kind == opNumber && args[len(args)-1].num > 10000 {
				libSafe = false
			}
			if op == "begincodespacerange" || op == "beginbfchar" || op == "beginbfrange" {
				counted = true
			}
		case "endcodespacerange":
			if f.cmap == cmapLibOK {
				f.cmap = libCodespaces(args, counted)
			}
			counted = false
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].str, args[i+1].str
				if args[i].kind != opString || len(lo) == 0 || len(lo) != len(hi) || len(lo) > 4 {
					continue
				}
				spaces = append(spaces, codespace{len(lo), codeOf(lo), codeOf(hi)})
			}
		case "endbfchar":
			f.libBlockEnd(counted)
			for i := 0; i+1 < len(args) && m.len() < maxCMapEntries; i += 2 {
				src := args[i].str
				if args[i].kind != opString || len(src) == 0 || len(src) > 4 {
					continue
				}
				m.set(codeOf(src), utf16BE(args[i+1].str))
			}
		case "endbfrange":
			f.libBlockEnd(counted)
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi, dst := args[i].str, args[i+1].str, args[i+2]
				if len(lo) == 0 || len(lo) > 4 || len(hi) != len(lo) {
					continue
				}
				a, b := codeOf(lo), codeOf(hi)
				if b < a || b-a > maxCMapEntries || m.len() > maxCMapEntries {
					continue
				}
				switch dst.kind {
				case opString:
					units := toUnits(dst.str)
					if len(units) == 0 {
						continue
					}
					var ub [8]uint16
					for c := a; c <= b; c++ {
						var u []uint16
						if len(units) <= len(ub) {
							u = ub[:len(units)] // no allocation per code
						} else {
							u = make([]uint16, len(units))
						}
						copy(u, units)
						u[len(u)-1] += uint16(c - a)
						if len(u) == 1 && u[0] < 0x80 {
							m.set(c, asciiStrings[u[0]:u[0]+1])
						} else {
							m.set(c, utf16String(u))
						}
						if c == b {
							break
						}
					}
				case opArray:
					for c := a; c <= b && int(c-a) < len(dst.arr); c++ {
						m.set(c, utf16BE(dst.arr[c-a].str))
					}
				}
			}
		}
		args = args[:0]
	}
	if m.len() > 0 {
		f.toUni = m.build()
		f.spaces = spaces
	}
	f.cmapSpaces = spaces
	return libSafe
}

// cmapLib is how the PDF library's CMap reader, which baseEncoding stands
// in for, would have read a ToUnicode CMap's codespace ranges.
type cmapLib uint8

const (
	cmapLibOK   cmapLib = iota
	cmapLibRaw          // it gave up on the CMap and decoded codes as their raw bytes
	cmapLibFail         // it panicked on every code
)

// libBlockEnd notes that the library panicked ("missing beginbfchar") on
// an endbfchar or endbfrange with no count before it.
func (f *pdfFont) libBlockEnd(counted bool) {
	if !counted && f.cmap == cmapLibOK {
		f.cmap = cmapLibFail
	}
}

// libCodespaces judges one codespace block as the library did: it took the
// pairs from the last one back, gave up (raw bytes) on an empty range, on
// ranges of unequal length or on a block with no count before it, and
// panicked on a range longer than 4 bytes.
func libCodespaces(args []operand, counted bool) cmapLib {
	if !counted {
		return cmapLibRaw
	}
	for i := len(args) - 2; i >= 0; i -= 2 {
		lo, hi := args[i], args[i+1]
		if lo.kind != opString || hi.kind != opString || len(lo.str) == 0 || len(lo.str) != len(hi.str) {
			return cmapLibRaw
		}
		if len(lo.str) > 4 {
			return cmapLibFail
		}
	}
	return cmapLibOK
}

// cmapPairs collects a CMap's code-to-text entries in order and builds the
// map once at its final size: growing a map entry by entry costs about
// twice the memory and a rehash per doubling. Its len answers the CMap caps
// exactly as a map's would: the pair count bounds the distinct codes from
// above, and once it reaches maxCMapEntries the map is built and counted.
type cmapPairs struct {
	list []cmapPair
	m    map[uint32]string // built once the cap is near, or by build
}

type cmapPair struct {
	code uint32
	text string
}

func (p *cmapPairs) reset() {
	clear(p.list) // keep no strings of the last CMap alive
	p.list, p.m = p.list[:0], nil
}

func (p *cmapPairs) set(c uint32, t string) {
	if p.m != nil {
		p.m[c] = t
		return
	}
	p.list = append(p.list, cmapPair{c, t})
	if len(p.list) >= maxCMapEntries {
		p.m = make(map[uint32]string, len(p.list))
		for _, e := range p.list {
			p.m[e.code] = e.text
		}
		clear(p.list)
		p.list = p.list[:0]
	}
}

// len is the number of distinct codes once it is at least maxCMapEntries,
// and an upper bound of it below.
func (p *cmapPairs) len() int {
	if p.m != nil {
		return len(p.m)
	}
	return len(p.list)
}

// build returns the map of the entries so far, later entries winning.
func (p *cmapPairs) build() *codeMap {
	m := &codeMap{}
	if p.m != nil {
		m.high = make(map[uint32]string, len(p.m))
		for c, t := range p.m {
			m.set(c, t)
		}
		return m
	}
	high := 0
	for _, e := range p.list {
		if e.code >= 256 {
			high++
		}
	}
	if high > 0 {
		m.high = make(map[uint32]string, high) // sized once, as before
	}
	for _, e := range p.list {
		m.set(e.code, e.text)
	}
	clear(p.list)
	p.list = p.list[:0]
	return m
}

// codeMap is a font's code-to-text map. The codes of a simple font, and
// most codes of any résumé font, are below 256: they are kept in an array,
// which spares the hashing of every entry and of every glyph's lookup;
// other codes go to a map made on first use.
type codeMap struct {
	low  [256]string
	has  [4]uint64 // bit c: low[c] is mapped
	n    int       // distinct codes
	high map[uint32]string
}

// set maps c to t, replacing an earlier entry.
func (m *codeMap) set(c uint32, t string) {
	if c < 256 {
		if m.has[c>>6]&(1<<(c&63)) == 0 {
			m.has[c>>6] |= 1 << (c & 63)
			m.n++
		}
		m.low[c] = t
		return
	}
	if m.high == nil {
		m.high = map[uint32]string{}
	}
	if _, ok := m.high[c]; !ok {
		m.n++
	}
	m.high[c] = t
}

// get returns the text of c and whether c is mapped; a nil map maps nothing.
func (m *codeMap) get(c uint32) (string, bool) {
	if m == nil {
		return "", false
	}
	if c < 256 {
		return m.low[c], m.has[c>>6]&(1<<(c&63)) != 0
	}
	t, ok := m.high[c]
	return t, ok
}

// len is the number of mapped codes.
func (m *codeMap) len() int {
	if m == nil {
		return 0
	}
	return m.n
}

// each calls fn with every mapped code, those below 256 first, in order.
func (m *codeMap) each(fn func(c uint32, t string)) {
	if m == nil {
		return
	}
	for c := range uint32(256) {
		if m.has[c>>6]&(1<<(c&63)) != 0 {
			fn(c, m.low[c])
		}
	}
	for c, t := range m.high {
		fn(c, t)
	}
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func toUnits(s string) []uint16 {
	return appendUnits(make([]uint16, 0, len(s)/2+len(s)%2), s)
}

// appendUnits appends the UTF-16BE units of s to u; a trailing odd byte is
// taken as a unit of its own (a 1-byte destination: a code point).
func appendUnits(u []uint16, s string) []uint16 {
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 { // a 1-byte destination: take it as a code point
		u = append(u, uint16(s[len(s)-1]))
	}
	return u
}

// asciiStrings holds every ASCII character once, so that the one-character
// texts most CMaps map to are substrings of it rather than allocations.
const asciiStrings = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

func utf16BE(s string) string {
	if len(s) == 2 && s[0] == 0 && s[1] < 0x80 {
		return asciiStrings[s[1] : s[1]+1]
	}
	var ub [16]uint16 // most destinations fit: no allocation but the string
	return utf16String(appendUnits(ub[:0], s))
}

// utf16String is string(utf16.Decode(u)) without the intermediate []rune:
// a surrogate that is not part of a valid pair becomes U+FFFD.
func utf16String(u []uint16) string {
	var buf [32]byte
	b := buf[:0]
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if utf16.IsSurrogate(r) {
			if r < 0xdc00 && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] < 0xe000 {
				r = utf16.DecodeRune(r, rune(u[i+1]))
				i++
			} else {
				r = utf8.RuneError
			}
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// glyph is one decoded code of a string operand.
type glyphCode struct {
	code  uint32
	n     int // bytes
	text  string
	width float64 // text-space width per unit of font size, before Tc/Tw
}

// codes splits a string operand into codes and decodes each.
func (f *pdfFont) codes(raw string, gd *guard, out []glyphCode) []glyphCode {
	for i := 0; i < len(raw); {
		n := 1
		if len(f.spaces) > 0 {
			n = 0
			for k := 1; k <= 4 && i+k <= len(raw) && n == 0; k++ {
				c := codeOf(raw[i : i+k])
				for _, s := range f.spaces {
					if s.n == k && c >= s.lo && c <= s.hi {
						n = k
						break
					}
				}
			}
			if n == 0 {
				n = 1
				if f.twoByte {
					n = 2
				}
			}
		} else if f.twoByte {
			n = 2
		}
		if i+n > len(raw) {
			n = len(raw) - i
		}
		s := raw[i : i+n]
		c := codeOf(s)
		out = append(out, glyphCode{code: c, n: n, text: f.decode(c, s, gd), width: f.width(c)})
		i += n
	}
	return out
}

func (f *pdfFont) width(c uint32) float64 {
	var w float64
	switch {
	case f.cid:
		var ok bool
		if w, ok = f.cidW[c]; !ok {
			w = f.dw
		}
	case f.widths != nil:
		i := int(c) - f.firstChar
		if i >= 0 && i < len(f.widths) {
			w = f.widths[i]
		} else {
			w = f.std / f.scale * 0.001
		}
	default:
		w = f.std
		if c == 32 {
			w = 250
		}
		return w * 0.001
	}
	return w * f.scale
}

func (f *pdfFont) decode(c uint32, s string, gd *guard) string {
	t := f.decodeText(c, s, gd)
	if gd.unmappedAsCode && (f.icons || unmapped(t)) {
		return string(rune(c))
	}
	if f.icons && (utf8.RuneCountInString(t) > 1 || unmapped(t)) {
		return "\uE000" // an icon named by its ToUnicode ("envelope") or not mapped at all
	}
	return t
}

// unmapped reports whether t, a glyph's decoded text, carries no Unicode
// meaning: U+FFFD (nothing mapped the code) or a private-use character.
func unmapped(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return r == utf8.RuneError || r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000
}

func (f *pdfFont) decodeText(c uint32, s string, gd *guard) string {
	if f.toUni != nil {
		if t, ok := f.toUni.get(c); ok && t != "" && t != "\x00" {
			return t
		}
	}
	if t, ok := f.memo[c]; ok {
		return t
	}
	t := "\uFFFD"
	if name, ok := f.diffs[int(c)]; ok && len(s) == 1 {
		if r, ok := glyphName(name); ok {
			f.memo[c] = r
			return r
		}
	}
	if !f.broken && f.fallback && !(f.twoByte && f.toUni == nil) {
		gd.try(func() {
			if f.base == nil {
				f.base = newBaseEncoding(f.dict, f)
			}
			if d, ok := f.base.decode(s, f); ok {
				t = d
			}
		})
	}
	f.memo[c] = t
	return t
}

// glyphName maps the glyph names the library's table lacks: ligature names
// (f_f_i), uniXXXX and uXXXX names, single characters, and common AGL names.
func glyphName(name string) (string, bool) {
	if r, ok := aglSmallName(name); ok {
		return r, true
	}
	if i := strings.IndexByte(name, '.'); i > 0 { // "a.sc", "one.oldstyle"
		name = name[:i]
		if r, ok := aglSmallName(name); ok {
			return r, true
		}
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			r, ok := glyphName(part)
			if !ok {
				return "", false
			}
			b.WriteString(r)
		}
		return b.String(), true
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var u []uint16
		for i := 3; i < len(name); i += 4 {
			x, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return "", false
			}
			u = append(u, uint16(x))
		}
		return string(utf16.Decode(u)), true
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if x, err := strconv.ParseUint(name[1:], 16, 32); err == nil && x < 0x110000 {
			return string(rune(x)), true
		}
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name, true
	}
	return "", false
}

// aglSmallName maps common glyph names of the Adobe Glyph List to their text,
// and the names the library's table lacks or maps otherwise (minus as a
// hyphen). A switch, so that nothing is built when the program starts.
func aglSmallName(name string) (string, bool) {
	switch name {
	case "space":
		return " ", true
	case "hyphen":
		return "-", true
	case "minus":
		return "-", true
	case "endash":
		return "–", true
	case "emdash":
		return "—", true
	case "quoteright":
		return "’", true
	case "quoteleft":
		return "‘", true
	case "quotedblleft":
		return "“", true
	case "quotedblright":
		return "”", true
	case "quotesingle":
		return "'", true
	case "quotedbl":
		return "\"", true
	case "period":
		return ".", true
	case "comma":
		return ",", true
	case "colon":
		return ":", true
	case "semicolon":
		return ";", true
	case "slash":
		return "/", true
	case "at":
		return "@", true
	case "parenleft":
		return "(", true
	case "parenright":
		return ")", true
	case "bracketleft":
		return "[", true
	case "bracketright":
		return "]", true
	case "ampersand":
		return "&", true
	case "plus":
		return "+", true
	case "numbersign":
		return "#", true
	case "percent":
		return "%", true
	case "exclam":
		return "!", true
	case "question":
		return "?", true
	case "bullet":
		return "•", true
	case "zero":
		return "0", true
	case "one":
		return "1", true
	case "two":
		return "2", true
	case "three":
		return "3", true
	case "four":
		return "4", true
	case "five":
		return "5", true
	case "six":
		return "6", true
	case "seven":
		return "7", true
	case "eight":
		return "8", true
	case "nine":
		return "9", true
	case "fi":
		return "fi", true
	case "fl":
		return "fl", true
	case "ff":
		return "ff", true
	case "ffi":
		return "ffi", true
	case "ffl":
		return "ffl", true
	case "dollar":
		return "$", true
	case "underscore":
		return "_", true
	case "bar":
		return "|", true
	case "asterisk":
		return "*", true
	case "equal":
		return "=", true
	case "less":
		return "<", true
	case "greater":
		return ">", true
	case "nbspace":
		return "\u00a0", true
	case "periodcentered":
		return "·", true
	case "dotlessi":
		return "ı", true
	case "germandbls":
		return "ß", true
	case "ellipsis":
		return "…", true
	case "copyright":
		return "©", true
	case "registered":
		return "®", true
	case "trademark":
		return "™", true
	case "degree":
		return "°", true
	case "section":
		return "§", true
	case "dagger":
		return "†", true
	case "backslash":
		return "\\", true
	case "braceleft":
		return "{", true
	case "braceright":
		return "}", true
	case "asciitilde":
		return "~", true
	case "asciicircum":
		return "^", true
	case "grave":
		return "`", true
	case "softhyphen":
		return "\u00ad", true
	}
	return "", false
}
