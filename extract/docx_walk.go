package extract

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

func latin1Reader(in io.Reader) io.Reader { return charmap.Windows1252.NewDecoder().Reader(in) }

// docxLine is one line of a part, before the common post-pass.
type docxLine struct {
	text    string
	src     Source
	heading bool // the paragraph has a Heading/Title style or an outline level
	page    int  // 1-based page from explicit and last-rendered page breaks
}

// docxPart is the result of walking one part.
type docxPart struct {
	lines               []docxLine
	refs                []string        // r:id of header and footer references, in order
	footnotes, endnotes map[string]bool // ids referenced from this part
	altChunk            bool
	hiddenRunes         int // non-space bytes of hidden (w:vanish) text left out
	layoutRows          int // table rows with several cells of several lines
}

// walk streams the XML of one part and collects its text. src is the Source of
// its lines (text boxes inside get TextBox). When noteIDs is not nil the part
// is a footnotes or endnotes part and only the notes with those ids are kept.
func (pk *docxPackage) walk(ctx context.Context, name string, src Source, noteIDs map[string]bool) (*docxPart, error) {
	b, err := pk.part(name)
	if err != nil {
		return nil, err
	}
	out := &docxPart{footnotes: map[string]bool{}, endnotes: map[string]bool{}}
	if b == nil {
		return out, nil
	}
	w := &docxWalker{part: out, srcs: []Source{src}, page: 1}
	d := newXMLDecoder(b)
	depth := 0
	skip := 0 // depth at which a skipped subtree started, 0 when none
	text := 0 // >0 inside w:t / m:t
	tabs := 0 // >0 inside w:tabs (tab stop definitions)
	var stack []string
	var hidden []bool // per open w:r: its rPr has w:vanish
	hiddenN := 0
	noteSkip := 0 // depth of a footnote being skipped
	for n := 0; ; n++ {
		if n&0x3FFF == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(out.lines) > 0 || w.cur.Len() > 0 {
				break // keep the text before the damage
			}
			return nil, malformed(fmt.Sprintf("damaged DOCX part %s (%v)", name, err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return nil, malformed(fmt.Sprintf("DOCX part %s is nested more than %d levels deep", name, maxXMLDepth))
			}
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, t.Name.Local)
			if skip > 0 || noteSkip > 0 {
				continue
			}
			switch t.Name.Local {
			case "delText", "instrText", "delInstrText", "Fallback", "del", "moveFrom", "commentReference", "commentRangeStart":
				if t.Name.Local != "del" || isWordNS(t.Name.Space) {
					skip = depth
				}
			case "footnote", "endnote":
				if noteIDs != nil {
					id, typ := attr(t, "id"), attr(t, "type")
					if typ == "separator" || typ == "continuationSeparator" || typ == "continuationNotice" || !noteIDs[id] {
						noteSkip = depth
					}
				}
			case "t":
				text++
			case "tabs":
				tabs++
			case "tab", "ptab":
				if tabs == 0 && parent != "tabs" && hiddenN == 0 {
					w.cur.WriteByte('\t')
				}
			case "br", "cr":
				if hiddenN == 0 {
					w.flush()
					if attr(t, "type") == "page" && len(w.srcs) == 1 {
						w.page++
					}
				}
			case "lastRenderedPageBreak":
				// Word records where its last layout broke the page.
				if len(w.srcs) == 1 && len(w.rows) == 0 {
					w.flush()
					w.page++
				}
			case "pageBreakBefore":
				if parent == "pPr" && !isOff(attr(t, "val")) && len(w.srcs) == 1 && w.sawText {
					w.flush()
					w.page++
				}
			case "noBreakHyphen":
				if hiddenN == 0 {
					w.cur.WriteByte('-')
				}
			case "sym":
				if hiddenN == 0 {
					w.cur.WriteString(symText(attr(t, "char")))
				}
			case "r":
				hidden = append(hidden, false)
			case "tr":
				w.flush()
				w.rows = append(w.rows, &rowBuf{})
			case "vanish", "specVanish", "webHidden":
				if parent == "rPr" && len(stack) >= 3 && stack[len(stack)-3] == "r" && len(hidden) > 0 && t.Name.Local != "webHidden" && !isOff(attr(t, "val")) {
					if !hidden[len(hidden)-1] {
						hidden[len(hidden)-1] = true
						hiddenN++
					}
				}
			case "txbxContent":
				w.flush()
				w.srcs = append(w.srcs, TextBox)
			case "pStyle":
				v := attr(t, "val")
				lv := strings.ToLower(v)
				if strings.HasPrefix(lv, "heading") || lv == "title" || lv == "subtitle" || pk.headingStyle(v) {
					w.heading = true
				}
			case "outlineLvl":
				if parent == "pPr" {
					w.heading = true
				}
			case "headerReference", "footerReference":
				if id := relID(t); id != "" {
					out.refs = append(out.refs, id)
				}
			case "footnoteReference":
				out.footnotes[attr(t, "id")] = true
			case "endnoteReference":
				out.endnotes[attr(t, "id")] = true
			case "altChunk":
				out.altChunk = true
			}
		case xml.EndElement:
			local := t.Name.Local
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if skip > 0 {
				if depth == skip {
					skip = 0
				}
				depth--
				continue
			}
			if noteSkip > 0 {
				if depth == noteSkip {
					noteSkip = 0
				}
				depth--
				continue
			}
			depth--
			switch local {
			case "t":
				if text > 0 {
					text--
				}
			case "tabs":
				if tabs > 0 {
					tabs--
				}
			case "r":
				if len(hidden) > 0 {
					if hidden[len(hidden)-1] {
						hiddenN--
					}
					hidden = hidden[:len(hidden)-1]
				}
			case "p":
				w.flush()
				w.heading = false
			case "tc":
				w.flush()
				if n := len(w.rows); n > 0 {
					r := w.rows[n-1]
					r.cells = append(r.cells, r.cur)
					r.cur = nil
				}
			case "tr":
				w.flush()
				w.endRow()
			case "txbxContent":
				w.flush()
				if len(w.srcs) > 1 {
					w.srcs = w.srcs[:len(w.srcs)-1]
				}
			case "footnote", "endnote":
				w.flush()
			}
		case xml.CharData:
			if skip == 0 && noteSkip == 0 && text > 0 && hiddenN == 0 {
				w.cur.Write(t)
				w.runes += len(t)
				if w.runes > maxDOCXTextRune {
					return nil, &causeError{msg: fmt.Sprintf("DOCX holds more than %s of text", humanBytes(maxDOCXTextRune)), errs: []error{ErrTooLarge}}
				}
			} else if skip == 0 && noteSkip == 0 && text > 0 {
				out.hiddenRunes += len(strings.Join(strings.Fields(string(t)), ""))
			}
		}
	}
	w.flush()
	for len(w.rows) > 0 { // unclosed rows in a damaged part
		w.endRow()
	}
	return out, nil
}

