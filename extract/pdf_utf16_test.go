package extract

import (
	"math/rand"
	"testing"
	"unicode/utf16"
)

// TestUTF16BE holds utf16BE to utf16.Decode over toUnits, which it
// replaced, on crafted strings (surrogate pairs, lone and reversed
// surrogates, odd lengths) and random ones.
func TestUTF16BE(t *testing.T) {
	tests := []string{"", "\x00", "\x00A", "\x00\xe9", "\xfb\x01", "\x00f\x00i", "\xd8\x3d\xde\x00", "\xd8\x3d", "\xde\x00\xd8\x3d",
		"\xd8\x3d\x00A", "\xd8\x3d\xd8\x3d\xde\x00", "\x20\x22\x00", "A", "\x00\x00", "\xff\xfe\xff\xff"}
	rng := rand.New(rand.NewSource(2))
	pick := []byte{0x00, 0x41, 0xd8, 0xdb, 0xdc, 0xdf, 0xe0, 0xff, 0x20}
	for n := 0; n < 2000; n++ {
		b := make([]byte, rng.Intn(45))
		for i := range b {
			b[i] = pick[rng.Intn(len(pick))]
		}
		tests = append(tests, string(b))
	}
	for _, s := range tests {
		if got, want := utf16BE(s), string(utf16.Decode(toUnits(s))); got != want {
			t.Errorf("utf16BE(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestUTF16String holds utf16String to string(utf16.Decode(u)).
func TestUTF16String(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pick := []uint16{0, 0x41, 0xe9, 0x2022, 0xfb01, 0xd800, 0xd83d, 0xdbff, 0xdc00, 0xde00, 0xdfff, 0xe000, 0xffff}
	for n := 0; n < 3000; n++ {
		u := make([]uint16, rng.Intn(25))
		for i := range u {
			u[i] = pick[rng.Intn(len(pick))]
		}
		if got, want := utf16String(u), string(utf16.Decode(u)); got != want {
			t.Errorf("utf16String(%x) = %q, want %q", u, got, want)
		}
	}
}
