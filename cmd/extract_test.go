package cmd

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/extract"
	"github.com/resumescore/resumescore/scorer"
)

func twoPageDoc() *extract.Document {
	return &extract.Document{
		Path: "cv.pdf", Format: extract.PDF, Pages: 2,
		Lines: []extract.Line{
			{N: 1, Page: 1, Text: "Kim Lee", Source: extract.Header},
			{N: 2, Page: 1, Section: "experience", Text: "Experience"},
			{N: 3, Page: 2, Section: "experience", Text: "Built ```odd``` | things"},
		},
		Sections:    []extract.Section{{ID: "experience", Heading: "Experience", Start: 2, End: 3}},
		Diagnostics: []extract.Diagnostic{{Code: "columns", Message: "two columns detected", Page: 1}},
	}
}

func TestNewExtractJSON(t *testing.T) {
	got := newExtractJSON(twoPageDoc())
	want := extractJSON{
		SchemaVersion: scorer.SchemaVersion, File: "cv.pdf", Format: "pdf", Pages: 2,
		Lines: []extractLineJSON{
			{N: 1, Page: 1, Source: "header", Text: "Kim Lee"},
			{N: 2, Page: 1, Section: "experience", Source: "body", Text: "Experience"},
			{N: 3, Page: 2, Section: "experience", Source: "body", Text: "Built ```odd``` | things"},
		},
		Sections:    []extractSectionRow{{ID: "experience", Heading: "Experience", Start: 2, End: 3}},
		Diagnostics: []scorer.Diagnostic{{Code: "columns", Message: "two columns detected", Page: 1}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("newExtractJSON (-want +got):\n%s", diff)
	}
	empty := newExtractJSON(&extract.Document{Path: "x"})
	if empty.Lines == nil || empty.Sections == nil || empty.Diagnostics == nil {
		t.Errorf("empty document gives nil lists: %+v", empty)
	}
}

func TestRenderExtractMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := renderExtractMarkdown(&b, twoPageDoc()); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"## Extracted text: cv.pdf", "| experience | Experience | 2-3 |", "- `columns`: two columns detected", "### Page 1", "### Page 2", "```text\nKim Lee\nExperience\n```"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	// A fence inside the text must not close the block early.
	if n := strings.Count(md, "```"); n != 4 {
		t.Errorf("markdown has %d fences, want 4 (two pages):\n%s", n, md)
	}
}
