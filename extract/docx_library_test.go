package extract

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nguyenthenguyen/docx"

	"github.com/resumescore/resumescore/internal/sharedtest"
)

// The mandated library github.com/nguyenthenguyen/docx returns only the raw XML
// of word/document.xml, so readDOCX does not call it (docx.go says why). It
// still earns its place as an independent oracle: every word of the main body,
// as the library reads it, must be in our extraction. This catches a walk that
// silently drops body text (a new element, a namespace we do not know).
var (
	docxParaEnd = regexp.MustCompile(`</w:p>|<w:br[^>]*/>|<w:tab[^>]*/>`)
	docxTag     = regexp.MustCompile(`<[^>]+>`)
	// text the walk leaves out on purpose: deleted runs, field codes, hidden runs
	docxOmitted = regexp.MustCompile(`(?s)<w:delText[^>]*>.*?</w:delText>|<w:instrText[^>]*>.*?</w:instrText>`)
)

// libraryBodyText is the body text as the library reads it, paragraph-aware.
func libraryBodyText(t *testing.T, data []byte) string {
	t.Helper()
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("docx.ReadDocxFromMemory: %v", err)
	}
	defer r.Close()
	xml := r.Editable().GetContent()
	xml = docxOmitted.ReplaceAllString(xml, "")
	xml = docxParaEnd.ReplaceAllString(xml, "\n")
	text := docxTag.ReplaceAllString(xml, "")
	for _, e := range [][2]string{{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", `"`}, {"&apos;", "'"}} {
		text = strings.ReplaceAll(text, e[0], e[1])
	}
	return text
}

func TestDOCXAgainstLibrary(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.Root(t), "testdata", "fixtures", "*", "*.docx"))
	if shared := sharedtest.Path(); shared != "" {
		more, _ := filepath.Glob(filepath.Join(shared, "corpus", "resumes", "*.docx"))
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Fatal("no DOCX fixtures found")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := File(context.Background(), f, DefaultOptions())
			if err != nil {
				t.Fatalf("File: %v", err)
			}
			c := compareTexts(libraryBodyText(t, data), doc.Text())
			t.Logf("library body words %d, found in our text %.4f", c.Ref, c.Recall())
			if c.Ref == 0 {
				t.Fatal("the library read no body text")
			}
			if c.Recall() < 0.99 {
				t.Errorf("recall of the library's body words = %.4f, want >= 0.99", c.Recall())
			}
		})
	}
}
