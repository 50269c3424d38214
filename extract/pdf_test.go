package extract

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fixture reads a file of testdata/fixtures/pdf (made by its gen.sh).
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", "pdf", name))
	if err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	return data
}

func hasDiagnostic(doc *Document, code string) bool {
	for _, d := range doc.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

func lineTexts(doc *Document) []string {
	out := make([]string, len(doc.Lines))
	for i, l := range doc.Lines {
		out[i] = l.Text
	}
	return out
}

// TestReadPDFFixtures checks words, spacing and order on PDFs rendered by
// pdflatex from the project's own text.
func TestReadPDFFixtures(t *testing.T) {
	tests := []struct {
		file      string
		lines     []string // lines that must appear exactly
		order     []string // substrings that must appear in this order
		absent    []string
		diags     []string
		wantPages int
	}{
		{
			file: "twocol.pdf",
			lines: []string{
				"Marisol Quenby",
				"Platform Engineer marisol.quenby@example.org",
				"Lead Engineer 2021–2024",                                          // a date rail stays on its row
				"Built efficient workflow tooling in Go and configured Kubernetes", // ffi/fl ligatures, "Ku-/bernetes" joined
				"Terraform, Python, Redis, gRPC",
			},
			// the left column is read completely before the right one
			order:     []string{"Marisol", "Experience", "Harborline", "Quillmoor", "thirty percent", "Skills", "Terraform", "Education", "Northvale"},
			diags:     []string{"columns"},
			wantPages: 1,
		},
		{
			file: "onecol.pdf",
			lines: []string{
				"Reliability engineer who automates toil away and keeps services fast under load.",
				"Senior SRE at Cobalt Ferry, 2019–2024: scaled Kafka and Redis for payments traffic.",
				"Certified Kubernetes Administrator", // drawn through a Form XObject
			},
			order:     []string{"Tobiah Wrenfield", "Summary", "Experience", "Certified", "Education"},
			absent:    []string{"blockchain", "invisiblestuffing"}, // placed off the page
			diags:     []string{"offpage-text"},
			wantPages: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := readPDF(context.Background(), fixture(t, tt.file), DefaultOptions())
			if err != nil {
				t.Fatalf("readPDF(%s) error: %v", tt.file, err)
			}
			if doc.Format != PDF || doc.Pages != tt.wantPages {
				t.Errorf("readPDF(%s) = format %v, %d pages; want pdf, %d", tt.file, doc.Format, doc.Pages, tt.wantPages)
			}
			lines := lineTexts(doc)
			for _, want := range tt.lines {
				found := false
				for _, l := range lines {
					if l == want {
						found = true
					}
				}
				if !found {
					t.Errorf("readPDF(%s): no line %q in\n%s", tt.file, want, strings.Join(lines, "\n"))
				}
			}
			text := doc.Text()
			pos := -1
			for _, s := range tt.order {
				i := strings.Index(text, s)
				if i < 0 || i < pos {
					t.Errorf("readPDF(%s): %q at %d, want after %d (reading order)", tt.file, s, i, pos)
				}
				pos = i
			}
			for _, s := range tt.absent {
				if strings.Contains(text, s) {
					t.Errorf("readPDF(%s): text contains %q, want it removed", tt.file, s)
				}
			}
			for _, d := range tt.diags {
				if !hasDiagnostic(doc, d) {
					t.Errorf("readPDF(%s): no %q diagnostic in %+v", tt.file, d, doc.Diagnostics)
				}
			}
			for _, l := range doc.Lines {
				if l.Page != 1 || l.Text != strings.TrimSpace(l.Text) || strings.Contains(l.Text, "  ") {
					t.Errorf("readPDF(%s): bad line %+v", tt.file, l)
				}
			}
		})
	}
}

// pdfBuilder writes small PDFs for tests: numbered objects, a classic xref
// table with correct offsets and a trailer. Object 1 is the catalog.
type pdfBuilder struct {
	objs    []string
	trailer string
}

func (b *pdfBuilder) add(obj string) int {
	b.objs = append(b.objs, obj)
	return len(b.objs)
}

