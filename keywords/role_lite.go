package keywords

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// decodeRoleLite decodes the plain shape every built-in role file has —
// top-level "key: scalar" lines, block sequences of one-line flow mappings
// ("- {name: Go, aliases: [Golang]}") or of small block mappings ("- id: x"
// then "  title: ..."), and one-line flow sequences — in one pass over the
// bytes, without yaml.v3: a tenth of a run's CPU went to the YAML parser.
// Fields are found by their yaml tags, so a new roleFile field of a kind it
// knows (string, int, bool, *float64, []string, []struct) needs no change here.
//
// It reports false, and the caller decodes with yaml.v3 (which also words
// every error), on anything outside that shape or whose meaning a YAML reader
// could take otherwise: tabs, anchors, tags, block scalars, multi-line
// values, escapes other than \" and \\, plain scalars that YAML would read as
// a number, bool or null, duplicate or unknown keys. When it reports true,
// rf holds what yaml.v3 with KnownFields would decode (TestDecodeRoleLite).
func decodeRoleLite(data []byte, rf *roleFile) bool {
	p := liteParser{text: string(data)}
	if strings.HasPrefix(p.text, "\ufeff") || strings.ContainsAny(p.text, "\t\r") {
		return false
	}
	return p.mapping(reflect.ValueOf(rf).Elem(), 0) && p.done()
}

// liteParser walks the text line by line.
type liteParser struct {
	text string
	off  int // start of the next line not yet consumed
}

// peek returns the next line that is not blank or a comment, its indent and
// its end offset, without consuming it; ok is false at the end of the text.
func (p *liteParser) peek() (line string, indent, end int, ok bool) {
	for p.off < len(p.text) {
		end = strings.IndexByte(p.text[p.off:], '\n')
		if end < 0 {
			end = len(p.text)
		} else {
			end += p.off + 1
		}
		line = strings.TrimRight(strings.TrimSuffix(p.text[p.off:end], "\n"), " ")
		body := strings.TrimLeft(line, " ")
		if body == "" || body[0] == '#' {
			p.off = end
			continue
		}
		return body, len(line) - len(body), end, true
	}
	return "", 0, 0, false
}

// done reports whether nothing but blank lines and comments is left.
func (p *liteParser) done() bool {
	_, _, _, ok := p.peek()
	return !ok
}

// mapping decodes a block mapping whose keys sit at indent into struct v.
// The first line may already be consumed up to its key (first != "").
func (p *liteParser) mapping(v reflect.Value, indent int) bool {
	return p.mappingFrom(v, indent, "")
}

func (p *liteParser) mappingFrom(v reflect.Value, indent int, first string) bool {
	seen := map[string]bool{}
	for {
		line := first
		if first == "" {
			l, in, end, ok := p.peek()
			if !ok || in < indent {
				return len(seen) > 0
			}
			if in != indent {
				return false
			}
			line = l
			p.off = end
		}
		first = ""
		key, rest, ok := strings.Cut(line, ":")
		if !ok || key == "" || !plainKey(key) || seen[key] || rest != "" && rest[0] != ' ' {
			return false
		}
		seen[key] = true
		f, ok := fieldByTag(v, key)
		if !ok {
			return false
		}
		rest = strings.TrimLeft(rest, " ")
		if rest == "" || rest[0] == '#' {
			// a block sequence on the following lines, indented deeper
			if f.Kind() != reflect.Slice || !p.sequence(f, indent) {
				return false
			}
			continue
		}
		val, tail, ok := flowValue(rest, false)
		if !ok || !comment(tail) || !set(f, val) {
			return false
		}
	}
}

// sequence decodes the block sequence under a key at keyIndent into slice f.
func (p *liteParser) sequence(f reflect.Value, keyIndent int) bool {
	itemIndent := -1
	f.Set(reflect.MakeSlice(f.Type(), 0, 8))
	for {
		line, in, end, ok := p.peek()
		if !ok || in <= keyIndent {
			return itemIndent >= 0
		}
		if itemIndent < 0 {
			itemIndent = in
		}
		if in != itemIndent || !strings.HasPrefix(line, "- ") {
			return false
		}
		p.off = end
		item := reflect.New(f.Type().Elem()).Elem()
		rest := strings.TrimLeft(line[2:], " ")
		if rest[0] != '{' && rest[0] != '[' && rest[0] != '"' && rest[0] != '\'' && strings.Contains(rest, ": ") || strings.HasSuffix(rest, ":") {
			// "- key: value": a block mapping whose keys sit two columns in
			if item.Kind() != reflect.Struct || !p.mappingFrom(item, itemIndent+2, rest) {
				return false
			}
		} else {
			val, tail, ok := flowValue(rest, false)
			if !ok || !comment(tail) || !set(item, val) {
				return false
			}
		}
		f.Set(reflect.Append(f, item))
	}
}

