package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/resumescore/resumescore/internal/sharedtest"
)

// TestLookupGlyphName checks the binary search over the generated table.
func TestLookupGlyphName(t *testing.T) {
	tests := []struct {
		name string
		want rune
	}{
		{"A", 'A'},
		{"a", 'a'},
		{"zero", '0'},
		{"Euro", '€'},
		{"fi", 'ﬁ'},
		{"nbspace", '\u00a0'},
		{"", 0},
		{"g31A", 0},
		{"zzzzzz", 0},
		{" ", 0},
	}
	for _, tt := range tests {
		if got := lookupGlyphName(tt.name); got != tt.want {
			t.Errorf("lookupGlyphName(%q) = %U, want %U", tt.name, got, tt.want)
		}
	}
	if !sort.SliceIsSorted(glyphNames[:], func(i, j int) bool { return glyphNames[i].name < glyphNames[j].name }) {
		t.Errorf("glyphNames is not sorted by name")
	}
}

// TestBaseEncodingMatchesLibrary decodes every code of every font of the
// corpus PDFs, and of the project's fixtures, both with baseEncoding and
// with the PDF library's Font.Encoder, which it replaced, and wants the same
// text (a library panic counts as U+FFFD, as the walker read it). It covers
// the fonts whose fallback the walker can use: those that loaded, whose
// ToUnicode CMap the library could read.
func TestBaseEncodingMatchesLibrary(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "fixtures", "pdf", "*.pdf"))
	if shared := sharedtest.Path(); shared != "" {
		for _, dir := range []string{"corpus/resumes", "corpus/synthetic/files", "corpus/robustness"} {
			m, _ := filepath.Glob(filepath.Join(shared, dir, "*.pdf"))
			files = append(files, m...)
		}
	}
	if len(files) == 0 {
		t.Skip("no PDFs")
	}
	fonts, codes := 0, 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, fv := range pdfFontDicts(data) {
			if n := compareWithLibrary(t, filepath.Base(path), fv); n > 0 {
				fonts++
				codes += n
			}
		}
	}
	t.Logf("%d fonts, %d codes compared", fonts, codes)
}

// TestBaseEncodingKinds checks each kind of /Encoding against the library's
// decoder on fonts built by the test, and the text of one code.
func TestBaseEncodingKinds(t *testing.T) {
	cmap := func(body string) string {
		return stream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+body+"\nendcmap CMapName currentdict /CMap defineresource pop end end")
	}
	font := func(enc string) string {
		return "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman " + enc + " >>"
	}
	tests := []struct {
		name string
		font string
		cmap string // object 5, for a ToUnicode CMap
		code string
		want string
	}{
		{"WinAnsi", font("/Encoding /WinAnsiEncoding"), "", "\x80", "€"},
		{"MacRoman", font("/Encoding /MacRomanEncoding"), "", "\x80", "Ä"},
		{"unknown name gives raw bytes", font("/Encoding /StandardEncoding"), "", "\xe9", "\xe9"},
		{"no encoding: PDFDoc", font(""), "", "\x18", "˘"},
		{"UniGB-UCS2-H", font("/Encoding /UniGB-UCS2-H"), "", "\x00\x41", "A"},
		{"UniGB-UCS2-H odd length fails", font("/Encoding /UniGB-UCS2-H"), "", "\x41", "\uFFFD"},
		{"Differences", font("/Encoding << /Differences [65 /Euro /g31A 97 /fi] >>"), "", "\x41", "€"},
		{"Differences unknown name: Latin-1", font("/Encoding << /Differences [65 /Euro /g31A] >>"), "", "\x42", "B"},
		{"Differences first known name wins", font("/Encoding << /Differences [65 /g31A 65 /Euro 65 /fi] >>"), "", "\x41", "€"},
		{"Differences names before a number", font("/Encoding << /Differences [/A /B 70 /C] >>"), "", "\x00", "B"},
		{"ToUnicode gap", font("/ToUnicode 5 0 R"), cmap("1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <41> <0042> endbfchar"), "\x43", "\uFFFD"},
		{"ToUnicode empty mapping", font("/ToUnicode 5 0 R"), cmap("1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <41> <> endbfchar"), "\x41", ""},
		{"ToUnicode outside the codespace", font("/Encoding /Identity-H /ToUnicode 5 0 R"), cmap("1 begincodespacerange <20> <7F> endcodespacerange\n1 beginbfchar <41> <0042> endbfchar"), "\x10\x41", "\uFFFDB"},
		{"ToUnicode bad codespace gives raw bytes", font("/ToUnicode 5 0 R"), cmap("1 begincodespacerange <00> <FFFF> endcodespacerange\n1 beginbfchar <41> <0042> endbfchar"), "\x43", "C"},
		{"ToUnicode long codespace fails", font("/ToUnicode 5 0 R"), cmap("1 begincodespacerange <0000000000> <FFFFFFFFFF> endcodespacerange\n1 beginbfchar <41> <0042> endbfchar"), "\x43", "\uFFFD"},
		{"ToUnicode endbfchar without count fails", font("/ToUnicode 5 0 R"), cmap("1 begincodespacerange <00> <FF> endcodespacerange\n<41> <0042> endbfchar"), "\x43", "\uFFFD"},
	}
	for _, tt := range tests {
		obj5 := tt.cmap
		if obj5 == "" {
			obj5 = "<< >>"
		}
		var fv pdf.Value
		for _, v := range pdfFontDicts(onePage("BT /F1 12 Tf (A) Tj ET", obj5, tt.font, helvetica)) {
			if v.Key("BaseFont").Name() == "Times-Roman" {
				fv = v
			}
		}
		if fv.Kind() != pdf.Dict {
			t.Fatalf("%s: the font was not read", tt.name)
		}
		if n := compareWithLibrary(t, tt.name, fv); n == 0 {
			t.Errorf("%s: the font has no fallback", tt.name)
		}
		gd := &guard{ctx: context.Background()}
		f := loadFont(fv, gd)
		got := "\uFFFD"
		gd.try(func() {
			if d, ok := newBaseEncoding(fv, f).decode(tt.code, f); ok {
				got = d
			}
		})
		if got != tt.want {
			t.Errorf("%s: decode(% x) = %q, want %q", tt.name, tt.code, got, tt.want)
		}
	}
}

