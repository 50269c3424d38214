package extract

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAll checks readAll against io.ReadAll whatever the size hint,
// with readers that return short reads, data with EOF, and errors.
func TestReadAll(t *testing.T) {
	data := strings.Repeat("0123456789", 1000)
	boom := errors.New("boom")
	tests := []struct {
		name    string
		r       func() io.Reader
		size    int64
		wantErr error
	}{
		{"exact size", func() io.Reader { return strings.NewReader(data) }, int64(len(data)), nil},
		{"unknown size", func() io.Reader { return strings.NewReader(data) }, 0, nil},
		{"size too small", func() io.Reader { return strings.NewReader(data) }, 10, nil},
		{"size too large", func() io.Reader { return strings.NewReader(data) }, 1 << 20, nil},
		{"one byte at a time", func() io.Reader { return iotest.OneByteReader(strings.NewReader(data)) }, int64(len(data)), nil},
		{"data with EOF", func() io.Reader { return iotest.DataErrReader(strings.NewReader(data)) }, int64(len(data)), nil},
		{"empty", func() io.Reader { return strings.NewReader("") }, 0, nil},
		{"error part-way", func() io.Reader { return io.MultiReader(strings.NewReader(data[:500]), iotest.ErrReader(boom)) }, int64(len(data)), boom},
	}
	for _, tt := range tests {
		got, err := readAll(tt.r(), tt.size)
		want, wantErr := io.ReadAll(tt.r())
		if !errors.Is(err, tt.wantErr) || !errors.Is(wantErr, tt.wantErr) {
			t.Errorf("%s: readAll error = %v, want %v (io.ReadAll: %v)", tt.name, err, tt.wantErr, wantErr)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: readAll read %d bytes, io.ReadAll %d", tt.name, len(got), len(want))
		}
	}
}
