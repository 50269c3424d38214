package extract

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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

// TestFastNumberMatchesStrconv checks that fastNumber gives bit-identical
// results to strconv.ParseFloat wherever it accepts a token, and declines
// the forms it leaves to strconv.
func TestFastNumberMatchesStrconv(t *testing.T) {
	tests := []struct {
		tok    string
		accept bool
	}{
		{"0", true}, {"-0", true}, {"+7", true}, {"12", true}, {"-3.5", true},
		{".5", true}, {"5.", true}, {"0.1", true}, {"0.3", true}, {"123456789.012345", true},
		{"-0.00000000000001", true}, {"-0.000000000000001", false}, {"9.99999999999999", true}, {"007.250", true},
		{"1234567890123456", false}, {"1e5", false}, {".", false}, {"-", false},
		{"1.2.3", false}, {"--5", false}, {"", false}, {"0x10", false},
	}
	for _, tc := range tests {
		f, ok := fastNumber([]byte(tc.tok))
		if ok != tc.accept {
			t.Errorf("fastNumber(%q) ok = %v, want %v", tc.tok, ok, tc.accept)
			continue
		}
		if !ok {
			continue
		}
		want, err := strconv.ParseFloat(tc.tok, 64)
		if err != nil {
			t.Errorf("strconv.ParseFloat(%q): %v", tc.tok, err)
			continue
		}
		if math.Float64bits(f) != math.Float64bits(want) {
			t.Errorf("fastNumber(%q) = %v, strconv gives %v", tc.tok, f, want)
		}
	}
	// A sweep of decimals with up to 15 digits.
	for i := 0; i < 200000; i++ {
		m := uint64(i) * 7919 * 104729 % 1000000000000000
		for _, frac := range []int{0, 1, 2, 3, 6, 9, 15} {
			s := strconv.FormatUint(m, 10)
			for len(s) <= frac {
				s = "0" + s
			}
			if frac > 0 {
				s = s[:len(s)-frac] + "." + s[len(s)-frac:]
			}
			f, ok := fastNumber([]byte(s))
			want, _ := strconv.ParseFloat(s, 64)
			if ok && math.Float64bits(f) != math.Float64bits(want) {
				t.Fatalf("fastNumber(%q) = %v, strconv gives %v", s, f, want)
			}
		}
	}
}

// TestLexerArenaKeepsArrays checks that top-level arrays read into the
// reuse arena stay intact until release, even when several precede one
// operator and the arena grows, and that the result matches the lexer
// without reuse.
func TestLexerArenaKeepsArrays(t *testing.T) {
	tests := []string{
		"[(a) 1 (b)] TJ [(c)] TJ",
		"[1 2] [3 [4 5] 6] 0 d [(x) -20 (y)] TJ",
		"[] TJ [(" + strings.Repeat("z", 40) + ")" + strings.Repeat(" 1", 300) + "] [7] op",
	}
	for _, src := range tests {
		render := func(reuse bool) []string {
			lx := contentLexer{b: []byte(src), reuse: reuse}
			var out []string
			var args []operand
			for {
				v, op, ok := lx.next(0)
				if !ok {
					break
				}
				if op == "" {
					args = append(args, v)
					continue
				}
				out = append(out, fmt.Sprintf("%s %v", op, args))
				args = args[:0]
				lx.release()
			}
			return out
		}
		if diff := cmp.Diff(render(false), render(true)); diff != "" {
			t.Errorf("%q: arena changes the operands (-plain +arena):\n%s", src, diff)
		}
	}
}

// TestOperatorName checks that interned and other operators come back
// unchanged.
func TestOperatorName(t *testing.T) {
	for _, op := range []string{"q", "Q", "cm", "TJ", "Tj", "f*", "scn", "SCN", "endbfrange", "BI", "d0", "xyz", "T"} {
		if got := operatorName([]byte(op)); got != op {
			t.Errorf("operatorName(%q) = %q", op, got)
		}
	}
}

// TestPDFChar checks the byte classes against the PDF definitions of
// white space and delimiters.
func TestPDFChar(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		space := b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0
		delim := strings.IndexByte("()<>[]{}/%", b) >= 0
		if isPDFSpace(b) != space || isPDFDelim(b) != delim {
			t.Errorf("byte %#02x: space %v delim %v, want %v %v", c, isPDFSpace(b), isPDFDelim(b), space, delim)
		}
	}
}

// TestScanNumber holds scanNumber to the token path it shortcuts: for a
// number followed by anything, it must read exactly the token the lexer
// would cut and give fastNumber's value, and accept whatever fastNumber
// accepts.
func TestScanNumber(t *testing.T) {
	toks := []string{"0", "-0", "+7", "12", "-3.5", ".5", "5.", "0.1", "7.1985168", "123456789.012345",
		"-0.000000000000001", "1234567890123456", "1e5", ".", "-", "1.2.3", "--5", "", "0x10", "+", "-.", "9.99999999999999"}
	suffixes := []string{"", " ", "\n0 Td", "/F1", "]", ">", "(a)", "%c", "x", "a b", ".", "5", "-", "\x00"}
	for _, tok := range toks {
		for _, suf := range suffixes {
			in := []byte(tok + suf)
			end := 0
			for end < len(in) && pdfChar[in[end]] == 0 {
				end++
			}
			want, wantOK := fastNumber(in[:end])
			got, n, ok := scanNumber(in)
			if ok != wantOK || ok && (n != end || math.Float64bits(got) != math.Float64bits(want)) {
				t.Errorf("scanNumber(%q) = %v, %d, %v; the token path reads %q as %v, %v", in, got, n, ok, in[:end], want, wantOK)
			}
		}
	}
}
