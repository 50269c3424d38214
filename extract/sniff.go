package extract

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// sniffed is what sniff learnt from the bytes: the format, the data the format
// reader gets (text formats are decoded to UTF-8) and notes for the user.
type sniffed struct {
	format Format
	data   []byte
	diags  []Diagnostic
	html   bool // Text that is an HTML page: read by readHTML
	latex  bool // Text that is LaTeX source: read by readLaTeX
}

var (
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicZip  = []byte("PK\x03\x04")
	magicZipE = []byte("PK\x05\x06") // an empty zip archive
)

// imageMagic lists image formats by signature; a resume that is a picture
// has no text to score.
var imageMagic = []struct {
	prefix []byte
	name   string
}{
	{[]byte("\x89PNG\r\n\x1a\n"), "PNG"},
	{[]byte{0xFF, 0xD8, 0xFF}, "JPEG"},
	{[]byte("GIF87a"), "GIF"},
	{[]byte("GIF89a"), "GIF"},
	{[]byte("II*\x00"), "TIFF"},
	{[]byte("MM\x00*"), "TIFF"},
	{[]byte{0x00, 0x00, 0x01, 0x00}, "ICO"},
}

// otherMagic lists other well-known binary formats, for a precise message.
var otherMagic = []struct {
	prefix []byte
	name   string
}{
	{[]byte("{\\rtf"), "RTF document"},
	{[]byte("%!PS"), "PostScript file"},
	{[]byte{0x1F, 0x8B}, "gzip archive"},
	{[]byte("7z\xBC\xAF\x27\x1C"), "7-Zip archive"},
	{[]byte("Rar!\x1A\x07"), "RAR archive"},
	{[]byte("\x7FELF"), "executable program"},
	{[]byte("MZ"), "Windows executable"},
	{[]byte("AT&TFORM"), "DjVu document"},
}

// sniff decides the format from the content; name (its extension) is only a
// hint for Markdown and for messages.
func sniff(data []byte, name string) (sniffed, error) {
	ext := strings.ToLower(filepath.Ext(name))
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return sniffed{format: PDF, data: data}, nil
	}
	if bytes.HasPrefix(data, magicZip) || bytes.HasPrefix(data, magicZipE) {
		return sniffZip(data)
	}
	if bytes.HasPrefix(data, magicOLE) {
		return sniffed{}, sniffOLE(data)
	}
	for _, m := range imageMagic {
		if bytes.HasPrefix(data, m.prefix) {
			return sniffed{}, unsupported("image file (" + m.name + "), which has no text to read")
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return sniffed{}, unsupported("image file (WebP), which has no text to read")
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return sniffed{}, unsupported("image or video file (ISO media), which has no text to read")
	}
	for _, m := range otherMagic {
		if bytes.HasPrefix(data, m.prefix) {
			return sniffed{}, unsupported(m.name)
		}
	}
	text, how, ok := decodeText(data)
	if !ok {
		if ext == ".pdf" || ext == ".docx" {
			return sniffed{}, malformed("named " + ext + " but not a " + strings.ToUpper(ext[1:]) + " (no " + map[string]string{".pdf": "%PDF- header", ".docx": "zip signature"}[ext] + "); damaged or not a resume file")
		}
		return sniffed{}, unsupported("binary data, not PDF, DOCX, Markdown, text or JSON Resume")
	}
	s := sniffed{format: Text, data: text}
	if how != "" {
		s.diags = append(s.diags, Diagnostic{Code: "decoded", Message: "text decoded from " + how})
	}
	switch {
	case isJSONResume(text):
		s.format = JSONResume
	case ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd":
		s.format = Markdown
	case ext == ".txt" || ext == ".text":
		s.format = Text
	case isHTML(text, ext):
		s.html = true
	case isLaTeX(text, ext):
		s.latex = true
	case looksLikeMarkdown(text):
		s.format = Markdown
	}
	if ext == ".pdf" || ext == ".docx" || ext == ".doc" {
		s.diags = append(s.diags, Diagnostic{Code: "misnamed", Message: "the file is named " + ext + " but holds plain text; it was read as text"})
	}
	return s, nil
}

func unsupported(cause string) error {
	return &causeError{msg: "unsupported file type: " + cause, errs: []error{ErrUnsupported}}
}

func malformed(cause string) error {
	return &causeError{msg: cause, errs: []error{ErrMalformed}}
}