func stream(dict, data string) string {
	if dict == "" {
		dict = "<<"
	} else {
		dict = strings.TrimSuffix(dict, ">>")
	}
	return fmt.Sprintf("%s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func (b *pdfBuilder) bytes() []byte {
	var s strings.Builder
	s.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(b.objs))
	for i, o := range b.objs {
		offs[i] = s.Len()
		fmt.Fprintf(&s, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := s.Len()
	fmt.Fprintf(&s, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&s, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&s, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, b.trailer, x)
	return []byte(s.String())
}

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// onePage builds a one-page PDF (Letter size) with Helvetica as /F1 and the
// given content stream; extra objects can be referenced as 5 0 R and up.
func onePage(content string, extra ...string) []byte {
	b := &pdfBuilder{}
	b.add("<< /Type /Catalog /Pages 2 0 R >>")
	b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	b.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R /F2 7 0 R >> >> >>")
	b.add(stream("", content))
	for _, e := range extra {
		b.add(e)
	}
	return b.bytes()
}

// TestReadPDFCrafted checks the walker and cleaning rules on PDFs built by
// the test itself.
func TestReadPDFCrafted(t *testing.T) {
	icons := stream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n"+
		"3 beginbfchar <41> <E001> <42> <2022> <43> <00660069> endbfchar\n1 beginbfrange <61> <7A> <0061> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end")
	iconFont := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 8 0 R >>"
	tests := []struct {
		name    string
		pdf     []byte
		want    []string
		diags   []string
		wantErr error
		errText string
	}{
		{
			name: "Td gaps become spaces and TJ kerning does not",
			pdf:  onePage("BT /F1 10 Tf 72 700 Td (Senior) Tj 36 0 Td (Go) Tj 14 0 Td [(engi) 20 (neer)] TJ ET", "", helvetica, helvetica),
			want: []string{"Senior Go engineer"},
		},
		{
			name: "TJ offsets wider than a space split words",
			pdf:  onePage("BT /F1 10 Tf 72 700 Td [(REST) -300 (APIs)] TJ ET", "", helvetica, helvetica),
			want: []string{"REST APIs"},
		},
		{
			name: "stream order kept, lines by baseline",
			pdf:  onePage("BT /F1 10 Tf 72 700 Td (First line) Tj 0 -14 Td (Second line) Tj ET", "", helvetica, helvetica),
			want: []string{"First line", "Second line"},
		},
		{
			name: "a raised suffix stays on its line",
			pdf:  onePage("BT /F1 10 Tf 72 700 Td (1) Tj 3.5 Ts /F1 7 Tf (st) Tj 0 Ts /F1 10 Tf ( Prize) Tj ET", "", helvetica, helvetica),
			want: []string{"1st Prize"},
		},
		{
			name: "soft hyphen at line end joins the word",
			pdf:  onePage("BT /F1 10 Tf 72 700 Td (observa\xad) Tj 0 -14 Td (bility matters) Tj ET", "", helvetica, helvetica),
			want: []string{"observability", "matters"},
		},
		{
			name:  "overprinted fake bold read once",
			pdf:   onePage("BT /F1 10 Tf 72 700 Td (Kafka) Tj ET BT /F1 10 Tf 72.3 700 Td (Kafka) Tj ET", "", helvetica, helvetica),
			want:  []string{"Kafka"},
			diags: []string{"overprint"},
		},
		{
			name: "shuffled stream order is rebuilt from positions",
			pdf: onePage("BT /F1 10 Tf 72 600 Td (line four) Tj ET BT /F1 10 Tf 72 700 Td (line one) Tj ET "+
				"BT /F1 10 Tf 72 650 Td (line three) Tj ET BT /F1 10 Tf 72 680 Td (line two) Tj ET "+
				"BT /F1 10 Tf 72 500 Td (line six) Tj ET BT /F1 10 Tf 72 550 Td (line five) Tj ET", "", helvetica, helvetica),
			want:  []string{"line one", "line two", "line three", "line four", "line five", "line six"},
			diags: []string{"reading-order"},
		},
		{
			name:  "ToUnicode first: icons and bullets become spaces, ligature expands",
			pdf:   onePage("BT /F2 10 Tf 72 700 Td (A) Tj 10 0 Td (mail) Tj 30 0 Td (B) Tj 10 0 Td (Cle) Tj ET", "", helvetica, iconFont, icons),
			want:  []string{"mail file"},
			diags: []string{"icons-dropped"},
		},
		{
			name: "white text on white is removed, white text on a dark bar is kept",
			pdf: onePage("BT /F1 10 Tf 72 700 Td (Visible) Tj ET 1 g BT /F1 10 Tf 72 650 Td (kubernetes kafka) Tj ET "+
				"0.2 0.2 0.4 rg 60 590 200 30 re f 1 1 1 rg BT /F1 10 Tf 72 600 Td (Sidebar heading) Tj ET", "", helvetica, helvetica),
			want:  []string{"Visible", "Sidebar heading"},
			diags: []string{"invisible-text"},
		},
		{
			name: "invisible rendering mode is removed beside visible text",
			pdf:  onePage("BT /F1 10 Tf 72 700 Td (Visible) Tj 3 Tr 0 -20 Td (stuffing) Tj ET", "", helvetica, helvetica),
			want: []string{"Visible"},
		},
		{
			name: "an OCR text layer alone is kept",
			pdf:  onePage("BT 3 Tr /F1 10 Tf 72 700 Td (Scanned words) Tj ET", "", helvetica, helvetica),
			want: []string{"Scanned words"},
		},
		{
			name: "an inline image does not lose the page",
			pdf: onePage("BT /F1 10 Tf 72 700 Td (Before image) Tj ET q 10 0 0 10 72 600 cm BI /W 4 /H 1 /CS /G /BPC 8 ID \x00)>]EI\xff EI Q "+
				"BT /F1 10 Tf 72 500 Td (After image) Tj ET", "", helvetica, helvetica),
			want: []string{"Before image", "After image"},
		},
		{
			name: "malformed operators are skipped",
			pdf:  onePage("BT /F1 10 Tf 72 700 Td TJ Tj ] ) (Kept) Tj 5 Tf Td (text) Tj ET Q Q", "", helvetica, helvetica),
			want: []string{"Kepttext"},
		},
		{
			name: "text in a Form XObject",
			pdf: func() []byte {
				b := &pdfBuilder{}
				b.add("<< /Type /Catalog /Pages 2 0 R >>")
				b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
				b.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >> >>")
				b.add(stream("", "q 1 0 0 1 72 700 cm /X1 Do Q"))
				b.add(stream("<< /Type /XObject /Subtype /Form /BBox [0 0 300 50] /Resources << /Font << /F1 6 0 R >> >> >>", "BT /F1 12 Tf 0 10 Td (Inside a form) Tj ET"))
				b.add(helvetica)
				return b.bytes()
			}(),
			want: []string{"Inside a form"},
		},
		{
			name: "cyclic page tree and a lying /Count",
			pdf: func() []byte {
				b := &pdfBuilder{}
				b.add("<< /Type /Catalog /Pages 2 0 R >>")
				b.add("<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2000000000 >>")
				b.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
				b.add(stream("", "BT /F1 10 Tf 72 700 Td (Still readable) Tj ET"))
				b.add(helvetica)
				return b.bytes()
			}(),
			want: []string{"Still readable"},
		},
		{
			name: "leading junk, a 2.0 header and trailing junk",
			pdf: func() []byte {
				p := onePage("BT /F1 10 Tf 72 700 Td (Tolerant open) Tj ET", "", helvetica, helvetica)
				p = []byte(strings.Replace(string(p), "%PDF-1.7", "%PDF-2.0", 1))
				return append(append([]byte("junk before\n"), p...), strings.Repeat("trailing junk ", 20)...)
			}(),
			want: []string{"Tolerant open"},
		},
		{
			name:    "not a PDF",
			pdf:     []byte("hello, this is not a PDF at all"),
			wantErr: ErrMalformed,
		},
		{
			name: "image only is a scan",
			pdf: func() []byte {
				b := &pdfBuilder{}
				b.add("<< /Type /Catalog /Pages 2 0 R >>")
				b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
				b.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>")
				b.add(stream("", "q 100 0 0 100 72 600 cm /Im1 Do Q"))
				b.add(stream("<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>", "\x80"))
				return b.bytes()
			}(),
			wantErr: ErrNoText,
			errText: "scanned",
		},
		{
			name: "a font without a Unicode map is reported, not read as a scan",
			pdf: onePage("BT /F2 10 Tf 72 700 Td <00410042004300440045004600470048004900500051005200530054005500560057> Tj ET", "",
				helvetica, "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Custom /Encoding /Identity-H /DescendantFonts [8 0 R] >>",
				"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>"),
			wantErr: ErrNoText,
			errText: "Unicode map",
		},
		{
			name: "partly undecodable text is flagged as garbled",
			pdf: onePage("BT /F1 10 Tf 72 700 Td (Readable words here) Tj /F2 10 Tf 0 -20 Td <0041004200430044004500460047004800490050005100520053005400550056005700580059> Tj ET", "",
				helvetica, "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Custom /Encoding /Identity-H /DescendantFonts [8 0 R] >>",
				"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>"),
			want:  []string{"Readable words here"},
			diags: []string{"garbled"},
		},
		{
			name:    "a page without text or images",
			pdf:     onePage("0 0 m 100 100 l S", "", helvetica, helvetica),
			wantErr: ErrNoText,
		},
		{
			name:    "no pages",
			pdf:     (&pdfBuilder{objs: []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}}).bytes(),
			wantErr: ErrMalformed,
		},
		{
			name: "huge xref subsection is refused before the library allocates it",
			pdf: []byte(strings.Replace(string(onePage("BT /F1 10 Tf 72 700 Td (x) Tj ET", "", helvetica, helvetica)),
				"xref\n0 8", "xref\n2000000000 8", 1)),
			wantErr: ErrTooLarge,
		},
		{
			name:    "huge predictor columns",
			pdf:     onePage("BT /F1 10 Tf 72 700 Td (x) Tj ET", "<< /DecodeParms << /Predictor 12 /Columns 99999999999 >> >>", helvetica, helvetica),
			wantErr: ErrTooLarge,
		},
		{
			name: "xref /Prev loop",
			pdf: func() []byte {
				p := string(onePage("BT /F1 10 Tf 72 700 Td (x) Tj ET", "", helvetica, helvetica))
				x := strings.LastIndex(p, "\nxref") + 1
				return []byte(strings.Replace(p, "/Root 1 0 R", fmt.Sprintf("/Root 1 0 R /Prev %d", x), 1))
			}(),
			wantErr: ErrMalformed,
		},
		{
			name:    "user password",
			pdf:     []byte(strings.Replace(string(onePage("BT /F1 10 Tf 72 700 Td (x) Tj ET", "", helvetica, helvetica)), "/Root 1 0 R", "/Root 1 0 R /Encrypt << /Filter /Standard /V 9 /R 9 >>", 1)),
			wantErr: ErrEncrypted,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readPDF(context.Background(), tt.pdf, DefaultOptions())
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(fmt.Sprint(err), tt.errText) {
					t.Fatalf("readPDF() error = %v, want %v (%q)", err, tt.wantErr, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatalf("readPDF() error: %v", err)
			}
			if diff := cmp.Diff(tt.want, lineTexts(doc)); diff != "" {
				t.Errorf("readPDF() lines mismatch (-want +got):\n%s", diff)
			}
			for _, d := range tt.diags {
				if !hasDiagnostic(doc, d) {
					t.Errorf("readPDF(): no %q diagnostic in %+v", d, doc.Diagnostics)
				}
			}
		})
	}
}