// headingStyle reports whether the paragraph style id is a heading style
// of the style part. The part is read the first time a paragraph names a
// style that is not obviously a heading: many resumes use only "Heading1"
// ids or no paragraph styles at all, and a Word template's styles.xml (over
// 300 KB in some) took longer to parse than the rest of the file.
func (pk *docxPackage) headingStyle(id string) bool {
	if pk.headingStyles == nil {
		pk.loadHeadingStyles(pk.stylesPart)
	}
	return pk.headingStyles[id]
}

// loadHeadingStyles reads the style part and records the ids of paragraph
// styles that are headings: a localised Word names its style ids in the
// user's language ("berschrift1", "Titre1") but keeps the built-in names
// ("heading 1") and outline levels in styles.xml.
func (pk *docxPackage) loadHeadingStyles(name string) {
	pk.headingStyles = map[string]bool{}
	b, err := pk.part(name)
	if err != nil || b == nil {
		return
	}
	d := newXMLDecoder(b)
	id := ""
	for n := 0; n < 1<<20; n++ {
		tok, err := d.Token()
		if err != nil {
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = ""
			if attr(se, "type") == "paragraph" {
				id = attr(se, "styleId")
			}
		case "name", "basedOn":
			v := strings.ToLower(attr(se, "val"))
			if id != "" && (strings.HasPrefix(v, "heading") || v == "title" || pk.headingStyles[attr(se, "val")]) {
				pk.headingStyles[id] = true
			}
		case "outlineLvl":
			if id != "" {
				pk.headingStyles[id] = true
			}
		}
	}
}

