package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// readJSONResume turns a JSON Resume (jsonresume.org schema) into the text a
// recruiter would read: the name and contact block, then one headed section per
// filled top-level key, in the schema's order. Unknown keys are ignored and
// values of an unexpected type are skipped, so a hand-edited file still reads.
func readJSONResume(ctx context.Context, data []byte, opts Options) (*Document, error) {
	var top map[string]any
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("invalid JSON Resume: %v: %w", err, ErrMalformed)
	}
	w := &jrWriter{doc: &Document{}}
	basics := obj(top["basics"])
	w.line(str(basics, "name"))
	w.line(str(basics, "label"))
	var contact []string
	for _, k := range []string{"email", "phone", "url", "website"} {
		contact = appendNonEmpty(contact, str(basics, k))
	}
	if loc := obj(basics["location"]); loc != nil {
		contact = appendNonEmpty(contact, joinNonEmpty(", ", str(loc, "address"), str(loc, "city"), str(loc, "region"), str(loc, "countryCode")))
	}
	w.line(strings.Join(contact, " | "))
	for _, p := range list(basics["profiles"]) {
		m := obj(p)
		net := str(m, "network")
		v := firstNonEmpty(str(m, "url"), str(m, "username"))
		w.line(joinNonEmpty(": ", net, v))
	}
	if s := str(basics, "summary"); s != "" {
		w.heading("Summary")
		w.text(s)
	}
	w.entries(top, "work", "Experience", func(m map[string]any) {
		w.line(joinNonEmpty(", ", str(m, "position"), firstNonEmpty(str(m, "name"), str(m, "company"))))
		w.line(joinNonEmpty(" | ", dates(m, "startDate", "endDate"), str(m, "location")))
		w.text(firstNonEmpty(str(m, "summary"), str(m, "description")))
		w.bullets(m["highlights"])
	})
	w.entries(top, "volunteer", "Volunteer", func(m map[string]any) {
		w.line(joinNonEmpty(", ", str(m, "position"), str(m, "organization")))
		w.line(dates(m, "startDate", "endDate"))
		w.text(str(m, "summary"))
		w.bullets(m["highlights"])
	})
	w.entries(top, "education", "Education", func(m map[string]any) {
		w.line(joinNonEmpty(", ", joinNonEmpty(" ", str(m, "studyType"), str(m, "area")), str(m, "institution")))
		w.line(joinNonEmpty(" | ", dates(m, "startDate", "endDate"), labelled("Score", str(m, "score"))))
		if c := strs(m["courses"]); len(c) > 0 {
			w.line("Courses: " + strings.Join(c, ", "))
		}
	})
	w.entries(top, "projects", "Projects", func(m map[string]any) {
		w.line(joinNonEmpty(" | ", str(m, "name"), dates(m, "startDate", "endDate")))
		w.text(str(m, "description"))
		w.bullets(m["highlights"])
		if k := strs(m["keywords"]); len(k) > 0 {
			w.line("Technologies: " + strings.Join(k, ", "))
		}
		if r := strs(m["roles"]); len(r) > 0 {
			w.line("Role: " + strings.Join(r, ", "))
		}
	})
	w.entries(top, "skills", "Skills", func(m map[string]any) {
		name, kw := str(m, "name"), strs(m["keywords"])
		lvl := str(m, "level")
		if lvl != "" {
			name = joinNonEmpty(" ", name, "("+lvl+")")
		}
		switch {
		case len(kw) > 0 && name != "":
			w.line(name + ": " + strings.Join(kw, ", "))
		case len(kw) > 0:
			w.line(strings.Join(kw, ", "))
		default:
			w.line(name)
		}
	})
	w.entries(top, "certificates", "Certifications", func(m map[string]any) {
		w.line(joinNonEmpty(", ", str(m, "name"), str(m, "issuer"), str(m, "date")))
	})
	w.entries(top, "awards", "Awards", func(m map[string]any) {
		w.line(joinNonEmpty(", ", str(m, "title"), str(m, "awarder"), str(m, "date")))
		w.text(str(m, "summary"))
	})
	w.entries(top, "publications", "Publications", func(m map[string]any) {
		w.line(joinNonEmpty(", ", str(m, "name"), str(m, "publisher"), str(m, "releaseDate")))
		w.text(str(m, "summary"))
	})
	w.entries(top, "languages", "Languages", func(m map[string]any) {
		l, f := str(m, "language"), str(m, "fluency")
		if f != "" {
			l = joinNonEmpty(" ", l, "("+f+")")
		}
		w.line(l)
	})
	w.entries(top, "interests", "Interests", func(m map[string]any) {
		name, kw := str(m, "name"), strs(m["keywords"])
		if len(kw) > 0 {
			w.line(joinNonEmpty(": ", name, strings.Join(kw, ", ")))
		} else {
			w.line(name)
		}
	})
	w.entries(top, "references", "References", func(m map[string]any) {
		w.line(joinNonEmpty(": ", str(m, "name"), str(m, "reference")))
	})
	w.sourceLines(data)
	return w.doc, nil
}

