package extract

import (
	"context"
	"html"
	"regexp"
	"strings"
)

// readText reads UTF-8 plain text: one Line per source line, a form feed
// starting a new page.
func readText(ctx context.Context, data []byte, opts Options) (*Document, error) {
	doc := &Document{}
	page := 1
	for i, raw := range splitLines(string(data)) {
		parts := strings.Split(raw, "\f")
		for j, p := range parts {
			if j > 0 {
				page++
			}
			doc.Lines = append(doc.Lines, Line{Page: page, Text: p, SourceLine: i + 1})
		}
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return doc, nil
}

// splitLines splits on \n, \r\n and lone \r, without the separators.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	return strings.Split(s, "\n")
}

var (
	htmlDrop    = regexp.MustCompile(`(?is)<(script|style|head|noscript|template|svg)\b.*?</(script|style|head|noscript|template|svg)\s*>|<!--.*?-->`)
	htmlHeading = regexp.MustCompile(`(?i)<h[1-6]\b[^>]*>`)
	htmlBlock   = regexp.MustCompile(`(?i)</?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|main|nav|aside|blockquote|pre|hr|dt|dd|dl|form|address|figure|figcaption|title)\b[^>]*>`)
	htmlCell    = regexp.MustCompile(`(?i)</t[dh]\s*>`)
	htmlAnyTag  = regexp.MustCompile(`<[^<>]*>`)
)

// isHTML reports whether text is an HTML page (a job ad saved from the web).
func isHTML(text []byte, ext string) bool {
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		return true
	}
	head := strings.ToLower(strings.TrimSpace(string(text[:min(len(text), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// readHTML keeps the visible text of an HTML page: scripts, styles and the
// head out, block elements as line breaks, table cells separated by " | ",
// entities decoded; h1-h6 are section hints.
func readHTML(ctx context.Context, data []byte, opts Options) (*Document, error) {
	s := htmlDrop.ReplaceAllString(string(data), " ")
	s = htmlHeading.ReplaceAllString(s, "\n\x01")
	s = htmlCell.ReplaceAllString(s, " | ")
	s = htmlBlock.ReplaceAllString(s, "\n")
	s = htmlAnyTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	doc := &Document{}
	for _, l := range splitLines(s) {
		l = strings.Trim(strings.TrimSpace(l), "| ")
		heading := strings.HasPrefix(l, "\x01")
		l = strings.TrimSpace(strings.ReplaceAll(l, "\x01", ""))
		if l == "" {
			continue
		}
		if heading {
			doc.Sections = append(doc.Sections, Section{Heading: l, Start: len(doc.Lines) + 1})
		}
		doc.Lines = append(doc.Lines, Line{Page: 1, Text: l})
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return doc, nil
}