// docxWalker builds lines.
type docxWalker struct {
	part    *docxPart
	cur     strings.Builder
	srcs    []Source
	heading bool
	runes   int
	rows    []*rowBuf // open table rows, innermost last
	page    int       // current page of the part (1-based)
	sawText bool      // a line was emitted already (a break before it starts no page)
}

// rowBuf holds the lines of one table row, per cell.
type rowBuf struct {
	cells [][]docxLine
	cur   []docxLine // the open cell
}

func (w *docxWalker) flush() {
	s := w.cur.String()
	w.cur.Reset()
	if strings.TrimSpace(s) == "" {
		return
	}
	w.emit(docxLine{text: s, src: w.srcs[len(w.srcs)-1], heading: w.heading, page: w.page})
	w.heading = false // only the first line of a heading paragraph
	w.sawText = true
}

func (w *docxWalker) emit(l docxLine) {
	if n := len(w.rows); n > 0 {
		w.rows[n-1].cur = append(w.rows[n-1].cur, l)
		return
	}
	w.part.lines = append(w.part.lines, l)
}

// endRow closes the innermost table row. A row whose cells hold one line
// each (a data table) becomes one line, cells separated by " | "; a row with
// longer cells (a layout table) gives each cell's lines in turn, so columns
// are read one after the other and headings inside cells stay headings.
func (w *docxWalker) endRow() {
	n := len(w.rows)
	r := w.rows[n-1]
	w.rows = w.rows[:n-1]
	if len(r.cur) > 0 {
		r.cells = append(r.cells, r.cur)
	}
	simple := true
	var texts []string
	for _, c := range r.cells {
		if len(c) > 1 {
			simple = false
			break
		}
		if len(c) == 1 {
			texts = append(texts, strings.TrimSpace(c[0].text))
		}
	}
	if simple && len(texts) > 1 {
		var first docxLine
		for _, c := range r.cells {
			if len(c) == 1 {
				first = c[0]
				break
			}
		}
		w.emit(docxLine{text: strings.Join(texts, " | "), src: first.src, page: first.page})
		return
	}
	if len(r.cells) > 1 {
		w.part.layoutRows++
	}
	for _, c := range r.cells {
		for _, l := range c {
			w.emit(l)
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && !strings.Contains(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}

// relID returns the r:id attribute (the relationships namespace, transitional
// or Strict).
func relID(se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}

// isWordNS reports whether space is the WordprocessingML namespace
// (transitional or Strict); "del" in other vocabularies is not a deletion.
func isWordNS(space string) bool {
	return strings.Contains(space, "wordprocessingml") || space == "" || space == "w"
}

func isOff(v string) bool {
	switch strings.ToLower(v) {
	case "0", "false", "off":
		return true
	}
	return false
}

// symText maps a w:sym character code: symbol-font codes F000-F0FF (bullets,
// icons) become a space, anything else the character itself.
func symText(hex string) string {
	c, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || (c >= 0xF000 && c <= 0xF0FF) || c < 0x20 || c > 0x10FFFF {
		return " "
	}
	return string(rune(c))
}
