package extract

import (
	"context"
	"html"
	"regexp"
	"strings"
	"sync"
)

// readMarkdown strips Markdown markup and keeps the text a reader of the
// rendered page sees: heading text (recorded as section hints), emphasis and
// link text without markup, code blocks with their content, table cells
// separated by " | ", no HTML tags, comments or front matter.
func readMarkdown(ctx context.Context, data []byte, opts Options) (*Document, error) {
	compileMarkdown()
	src := splitLines(string(data))
	doc := &Document{}
	add := func(text string, srcLine int, heading bool) {
		if heading {
			doc.Sections = append(doc.Sections, Section{Heading: text, Start: len(doc.Lines) + 1})
		}
		doc.Lines = append(doc.Lines, Line{Page: 1, Text: text, SourceLine: srcLine})
	}
	i := 0
	// Front matter: YAML (---) or TOML (+++) at the very top, when what the
	// fences hold reads as metadata (a "---" is also a thematic break that
	// some resumes open and close with).
	if len(src) > 0 {
		if fence := strings.TrimSpace(src[0]); fence == "---" || fence == "+++" {
			for j := 1; j < len(src) && j < 200; j++ {
				if t := strings.TrimSpace(src[j]); t == fence || (fence == "---" && t == "...") {
					if isFrontMatter(src[1:j], fence) {
						i = j + 1
					}
					break
				}
			}
		}
	}
	inFence, fenceMark := false, ""
	inComment := false
	// The inline rules are regexps, fast on prose but slow on pathological
	// lines; past a budget far above any resume, lines are kept as written.
	budget := maxInlineBytes
	inline := func(s string) string {
		if budget <= 0 {
			return s
		}
		budget -= len(s)
		return inline(s)
	}
	for ; i < len(src); i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		line := src[i]
		t := strings.TrimSpace(line)
		if inFence {
			if strings.HasPrefix(t, fenceMark) && strings.Trim(t, fenceMark[:1]) == "" {
				inFence = false
				continue
			}
			add(line, i+1, false)
			continue
		}
		if inComment {
			if k := strings.Index(line, "-->"); k >= 0 {
				inComment = false
				line = line[k+3:]
				t = strings.TrimSpace(line)
			} else {
				continue
			}
		}
		if k := strings.Index(line, "<!--"); k >= 0 && !strings.Contains(line[k:], "-->") {
			inComment = true
			line = line[:k]
			t = strings.TrimSpace(line)
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence, fenceMark = true, t[:3]
			continue
		}
		// Setext heading: this line followed by === or ---.
		if t != "" && i+1 < len(src) && !isTableRow(t) && !strings.HasPrefix(t, "#") && !isRule(t) {
			if u := strings.TrimSpace(src[i+1]); len(u) >= 2 && (strings.Trim(u, "=") == "" || (strings.Trim(u, "-") == "" && !isListItem(t))) {
				add(inline(t), i+1, true)
				i++
				continue
			}
		}
		if isRule(t) || linkDef.MatchString(t) {
			continue
		}
		if m := atxHeading.FindStringSubmatch(t); m != nil {
			h := strings.TrimSpace(strings.TrimRight(m[1], "#"))
			add(inline(h), i+1, true)
			continue
		}
		if isTableRow(t) {
			if tableSep.MatchString(t) {
				continue
			}
			cells := strings.Split(strings.Trim(t, "|"), "|")
			for k, c := range cells {
				cells[k] = inline(strings.TrimSpace(c))
			}
			add(strings.Join(cells, " | "), i+1, false)
			continue
		}
		// Block quotes and list markers.
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		t = listMarker.ReplaceAllString(t, "")
		t = strings.TrimPrefix(t, "[ ] ")
		t = strings.TrimPrefix(t, "[x] ")
		add(inline(t), i+1, false)
	}
	if budget <= 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Code: "markup-kept", Message: "markdown markup past the first 256 KiB was left in place"})
	}
	return doc, nil
}

