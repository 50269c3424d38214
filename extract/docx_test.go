package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	relPkg    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	contentTy = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
)

// wxml wraps a body in a w:document (or another root) with the usual
// namespaces; ns selects transitional or Strict.
func wxml(root, inner, w, r string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:` + root + ` xmlns:w="` + w + `" xmlns:r="` + r + `" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"` +
		` xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
		inner + `</w:` + root + `>`
}

func wBody(inner string) string { return wxml("document", "<w:body>"+inner+"</w:body>", nsW, nsR) }

func wPara(s string) string {
	return "<w:p><w:r><w:t xml:space=\"preserve\">" + s + "</w:t></w:r></w:p>"
}

func wRels(pairs ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 0; i+2 < len(pairs); i += 3 {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, pairs[i], relPkg, pairs[i+1], pairs[i+2])
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// docxOf builds a DOCX from name/content pairs, adding [Content_Types].xml
// and _rels/.rels pointing at word/document.xml unless given.
func docxOf(t testing.TB, files ...string) []byte {
	t.Helper()
	have := map[string]bool{}
	for i := 0; i < len(files); i += 2 {
		have[files[i]] = true
	}
	if !have["[Content_Types].xml"] {
		files = append(files, "[Content_Types].xml", contentTy)
	}
	if !have["_rels/.rels"] {
		files = append(files, "_rels/.rels", wRels("rId1", "officeDocument", "word/document.xml"))
	}
	return zipFile(t, files...)
}

type srcLine struct {
	Source Source
	Text   string
}

func TestReadDOCXFeatures(t *testing.T) {
	sect := `<w:sectPr><w:headerReference w:type="default" r:id="rH1"/><w:headerReference w:type="first" r:id="rH2"/><w:footerReference w:type="default" r:id="rF1"/></w:sectPr>`
	textbox := `<w:p><w:r><w:t>Before box</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH><wp:align>center</wp:align></wp:positionH><wps:wsp><wps:txbx><w:txbxContent>` +
		wPara("Sidebar: Certified Kubernetes Administrator") + `</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
		wPara("Sidebar: Certified Kubernetes Administrator") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>after box</w:t></w:r></w:p>`
	notes := func(root, el string) string {
		return wxml(root, `<w:`+el+` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:`+el+`>`+
			`<w:`+el+` w:id="1">`+wPara("Referenced "+el+" text")+`</w:`+el+`>`+
			`<w:`+el+` w:id="2">`+wPara("Unreferenced "+el)+`</w:`+el+`>`, nsW, nsR)
	}
	utf16doc := func(s string) string {
		s = strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
		u := utf16.Encode([]rune(s))
		b := []byte{0xFF, 0xFE}
		for _, c := range u {
			b = append(b, byte(c), byte(c>>8))
		}
		return string(b)
	}
	tests := []struct {
		name  string
		files []string
		want  []srcLine
	}{
		{"paragraphs, br, tab", []string{"word/document.xml", wBody(wPara("Jo Example") +
			`<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t><w:tab/><w:t>tabbed</w:t><w:cr/><w:t>three</w:t></w:r></w:p>`)},
			[]srcLine{{Body, "Jo Example"}, {Body, "Line one"}, {Body, "Line two\ttabbed"}, {Body, "three"}}},
		{"tab stops are not tabs", []string{"word/document.xml", wBody(`<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr><w:r><w:t>Left</w:t></w:r><w:r><w:t>Right</w:t></w:r></w:p>`)},
			[]srcLine{{Body, "LeftRight"}}},
		{"sym, hyphens", []string{"word/document.xml", wBody(`<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t>Go</w:t><w:sym w:font="Arial" w:char="2013"/><w:t>fast</w:t><w:noBreakHyphen/><w:t>ish da</w:t><w:softHyphen/><w:t>tabase</w:t></w:r></w:p>`)},
			[]srcLine{{Body, " Go–fast-ish database"}}},
		{"hidden runs", []string{"word/document.xml", wBody(`<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>Shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>kubernetes docker stuffing</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>also shown</w:t></w:r></w:p>`)},
			[]srcLine{{Body, "Shown also shown"}}},
		{"deleted and inserted", []string{"word/document.xml", wBody(`<w:p><w:del w:id="1"><w:r><w:delText>old text</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>new text</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom></w:p>`)},
			[]srcLine{{Body, "new text"}}},
		{"field codes", []string{"word/document.xml", wBody(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:jo@example.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Email me</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`)},
			[]srcLine{{Body, "Email me1"}}},
		{"hyperlink, smartTag, sdt", []string{"word/document.xml", wBody(`<w:sdt><w:sdtContent><w:p><w:hyperlink r:id="rL"><w:r><w:t>site</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t> Seattle</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt>`)},
			[]srcLine{{Body, "site Seattle"}}},
		{"text box once, layout values out", []string{"word/document.xml", wBody(textbox)},
			[]srcLine{{Body, "Before box"}, {TextBox, "Sidebar: Certified Kubernetes Administrator"}, {Body, "after box"}}},
		{"data table row on one line", []string{"word/document.xml", wBody(`<w:tbl><w:tr><w:tc>` + wPara("Skill") + `</w:tc><w:tc>` + wPara("Level") + `</w:tc></w:tr><w:tr><w:tc>` + wPara("Go") + `</w:tc><w:tc>` + wPara("Expert") + `</w:tc></w:tr></w:tbl>`)},
			[]srcLine{{Body, "Skill | Level"}, {Body, "Go | Expert"}}},
		{"layout table cell by cell", []string{"word/document.xml", wBody(`<w:tbl><w:tr><w:tc>` + wPara("SKILLS") + wPara("Go, SQL") + `</w:tc><w:tc>` + wPara("EXPERIENCE") + wPara("Acme") + `</w:tc></w:tr></w:tbl>`)},
			[]srcLine{{Body, "SKILLS"}, {Body, "Go, SQL"}, {Body, "EXPERIENCE"}, {Body, "Acme"}}},
		{"math", []string{"word/document.xml", wBody(`<w:p><w:r><w:t>Score </w:t></w:r><m:oMath><m:r><m:t>x=2</m:t></m:r></m:oMath></w:p>`)},
			[]srcLine{{Body, "Score x=2"}}},
		{"referenced headers deduplicated, footer last", []string{
			"word/document.xml", wBody(wPara("Body text") + sect),
			"word/_rels/document.xml.rels", wRels("rH1", "header", "header1.xml", "rH2", "header", "header2.xml", "rH3", "header", "header3.xml", "rF1", "footer", "footer1.xml", "rX", "header", "missing.xml"),
			"word/header1.xml", wxml("hdr", wPara("Jo Example · jo@example.com"), nsW, nsR),
			"word/header2.xml", wxml("hdr", wPara("Jo  Example · jo@example.com"), nsW, nsR),
			"word/header3.xml", wxml("hdr", wPara("Unreferenced header"), nsW, nsR),
			"word/footer1.xml", wxml("ftr", wPara("Page footer"), nsW, nsR)},
			[]srcLine{{Header, "Jo Example · jo@example.com"}, {Body, "Body text"}, {Footer, "Page footer"}}},
		{"referenced footnotes and endnotes", []string{
			"word/document.xml", wBody(`<w:p><w:r><w:t>Claim</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>`),
			"word/_rels/document.xml.rels", wRels("rN", "footnotes", "footnotes.xml", "rE", "endnotes", "endnotes.xml"),
			"word/footnotes.xml", notes("footnotes", "footnote"),
			"word/endnotes.xml", notes("endnotes", "endnote")},
			[]srcLine{{Body, "Claim"}, {Footnote, "Referenced footnote text"}, {Footnote, "Referenced endnote text"}}},
		{"strict namespace", []string{
			"_rels/.rels", strings.ReplaceAll(wRels("rId1", "officeDocument", "word/document.xml"), relPkg, "http://purl.oclc.org/ooxml/officeDocument/relationships/"),
			"word/document.xml", wxml("document", "<w:body>"+wPara("Strict body text")+`<w:sectPr><w:headerReference w:type="default" r:id="rH1"/></w:sectPr></w:body>`, nsWStrict, nsRStrict),
			"word/_rels/document.xml.rels", strings.ReplaceAll(wRels("rH1", "header", "header1.xml"), relPkg, "http://purl.oclc.org/ooxml/officeDocument/relationships/"),
			"word/header1.xml", wxml("hdr", wPara("Strict header"), nsWStrict, nsRStrict)},
			[]srcLine{{Header, "Strict header"}, {Body, "Strict body text"}}},
		{"main part named by _rels/.rels, no document rels", []string{
			"_rels/.rels", wRels("rId1", "officeDocument", "/word/document2.xml"),
			"word/document2.xml", wBody(wPara("Second main part"))},
			[]srcLine{{Body, "Second main part"}}},
		{"UTF-16 part", []string{"word/document.xml", utf16doc(wBody(wPara("Zoë Ünal, Köln")))},
			[]srcLine{{Body, "Zoë Ünal, Köln"}}},
		{"comments and glossary are not read", []string{
			"word/document.xml", wBody(wPara("Visible")),
			"word/comments.xml", wxml("comments", wPara("reviewer note"), nsW, nsR),
			"word/glossary/document.xml", wBody(wPara("placeholder text"))},
			[]srcLine{{Body, "Visible"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readDOCX(context.Background(), docxOf(t, tt.files...), Options{})
			if err != nil {
				t.Fatalf("readDOCX error %v", err)
			}
			var got []srcLine
			for _, l := range doc.Lines {
				got = append(got, srcLine{l.Source, l.Text})
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("readDOCX(%s) lines mismatch (-want +got):\n%s", tt.name, d)
			}
		})
	}
}

