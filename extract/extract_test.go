package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// oleFile returns a minimal OLE2 (compound file) header followed by a
// directory sector naming the given streams in UTF-16LE, which is all sniff
// looks at.
func oleFile(streams ...string) []byte {
	b := append([]byte{}, magicOLE...)
	b = append(b, make([]byte, 512-len(b))...)
	for _, s := range streams {
		entry := make([]byte, 128)
		for i, c := range s {
			entry[2*i] = byte(c)
		}
		b = append(b, entry...)
	}
	return b
}

// zipFile builds a zip archive from name/content pairs.
func zipFile(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	random[0] = 0x00 // binary for sure
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name  string
		path  string
		opts  Options
		want  error
		cause string
	}{
		{"missing", filepath.Join(dir, "nope.pdf"), Options{}, ErrUnreadable, "no such file"},
		{"directory", dir, Options{}, ErrUnreadable, "directory"},
		{"zero bytes", write("empty.pdf", nil), Options{}, ErrEmpty, "0 bytes"},
		{"blank text", write("blank.txt", []byte("  \n\n\t \n")), Options{}, ErrEmpty, "no text"},
		{"too little text", write("short.md", []byte("# Jo\n\nhi\n")), Options{}, ErrEmpty, "no text"},
		{"legacy doc", write("cv.doc", oleFile("Root Entry", "WordDocument", "1Table")), Options{}, ErrUnsupported, "legacy .doc (Word 97-2003)"},
		{"encrypted docx", write("cv.docx", oleFile("Root Entry", "EncryptionInfo", "EncryptedPackage")), Options{}, ErrEncrypted, "password-protected DOCX"},
		{"other OLE", write("cv.bin", oleFile("Root Entry", "Foo")), Options{}, ErrUnsupported, "OLE2"},
		{"png", write("cv.png", append([]byte("\x89PNG\r\n\x1a\n"), random[:64]...)), Options{}, ErrUnsupported, "image file (PNG)"},
		{"jpeg named pdf", write("scan.pdf", append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, random[:64]...)), Options{}, ErrUnsupported, "image file (JPEG)"},
		{"zip not docx", write("notes.docx", zipFile(t, "notes.txt", "hello", "img/a.png", "x")), Options{}, ErrUnsupported, "a zip file that is not a DOCX"},
		{"odt", write("cv.odt", zipFile(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")), Options{}, ErrUnsupported, "OpenDocument"},
		{"truncated zip", write("cut.docx", zipFile(t, "word/document.xml", strings.Repeat("<w:p/>", 200))[:100]), Options{}, ErrMalformed, "truncated"},
		{"random bytes named pdf", write("random.pdf", random), Options{}, ErrMalformed, "named .pdf but not a PDF"},
		{"random bytes", write("random.bin", random), Options{}, ErrUnsupported, "binary data"},
		{"rtf", write("cv.rtf", []byte(`{\rtf1\ansi Jane Doe, engineer with many words of text}`)), Options{}, ErrUnsupported, "RTF"},
		{"over MaxBytes", write("big.txt", bytes.Repeat([]byte("word "), 1000)), Options{MaxBytes: 1000}, ErrTooLarge, "over the"},
		{"docx no main part", write("nomain.docx", zipFile(t, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>")), Options{}, ErrMalformed, "no main document part"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := File(context.Background(), tt.path, tt.opts)
			if err == nil {
				t.Fatalf("File(%s) = %q, want error %v", tt.name, doc.Text(), tt.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != tt.path {
				t.Fatalf("File(%s) error %v is not a *FileError for %s", tt.name, err, tt.path)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("File(%s) = %v, want errors.Is %v", tt.name, err, tt.want)
			}
			n := 0
			for _, s := range sentinels {
				if errors.Is(err, s) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("File(%s) = %v wraps %d sentinels, want exactly 1", tt.name, err, n)
			}
			if !strings.Contains(err.Error(), tt.cause) {
				t.Errorf("File(%s) = %q, want the cause %q in it", tt.name, err, tt.cause)
			}
			if !strings.HasPrefix(err.Error(), tt.path+": ") || strings.Count(err.Error(), tt.path) != 1 {
				t.Errorf("File(%s) = %q, want the path named once, first", tt.name, err)
			}
		})
	}
}

func TestFileNotExistIsFSError(t *testing.T) {
	_, err := File(context.Background(), filepath.Join(t.TempDir(), "x.pdf"), Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("File(missing) = %v, want errors.Is fs.ErrNotExist", err)
	}
}

func TestReadStdin(t *testing.T) {
	in := "Jane Doe\njane@example.com\n\nEXPERIENCE\nBuilt a REST API in Go with PostgreSQL.\n"
	doc, err := Read(context.Background(), strings.NewReader(in), "-", Options{})
	if err != nil {
		t.Fatalf("Read(-) error %v", err)
	}
	want := &Document{
		Path: "-", Format: Text, Pages: 1,
		Lines: []Line{
			{N: 1, Page: 1, Text: "Jane Doe", SourceLine: 1},
			{N: 2, Page: 1, Text: "jane@example.com", SourceLine: 2},
			{N: 3, Page: 1, Section: "experience", Text: "EXPERIENCE", SourceLine: 4},
			{N: 4, Page: 1, Section: "experience", Text: "Built a REST API in Go with PostgreSQL.", SourceLine: 5},
		},
		Sections: []Section{{ID: "experience", Heading: "EXPERIENCE", Start: 3, End: 4}},
	}
	if d := cmp.Diff(want, doc); d != "" {
		t.Errorf("Read(-) mismatch (-want +got):\n%s", d)
	}
	if _, err := Read(context.Background(), strings.NewReader(""), "-", Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("Read(empty stdin) = %v, want ErrEmpty", err)
	}
	_, err = Read(context.Background(), strings.NewReader(strings.Repeat("x", 2000)), "-", Options{MaxBytes: 100})
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "-: ") {
		t.Errorf("Read(large stdin) = %v, want ErrTooLarge naming -", err)
	}
}

func TestGuarded(t *testing.T) {
	block := func(ctx context.Context, data []byte, opts Options) (*Document, error) {
		select {} // a library call that never returns
	}
	crash := func(ctx context.Context, data []byte, opts Options) (*Document, error) {
		var m map[string]int
		m["x"]++ // nil map write: panics
		return nil, nil
	}
	plain := func(ctx context.Context, data []byte, opts Options) (*Document, error) {
		return nil, errors.New("xref table not found")
	}
	tests := []struct {
		name  string
		fn    reader
		want  error
		cause string
	}{
		{"hang", block, ErrMalformed, "timed out parsing the PDF"},
		{"panic", crash, ErrMalformed, "damaged PDF"},
		{"untyped error", plain, ErrMalformed, "xref table not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := guarded(context.Background(), tt.fn, PDF, nil, Options{Timeout: 50 * time.Millisecond})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.cause) {
				t.Errorf("guarded(%s) = %v, want %v with %q", tt.name, err, tt.want, tt.cause)
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("guarded(%s) took %v, want about the 50ms timeout", tt.name, el)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             Format
	}{
		{"pdf header late", "x.bin", strings.Repeat(" ", 500) + "%PDF-1.7\n", PDF},
		{"markdown by extension", "cv.md", "Jane\n\nSkills: Go\n", Markdown},
		{"markdown by look", "cv", "# Jane\n\n## Skills\n\n- **Go** and [site](http://x)\n", Markdown},
		{"text", "cv.txt", "# Jane\n## Skills\n**Go** [x](y)\n", Text},
		{"text no extension", "-", "Jane Doe\nSkills: Go\n", Text},
		{"json resume", "resume.json", `{"basics": {"name": "Jane"}}`, JSONResume},
		{"json resume work only", "r.txt", `  {"work": []}`, JSONResume},
		{"other json", "x.json", `{"name": "Jane"}`, Text},
		{"utf-16 le bom", "cv.txt", "\xff\xfeJ\x00a\x00n\x00e\x00", Text},
		{"docx misnamed as pdf", "cv.pdf", string(zipFile(t, "word/document.xml", "<w:document/>")), DOCX},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := sniff([]byte(tt.data), tt.file)
			if err != nil {
				t.Fatalf("sniff(%s) error %v", tt.name, err)
			}
			if s.format != tt.want {
				t.Errorf("sniff(%s) = %v, want %v", tt.name, s.format, tt.want)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name, in, want, how string
	}{
		{"utf-8", "Zoë", "Zoë", ""},
		{"utf-8 bom", "\xef\xbb\xbfZoë", "Zoë", ""},
		{"utf-16le bom", "\xff\xfeZ\x00o\x00\xeb\x00", "Zoë", "UTF-16"},
		{"utf-16be bom", "\xfe\xff\x00Z\x00o\x00\xeb", "Zoë", "UTF-16"},
		{"utf-16le no bom", "J\x00a\x00n\x00e\x00 \x00D\x00o\x00e\x00", "Jane Doe", "UTF-16"},
		{"windows-1252", "Zo\xeb \x93quoted\x94 caf\xe9 and more plain words here", "Zoë “quoted” café and more plain words here", "Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, how, ok := decodeText([]byte(tt.in))
			if !ok || string(got) != tt.want || how != tt.how {
				t.Errorf("decodeText(%q) = %q, %q, %v; want %q, %q, true", tt.in, got, how, ok, tt.want, tt.how)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	tests := []struct {
		in, want string
		icons    int
	}{
		{"  plain   text  ", "plain text", 0},
		{"ﬁnance ofﬁce", "finance office", 0},
		{"data\u00adbase", "database", 0},
		{"\uf0e0 jane@example.com \uf095 555", "jane@example.com 555", 2},
		{"tab\tseparated\u00a0nbsp", "tab separated nbsp", 0},
		{"zero\u200bwidth", "zerowidth", 0},
		{"Ｆｕｌｌ width", "Full width", 0},
	}
	for _, tt := range tests {
		got, icons := cleanLine(tt.in)
		if got != tt.want || icons != tt.icons {
			t.Errorf("cleanLine(%q) = %q, %d; want %q, %d", tt.in, got, icons, tt.want, tt.icons)
		}
	}
}

func TestTextFixture(t *testing.T) {
	doc, err := File(context.Background(), "../testdata/fixtures/txt/extract-plain.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID)
	}
	if d := cmp.Diff([]string{"summary", "experience", "education", "skills"}, ids); d != "" {
		t.Errorf("sections mismatch (-want +got):\n%s", d)
	}
	for i, l := range doc.Lines {
		if l.N != i+1 || l.Text == "" || l.Page != 1 || l.SourceLine < l.N {
			t.Errorf("line %d = %+v: want N=%d, text, page 1 and a source line", i, l, i+1)
		}
	}
	if got := doc.Lines[len(doc.Lines)-1]; got.Section != "skills" || !strings.Contains(got.Text, "Kubernetes") {
		t.Errorf("last line = %+v, want the skills line", got)
	}
	if doc.Text() == "" || strings.Contains(doc.Text(), "\n\n") {
		t.Errorf("Text() = %q, want lines without blank ones", doc.Text())
	}
}

func TestTextPages(t *testing.T) {
	doc, err := Read(context.Background(), strings.NewReader("page one has some words\fpage two has more words\n"), "x.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 2 || doc.Lines[1].Page != 2 || !strings.Contains(doc.Text(), "\f") {
		t.Errorf("form feed: pages %d, lines %+v; want 2 pages", doc.Pages, doc.Lines)
	}
}

func TestContactDiagnostic(t *testing.T) {
	tests := []struct {
		name  string
		lines []Line
		want  bool
	}{
		{"header only", []Line{{Source: Header, Text: "Jane · jane@example.com"}, {Text: "Built APIs in Go"}}, true},
		{"phone in text box", []Line{{Source: TextBox, Text: "+1 (555) 010-2030"}, {Text: "Built APIs"}}, true},
		{"body too", []Line{{Source: Header, Text: "jane@example.com"}, {Text: "Contact: jane@example.com"}}, false},
		{"body only", []Line{{Text: "jane@example.com"}}, false},
		{"no contact", []Line{{Source: Footer, Text: "Page 1 of 2"}}, false},
	}
	for _, tt := range tests {
		doc := &Document{Lines: tt.lines}
		contactDiagnostics(doc)
		if got := hasDiag(doc, "contact-in-header"); got != tt.want {
			t.Errorf("contactDiagnostics(%s) = %v, want %v (%v)", tt.name, got, tt.want, doc.Diagnostics)
		}
	}
}