// sourceLines sets Line.SourceLine to the line of the JSON file that holds
// the line's text (its longest piece, as a JSON string), or for a heading the
// line of its key, so annotations can point into resume.json.
func (w *jrWriter) sourceLines(data []byte) {
	lineAt := func(off int) int { return 1 + bytes.Count(data[:off], []byte("\n")) }
	keys := map[string]string{"Summary": "summary", "Experience": "work", "Volunteer": "volunteer", "Education": "education",
		"Projects": "projects", "Skills": "skills", "Certifications": "certificates", "Awards": "awards",
		"Publications": "publications", "Languages": "languages", "Interests": "interests", "References": "references"}
	heads := map[int]bool{}
	for _, s := range w.doc.Sections {
		heads[s.Start-1] = true
	}
	for i := range w.doc.Lines {
		l := &w.doc.Lines[i]
		if k, ok := keys[l.Text]; ok && heads[i] {
			if off := bytes.Index(data, []byte(`"`+k+`"`)); off >= 0 {
				l.SourceLine = lineAt(off)
			}
			continue
		}
		pieces := strings.FieldsFunc(l.Text, func(r rune) bool { return r == '|' || r == ',' || r == ':' || r == '(' || r == ')' || r == '–' })
		sort.Slice(pieces, func(a, b int) bool { return len(pieces[a]) > len(pieces[b]) })
		for _, p := range pieces {
			p = strings.TrimSpace(p)
			if len(p) < 2 {
				continue
			}
			enc, _ := json.Marshal(p)
			enc = bytes.TrimSuffix(bytes.TrimPrefix(enc, []byte(`"`)), []byte(`"`))
			if off := bytes.Index(data, enc); off >= 0 {
				l.SourceLine = lineAt(off)
				break
			}
		}
	}
}

// jrWriter appends lines and section hints to a Document.
type jrWriter struct{ doc *Document }

func (w *jrWriter) line(s string) {
	if s = strings.TrimSpace(s); s != "" {
		w.doc.Lines = append(w.doc.Lines, Line{Page: 1, Text: s})
	}
}

func (w *jrWriter) text(s string) {
	for _, l := range splitLines(s) {
		w.line(l)
	}
}

func (w *jrWriter) heading(s string) {
	w.doc.Sections = append(w.doc.Sections, Section{Heading: s, Start: len(w.doc.Lines) + 1})
	w.line(s)
}

func (w *jrWriter) bullets(v any) {
	for _, s := range strs(v) {
		w.text(s)
	}
}

// entries writes a heading and one block per object in top[key], when any.
func (w *jrWriter) entries(top map[string]any, key, heading string, each func(map[string]any)) {
	items := list(top[key])
	headed := false
	for _, it := range items {
		m := obj(it)
		if m == nil {
			continue
		}
		if !headed {
			w.heading(heading)
			headed = true
		}
		each(m)
	}
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// str returns m[k] as a string; numbers and booleans are formatted, other
// types give "".
func str(m map[string]any, k string) string {
	switch v := m[k].(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return fmt.Sprint(v)
	case bool:
		return fmt.Sprint(v)
	}
	return ""
}

// strs returns the strings of a JSON array (or a lone string).
func strs(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		return appendNonEmpty(nil, strings.TrimSpace(v))
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = appendNonEmpty(out, strings.TrimSpace(s))
			}
		}
	}
	return out
}

func dates(m map[string]any, start, end string) string {
	s, e := str(m, start), str(m, end)
	switch {
	case s == "" && e == "":
		return ""
	case s == "":
		return e
	case e == "":
		return s + " – Present"
	}
	return s + " – " + e
}

func labelled(label, v string) string {
	if v == "" {
		return ""
	}
	return label + ": " + v
}

func appendNonEmpty(l []string, s string) []string {
	if s != "" {
		l = append(l, s)
	}
	return l
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		out = appendNonEmpty(out, p)
	}
	return strings.Join(out, sep)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