func TestReadPDFPageCap(t *testing.T) {
	b := &pdfBuilder{}
	b.add("<< /Type /Catalog /Pages 2 0 R >>")
	kids := ""
	for i := 0; i < 5; i++ {
		kids += fmt.Sprintf("%d 0 R ", 4+i)
	}
	b.add("<< /Type /Pages /Kids [" + kids + "] /Count 5 >>")
	b.add(stream("", "BT /F1 10 Tf 72 700 Td (page) Tj ET"))
	for i := 0; i < 5; i++ {
		b.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 9 0 R >> >> >>")
	}
	b.add(helvetica)
	data := b.bytes()
	tests := []struct {
		maxPages  int
		wantErr   error
		wantPages int
	}{
		{maxPages: 5, wantPages: 5},
		{maxPages: 4, wantErr: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.maxPages), func(t *testing.T) {
			opts := DefaultOptions()
			opts.MaxPages = tt.maxPages
			doc, err := readPDF(context.Background(), data, opts)
			if !errors.Is(err, tt.wantErr) || err == nil && doc.Pages != tt.wantPages {
				t.Fatalf("readPDF(MaxPages=%d) = %v, %v; want %d pages, error %v", tt.maxPages, doc, err, tt.wantPages, tt.wantErr)
			}
		})
	}
}

