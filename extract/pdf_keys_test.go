package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// The regular expressions the key readers replaced; the tests hold the
// readers to them.
const pdfWS = `(?:[\x00\t\n\f\r ]|%[^\r\n]*)*`

var keyExprs = []struct {
	key  string
	read valueReader
	re   *regexp.Regexp
}{
	{"/Columns", signedValue, regexp.MustCompile(`/Columns` + pdfWS + `(-?\d+)`)},
	{"/Size", signedValue, regexp.MustCompile(`/Size` + pdfWS + `(-?\d+)`)},
	{"/Index", numberArrayValue, regexp.MustCompile(`/Index` + pdfWS + `\[([\d\s]*)\]`)},
	{"/W", arrayValue, regexp.MustCompile(`/W` + pdfWS + `\[([^\]]*)\]`)},
	{"/N", intValue, regexp.MustCompile(`/N` + pdfWS + `(\d+)`)},
	{"/First", intValue, regexp.MustCompile(`/First` + pdfWS + `(\d+)`)},
	{"/Root", refValue, regexp.MustCompile(`/Root` + pdfWS + `(\d+` + pdfWS + `\d+` + pdfWS + `R)`)},
	{"/Info", refValue, regexp.MustCompile(`/Info` + pdfWS + `(\d+` + pdfWS + `\d+` + pdfWS + `R)`)},
	{"/Filter", filterValue, regexp.MustCompile(`/Filter` + pdfWS + `(/[A-Za-z0-9]+|\[[^\]]*\])`)},
}

var (
	reEOLSpanOld = regexp.MustCompile(`^[\x00\t\f\r\n ]*`)
	reObjHeadOld = regexp.MustCompile(`^\d+\s+\d+\s+obj`)
	reEncDOld    = regexp.MustCompile(`/Encrypt\s*(\d+)\s+\d+\s+R`)
	reFontRefOld = regexp.MustCompile(`/([^\s/<>\[\]()]+) (\d+ \d+ R)`)
)

// keyInputs are crafted dictionaries, then the corpus PDFs when present.
func keyInputs(t *testing.T) [][]byte {
	in := []string{
		"", "/Size", "/Size ", "/Size 12", "/Size -3 /Size 4", "/Size -", "/Size -x /Size 7", "/Size%c\n 9", "/Size 5%x",
		"/Columns 4 /Columns 99999999999999999999", "/SizeX 3 /Size12",
		"/Index [0 5 7 2]", "/Index[ 1 2 ]", "/Index [1 x] /Index [3 4]", "/Index [", "/Index %c\r[1\t2]",
		"/W [1 2 1]", "/W[1 4 2] /W [0]", "/W [", "/W 1 2 /W[3]",
		"/N 5 /First 30", "/Names 4 /N7", "/N /N 3",
		"/Root 1 0 R", "/Root 12 0 R /Info 3 0 R", "/Root 1 0", "/Root 1 0 R2", "/Root%c\n1%d\n0\rR", "/Root 1 /Root 2 0 R", "/Info 4 0 obj",
		"/Filter /FlateDecode", "/Filter [/ASCII85Decode /FlateDecode]", "/Filter/Fl4te", "/Filter /", "/Filter [", "/Filter /#41",
		"\x00\r\n 12 0 obj", "12 0 obj", "12  0\tobj", "12 0 ob", "x 0 obj", "12 obj", " 12 0 obj",
		"Size /Size 3", "SizeSize/Size 4", "/", "N", "/N", "x/N", "//NN /N 1", "/R/R",
		"/Encrypt 5 0 R", "/Encrypt5 0 R", "/Encrypt 5 0R", "/Encrypt /Encrypt 9\n0\tR", "/Encrypt 5 0 R.",
	}
	var out [][]byte
	for _, s := range in {
		out = append(out, []byte(s))
	}
	if shared := sharedtest.Path(); shared != "" {
		for _, dir := range []string{"corpus/resumes", "corpus/synthetic/files", "corpus/robustness"} {
			m, _ := filepath.Glob(filepath.Join(shared, dir, "*.pdf"))
			for _, f := range m {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, b)
			}
		}
	}
	return out
}

// TestKeyReadersMatchRegexps holds each key reader to the regular
// expression it replaced, on crafted inputs and on every corpus PDF.
func TestKeyReadersMatchRegexps(t *testing.T) {
	show := func(b [][]byte) string { return fmt.Sprintf("%q", b) }
	inputs := keyInputs(t)
	t.Logf("%d inputs", len(inputs))
	for i, b := range inputs {
		name := fmt.Sprintf("input %d (%.30q)", i, b)
		for _, k := range keyExprs {
			var want [][]byte
			for _, m := range k.re.FindAllSubmatch(b, -1) {
				want = append(want, m[1])
			}
			if got := findKeys(b, k.key, k.read); show(got) != show(want) {
				t.Errorf("%s: findKeys(%s) = %.200s, want %.200s", name, k.key, show(got), show(want))
			}
		}
		for _, key := range []string{"/Encrypt", "/Size", "/N", "/Index", "/R"} {
			if got, want := indexKey(b, key), bytes.Index(b, []byte(key)); got != want {
				t.Errorf("%s: indexKey(%s) = %d, want %d", name, key, got, want)
			}
		}
		if got, want := eolSpan(b), len(reEOLSpanOld.Find(b)); got != want {
			t.Errorf("%s: eolSpan = %d, want %d", name, got, want)
		}
		for _, skip := range []int{0, eolSpan(b)} {
			head := b[skip:min(len(b), skip+32)]
			if got, want := isObjHead(head), reObjHeadOld.Match(head); got != want {
				t.Errorf("%s: isObjHead(%q) = %v, want %v", name, head, got, want)
			}
		}
		var want []byte
		if m := reEncDOld.FindSubmatch(b); m != nil {
			want = m[1]
		}
		if got := encryptRef(b); !bytes.Equal(got, want) {
			t.Errorf("%s: encryptRef = %q, want %q", name, got, want)
		}
	}
}

// TestFontRefs holds fontRefs to the regular expression it replaced, on
// dictionaries as the PDF library prints them.
func TestFontRefs(t *testing.T) {
	tests := []string{
		"<</F1 5 0 R /F2 7 0 R>>",
		"<</F1 <</Type /Font /BaseFont /Helvetica>> /F2 12 0 R>>",
		"<</F1 5 0 R/F2 6 0 R /F3 70 R /F4 1 2 R>>",
		"<</F(1) 5 0 R /F+2 3 0 R /F3  4 0 R /F4 5  0 R /F5 6 0  R /F6 7 0 Rx>>",
		"/ 5 0 R", "/A 5 0 R", "/A 5 0", "", "/", "////A 1 2 R",
	}
	for _, s := range tests {
		var got, want []string
		fontRefs(s, func(name, ref string) { got = append(got, name+"="+ref) })
		for _, m := range reFontRefOld.FindAllStringSubmatch(s, -1) {
			want = append(want, m[1]+"="+m[2])
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("fontRefs(%q) = %q, want %q", s, got, want)
		}
	}
}
