package extract

import (
	"regexp"
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