// A liteValue is a decoded scalar (plain or quoted), flow sequence or flow mapping.
type liteValue struct {
	kind   byte // 's' scalar, 'q' quoted scalar, '[' sequence, '{' mapping
	scalar string
	items  []liteValue
	keys   []string // mapping keys, in order, for items
}

// flowValue reads one value at the start of s; inFlow is true inside [] or
// {}, where , ] and } end a plain scalar. It returns the rest of s.
func flowValue(s string, inFlow bool) (liteValue, string, bool) {
	if s == "" {
		return liteValue{}, s, false
	}
	switch s[0] {
	case '"':
		if i := strings.IndexAny(s[1:], `"\\`); i >= 0 && s[1+i] == '"' {
			return liteValue{kind: 'q', scalar: s[1 : 1+i]}, s[2+i:], true // no escapes: no copy
		}
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch c := s[i]; c {
			case '"':
				return liteValue{kind: 'q', scalar: b.String()}, s[i+1:], true
			case '\\':
				if i+1 >= len(s) || s[i+1] != '"' && s[i+1] != '\\' {
					return liteValue{}, s, false
				}
				i++
				b.WriteByte(s[i])
			default:
				b.WriteByte(c)
			}
		}
		return liteValue{}, s, false
	case '\'':
		if i := strings.IndexByte(s[1:], '\''); i >= 0 && (2+i == len(s) || s[2+i] != '\'') {
			return liteValue{kind: 'q', scalar: s[1 : 1+i]}, s[2+i:], true // no doubled quote: no copy
		}
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					b.WriteByte('\'')
					i++
					continue
				}
				return liteValue{kind: 'q', scalar: b.String()}, s[i+1:], true
			}
			b.WriteByte(s[i])
		}
		return liteValue{}, s, false
	case '[', '{':
		open := s[0]
		v := liteValue{kind: open}
		closing := byte(']')
		if open == '{' {
			closing = '}'
			// a role keyword's mapping has up to six fields: one allocation
			// each instead of the four of append's doubling
			v.items, v.keys = make([]liteValue, 0, 6), make([]string, 0, 6)
		}
		s = strings.TrimLeft(s[1:], " ")
		if s != "" && s[0] == closing {
			return v, s[1:], true
		}
		for {
			if open == '{' {
				key, rest, ok := strings.Cut(s, ":")
				if !ok || !plainKey(key) || rest == "" || rest[0] != ' ' || containsKey(v.keys, key) {
					return liteValue{}, s, false
				}
				v.keys = append(v.keys, key)
				s = strings.TrimLeft(rest, " ")
			}
			item, rest, ok := flowValue(s, true)
			if !ok {
				return liteValue{}, s, false
			}
			v.items = append(v.items, item)
			s = strings.TrimLeft(rest, " ")
			switch {
			case s == "":
				return liteValue{}, s, false // a flow collection over several lines
			case s[0] == closing:
				return v, s[1:], true
			case s[0] == ',':
				s = strings.TrimLeft(s[1:], " ")
			default:
				return liteValue{}, s, false
			}
		}
	}
	// a plain scalar: up to the end of the line, or in flow up to , ] }
	end := len(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inFlow && (c == ',' || c == ']' || c == '}') {
			end = i
			break
		}
		if c == '#' && i > 0 && s[i-1] == ' ' {
			end = i - 1 // the comment, with the white space before it, is the tail
			break
		}
		if c == '[' || c == '{' || c == '"' && i == 0 || c == ':' && (i+1 == len(s) || s[i+1] == ' ' || inFlow) {
			return liteValue{}, s, false
		}
	}
	val := strings.TrimRight(s[:end], " ")
	if val == "" || strings.IndexByte("-?:,[]{}#&*!|>'\"%@`~", val[0]) >= 0 {
		return liteValue{}, s, false // empty, or an indicator YAML gives a meaning
	}
	return liteValue{kind: 's', scalar: val}, s[end:], true
}