// The Markdown expressions are compiled on first use, not at package init:
// a PDF or DOCX run never needs them (init time is start-up time).
var (
	compileMarkdown = sync.OnceFunc(func() {
		atxHeading = regexp.MustCompile(`^#{1,6}(?:\s+(.*))?$`)
		tableSep = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$`)
		listMarker = regexp.MustCompile(`^(?:[-*+•]|\d{1,3}[.)])\s+`)
		linkDef = regexp.MustCompile(`^\[[^\]]+\]:\s*\S+`)
		image = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
		link = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)`)
		refLink = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
		autoLink = regexp.MustCompile(`<((?:https?://|mailto:)[^>\s]+|[^@<>\s]+@[^@<>\s]+)>`)
		htmlTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
		htmlCmt = regexp.MustCompile(`<!--.*?-->`)
		strong = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*`)
		strongU = regexp.MustCompile(`(^|[^\pL\pN_])__(\S(?:.*?\S)?)__($|[^\pL\pN_])`)
		emStar = regexp.MustCompile(`\*(\S(?:[^*]*?\S)?)\*`)
		emUnder = regexp.MustCompile(`(^|[^\pL\pN_])_(\S(?:[^_]*?\S)?)_($|[^\pL\pN_])`)
		strike = regexp.MustCompile(`~~(.+?)~~`)
		code = regexp.MustCompile("`+([^`]*)`+")
		escaped = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>~])`)
	})

	atxHeading, tableSep, listMarker, linkDef, image, link, refLink, autoLink, htmlTag, htmlCmt, strong, strongU, emStar, emUnder, strike, code, escaped *regexp.Regexp
)

// maxInlineLine is the longest line whose inline markup is interpreted.
const maxInlineLine = 2048

// maxInlineBytes is how much text of one file the inline rules see.
const maxInlineBytes = 256 << 10

func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := strings.ReplaceAll(t, " ", "")
	return len(c) >= 3 && (strings.Trim(c, "-") == "" || strings.Trim(c, "*") == "" || strings.Trim(c, "_") == "")
}

func isListItem(t string) bool { compileMarkdown(); return listMarker.MatchString(t) }

func isTableRow(t string) bool { return strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2 }

// inline removes inline markup from one line of Markdown.
func inline(s string) string {
	compileMarkdown()
	if len(s) > maxInlineLine {
		// Not prose a person wrote: keep it as it is rather than run the
		// emphasis rules over megabytes of one line.
		return s
	}
	// Backslash escapes are set aside first so that no rule below sees them.
	var esc []string
	s = strings.ReplaceAll(s, "\x00", "")
	s = escaped.ReplaceAllStringFunc(s, func(m string) string {
		esc = append(esc, m[1:])
		return "\x00"
	})
	has := func(sub string) bool { return strings.Contains(s, sub) }
	if has("<!--") {
		s = htmlCmt.ReplaceAllString(s, "")
	}
	if has("![") {
		s = image.ReplaceAllString(s, "")
	}
	if has("](") {
		s = link.ReplaceAllStringFunc(s, func(m string) string {
			sm := link.FindStringSubmatch(m)
			text, url := sm[1], sm[2]
			// Keep e-mail and phone targets: they are contact details the
			// rendered link shows only as its text.
			for _, p := range []string{"mailto:", "tel:"} {
				if strings.HasPrefix(strings.ToLower(url), p) {
					addr := url[len(p):]
					if !strings.Contains(text, addr) {
						return text + " (" + addr + ")"
					}
				}
			}
			return text
		})
	}
	if has("][") {
		s = refLink.ReplaceAllString(s, "$1")
	}
	if has("<") {
		s = autoLink.ReplaceAllStringFunc(s, func(m string) string {
			return strings.TrimPrefix(m[1:len(m)-1], "mailto:")
		})
	}
	if has("`") {
		s = code.ReplaceAllString(s, "$1")
	}
	if has("<") {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	for range 3 { // nested emphasis
		before := s
		if has("**") {
			s = strong.ReplaceAllString(s, "$1")
		}
		if has("__") {
			s = strongU.ReplaceAllString(s, "$1$2$3")
		}
		if has("*") {
			s = emStar.ReplaceAllString(s, "$1")
		}
		if has("_") {
			s = emUnder.ReplaceAllString(s, "$1$2$3")
		}
		if has("~~") {
			s = strike.ReplaceAllString(s, "$1")
		}
		if s == before {
			break
		}
	}
	s = html.UnescapeString(s)
	for _, e := range esc {
		s = strings.Replace(s, "\x00", e, 1)
	}
	return strings.ReplaceAll(s, "\x00", "")
}

// isFrontMatter reports whether the lines between front-matter fences read
// as metadata: every line blank, a comment, indented (a continuation), a YAML
// list item, or a key (YAML "key:", TOML "key =" or "[table]"), and at least
// one key.
func isFrontMatter(lines []string, fence string) bool {
	keys := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case l[0] == ' ' || l[0] == '\t' || strings.HasPrefix(t, "- "):
		case fence == "+++" && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			keys++
		case frontMatterKey(t, fence):
			keys++
		default:
			return false
		}
	}
	return keys > 0
}

// frontMatterKey reports whether t starts with a metadata key and its
// separator: "name:" for YAML, "name =" for TOML.
func frontMatterKey(t, fence string) bool {
	sep := byte(':')
	if fence == "+++" {
		sep = '='
	}
	k := 0
	for k < len(t) && (t[k] == '_' || t[k] == '-' || t[k] == '.' || t[k] == '"' || t[k] == '\'' ||
		t[k] >= 'a' && t[k] <= 'z' || t[k] >= 'A' && t[k] <= 'Z' || t[k] >= '0' && t[k] <= '9') {
		k++
	}
	if k == 0 {
		return false
	}
	rest := strings.TrimLeft(t[k:], " \t")
	return rest != "" && rest[0] == sep
}
