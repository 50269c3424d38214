package token

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenizeKeepsTechNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"C++, C# and .NET", []string{"C++", "C#", "and", ".NET"}},
		{"Node.js and CI/CD.", []string{"Node.js", "and", "CI/CD"}},
		{"PL/SQL, TCP/IP; A/B tests", []string{"PL/SQL", "TCP/IP", "A/B", "tests"}},
		{"F# (functional)", []string{"F#", "functional"}},
		{"C++17 rocks", []string{"C++17", "rocks"}},
		{"...Go!", []string{"Go"}},
		{"Kubernetes's API", []string{"Kubernetes's", "API"}},
		{"R&D budget", []string{"R&D", "budget"}},
		{"- bullet -", []string{"bullet"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := texts(Tokenize(Normalize(tt.in)))
		if len(got) == 0 {
			got = nil
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestTokenFields(t *testing.T) {
	toks := Tokenize("Java 17 and C++17.\nGo-based tools")
	type view struct {
		Text, Norm, Core, Version string
		Line, Sent                int
		Parts                     []string
	}
	var got []view
	for _, tk := range toks {
		v := view{tk.Text, tk.Norm, tk.Core, tk.Version, tk.Line, tk.Sent, nil}
		for _, p := range tk.Parts {
			v.Parts = append(v.Parts, p.Text)
		}
		got = append(got, v)
	}
	want := []view{
		{"Java", "java", "Java", "17", 1, 0, nil},
		{"17", "17", "17", "", 1, 0, nil},
		{"and", "and", "and", "", 1, 0, nil},
		{"C++17", "c++", "C++", "17", 1, 0, nil},
		{"Go-based", "go-based", "Go-based", "", 2, 1, []string{"Go", "based"}},
		{"tools", "tools", "tools", "", 2, 1, nil},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokenize fields mismatch (-want +got):\n%s", diff)
	}
}

func TestSentences(t *testing.T) {
	toks := Tokenize("Built it in Go. Then Rust; e.g. Python 3.11 works")
	sent := map[string]int{}
	for _, tk := range toks {
		sent[tk.Text] = tk.Sent
	}
	tests := []struct {
		word string
		want int
	}{{"Go", 0}, {"Then", 1}, {"Rust", 1}, {"e.g", 2}, {"Python", 2}, {"3.11", 2}, {"works", 2}}
	for _, tt := range tests {
		if sent[tt.word] != tt.want {
			t.Errorf("sentence of %q = %d, want %d", tt.word, sent[tt.word], tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ﬂask and ﬁle", "flask and file"},
		{"C♯ developer", "C# developer"},
		{"server‐side – front\u00ADend", "server-side - frontend"},
		{"don’t", "don't"},
		{"Ｇｏ", "Go"},
		{"a\u00A0b", "a b"},
		{"Go—fast", "Go fast"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLight(t *testing.T) {
	tests := []struct{ in, want string }{
		{"microservices", "microservice"}, {"microservice", "microservice"}, {"libraries", "library"},
		{"containerised", "containerized"}, {"containerisation", "containerization"}, {"optimise", "optimize"},
		{"aws", "aws"}, {"ios", "ios"}, {"class", "class"}, {"kubernetes's", "kubernete"}, {"status", "status"},
		{"analysis", "analysis"},
	}
	for _, tt := range tests {
		if got := Light(tt.in); got != tt.want {
			t.Errorf("Light(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSingular(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"APIs", "API", true}, {"LLMs", "LLM", true}, {"SDKs", "SDK", true}, {"GPUs", "GPU", true},
		{"iOS", "", false}, {"AWS", "", false}, {"Ops", "", false}, {"apis", "", false}, {"SaaS", "", false},
	}
	for _, tt := range tests {
		got, ok := Singular(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Singular(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"mentored", "mentor", true},
		{"mentoring", "mentor", true},
		{"containerized", "container", true},
		{"reacted", "", false},   // react: blocklisted
		{"excellent", "", false}, // excel
		{"products", "", false},  // product
		{"observed", "", false},  // observ
		{"swiftly", "", false},   // swift
		{"Kubernetes", "", false},
		{"node.js", "", false},
		{"go", "", false},
	}
	for _, tt := range tests {
		got, ok := Stem(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Stem(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"C++17, C# and .NET 8", "Node.js / CI/CD; A/B", "ﬂask — Go-based\nR&D", "...", "\xff\xfe", "C+++", "#.#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, n2)
		}
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q, not valid UTF-8", s, n)
		}
		prev := 0
		for _, tk := range Tokenize(n) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(n) {
				t.Fatalf("token %+v out of order or outside %q", tk, n)
			}
			if n[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token text %q != input[%d:%d] %q", tk.Text, tk.Start, tk.End, n[tk.Start:tk.End])
			}
			if !strings.HasPrefix(tk.Text, tk.Core) {
				t.Fatalf("core %q not a prefix of %q", tk.Core, tk.Text)
			}
			for _, p := range tk.Parts {
				if p.Start < tk.Start || p.End > tk.End || n[p.Start:p.End] != p.Text {
					t.Fatalf("part %+v outside token %+v", p, tk)
				}
			}
			prev = tk.End
		}
	})
}

func TestBlockedStem(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"reacted", "react", true}, {"excellent", "excel", true}, {"products", "product", true},
		{"observed", "observ", true}, {"mentored", "", false}, {"React", "", false}, {"go", "", false},
	}
	for _, tt := range tests {
		got, ok := BlockedStem(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("BlockedStem(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestTokenizeIntoReusesBuffer checks that TokenizeInto gives exactly what
// Tokenize gives, whatever the reused buffer held before (the scanner passes
// the previous line's tokens back).
func TestTokenizeIntoReusesBuffer(t *testing.T) {
	lines := []string{
		"Go, C++17 and C# on .NET; CI/CD with Node.js. Java 17 - go-to-market",
		"short",
		"",
		"A/B testing, PL/SQL, TCP/IP and e.g. Python 3 done.",
		"Kubernetes\nHelm charts",
	}
	var buf []Token
	for _, prev := range lines {
		for _, s := range lines {
			buf = TokenizeInto(Tokenize(prev), s)
			if diff := cmp.Diff(Tokenize(s), buf); diff != "" && !(len(buf) == 0 && len(Tokenize(s)) == 0) {
				t.Errorf("TokenizeInto(after %q, %q) differs (-Tokenize +TokenizeInto):\n%s", prev, s, diff)
			}
		}
	}
}

// TestNormalizeUnmappedNonASCII covers the fast path: NFKC-normal text whose
// non-ASCII runes Normalize does not map comes back unchanged, and text with
// a mapped rune is still mapped.
func TestNormalizeUnmappedNonASCII(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"• Go · Lisbon é", "• Go · Lisbon é"},
		{"• Go – Lisbon", "• Go - Lisbon"},
		{"C♯ · ﬁle", "C# · file"},
		{"e\u0301", "é"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
