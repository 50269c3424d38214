package extract

import (
	"context"
	"strings"
	"unicode"
)

// isLaTeX reports whether text is LaTeX source: a .tex name, or a
// \documentclass near the top.
func isLaTeX(text []byte, ext string) bool {
	if ext == ".tex" || ext == ".latex" {
		return true
	}
	head := string(text[:min(len(text), 2048)])
	return strings.Contains(head, `\documentclass`)
}

// latexDrop are commands whose argument is not text a reader sees.
var latexDrop = map[string]bool{
	"documentclass": true, "usepackage": true, "begin": true, "end": true, "label": true, "ref": true,
	"vspace": true, "hspace": true, "setlength": true, "newcommand": true, "renewcommand": true,
	"pagestyle": true, "thispagestyle": true, "input": true, "include": true, "includegraphics": true,
	"color": true, "definecolor": true, "addtolength": true, "titleformat": true, "titlespacing": true,
	"geometry": true, "hypersetup": true, "fontsize": true, "setmainfont": true, "raggedright": true,
	"pdfgentounicode": true, "urlstyle": true, "cite": true,
}

// latexHeading are the sectioning commands whose argument is a heading.
var latexHeading = map[string]bool{"section": true, "subsection": true, "chapter": true, "cvsection": true}

// readLaTeX keeps the text of LaTeX source that a reader of the PDF would
// see: the body between \begin{document} and \end{document}, comments out,
// command names out and their arguments kept (except layout commands),
// \section{X} as a heading, \item and \\ as line breaks, escapes and
// ligature dashes resolved. It is a reader for resume sources kept in git,
// not a TeX engine: custom macros show their arguments in order.
func readLaTeX(ctx context.Context, data []byte, opts Options) (*Document, error) {
	src := string(data)
	if i := strings.Index(src, `\begin{document}`); i >= 0 {
		src = src[i+len(`\begin{document}`):]
	}
	if i := strings.Index(src, `\end{document}`); i >= 0 {
		src = src[:i]
	}
	var b strings.Builder
	b.Grow(len(src))
	depthDrop := 0    // brace depth of a dropped argument; 0 when none
	depthHeading := 0 // brace depth of a heading argument; 0 when none
	dropNext := false // the next "{" opens another argument of a dropped command
	depth := 0
	for i := 0; i < len(src); i++ {
		if i&0xFFFF == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		c := src[i]
		switch {
		case c == '%':
			if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
				i += j - 1 // keep the newline
			} else {
				i = len(src)
			}
		case c == '\\' && i+1 < len(src):
			j := i + 1
			for j < len(src) && (src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z') {
				j++
			}
			name := src[i+1 : j]
			if name == "" { // a control symbol: \\ \& \% \$ \# \_ \{ \} \,
				switch s := src[j]; s {
				case '\\':
					b.WriteByte('\n')
				case '&', '%', '$', '#', '_', '{', '}':
					if depthDrop == 0 {
						b.WriteByte(s)
					}
				default:
					b.WriteByte(' ')
				}
				i = j
				continue
			}
			if j < len(src) && src[j] == '*' {
				j++
			}
			// Optional arguments are layout, never text.
			for j < len(src) && src[j] == '[' {
				if k := strings.IndexByte(src[j:min(len(src), j+256)], ']'); k >= 0 {
					j += k + 1
				} else {
					break
				}
			}
			switch {
			case name == "item":
				b.WriteByte('\n')
			case latexHeading[name]:
				b.WriteString("\n\x01")
				depthHeading = depth + 1
			case name == "href" && j < len(src) && src[j] == '{':
				// \href{url}{text}: drop the URL argument.
				if k := strings.IndexByte(src[j:min(len(src), j+2048)], '}'); k >= 0 {
					j += k + 1
				}
			case latexDrop[name] && j < len(src) && src[j] == '{' && depthDrop == 0:
				depth++
				depthDrop = depth
				j++
			default:
				b.WriteByte(' ')
			}
			i = j - 1
		case c == '{':
			depth++
			if dropNext {
				depthDrop, dropNext = depth, false
			}
		case c == '}':
			if depthDrop > 0 && depthDrop == depth {
				depthDrop = 0
				// \setlength{\x}{0in}: every argument of a dropped command goes.
				dropNext = i+1 < len(src) && src[i+1] == '{'
			}
			if depthHeading > 0 && depthHeading == depth {
				depthHeading = 0
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			if depth > 0 {
				depth--
			}
		case depthDrop > 0:
			// inside a dropped argument
		case c == '~':
			b.WriteByte(' ')
		case c == '&' || c == '$':
			b.WriteByte(' ') // table column separator, math shift
		default:
			b.WriteByte(c)
		}
	}
	text := strings.NewReplacer("---", "—", "--", "–", "``", "“", "''", "”").Replace(b.String())
	doc := &Document{}
	for _, l := range splitLines(text) {
		heading := strings.Contains(l, "\x01")
		l = strings.TrimFunc(strings.ReplaceAll(l, "\x01", ""), unicode.IsSpace)
		if l == "" {
			continue
		}
		if heading {
			doc.Sections = append(doc.Sections, Section{Heading: l, Start: len(doc.Lines) + 1})
		}
		doc.Lines = append(doc.Lines, Line{Page: 1, Text: l})
	}
	return doc, nil
}