// sniffZip tells a DOCX from other zip files (ODT, XLSX, plain archives).
func sniffZip(data []byte) (sniffed, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return sniffed{}, malformed("damaged or truncated zip container (" + err.Error() + ")")
	}
	var hasDoc, hasCT, hasRels bool
	mimetype := ""
	for i, f := range zr.File {
		if i > maxZipEntries {
			break
		}
		n := strings.ToLower(f.Name)
		switch {
		case n == "word/document.xml":
			hasDoc = true
		case n == "[content_types].xml":
			hasCT = true
		case n == "_rels/.rels":
			hasRels = true
		case n == "mimetype" && f.UncompressedSize64 < 200:
			if rc, err := f.Open(); err == nil {
				var b [200]byte
				k, _ := rc.Read(b[:])
				rc.Close()
				mimetype = strings.TrimSpace(string(b[:k]))
			}
		case strings.HasPrefix(n, "xl/"):
			mimetype = "xlsx"
		case strings.HasPrefix(n, "ppt/"):
			mimetype = "pptx"
		}
	}
	switch {
	case hasDoc || (hasCT && hasRels && mimetype == ""):
		return sniffed{format: DOCX, data: data}, nil
	case strings.HasPrefix(mimetype, "application/vnd.oasis.opendocument"):
		return sniffed{}, unsupported("OpenDocument file (.odt)")
	case mimetype == "xlsx":
		return sniffed{}, unsupported("a spreadsheet (XLSX), not a DOCX")
	case mimetype == "pptx":
		return sniffed{}, unsupported("a presentation (PPTX), not a DOCX")
	case hasCT:
		return sniffed{}, unsupported("an Office file without a Word document part")
	}
	return sniffed{}, unsupported("a zip file that is not a DOCX")
}

// sniffOLE tells an encrypted OOXML file (a password-protected DOCX is an OLE2
// container with EncryptionInfo and EncryptedPackage streams) from a legacy
// binary Office file. Directory entry names are UTF-16LE.
func sniffOLE(data []byte) error {
	has := func(s string) bool {
		u := make([]byte, 0, 2*len(s))
		for _, c := range s {
			u = append(u, byte(c), 0)
		}
		return bytes.Contains(data, u)
	}
	switch {
	case has("EncryptionInfo") || has("EncryptedPackage"):
		return &causeError{msg: "password-protected DOCX (encrypted Office file)", errs: []error{ErrEncrypted}}
	case has("WordDocument"):
		return unsupported("legacy .doc (Word 97-2003)")
	case has("Workbook") || has("Book"):
		return unsupported("legacy Excel spreadsheet (.xls)")
	case has("PowerPoint Document"):
		return unsupported("legacy PowerPoint file (.ppt)")
	}
	return unsupported("legacy Office (OLE2) file")
}

// decodeText returns data as UTF-8 when it is text: UTF-8 (BOM dropped),
// UTF-16 with a BOM or with the tell-tale zero bytes, or Windows-1252. how
// names a non-UTF-8 encoding. ok is false for binary data.
func decodeText(data []byte) (text []byte, how string, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), "UTF-16", true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), "UTF-16", true
	}
	if len(data) >= 4 {
		even, odd := 0, 0
		n := min(len(data), 512) &^ 1
		for i := 0; i < n; i += 2 {
			if data[i] == 0 {
				even++
			}
			if data[i+1] == 0 {
				odd++
			}
		}
		if odd > n/4 && even == 0 {
			return decodeUTF16(data, false), "UTF-16", plausibleText(decodeUTF16(data, false))
		}
		if even > n/4 && odd == 0 {
			return decodeUTF16(data, true), "UTF-16", plausibleText(decodeUTF16(data, true))
		}
	}
	if utf8.Valid(data) {
		return data, "", plausibleText(data)
	}
	if !plausibleText(data) {
		return nil, "", false
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", false
	}
	return out, "Windows-1252", true
}

func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// plausibleText reports whether data looks like text: no NUL bytes and few
// control characters or invalid sequences in its first 8 KiB.
func plausibleText(data []byte) bool {
	if len(data) > 8192 {
		data = data[:8192]
	}
	bad, total := 0, 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		data = data[size:]
		total++
		switch {
		case r == 0:
			return false
		case r == utf8.RuneError && size == 1:
			// not UTF-8: a high byte, fine for Windows-1252 unless it is a
			// byte that Windows-1252 leaves undefined.
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v':
			bad += 4
		}
	}
	return total > 0 && bad*10 < total
}

// isJSONResume reports whether text is a JSON object with a "basics" or
// "work" member (jsonresume.org schema).
func isJSONResume(text []byte) bool {
	t := bytes.TrimSpace(text)
	if len(t) == 0 || t[0] != '{' {
		return false
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(t, &top); err != nil {
		return false
	}
	_, b := top["basics"]
	_, w := top["work"]
	return b || w
}

// looksLikeMarkdown guesses Markdown for text without a telling extension:
// ATX headings, links, emphasis or list markers on several lines.
func looksLikeMarkdown(text []byte) bool {
	score := 0
	for i, line := range strings.Split(string(text), "\n") {
		if i > 400 {
			break
		}
		l := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(l, "# "), strings.HasPrefix(l, "## "), strings.HasPrefix(l, "### "):
			score += 2
		case strings.HasPrefix(l, "```"):
			score += 2
		}
		if strings.Contains(l, "](") {
			score++
		}
		if strings.Count(l, "**") >= 2 {
			score++
		}
	}
	return score >= 3
}