func TestReadDOCXHeadingStyle(t *testing.T) {
	// The styled paragraph is a heading; the same words unstyled are not.
	data := docxOf(t, "word/document.xml", wBody(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Selected Engineering Experience</w:t></w:r></w:p>`+wPara("Acme Widgets, platform engineer since 2019")+wPara("Selected Engineering Experience")))
	doc, err := Read(context.Background(), bytes.NewReader(data), "x.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{{ID: "experience", Heading: "Selected Engineering Experience", Start: 1, End: 3}}
	if d := cmp.Diff(want, doc.Sections); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
}

func TestReadDOCXErrors(t *testing.T) {
	many := []string{"word/document.xml", wBody(wPara("x"))}
	for i := range maxZipEntries + 1 {
		many = append(many, fmt.Sprintf("junk/%d", i), "")
	}
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 17 {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	for _, f := range []string{"[Content_Types].xml", "_rels/.rels"} {
		w, _ := zw.Create(f)
		w.Write([]byte(map[string]string{"[Content_Types].xml": contentTy, "_rels/.rels": wRels("rId1", "officeDocument", "word/document.xml")}[f]))
	}
	zw.Close()
	deep := strings.Repeat("<w:sdt><w:sdtContent>", maxXMLDepth) + wPara("deep") + strings.Repeat("</w:sdtContent></w:sdt>", maxXMLDepth)
	tests := []struct {
		name  string
		data  []byte
		want  error
		cause string
	}{
		{"too many entries", docxOf(t, many...), ErrTooLarge, "zip entries"},
		{"part over the cap", bomb.Bytes(), ErrTooLarge, "possible zip bomb"},
		{"altChunk only", docxOf(t, "word/document.xml", wBody(`<w:altChunk r:id="rA"/>`), "word/_rels/document.xml.rels", wRels("rA", "aFChunk", "chunk.mht"), "word/chunk.mht", "<html>Jo</html>"), ErrUnsupported, "altChunk"},
		{"nested too deep", docxOf(t, "word/document.xml", wBody(deep)), ErrMalformed, "nested"},
		{"too much text", docxOf(t, "word/document.xml", wBody(wPara(strings.Repeat("word ", maxDOCXTextRune/5+10)))), ErrTooLarge, "of text"},
		{"not XML", docxOf(t, "word/document.xml", "\x00\x01 not xml <<<"), ErrMalformed, "damaged DOCX part"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), bytes.NewReader(tt.data), "cv.docx", Options{MaxBytes: 64 << 20})
			if !errors.Is(err, tt.want) || err == nil || !strings.Contains(err.Error(), tt.cause) {
				text := ""
				if doc != nil {
					text = doc.Text()
				}
				t.Errorf("Read(%s) = %v (text %q), want %v with %q", tt.name, err, text, tt.want, tt.cause)
			}
		})
	}
}

func TestDOCXFixturePandoc(t *testing.T) {
	doc, err := File(context.Background(), "../testdata/fixtures/docx/extract-resume.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../testdata/fixtures/docx/extract-resume.md")
	if err != nil {
		t.Fatal(err)
	}
	// Every word of the Markdown source (markup aside) is in the DOCX text.
	text := strings.ToLower(doc.Text())
	for _, w := range strings.FieldsFunc(strings.ToLower(string(src)), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if !strings.Contains(text, w) {
			t.Errorf("DOCX text lacks %q", w)
		}
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	if d := cmp.Diff([]string{"summary", "experience", "education", "skills"}, ids); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
	last := doc.Lines[len(doc.Lines)-1]
	if last.Source != Footnote || !strings.Contains(last.Text, "Databricks Certified") {
		t.Errorf("last line = %+v, want the footnote", last)
	}
	if !strings.Contains(doc.Text(), "Languages | Python, Scala, SQL") {
		t.Errorf("table row not on one line:\n%s", doc.Text())
	}
}

func TestReadDOCXDiagnostics(t *testing.T) {
	textbox := `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + wPara("Sidebar text") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>`
	hidden := `<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Kubernetes Docker</w:t></w:r></w:p>`
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"plain", wPara("Just body text"), nil},
		{"hidden", wPara("Body") + hidden, []string{"invisible-text"}},
		{"text box", wPara("Body") + textbox, []string{"text-boxes"}},
	}
	for _, tt := range tests {
		doc, err := readDOCX(context.Background(), docxOf(t, "word/document.xml", wBody(tt.body)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range doc.Diagnostics {
			got = append(got, d.Code)
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("readDOCX(%s) diagnostics mismatch (-want +got):\n%s", tt.name, d)
		}
	}
}

func TestReadDOCXLocalisedHeadingStyle(t *testing.T) {
	styles := wxml("styles", `<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Meine"><w:name w:val="Meine"/><w:basedOn w:val="berschrift1"/></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Standard"><w:name w:val="Normal"/></w:style>`, nsW, nsR)
	styled := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	data := docxOf(t, "word/styles.xml", styles, "word/document.xml", wBody(
		styled("berschrift1", "Selected Engineering Experience")+wPara("Acme Widgets, platform engineer since 2019")+
			styled("Meine", "Open Source Work Projects")+wPara("pgdrill, a failover drill runner")+
			styled("Standard", "Selected Education Highlights")+wPara("BSc Computing")))
	doc, err := Read(context.Background(), bytes.NewReader(data), "x.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	if d := cmp.Diff([]string{"experience", "projects"}, ids); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
}

func TestReadDOCXPages(t *testing.T) {
	body := wPara("Page one text") +
		`<w:p><w:r><w:t>Still one</w:t></w:r><w:r><w:br w:type="page"/><w:t>Page two</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Two continues</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>Page three</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Page four</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + wPara("Left a") + wPara("Left b") + `</w:tc><w:tc>` + wPara("Right") + `</w:tc></w:tr></w:tbl>` +
		`<w:sectPr><w:footerReference w:type="default" r:id="rF"/></w:sectPr>`
	data := docxOf(t, "word/document.xml", wBody(body),
		"word/_rels/document.xml.rels", wRels("rF", "footer", "footer1.xml"),
		"word/footer1.xml", wxml("ftr", wPara("Footer text"), nsW, nsR))
	doc, err := readDOCX(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, l := range doc.Lines {
		got[l.Text] = l.Page
	}
	want := map[string]int{"Page one text": 1, "Still one": 1, "Page two": 2, "Two continues": 2, "Page three": 3,
		"Page four": 4, "Left a": 4, "Left b": 4, "Right": 4, "Footer text": 4}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("pages mismatch (-want +got):\n%s", d)
	}
	if doc.Pages != 4 {
		t.Errorf("Pages = %d, want 4", doc.Pages)
	}
	var codes []string
	for _, d := range doc.Diagnostics {
		codes = append(codes, d.Code)
	}
	if d := cmp.Diff([]string{"layout-table"}, codes); d != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", d)
	}
}
