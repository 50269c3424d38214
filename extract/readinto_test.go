package extract

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// TestReadInto holds readInto to bytes.Buffer's ReadFrom, which it
// replaces: same bytes after a prefix, same count, io.EOF taken as the
// end, other errors returned with what was read before them.
func TestReadInto(t *testing.T) {
	boom := errors.New("boom")
	long := bytes.Repeat([]byte("0123456789abcdef"), 700)
	tests := []struct {
		name   string
		prefix []byte
		room   int
		r      func() io.Reader
	}{
		{"empty", nil, 0, func() io.Reader { return bytes.NewReader(nil) }},
		{"short", nil, 0, func() io.Reader { return bytes.NewReader([]byte("BT (x) Tj ET")) }},
		{"long into nothing", nil, 0, func() io.Reader { return bytes.NewReader(long) }},
		{"long after a prefix", []byte("q\n"), 16, func() io.Reader { return bytes.NewReader(long) }},
		{"exact room", nil, len(long), func() io.Reader { return bytes.NewReader(long) }},
		{"one byte at a time", []byte("x"), 3, func() io.Reader { return iotest.OneByteReader(bytes.NewReader(long[:1500])) }},
		{"data with EOF", nil, 8, func() io.Reader { return iotest.DataErrReader(bytes.NewReader(long[:999])) }},
		{"limited", nil, 0, func() io.Reader { return io.LimitReader(bytes.NewReader(long), 4097) }},
		{"limit spent", nil, 0, func() io.Reader { return io.LimitReader(bytes.NewReader(long), 0) }},
		{"error part-way", []byte("ab"), 0, func() io.Reader {
			return io.MultiReader(bytes.NewReader(long[:700]), iotest.ErrReader(boom))
		}},
	}
	for _, tc := range tests {
		var want bytes.Buffer
		want.Write(tc.prefix)
		wn, werr := want.ReadFrom(tc.r())
		b := roomFor(append([]byte(nil), tc.prefix...), tc.room)
		if cap(b)-len(b) < tc.room {
			t.Errorf("%s: roomFor left %d bytes of room, want %d", tc.name, cap(b)-len(b), tc.room)
		}
		got, gn, gerr := readInto(b, tc.r())
		if !bytes.Equal(got, want.Bytes()) || gn != wn || !errors.Is(gerr, werr) && gerr != werr {
			t.Errorf("%s: readInto = %d bytes, n %d, err %v; ReadFrom = %d bytes, n %d, err %v",
				tc.name, len(got), gn, gerr, want.Len(), wn, werr)
		}
	}
}