// compareWithLibrary decodes every 1-byte code, the 2-byte codes of the
// font's ToUnicode map and a few others with baseEncoding and with the
// library's Font.Encoder, reports each difference, and returns how many
// codes it compared (0 when the walker would not use the fallback).
func compareWithLibrary(t *testing.T, file string, fv pdf.Value) int {
	t.Helper()
	gd := &guard{ctx: context.Background()}
	f := loadFont(fv, gd)
	if f.broken || !f.fallback {
		return 0
	}
	lib := &pdf.Font{V: fv}
	var samples []string
	for c := 0; c < 256; c++ {
		samples = append(samples, string([]byte{byte(c)}))
	}
	f.toUni.each(func(c uint32, _ string) {
		if c > 0xff && c <= 0xffff {
			samples = append(samples, string([]byte{byte(c >> 8), byte(c)}))
		}
	})
	samples = append(samples, "\x00\x41", "\xff\xff", "\x41\x42\x43")
	for _, s := range samples {
		want := "\uFFFD"
		func() {
			defer func() { _ = recover() }()
			want = lib.Encoder().Decode(s)
		}()
		got := "\uFFFD"
		gd.try(func() {
			if f.base == nil {
				f.base = newBaseEncoding(f.dict, f)
			}
			if d, ok := f.base.decode(s, f); ok {
				got = d
			}
		})
		if got != want {
			t.Errorf("%s: font %s: code % x = %q, the library gave %q", file, fv.Key("BaseFont").Name(), s, got, want)
		}
	}
	return len(samples)
}

// pdfFontDicts returns the font dictionaries of every page of a PDF (and of
// the Form XObjects the pages name directly), or nil when it does not open.
func pdfFontDicts(data []byte) (out []pdf.Value) {
	defer func() {
		if r := recover(); r != nil {
			out = nil
		}
	}()
	buf, err := normalizePDF(data)
	if err != nil || prescanPDF(buf, &inflater{}) != nil {
		return nil // as readPDF, which opens only what the pre-scan lets through
	}
	r, _, err := openPDF(buf, nil)
	if err != nil {
		return nil
	}
	pages, err := walkPages(r, 50)
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	add := func(res pdf.Value) {
		fd := res.Key("Font")
		for _, k := range fd.Keys() {
			v := fd.Key(k)
			key := fmt.Sprint(v)
			if v.Kind() == pdf.Dict && !seen[key] {
				seen[key] = true
				out = append(out, v)
			}
		}
	}
	for _, p := range pages {
		add(p.res)
		xo := p.res.Key("XObject")
		for _, k := range xo.Keys() {
			add(xo.Key(k).Key("Resources"))
		}
	}
	return out
}