// safeString reports whether a plain scalar is one YAML reads as the string
// it spells: not null, a bool or a number.
func safeString(s string) bool {
	switch strings.ToLower(s) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", ".nan":
		return false
	}
	c := s[0]
	if c == '+' || c == '.' || c >= '0' && c <= '9' {
		// Starts like a number or a timestamp. It is a string for sure when
		// it holds a letter no number has (only hex digits, x, o, b, e do)
		// and no colon (sexagesimal, times): "3D modelling".
		if strings.IndexByte(s, ':') >= 0 {
			return false
		}
		for i := 0; i < len(s); i++ {
			if l := s[i] | 0x20; l >= 'g' && l <= 'z' && l != 'x' && l != 'o' {
				return true
			}
		}
		return false
	}
	return true
}

// plainKey reports whether key is a simple mapping key (letters, digits, _).
func plainKey(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return key != ""
}

func containsKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// comment reports whether tail, what follows a value on its line, is empty
// or a comment (white space, then #).
func comment(tail string) bool {
	if tail == "" {
		return true
	}
	rest := strings.TrimLeft(tail, " ")
	return rest == "" || len(rest) < len(tail) && rest[0] == '#'
}

// digits reports whether s is a decimal number of one or more digits with
// no leading zero, or a decimal fraction when frac is true ("2", "0.5",
// "1.25"): forms YAML and strconv read alike.
func digits(s string, frac bool) bool {
	whole, fraction, dot := strings.Cut(s, ".")
	if dot && (!frac || fraction == "") {
		return false
	}
	for _, part := range []string{whole, fraction} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return whole != "" && (whole == "0" || whole[0] != '0')
}

// fieldByTag returns the field of struct v whose yaml tag is key.
func fieldByTag(v reflect.Value, key string) (reflect.Value, bool) {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	if i, ok := yamlFields(v.Type())[key]; ok {
		return v.Field(i), true
	}
	return reflect.Value{}, false
}

// fieldCache maps a struct type to its fields by yaml key (yamlField's
// answers, read once per type instead of once per key of every keyword).
var fieldCache sync.Map // reflect.Type -> map[string]int

func yamlFields(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := make(map[string]int, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag == "" {
			tag = strings.ToLower(t.Field(i).Name)
		}
		if f, ok := yamlField(t, tag); ok && f.Index[0] == i {
			m[tag] = i
		}
	}
	fieldCache.Store(t, m)
	return m
}

// set stores val into f, reporting false when the kinds do not fit the way
// yaml.v3 would fit them.
func set(f reflect.Value, val liteValue) bool {
	switch f.Kind() {
	case reflect.String:
		if val.kind != 'q' && (val.kind != 's' || !safeString(val.scalar)) {
			return false
		}
		f.SetString(val.scalar)
	case reflect.Int:
		if val.kind != 's' || !digits(val.scalar, false) {
			return false
		}
		n, err := strconv.Atoi(val.scalar)
		if err != nil {
			return false
		}
		f.SetInt(int64(n))
	case reflect.Bool:
		if val.kind != 's' || val.scalar != "true" && val.scalar != "false" {
			return false
		}
		f.SetBool(val.scalar == "true")
	case reflect.Pointer:
		if f.Type().Elem().Kind() != reflect.Float64 || val.kind != 's' || !digits(val.scalar, true) {
			return false
		}
		x, err := strconv.ParseFloat(val.scalar, 64)
		if err != nil {
			return false
		}
		f.Set(reflect.ValueOf(&x))
	case reflect.Slice:
		if val.kind != '[' {
			return false
		}
		s := reflect.MakeSlice(f.Type(), len(val.items), len(val.items))
		for i, it := range val.items {
			if !set(s.Index(i), it) {
				return false
			}
		}
		f.Set(s)
	case reflect.Struct:
		if val.kind != '{' {
			return false
		}
		for i, k := range val.keys {
			ff, ok := fieldByTag(f, k)
			if !ok || !set(ff, val.items[i]) {
				return false
			}
		}
	default:
		return false
	}
	return true
}
