package extract

import (
	"math/rand"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// emailPattern is the expression hasEmail writes out.
var emailPattern = regexp.MustCompile(`[\pL\pN._%+-]+@[\pL\pN-]+(\.[\pL\pN-]+)+`)

// TestHasEmail holds hasEmail to the regular expression it replaces: on a
// table of addresses and near misses, and on every string of up to six
// runes over an alphabet of the characters that matter.
func TestHasEmail(t *testing.T) {
	tests := []string{
		"", "@", "a@b", "a@b.c", "jane.doe@example.org", "Email: jane@example.org | +1 555",
		"@example.org", "jane@", "jane@.org", "jane@example.", "jane@example..org", "x @y.z", "x@ y.z",
		"josé@exámple.pt", "名前@例え.日本", "a@b-c.d-e", "a%b+c@d.e", "a@b.c@d", "@@a.b", "a@@b.c",
		"a@b_c.d", "a@b.c_", "\xff@b.c", "a@\xffb.c", "a@b.\xff", "a\u00a0@b.c", "١٢@٣.٤", "a@b.-", "a@-.b",
	}
	for _, s := range tests {
		if got, want := hasEmail(s), emailPattern.MatchString(s); got != want {
			t.Errorf("hasEmail(%q) = %v, want %v (the regexp)", s, got, want)
		}
	}
	alphabet := []string{"a", "@", ".", "-", "é", " ", "1", "_", "%"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		if got, want := hasEmail(s), emailPattern.MatchString(s); got != want {
			t.Fatalf("hasEmail(%q) = %v, want %v (the regexp)", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, n-1)
		}
	}
	walk("", 6)
}

// phonePattern is the expression eachPhone writes out.
var phonePattern = regexp.MustCompile(`(\+\d{1,3}[\s.-]?)?(\(\d{2,4}\)[\s.-]?)?\d{2,4}[\s.-]\d{2,4}([\s.-]\d{2,5})?`)

// TestEachPhone holds eachPhone to FindAllString of the expression it
// replaces: on a table of numbers and near misses, on every string of up
// to six characters over the characters that matter, and on random digit
// strings with separators.
func TestEachPhone(t *testing.T) {
	all := func(s string) []string {
		var got []string
		eachPhone(s, func(m string) bool { got = append(got, m); return true })
		return got
	}
	check := func(s string) {
		t.Helper()
		got, want := all(s), phonePattern.FindAllString(s, -1)
		if !slices.Equal(got, want) {
			t.Fatalf("eachPhone(%q) = %q, want %q (the regexp)", s, got, want)
		}
	}
	tests := []string{
		"", "+1 (555) 123-4567", "+44 20 7946 0958", "(0)20.7946.0958", "555-1234", "+12345 67-89",
		"tel: +49-(030)-1234-56789", "12345-678-90123456", "1.2.3", "(12)34-56", "(12345)67-89",
		"+1\t555\n123\r4567\f89", "+1\v555 1234", "call 555 123 4567 or 555.123.4567",
		"é+1 555 123 4567", "\xff12-34\xff", "2019-2023", "+(555) 12-34", "++1 22 33", "12--34",
	}
	for _, s := range tests {
		check(s)
	}
	alphabet := []string{"1", "+", "(", ")", " ", "-", ".", "a"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		check(s)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, n-1)
		}
	}
	walk("", 6)
	rng := rand.New(rand.NewSource(5))
	parts := []string{"1", "2", "34", "567", "8901", "23456", " ", "-", ".", "+", "(", ")", "x", "\t", "é"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(30); n > 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		check(b.String())
	}
}

// TestHasContactPhone checks the digit count (9 to 15) hasContact asks of
// a phone match, and that the regexp agrees with each case.
func TestHasContactPhone(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"+1 (555) 123-4567", true},
		{"555-123-4567", true},
		{"Phone: 020 7946 0958", true},
		{"+44 (20) 7946-09581", true},
		{"12-34", false},
		{"123456789-12", false},                // nine digits in all, six in the match
		{"+123 (4567) 8901-2345-67890", false}, // sixteen digits in one match
		{"12345678901234567", false},
	}
	for _, tc := range tests {
		re := false
		for _, m := range phonePattern.FindAllString(tc.in, -1) {
			d := 0
			for _, c := range m {
				if c >= '0' && c <= '9' {
					d++
				}
			}
			re = re || d >= 9 && d <= 15
		}
		if re != tc.want {
			t.Fatalf("case %q: the regexp gives %v, the table %v", tc.in, re, tc.want)
		}
		if got := hasContact(tc.in); got != tc.want {
			t.Errorf("hasContact(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
