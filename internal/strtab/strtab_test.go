package strtab

import (
	"strconv"
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	tests := []struct {
		name string
		size int // New's hint
		n    int // keys added
	}{
		{"empty", 0, 0},
		{"exact", 100, 100},
		{"grows from zero", 0, 1000},
		{"grows past a small hint", 3, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := New(tt.size)
			for i := 0; i < tt.n; i++ {
				if !tb.Add("k"+strconv.Itoa(i), int32(i)) {
					t.Fatalf("Add(k%d) = false on a new key", i)
				}
			}
			if tb.N != tt.n {
				t.Errorf("N = %d, want %d", tb.N, tt.n)
			}
			if tb.N*3 > tb.Slots()*2 {
				t.Errorf("%d keys in %d slots: over two thirds full", tb.N, tb.Slots())
			}
			for i := 0; i < tt.n; i++ {
				if v, ok := tb.Get("k" + strconv.Itoa(i)); !ok || v != int32(i) {
					t.Errorf("Get(k%d) = %d, %v", i, v, ok)
				}
			}
			if tt.n > 0 && tb.Add("k0", -1) {
				t.Error("Add of a present key = true, want the first value kept")
			}
			if v, _ := tb.Get("k0"); tt.n > 0 && v != 0 {
				t.Errorf("Get(k0) = %d after a second Add, want 0", v)
			}
			for _, k := range []string{"", "missing"} {
				if _, ok := tb.Get(k); ok {
					t.Errorf("Get(%q) found a value", k)
				}
			}
			if tb.Add("", 1) {
				t.Error(`Add("") = true`)
			}
			tb.Freeze()
			if tb.N != tt.n || tb.keys != nil {
				t.Errorf("after Freeze: N = %d, keys = %v, want %d packed", tb.N, tb.keys != nil, tt.n)
			}
			for i := 0; i < tt.n; i++ {
				if v, ok := tb.Get("k" + strconv.Itoa(i)); !ok || v != int32(i) {
					t.Errorf("packed Get(k%d) = %d, %v", i, v, ok)
				}
			}
			for _, k := range []string{"", "missing"} {
				if _, ok := tb.Get(k); ok {
					t.Errorf("packed Get(%q) found a value", k)
				}
			}
			if tt.n > 0 && tb.Add("k0", -1) {
				t.Error("Add to a packed table of a present key = true")
			}
			if !tb.Add("new", 7) {
				t.Error("Add to a packed table of a new key = false")
			}
			if v, ok := tb.Get("new"); !ok || v != 7 || tb.N != tt.n+1 {
				t.Errorf("Get(new) after Add to a packed table = %d, %v (N = %d)", v, ok, tb.N)
			}
		})
	}
	var zero Table
	if _, ok := zero.Get("x"); ok {
		t.Error("zero Table found a key")
	}
}

func TestHashIsFixed(t *testing.T) {
	// Generated tables place keys by this hash: it must never change.
	for _, tt := range []struct {
		s    string
		want uint32
	}{{"", 2166136261}, {"a", 0xe40c292c}, {"go", 0x4220774b}} {
		if got := Hash(tt.s); got != tt.want {
			t.Errorf("Hash(%q) = %#x, want %#x", tt.s, got, tt.want)
		}
	}
}

// TestWriteArrays checks that the generated form lists a table's keys in
// slot order with their bounds, whether the table was packed or not.
func TestWriteArrays(t *testing.T) {
	for _, frozen := range []bool{false, true} {
		tb := New(2)
		tb.Add("a\"b", 1)
		tb.Add("é", 2)
		if frozen {
			tb.Freeze()
		}
		var w strings.Builder
		tb.WriteArrays(&w, "x")
		var text strings.Builder
		bounds := []string{"0"}
		for i := 0; i < tb.Slots(); i++ {
			text.WriteString(tb.Key(i))
			bounds = append(bounds, strconv.Itoa(text.Len()))
		}
		for _, want := range []string{
			"const xText = " + strconv.Quote(text.String()) + "\n",
			"var xOffs = [9]uint32{\n\t" + strings.Join(bounds, ", ") + ",\n}\n", // sixteen a line
		} {
			if !strings.Contains(w.String(), want) {
				t.Errorf("frozen=%v: WriteArrays misses %q in\n%s", frozen, want, w.String())
			}
		}
	}
}

// BenchmarkGet looks up present and missing keys in a table being built
// and in the same table packed.
func BenchmarkGet(b *testing.B) {
	tb := New(5000)
	probes := make([]string, 0, 10000)
	for i := 0; i < 5000; i++ {
		tb.Add("key"+strconv.Itoa(i), int32(i))
		probes = append(probes, "key"+strconv.Itoa(i), "miss"+strconv.Itoa(i))
	}
	packed := *tb
	packed.Freeze()
	for _, c := range []struct {
		name string
		t    *Table
	}{{"built", tb}, {"packed", &packed}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, p := range probes {
					c.t.Get(p)
				}
			}
		})
	}
}
