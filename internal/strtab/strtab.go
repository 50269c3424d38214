// Package strtab is a string -> int32 hash table of plain arrays, with open
// addressing and a fixed hash. A Go map cannot be laid out by the linker,
// this can: keywords and scorer generate their built-in tables as composite
// literals of Table (lexicon_data.go, match_data.go), so a run starts with
// them built instead of building them.
package strtab

import (
	"fmt"
	"io"
)

// Table maps strings to int32. "" is never a key: it marks an empty slot.
// Generated code fills the fields; everyone else uses New, Get and Add.
type Table struct {
	Keys []string
	Vals []int32
	N    int // keys held
}

// New returns a table sized for about n keys.
func New(n int) *Table {
	size := Size(n)
	return &Table{Keys: make([]string, size), Vals: make([]int32, size)}
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

// Get returns the value of key k.
func (t *Table) Get(k string) (int32, bool) {
	if len(t.Keys) == 0 || k == "" {
		return 0, false
	}
	mask := uint32(len(t.Keys) - 1)
	for i := Hash(k) & mask; ; i = (i + 1) & mask {
		switch t.Keys[i] {
		case k:
			return t.Vals[i], true
		case "":
			return 0, false
		}
	}
}

// Add sets k to v unless k is already present (the first value wins) or
// empty, and reports whether it did.
func (t *Table) Add(k string, v int32) bool {
	if k == "" {
		return false
	}
	if (t.N+1)*3 > len(t.Keys)*2 { // keep the load under two thirds
		t.grow()
	}
	mask := uint32(len(t.Keys) - 1)
	i := Hash(k) & mask
	for ; t.Keys[i] != ""; i = (i + 1) & mask {
		if t.Keys[i] == k {
			return false
		}
	}
	t.Keys[i], t.Vals[i] = k, v
	t.N++
	return true
}

func (t *Table) grow() {
	old, oldVals := t.Keys, t.Vals
	size := Size(2 * t.N)
	t.Keys, t.Vals, t.N = make([]string, size), make([]int32, size), 0
	for i, k := range old {
		if k != "" {
			t.Add(k, oldVals[i])
		}
	}
}

// WriteGo writes t as Go source for a generated file: a variable name of
// type strtab.Table over two arrays, nameKeys and nameVals, that list the
// occupied slots by index. doc, when not empty, is the variable's comment
// ("// name are the doc.").
func (t *Table) WriteGo(w io.Writer, name, doc string) {
	if doc != "" {
		fmt.Fprintf(w, "// %s are the %s.\n", name, doc)
	}
	fmt.Fprintf(w, "var %s = strtab.Table{N: %d, Keys: %sKeys[:], Vals: %sVals[:]}\n\n", name, t.N, name, name)
	fmt.Fprintf(w, "var %sKeys = [%d]string{\n", name, len(t.Keys))
	for i, k := range t.Keys {
		if k != "" {
			fmt.Fprintf(w, "\t%d: %q,\n", i, k)
		}
	}
	io.WriteString(w, "}\n\n")
	fmt.Fprintf(w, "var %sVals = [%d]int32{\n", name, len(t.Vals))
	for i, k := range t.Keys {
		if k != "" {
			fmt.Fprintf(w, "\t%d: %d,\n", i, t.Vals[i])
		}
	}
	io.WriteString(w, "}\n\n")
}
