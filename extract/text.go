package extract

import (
	"context"
	"html"
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

// htmlSkip are elements whose content is never visible text.
var htmlSkip = map[string]bool{"script": true, "style": true, "head": true, "noscript": true, "template": true, "svg": true}

// htmlBreak are elements that start a new line.
var htmlBreak = map[string]bool{"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "tr": true,
	"table": true, "section": true, "article": true, "header": true, "footer": true, "main": true, "nav": true,
	"aside": true, "blockquote": true, "pre": true, "hr": true, "dt": true, "dd": true, "dl": true, "form": true,
	"address": true, "figure": true, "figcaption": true, "title": true, "body": true, "html": true}

// htmlText returns the visible text of an HTML page in one linear pass:
// skipped elements and comments out, block elements as newlines, a "\x01"
// before heading text, " | " after table cells, other tags dropped.
func htmlText(s string) string {
	lower := strings.ToLower(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+lt])
		i += lt
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		gt := strings.IndexByte(s[i:], '>')
		if gt < 0 {
			b.WriteString(s[i:]) // a lone "<" is text
			break
		}
		tag := lower[i+1 : i+gt]
		closing := strings.HasPrefix(tag, "/")
		tag = strings.TrimPrefix(tag, "/")
		name := tag
		if k := strings.IndexAny(tag, " \t\r\n/"); k >= 0 {
			name = tag[:k]
		}
		i += gt + 1
		switch {
		case name == "" || !(name[0] >= 'a' && name[0] <= 'z') && name[0] != '!':
			b.WriteString(s[i-gt-1 : i]) // "a < b > c": not a tag
		case htmlSkip[name] && !closing:
			end := strings.Index(lower[i:], "</"+name)
			if end < 0 {
				i = len(s)
				break
			}
			i += end
			if gt := strings.IndexByte(s[i:], '>'); gt >= 0 {
				i += gt + 1
			} else {
				i = len(s)
			}
		case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
			if closing {
				b.WriteByte('\n')
			} else {
				b.WriteString("\n\x01")
			}
		case (name == "td" || name == "th") && closing:
			b.WriteString(" | ")
		case htmlBreak[name]:
			b.WriteByte('\n')
		}
	}
	return html.UnescapeString(b.String())
}

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
	s := htmlText(string(data))
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
