package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lexAll returns the operators of a content stream, each with its operands
// rendered compactly.
func lexAll(s string) []string {
	lx := contentLexer{b: []byte(s)}
	var out []string
	var args []operand
	for {
		v, op, ok := lx.next(0)
		if !ok {
			return out
		}
		if op == "" {
			args = append(args, v)
			continue
		}
		out = append(out, render(args)+op)
		args = args[:0]
		if op == "BI" {
			lx.skipInlineImage()
		}
	}
}

func render(args []operand) string {
	s := ""
	for _, a := range args {
		switch a.kind {
		case opNumber:
			s += "n "
		case opString:
			s += "(" + a.str + ") "
		case opName:
			s += "/" + a.str + " "
		case opArray:
			s += "[" + render(a.arr) + "] "
		case opDict:
			s += "<<>> "
		default:
			s += "_ "
		}
	}
	return s
}

func TestContentLexer(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"operators and operands", "BT /F1 9.5 Tf 1 0 0 1 72 700 Tm (Hi) Tj ET", []string{"BT", "/F1 n Tf", "n n n n n n Tm", "(Hi) Tj", "ET"}},
		{"escapes and nested parentheses", `(a\(b\) (c) \101\n) Tj`, []string{"(a(b) (c) A\n) Tj"}},
		{"hex strings, odd length", "<48 65 6c6c 6F2> Tj", []string{"(Hello ) Tj"}},
		{"names with #xx escapes", "/A#20B Do", []string{"/A B Do"}},
		{"TJ arrays", "[(Go) -250 (lang)] TJ", []string{"[(Go) n (lang) ] TJ"}},
		{"marked content dictionaries", "/Span <</ActualText (x) /MCID 3>> BDC EMC", []string{"/Span <<>> BDC", "EMC"}},
		{"comments", "% a comment (not a string)\nq Q", []string{"q", "Q"}},
		{"inline image data skipped", "BI /W 2 /H 1 ID \x00EI)(]\n EI Q", []string{"BI", "Q"}},
		{"unterminated string", "(never closed Tj", nil},
		{"stray delimiters", ") ] } > q", []string{"_ _ _ _ q"}},
		{"lenient numbers", "--5 3.2.1 w", []string{"n n w"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, lexAll(tt.in)); diff != "" {
				t.Errorf("lex(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// FuzzContentLexer checks that the tokenizer ends on any input and always
// moves forward.
func FuzzContentLexer(f *testing.F) {
	f.Add([]byte("BT /F1 9 Tf (x) Tj [(a) 3 (b)] TJ ET BI /W 1 ID x EI"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lx := contentLexer{b: data}
		for i := 0; ; i++ {
			before := lx.pos
			_, op, ok := lx.next(0)
			if !ok {
				return
			}
			if op == "BI" {
				lx.skipInlineImage()
			}
			if lx.pos <= before || i > len(data)+1 {
				t.Fatalf("lexer does not advance at %d", before)
			}
		}
	})
}

func TestHexTerminated(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<00> <FF> endcodespacerange", true},
		{"<< /A 1 >> <41> <0041>", true},
		{"1 begincodespacerange <00> <F", false},
		{"(a < b) <41>", true},
		{"% comment <\n<41>", true},
		{"(unterminated ( <", true},
		{"<<", true},
	}
	for _, tt := range tests {
		if got := hexTerminated([]byte(tt.in)); got != tt.want {
			t.Errorf("hexTerminated(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
