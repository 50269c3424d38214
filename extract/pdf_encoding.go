package extract

//go:generate go test -run ^TestEncodingDataIsCurrent$ -update-encodings

import (
	"sort"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// glyphNameRune is one entry of glyphNames.
type glyphNameRune struct {
	name string
	r    rune
}

// lookupGlyphName returns the code point of a glyph name in the PDF
// library's glyph-name table (glyphNames), or 0 when the name is not in it,
// as the library's map answered.
func lookupGlyphName(name string) rune {
	i := sort.Search(len(glyphNames), func(i int) bool { return glyphNames[i].name >= name })
	if i < len(glyphNames) && glyphNames[i].name == name {
		return glyphNames[i].r
	}
	return 0
}

// baseKind is how a font's /Encoding decodes the codes that its ToUnicode
// map and /Differences glyph names leave unmapped.
type baseKind uint8

const (
	baseRaw   baseKind = iota // the code's bytes as they are (an encoding name the library did not know)
	baseTable                 // one byte, one rune, through a 256-entry table
	baseUCS2                  // UTF-16BE (UniGB-UCS2-H)
	baseDiffs                 // /Differences glyph names, Latin-1 for other bytes
	baseCMap                  // the ToUnicode CMap, split by its codespace ranges
	baseFail                  // the library failed on this font: U+FFFD
)

// baseEncoding decodes as the PDF library's Font.Encoder did, which the
// walker used as its fallback until the library's decoder was replaced: the
// library's glyph-name map (about 4,300 entries) was built at every program
// start only because that decoder was linked in. It is built from the font
// dictionary on the first code that needs it.
type baseEncoding struct {
	kind  baseKind
	table *[256]rune
	diffs [256]rune // baseDiffs: the first known glyph name of each code, 0 for none
}

// newBaseEncoding reads a font's /Encoding as the library's Font.Encoder
// did: WinAnsi and MacRoman tables, UniGB-UCS2-H as UTF-16, /Differences
// through the glyph-name table, and for Identity-H or no /Encoding the
// ToUnicode CMap (f's parse of it) or else PDFDocEncoding; any other name or
// kind gives the raw bytes.
func newBaseEncoding(v pdf.Value, f *pdfFont) *baseEncoding {
	e := &baseEncoding{}
	// f holds what loadFont resolved of v, unless loading failed first.
	enc := f.enc
	if !f.encRead {
		enc = v.Key("Encoding")
	}
	tuStream := func() bool {
		if f.tuRead {
			return f.tuStream
		}
		return v.Key("ToUnicode").Kind() == pdf.Stream
	}
	charmap := func() {
		switch {
		case !tuStream():
			e.kind, e.table = baseTable, &pdfDocTable
		case f.cmap == cmapLibFail:
			e.kind = baseFail
		case f.cmap == cmapLibRaw:
			e.kind = baseRaw
		default:
			e.kind = baseCMap
		}
	}
	switch enc.Kind() {
	case pdf.Name:
		switch enc.Name() {
		case "WinAnsiEncoding":
			e.kind, e.table = baseTable, &winAnsiTable
		case "MacRomanEncoding":
			e.kind, e.table = baseTable, &macRomanTable
		case "Identity-H":
			charmap()
		case "UniGB-UCS2-H":
			e.kind = baseUCS2
		}
	case pdf.Dict:
		e.kind = baseDiffs
		d := enc.Key("Differences")
		// The library numbered the names before the first integer from -1.
		n := -1
		for i := 0; i < d.Len(); i++ {
			x := d.Index(i)
			switch x.Kind() {
			case pdf.Integer:
				n = int(x.Int64())
			case pdf.Name:
				if n >= 0 && n < 256 && e.diffs[n] == 0 {
					e.diffs[n] = lookupGlyphName(x.Name())
				}
				n++
			}
		}
	case pdf.Null:
		charmap()
	}
	return e
}

// decode returns the text of the code bytes s, and false where the library
// failed (a panic, which the walker read as U+FFFD).
func (e *baseEncoding) decode(s string, f *pdfFont) (string, bool) {
	switch e.kind {
	case baseTable:
		r := make([]rune, len(s))
		for i := 0; i < len(s); i++ {
			r[i] = e.table[s[i]]
		}
		return string(r), true
	case baseUCS2:
		if len(s)%2 != 0 {
			return "", false
		}
		u := make([]uint16, 0, len(s)/2)
		for i := 0; i < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u)), true
	case baseDiffs:
		r := make([]rune, len(s))
		for i := 0; i < len(s); i++ {
			r[i] = e.diffs[s[i]]
			if r[i] == 0 {
				r[i] = rune(s[i])
			}
		}
		return string(r), true
	case baseCMap:
		return f.cmapDecode(s), true
	case baseFail:
		return "", false
	}
	return s, true
}

// cmapDecode decodes s as the library's CMap decoder did: it takes the
// shortest code (1 to 4 bytes) inside one of the codespace ranges, in the
// order they were declared, and maps it through the CMap; a code the CMap
// lacks is U+FFFD, and a byte outside every range is U+FFFD and skipped.
// The library kept its bfchar and bfrange entries apart and tried bfchar
// first; f.toUni merges them with later entries winning, which differs only
// for a CMap mapping one code twice.
func (f *pdfFont) cmapDecode(s string) string {
	var out []byte
	for len(s) > 0 {
		n := 0
		for k := 1; k <= 4 && k <= len(s) && n == 0; k++ {
			c := codeOf(s[:k])
			for _, sp := range f.cmapSpaces {
				if sp.n == k && c >= sp.lo && c <= sp.hi {
					n = k
					break
				}
			}
		}
		if n == 0 {
			out = append(out, "\uFFFD"...)
			s = s[1:]
			continue
		}
		if t, ok := f.toUni.get(codeOf(s[:n])); ok {
			out = append(out, t...)
		} else {
			out = append(out, "\uFFFD"...)
		}
		s = s[n:]
	}
	return string(out)
}
