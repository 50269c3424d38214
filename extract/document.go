// Package extract turns a resume or job-description file into the plain text an
// applicant tracking system would see: lines in reading order, grouped by page and
// section, with diagnostics a candidate needs. It knows nothing of keywords.
//
// The format is sniffed from the content (magic bytes); the file name is only a
// hint. Every call into the PDF and DOCX libraries is guarded: hostile input ends
// as an error wrapping one of the sentinels in errors.go, never as a panic.
package extract

import "strings"

// Format is the kind of file a Document was read from.
type Format int

// The formats extract understands.
const (
	Unknown Format = iota
	PDF
	DOCX
	Markdown
	Text
	JSONResume
)

// String returns the lowercase name used in reports and JSON ("pdf", "docx", ...).
func (f Format) String() string {
	switch f {
	case PDF:
		return "pdf"
	case DOCX:
		return "docx"
	case Markdown:
		return "markdown"
	case Text:
		return "text"
	case JSONResume:
		return "jsonresume"
	}
	return "unknown"
}

// Source says which part of a file a line came from. Many ATS skip headers,
// footers and text boxes, so contact details found only there are flagged.
type Source int

// The parts of a document a line can come from.
const (
	Body Source = iota
	Header
	Footer
	TextBox
	Footnote
)

// String returns the lowercase name of the source ("body", "header", ...).
func (s Source) String() string {
	switch s {
	case Header:
		return "header"
	case Footer:
		return "footer"
	case TextBox:
		return "textbox"
	case Footnote:
		return "footnote"
	}
	return "body"
}

// Line is one line of extracted text.
type Line struct {
	N       int    // 1-based line number over the whole document, as `extract` prints it
	Page    int    // 1-based page number (1 for formats without pages)
	Section string // detected section id ("experience", "education", "skills", ...) or ""
	Source  Source // body, header, footer, text box or footnote
	Text    string // the line's text, NFKC-normalised, without a trailing newline
	// SourceLine is the 1-based line in the source file for Markdown, text and
	// JSON Resume input (so annotations can point into the file); 0 when
	// unknown (PDF, DOCX).
	SourceLine int
}

// Section is a span of lines under one detected heading.
type Section struct {
	ID      string // canonical id: contact, summary, experience, education, skills, projects, certifications, ...
	Heading string // the heading text as written
	Start   int    // line number (Line.N) of the heading
	End     int    // line number of the last line in the section
}

// Diagnostic is a finding about the file that is not an error: columns detected,
// icons dropped, off-page text removed, a page lost to a parse error, garbled text.
type Diagnostic struct {
	Code    string // stable kebab-case id, e.g. "columns", "icons-dropped", "offpage-text", "page-lost", "garbled", "contact-in-header"
	Message string // one lowercase sentence for people
	Page    int    // 0 when it concerns the whole file
}

// Document is the text of one file as an ATS would read it.
type Document struct {
	Path        string // the path as the user gave it ("-" for stdin)
	Format      Format
	Pages       int
	Lines       []Line
	Sections    []Section
	Diagnostics []Diagnostic
}

// Text returns the document's text: lines joined by newlines, pages separated by
// a form feed.
func (d *Document) Text() string {
	var b strings.Builder
	page := 0
	for i, l := range d.Lines {
		if i > 0 {
			if l.Page != page {
				b.WriteString("\n\f")
			} else {
				b.WriteByte('\n')
			}
		}
		page = l.Page
		b.WriteString(l.Text)
	}
	if len(d.Lines) > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}