func TestReadPDFCancelled(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithTimeout(context.Background(), -time.Second)
	defer cancel2()
	tests := []struct {
		name string
		ctx  context.Context
		want []error
	}{
		{"cancelled", cancelled, []error{context.Canceled}},
		{"deadline", expired, []error{context.DeadlineExceeded, ErrMalformed}},
	}
	for _, tt := range tests {
		_, err := readPDF(tt.ctx, fixture(t, "onecol.pdf"), DefaultOptions())
		for _, w := range tt.want {
			if !errors.Is(err, w) {
				t.Errorf("readPDF(%s) error = %v, want %v", tt.name, err, w)
			}
		}
	}
}

func TestRunningHeadersAndDehyphenation(t *testing.T) {
	box := pageBox{0, 0, 600, 800}
	pages := []pdfPage{{box: box}, {box: box}, {box: box}}
	perPage := [][]outLine{
		{{"Jane Roe – page 1 of 3", 790}, {"Built distributed sys-", 400}, {"tems in Go", 386}},
		{{"Jane Roe – page 2 of 3", 790}, {"Body two", 400}},
		{{"Jane Roe – page 3 of 3", 790}, {"end-", 400}, {"To-end tests", 386}},
	}
	got := assembleLines(perPage, pages, true)
	want := []Line{
		{Page: 1, Source: Header, Text: "Jane Roe – page 1 of 3"},
		{Page: 1, Text: "Built distributed systems"},
		{Page: 1, Text: "in Go"},
		{Page: 2, Text: "Body two"},
		{Page: 3, Text: "end-"},
		{Page: 3, Text: "To-end tests"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("assembleLines() mismatch (-want +got):\n%s", diff)
	}
}

func TestGlyphName(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"f_f_i", "ffi", true},
		{"uni00660069", "fi", true},
		{"u1F600", "\U0001F600", true},
		{"endash", "–", true},
		{"a.sc", "a", true},
		{"g31A", "", false},
	}
	for _, tt := range tests {
		got, ok := glyphName(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("glyphName(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestReadPDFLargeChaoticPage guards the layout's work bounds: a page whose
// 2,500 lines are drawn bottom-up in two interleaved columns goes through the
// geometric order and must still finish quickly (the bound is loose on
// purpose: it catches a quadratic blow-up, not a slow machine).
func TestReadPDFLargeChaoticPage(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 2500; i++ {
		x, y := 40+(i%2)*300, 20+float64(i/2)*0.6
		fmt.Fprintf(&b, "BT /F1 0.5 Tf %d %.1f Td (w%d) Tj ET\n", x, y, i)
	}
	start := time.Now()
	doc, err := readPDF(context.Background(), onePage(b.String(), "", helvetica, helvetica), DefaultOptions())
	if err != nil {
		t.Fatalf("readPDF() error: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("readPDF() took %v on a 2,500-line chaotic page", d)
	}
	if len(doc.Lines) == 0 || !hasDiagnostic(doc, "reading-order") {
		t.Errorf("readPDF() = %d lines, diagnostics %+v; want text read in geometric order", len(doc.Lines), doc.Diagnostics)
	}
}

// TestFlattenObjStms checks that rewriting object streams as plain objects
// (a speed-up) happens on the pdflatex fixtures and changes no line.
func TestFlattenObjStms(t *testing.T) {
	for _, name := range []string{"twocol.pdf", "onecol.pdf"} {
		t.Run(name, func(t *testing.T) {
			data := fixture(t, name)
			norm, err := normalizePDF(data)
			if err != nil {
				t.Fatal(err)
			}
			if update := flattenObjStms(norm, &inflater{}); len(update) == 0 {
				t.Errorf("flattenObjStms(%s) appended nothing; want its object streams rewritten", name)
			} else if x := update[bytes.LastIndex(update, []byte("/Type /XRef")):]; bytes.Contains(x[:bytes.Index(x, []byte(">>"))], []byte("/Prev")) {
				t.Errorf("flattenObjStms(%s) chains to the old table with /Prev; want the whole table in the update", name)
			}
			defer func() { flattenObjectStreams = true }()
			var got [2][]Line
			for i, on := range []bool{false, true} {
				flattenObjectStreams = on
				doc, err := readPDF(context.Background(), data, DefaultOptions())
				if err != nil {
					t.Fatalf("readPDF(flatten=%v) error: %v", on, err)
				}
				got[i] = doc.Lines
			}
			if diff := cmp.Diff(got[0], got[1]); diff != "" {
				t.Errorf("readPDF lines differ with object streams flattened (-off +on):\n%s", diff)
			}
		})
	}
}

// TestDecodeUnmappedAsCode pins the corpus evaluation's switch: a glyph with
// no Unicode meaning reads as a space-like icon or U+FFFD normally, and as
// the character numbered by its code (pdftotext's junk) when it is set.
func TestDecodeUnmappedAsCode(t *testing.T) {
	tests := []struct {
		name     string
		font     pdfFont
		code     uint32
		asCode   bool
		want     string
		unmapped bool
	}{
		{"unmapped code", pdfFont{broken: true}, 0x66, false, "\uFFFD", true},
		{"unmapped icon-font code", pdfFont{broken: true, icons: true}, 0x66, false, "\uE000", true},
		{"unmapped code as code", pdfFont{broken: true}, 0x66, true, "f", false},
		{"icon named by ToUnicode", pdfFont{icons: true, toUni: codeMapOf(map[uint32]string{0x232: "envelope"})}, 0x232, false, "\uE000", true},
		{"icon as code", pdfFont{icons: true, toUni: codeMapOf(map[uint32]string{0x232: "envelope"})}, 0x232, true, "Ȳ", false},
		{"mapped text kept", pdfFont{toUni: codeMapOf(map[uint32]string{0x41: "A"})}, 0x41, true, "A", false},
		{"private-use glyph as code", pdfFont{toUni: codeMapOf(map[uint32]string{0x7: "\uF0B7"})}, 0x7, true, "\a", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.font
			f.memo = map[uint32]string{}
			got := f.decode(tt.code, string([]byte{byte(tt.code >> 8), byte(tt.code)}), &guard{unmappedAsCode: tt.asCode})
			if got != tt.want {
				t.Errorf("decode(%#x) = %q, want %q", tt.code, got, tt.want)
			}
			if u := unmapped(got); u != tt.unmapped {
				t.Errorf("unmapped(%q) = %v, want %v", got, u, tt.unmapped)
			}
		})
	}
}

// TestUTF16BEFastPath checks that the allocation-free path for ASCII
// destinations gives the same text as the general UTF-16 decoding.
func TestUTF16BEFastPath(t *testing.T) {
	if len(asciiStrings) != 128 {
		t.Fatalf("asciiStrings has %d bytes, want 128", len(asciiStrings))
	}
	for c := 0; c < 128; c++ {
		if asciiStrings[c] != byte(c) {
			t.Fatalf("asciiStrings[%#x] = %#x", c, asciiStrings[c])
		}
	}
	tests := []struct{ in, want string }{
		{"\x00A", "A"},
		{"\x00\x7f", "\x7f"},
		{"\x00\xe9", "é"},
		{"\x01\x00", "Ā"},
		{"\xd8\x3d\xde\x00", "😀"},
		{"\x00f\x00i", "fi"},
		{"A", "A"}, // a 1-byte destination: a code point
	}
	for _, tt := range tests {
		if got := utf16BE(tt.in); got != tt.want {
			t.Errorf("utf16BE(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestInflaterReuse checks that one reused reader inflates stream after
// stream, damaged ones included, exactly as a fresh zlib reader does.
func TestInflaterReuse(t *testing.T) {
	deflate := func(s string) []byte {
		var b bytes.Buffer
		w := zlib.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	good := deflate(strings.Repeat("BT /F1 12 Tf (Hello) Tj ET\n", 50))
	tests := []struct {
		name string
		body []byte
	}{
		{"good", good},
		{"truncated", good[:len(good)/2]},
		{"bad header", []byte("not zlib at all")},
		{"empty", nil},
		{"bad checksum", append(append([]byte{}, good[:len(good)-1]...), good[len(good)-1]^0xff)},
		{"good again", deflate("q 1 0 0 1 0 0 cm Q")},
	}
	z := &inflater{}
	for _, tt := range tests {
		got, gotErr := z.inflateLimited(tt.body, 1<<20)
		var want []byte
		var wantErr error
		if zr, err := zlib.NewReader(bytes.NewReader(tt.body)); err != nil {
			wantErr = err
		} else {
			want, wantErr = io.ReadAll(zr)
		}
		if !bytes.Equal(got, want) || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: got %d bytes, err %v; want %d bytes, err %v", tt.name, len(got), gotErr, len(want), wantErr)
		}
	}
}

// TestConcatReaderAt checks that a file read with its update appended
// answers every read exactly as bytes.Reader does on the joined bytes.
func TestConcatReaderAt(t *testing.T) {
	a, b := []byte("0123456789"), []byte("abcdef")
	joined := bytes.NewReader(append(append([]byte{}, a...), b...))
	c := &concatReaderAt{a, b}
	tests := []struct {
		off int64
		n   int
	}{
		{0, 4}, {0, 10}, {0, 16}, {0, 20}, {8, 4}, {10, 3}, {12, 10}, {15, 1}, {16, 1}, {40, 2}, {-1, 2}, {3, 0},
	}
	for _, tt := range tests {
		got, want := make([]byte, tt.n), make([]byte, tt.n)
		gn, gerr := c.ReadAt(got, tt.off)
		wn, werr := joined.ReadAt(want, tt.off)
		if gn != wn || !bytes.Equal(got, want) || fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("ReadAt(%d bytes at %d) = %d %q %v; want %d %q %v", tt.n, tt.off, gn, got[:gn], gerr, wn, want[:wn], werr)
		}
	}
}

// TestNormalizePDF checks the repairs of normalizePDF and that a file
// needing none is returned without a copy, unchanged and not appendable
// into the caller's bytes.
func TestNormalizePDF(t *testing.T) {
	body := "1 0 obj\n<<>>\nendobj\n"
	tests := []struct {
		name, in, want string
		shared         bool // the result is a sub-slice of the input
	}{
		{"clean", "%PDF-1.5\n" + body + "%%EOF\n", "%PDF-1.5\n" + body + "%%EOF\n", true},
		{"clean with trailing junk", "%PDF-1.4\n" + body + "%%EOF\njunk", "%PDF-1.4\n" + body + "%%EOF\n", true},
		{"no newline after EOF", "%PDF-1.7\n" + body + "%%EOF", "%PDF-1.7\n" + body + "%%EOF", true},
		{"CR LF after EOF", "%PDF-1.6\r" + body + "%%EOF\r\n", "%PDF-1.6\r" + body + "%%EOF\n", false},
		{"PDF 2.0", "%PDF-2.0\n" + body + "%%EOF\n", "%PDF-1.7\n" + body + "%%EOF\n", false},
		{"header without end of line", "%PDF-1.5 " + body + "%%EOF\n", "%PDF-1.5\n" + body + "%%EOF\n", false},
		{"leading junk", "junk%PDF-1.5\n" + body + "%%EOF\n", "%PDF-1.5\n" + body + "%%EOF\n", true},
		{"no EOF", "%PDF-1.5\n" + body, "%PDF-1.5\n" + body + "\n", false},
	}
	for _, tt := range tests {
		in := []byte(tt.in)
		got, err := normalizePDF(in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if string(got) != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
		shared := &got[0] == &in[strings.Index(tt.in, "%PDF-")]
		if shared != tt.shared {
			t.Errorf("%s: result shares the input's bytes = %v, want %v", tt.name, shared, tt.shared)
		}
		if shared && cap(got) != len(got) {
			t.Errorf("%s: a shared result has spare capacity %d: appending would write into the caller's bytes", tt.name, cap(got)-len(got))
		}
		if string(in) != tt.in {
			t.Errorf("%s: input modified", tt.name)
		}
	}
	for _, short := range []string{"%PDF-1.5\n%%EOF\n", "%PDF-1.5\n1%%EOF\n"} {
		if _, err := normalizePDF([]byte(short)); !errors.Is(err, ErrMalformed) {
			t.Errorf("normalizePDF(%q) = %v, want ErrMalformed (too short)", short, err)
		}
	}
}

// TestCMapPairs checks that collecting entries and building the map once
// gives the map that assigning them one by one gives (later entries win),
// and that len answers the caps as the map's length would.
func TestCMapPairs(t *testing.T) {
	tests := []struct {
		name string
		n    int    // entries set
		mod  uint32 // codes repeat modulo this
	}{
		{"empty", 0, 1},
		{"few", 10, 100},
		{"repeats", 300, 7},
		{"past the cap", maxCMapEntries + 50, maxCMapEntries + 10},
		{"past the cap, repeating", maxCMapEntries + 50, 1000},
	}
	var p cmapPairs
	for _, tt := range tests {
		p.reset()
		want := map[uint32]string{}
		for i := 0; i < tt.n; i++ {
			c, text := uint32(i)%tt.mod, strconv.Itoa(i)
			p.set(c, text)
			want[c] = text
			if got := p.len(); got < len(want) || len(want) >= maxCMapEntries && got != len(want) || got >= maxCMapEntries && got != len(want) {
				t.Fatalf("%s: after %d entries len() = %d, map length %d", tt.name, i+1, got, len(want))
			}
		}
		got := p.build()
		if got.len() != len(want) {
			t.Errorf("%s: built map has %d entries, want %d", tt.name, got.len(), len(want))
		}
		for c, text := range want {
			if g, ok := got.get(c); !ok || g != text {
				t.Errorf("%s: code %d maps to %q (%v), want %q (the last entry)", tt.name, c, g, ok, text)
				break
			}
		}
		n := 0
		got.each(func(c uint32, text string) {
			n++
			if want[c] != text {
				t.Errorf("%s: each gives code %d as %q, want %q", tt.name, c, text, want[c])
			}
		})
		if n != len(want) {
			t.Errorf("%s: each visits %d codes, want %d", tt.name, n, len(want))
		}
	}
}

// TestFullXref checks that the original cross-reference stream is carried
// into the update only when it is read exactly, and that flattened objects
// then point at their new places.
func TestFullXref(t *testing.T) {
	deflate := func(b []byte) []byte {
		var out bytes.Buffer
		w := zlib.NewWriter(&out)
		w.Write(b)
		w.Close()
		return out.Bytes()
	}
	// Objects 0-3: free, plain at 15, in object stream 3 (index 0), the stream at 99.
	table := []byte{0, 0, 0, 0, 1, 0, 15, 0, 2, 0, 3, 0, 1, 0, 99, 0}
	stream := func(b []byte) []byte { return append([]byte("stream\n"), append(deflate(b), "\nendstream"...)...) }
	tests := []struct {
		name   string
		strm   []byte
		xdict  string
		nums   []int
		ok     bool
		wantAt uint32 // where object 2 points when ok
	}{
		{"read", stream(table), "<< /Type /XRef /Size 4 /W [1 2 1] /Filter /FlateDecode", []int{2}, true, 500},
		{"explicit index", stream(table), "<< /Type /XRef /Size 4 /Index [0 4] /W [1 2 1] /Filter /FlateDecode", []int{2}, true, 500},
		{"predictor", stream(table), "<< /Type /XRef /Size 4 /W [1 2 1] /Filter /FlateDecode /DecodeParms << /Columns 4 /Predictor 12 >>", []int{2}, false, 0},
		{"four widths", stream(table), "<< /Type /XRef /Size 4 /W [1 1 1 1] /Filter /FlateDecode", []int{2}, false, 0},
		{"unread index", stream(table), "<< /Type /XRef /Size 4 /Index 7 0 R /W [1 2 1] /Filter /FlateDecode", []int{2}, false, 0},
		{"short data", stream(table[:12]), "<< /Type /XRef /Size 4 /W [1 2 1] /Filter /FlateDecode", []int{2}, false, 0},
		{"not compressed", append([]byte("stream\n"), table...), "<< /Type /XRef /Size 4 /W [1 2 1]", []int{2}, false, 0},
		{"object not in table", stream(table), "<< /Type /XRef /Size 4 /Index [0 2] /W [1 2 1] /Filter /FlateDecode", []int{2}, false, 0},
	}
	for _, tt := range tests {
		entries, index, ok := (&inflater{}).fullXref(tt.strm, []byte(tt.xdict), 4, tt.nums, []int{500})
		if ok != tt.ok {
			t.Errorf("%s: ok = %v, want %v", tt.name, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if string(index) != "0 4" || len(entries) != 4*7 {
			t.Errorf("%s: index %q, %d entry bytes; want \"0 4\" and 28", tt.name, index, len(entries))
			continue
		}
		want := []byte{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 15, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 99, 0, 0}
		binary.BigEndian.PutUint32(want[15:], tt.wantAt)
		if !bytes.Equal(entries, want) {
			t.Errorf("%s: entries % x, want % x", tt.name, entries, want)
		}
	}
}

// codeMapOf builds a codeMap holding the entries of m.
func codeMapOf(m map[uint32]string) *codeMap {
	cm := &codeMap{}
	for c, t := range m {
		cm.set(c, t)
	}
	return cm
}

// TestCodeMap holds codeMap to a Go map on codes both sides of 256,
// replaced entries and empty texts, and checks the nil map.
func TestCodeMap(t *testing.T) {
	tests := []struct {
		name    string
		entries []cmapPair
	}{
		{"none", nil},
		{"one byte", []cmapPair{{0x41, "A"}, {0x0, "\x00"}, {0xff, "ÿ"}, {0x20, ""}}},
		{"replaced", []cmapPair{{0x41, "A"}, {0x41, "B"}, {0x1234, "x"}, {0x1234, "y"}}},
		{"both sides of 256", []cmapPair{{255, "a"}, {256, "b"}, {257, "c"}, {0x10000, "d"}, {63, "e"}, {64, "f"}}},
	}
	for _, tc := range tests {
		want := map[uint32]string{}
		m := &codeMap{}
		for _, e := range tc.entries {
			want[e.code] = e.text
			m.set(e.code, e.text)
		}
		if m.len() != len(want) {
			t.Errorf("%s: len() = %d, want %d", tc.name, m.len(), len(want))
		}
		for _, c := range []uint32{0, 0x20, 0x41, 63, 64, 255, 256, 257, 0x1234, 0x10000, 0x42} {
			wt, wok := want[c]
			if gt, gok := m.get(c); gt != wt || gok != wok {
				t.Errorf("%s: get(%#x) = %q, %v; want %q, %v", tc.name, c, gt, gok, wt, wok)
			}
		}
	}
	var none *codeMap
	if _, ok := none.get(0x41); ok || none.len() != 0 {
		t.Error("a nil codeMap maps a code")
	}
}
