// Package strtab is a string -> int32 hash table of plain arrays, with open
// addressing and a fixed hash. A Go map cannot be laid out by the linker,
// this can: keywords and scorer generate their built-in tables as composite
// literals of Table (lexicon_data.go, match_data.go), so a run starts with
// them built instead of building them.
//
// A generated table holds no pointer but its Text header: its keys are one
// string constant and its slots are integers, so the linker puts them in
// read-only or pointer-free data, which the runtime neither scans nor maps
// into the GC's pointer mask at start.
package strtab

import (
	"fmt"
	"io"
	"strings"
)

// Table maps strings to int32. "" is never a key: it marks an empty slot.
//
// A packed table (generated code, or one that Freeze packed) keeps slot i's
// key in Text[Offs[i]:Offs[i+1]]: Text is the keys in slot order, and Offs
// has one more entry than there are slots. A table that Add builds keeps its
// keys in a []string until Freeze packs them. Generated code fills the
// exported fields; everyone else uses New, Get, Add and Freeze.
type Table struct {
	Text string   // packed keys, in slot order
	Offs []uint32 // packed key bounds: slot i is Text[Offs[i]:Offs[i+1]]
	Vals []int32  // per slot
	N    int      // keys held

	keys []string // per slot, while the table is being built (nil when packed)
}

// New returns a table sized for about n keys.
func New(n int) *Table {
	size := Size(n)
	return &Table{keys: make([]string, size), Vals: make([]int32, size)}
}

// Size is a power of two that holds n keys under two thirds full.
func Size(n int) int {
	size := 8
	for size*2 < n*3+3 {
		size <<= 1
	}
	return size
}

// Hash is 32-bit FNV-1a: fixed, so that generated tables stay valid.
func Hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Slots is the number of slots, held or empty.
func (t *Table) Slots() int { return len(t.Vals) }

// Key returns the key in slot i ("" for an empty slot).
func (t *Table) Key(i int) string {
	if t.keys != nil {
		return t.keys[i]
	}
	return t.Text[t.Offs[i]:t.Offs[i+1]]
}

// Get returns the value of key k.
func (t *Table) Get(k string) (int32, bool) {
	if len(t.Vals) == 0 || k == "" {
		return 0, false
	}
	mask := uint32(len(t.Vals) - 1)
	if t.keys != nil {
		for i := Hash(k) & mask; ; i = (i + 1) & mask {
			switch t.keys[i] {
			case k:
				return t.Vals[i], true
			case "":
				return 0, false
			}
		}
	}
	for i := Hash(k) & mask; ; i = (i + 1) & mask {
		start, end := t.Offs[i], t.Offs[i+1]
		if start == end {
			return 0, false
		}
		if t.Text[start:end] == k {
			return t.Vals[i], true
		}
	}
}

// Add sets k to v unless k is already present (the first value wins) or
// empty, and reports whether it did. Adding to a packed table unpacks it.
func (t *Table) Add(k string, v int32) bool {
	if k == "" {
		return false
	}
	if t.keys == nil {
		t.unpack()
	}
	if (t.N+1)*3 > len(t.keys)*2 { // keep the load under two thirds
		t.grow()
	}
	mask := uint32(len(t.keys) - 1)
	i := Hash(k) & mask
	for ; t.keys[i] != ""; i = (i + 1) & mask {
		if t.keys[i] == k {
			return false
		}
	}
	t.keys[i], t.Vals[i] = k, v
	t.N++
	return true
}

// unpack turns a packed (or zero) table back into the []string form Add
// builds on.
func (t *Table) unpack() {
	keys := make([]string, len(t.Vals))
	for i := range keys {
		keys[i] = t.Key(i)
	}
	t.keys, t.Text, t.Offs = keys, "", nil
}

func (t *Table) grow() {
	old, oldVals := t.keys, t.Vals
	size := Size(2 * t.N)
	t.keys, t.Vals, t.N = make([]string, size), make([]int32, size), 0
	for i, k := range old {
		if k != "" {
			t.Add(k, oldVals[i])
		}
	}
}

// Freeze packs a table that Add built into Text and Offs, the layout
// generated tables have, so that a built table equals its generated twin
// and its keys cost one string instead of one per slot. Get works either
// way; Add after Freeze unpacks the table again.
func (t *Table) Freeze() {
	if t.keys == nil {
		return
	}
	n := 0
	for _, k := range t.keys {
		n += len(k)
	}
	var text strings.Builder
	text.Grow(n)
	offs := make([]uint32, len(t.keys)+1)
	for i, k := range t.keys {
		text.WriteString(k)
		offs[i+1] = uint32(text.Len())
	}
	t.Text, t.Offs, t.keys = text.String(), offs, nil
}

// GoLiteral is a Go expression of type strtab.Table over the arrays that
// WriteArrays writes under the same name, for generated code.
func (t *Table) GoLiteral(name string) string {
	return fmt.Sprintf("strtab.Table{N: %d, Text: %sText, Offs: %sOffs[:], Vals: %sVals[:]}", t.N, name, name, name)
}

// WriteArrays writes, for generated code, the constant and arrays that
// GoLiteral refers to: nameText, the keys in slot order; nameOffs, the key
// bounds, sixteen a line; and nameVals, the values of the occupied slots by
// index.
func (t *Table) WriteArrays(w io.Writer, name string) {
	fmt.Fprintf(w, "const %sText = \"", name)
	for i := 0; i < t.Slots(); i++ {
		k := t.Key(i)
		if k == "" {
			continue
		}
		q := fmt.Sprintf("%q", k)
		io.WriteString(w, q[1:len(q)-1])
	}
	io.WriteString(w, "\"\n\n")
	fmt.Fprintf(w, "var %sOffs = [%d]uint32{", name, t.Slots()+1)
	off := 0
	for i := 0; i <= t.Slots(); i++ {
		if i%16 == 0 {
			io.WriteString(w, "\n\t")
		} else {
			io.WriteString(w, " ")
		}
		fmt.Fprintf(w, "%d,", off)
		if i < t.Slots() {
			off += len(t.Key(i))
		}
	}
	io.WriteString(w, "\n}\n\n")
	fmt.Fprintf(w, "var %sVals = [%d]int32{\n", name, len(t.Vals))
	for i := 0; i < t.Slots(); i++ {
		if t.Key(i) != "" {
			fmt.Fprintf(w, "\t%d: %d,\n", i, t.Vals[i])
		}
	}
	io.WriteString(w, "}\n\n")
}

// WriteGo writes t as Go source for a generated file: a variable name of
// type strtab.Table (GoLiteral) and its arrays (WriteArrays). doc, when not
// empty, is the variable's comment ("// name are the doc.").
func (t *Table) WriteGo(w io.Writer, name, doc string) {
	if doc != "" {
		fmt.Fprintf(w, "// %s are the %s.\n", name, doc)
	}
	fmt.Fprintf(w, "var %s = %s\n\n", name, t.GoLiteral(name))
	t.WriteArrays(w, name)
}
