package cmd

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/resumescore/resumescore/extract"
)

// fillValue sets every field of v, recursively, to a distinct non-zero value
// (slices get two elements), and fails on a kind it does not know, so that a
// field added to extract.Document is filled and must survive the frame.
func fillValue(t *testing.T, v reflect.Value, seed *int) {
	t.Helper()
	*seed++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d é ✓\n\x00", *seed))
	case reflect.Int, reflect.Int64, reflect.Int32:
		n := int64(*seed)
		if *seed%3 == 0 {
			n = -n // varints carry negative numbers too
		}
		v.SetInt(n * 1000003)
	case reflect.Struct:
		for i := range v.NumField() {
			fillValue(t, v.Field(i), seed)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fillValue(t, s.Index(i), seed)
		}
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fillValue(t, p.Elem(), seed)
		v.Set(p)
	default:
		t.Fatalf("fillValue: field kind %s of %s is not handled: teach the child frame (child_codec.go) and this test", v.Kind(), v.Type())
	}
}

func TestChildFrameRoundTrip(t *testing.T) {
	full := &extract.Document{}
	seed := 0
	fillValue(t, reflect.ValueOf(full).Elem(), &seed)
	full.Path = "" // the parent sets the path; the frame does not carry it
	tests := []struct {
		name string
		rep  childReply
	}{
		{"every field of a document", childReply{Doc: full}},
		{"an empty document", childReply{Doc: &extract.Document{Format: extract.PDF}}},
		{"an error with sentinels", childReply{Error: "encrypted with an unsupported method (AES-256)", Sentinels: []string{"encrypted", "malformed"}}},
		{"an error without sentinels", childReply{Error: "odd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Two frames back to back: each read takes exactly one.
			stream := appendChildReply(nil, &tt.rep)
			stream = appendChildReply(stream, &tt.rep)
			r := bufio.NewReader(bytes.NewReader(stream))
			for i := range 2 {
				got, err := readChildFrame(r, maxChildOutput)
				if err != nil {
					t.Fatalf("readChildFrame #%d: %v", i, err)
				}
				if diff := cmp.Diff(&tt.rep, got); diff != "" {
					t.Errorf("frame #%d round trip (-sent +got):\n%s", i, diff)
				}
			}
			if _, err := readChildFrame(r, maxChildOutput); !errors.Is(err, io.EOF) {
				t.Errorf("readChildFrame after the last frame: %v, want io.EOF", err)
			}
		})
	}
}

func TestReadChildFrameErrors(t *testing.T) {
	good := appendChildReply(nil, &childReply{Doc: &extract.Document{Lines: []extract.Line{{N: 1, Text: "Go"}}}})
	withPayload := func(p ...byte) []byte {
		f := append([]byte{'R', 'S', 'X', childFrameVersion}, byte(len(p)>>24), byte(len(p)>>16), byte(len(p)>>8), byte(len(p)))
		return append(f, p...)
	}
	tests := []struct {
		name    string
		in      []byte
		max     int
		wantErr error
	}{
		{"nothing: the child died", nil, 1 << 20, io.EOF},
		{"a panic message instead of a frame", []byte("panic: boom\n"), 1 << 20, errBadFrame},
		{"a JSON line (an older protocol)", []byte(`{"doc":{}}` + "\n"), 1 << 20, errBadFrame},
		{"another version", append([]byte{'R', 'S', 'X', childFrameVersion + 1}, good[4:]...), 1 << 20, errBadFrame},
		{"a header cut short", good[:6], 1 << 20, io.ErrUnexpectedEOF},
		{"a payload cut short", good[:len(good)-1], 1 << 20, io.ErrUnexpectedEOF},
		{"a frame over the cap", good, len(good) - childFrameHeader - 1, errLineTooLong},
		{"an unknown kind", withPayload(7), 1 << 20, errBadFrame},
		{"bytes left over", withPayload(append(good[childFrameHeader:], 0)...), 1 << 20, errBadFrame},
		{"a count larger than the payload", withPayload(childFrameDoc, 2, 2, 0xFF, 0xFF, 0x03), 1 << 20, errBadFrame},
		{"a string longer than the payload", withPayload(childFrameError, 0x7F, 'x'), 1 << 20, errBadFrame},
		{"a varint that never ends", withPayload(childFrameDoc, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), 1 << 20, errBadFrame},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := readChildFrame(bufio.NewReader(bytes.NewReader(tt.in)), tt.max)
			if !errors.Is(err, tt.wantErr) || rep != nil {
				t.Errorf("readChildFrame(%q) = %+v, %v; want nil, %v", tt.in, rep, err, tt.wantErr)
			}
		})
	}
}

// FuzzDecodeChildReply: whatever a broken child writes, decoding returns a
// reply or an error, never a panic or a huge allocation.
func FuzzDecodeChildReply(f *testing.F) {
	f.Add(appendChildReply(nil, &childReply{Doc: &extract.Document{Pages: 2, Lines: []extract.Line{{N: 1, Page: 1, Section: "skills", Text: "Go, PostgreSQL"}},
		Sections: []extract.Section{{ID: "skills", Heading: "Skills", Start: 1, End: 1}}, Diagnostics: []extract.Diagnostic{{Code: "columns", Message: "two columns", Page: 1}}}})[childFrameHeader:])
	f.Add(appendChildReply(nil, &childReply{Error: "damaged PDF", Sentinels: []string{"malformed"}})[childFrameHeader:])
	f.Add([]byte{childFrameDoc, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F})
	f.Fuzz(func(t *testing.T, payload []byte) {
		rep, err := decodeChildReply(payload)
		if (rep == nil) == (err == nil) {
			t.Fatalf("decodeChildReply = %v, %v; want exactly one of a reply and an error", rep, err)
		}
		if err != nil && !errors.Is(err, errBadFrame) {
			t.Fatalf("decodeChildReply error %v does not wrap errBadFrame", err)
		}
		if rep != nil {
			// What decodes survives another round trip unchanged.
			again, err := decodeChildReply(appendChildReply(nil, rep)[childFrameHeader:])
			if err != nil {
				t.Fatalf("re-encoded reply does not decode: %v", err)
			}
			if diff := cmp.Diff(rep, again); diff != "" {
				t.Errorf("second round trip (-first +second):\n%s", diff)
			}
		}
	})
}

// BenchmarkChildFrame encodes and decodes the reply of one extracted PDF
// resume, as a child and the parent do for every file.
func BenchmarkChildFrame(b *testing.B) {
	rep := extractReply(b.Context(), "../testdata/fixtures/checks/jane-doe-resume.pdf", extract.DefaultOptions())
	if rep.Doc == nil {
		b.Fatalf("extract: %s", rep.Error)
	}
	var frame []byte
	for b.Loop() {
		frame = appendChildReply(frame[:0], &rep)
		if _, err := decodeChildReply(frame[childFrameHeader:]); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(frame)))
}
