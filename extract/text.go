package extract

import (
	"context"
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
