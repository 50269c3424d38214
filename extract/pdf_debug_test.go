package extract

import (
	"context"
	"os"
	"testing"
)

// TestDumpPDF prints the text of the PDF named by PDFDUMP (a debugging aid).
func TestDumpPDF(t *testing.T) {
	p := os.Getenv("PDFDUMP")
	if p == "" {
		t.Skip("PDFDUMP not set")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := readPDF(context.Background(), data, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", doc.Diagnostics)
	os.Stdout.WriteString(doc.Text())
}
