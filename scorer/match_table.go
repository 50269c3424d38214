package scorer

import "github.com/resumescore/resumescore/internal/strtab"

// The trie's tables. They are open-addressing hash tables of plain arrays
// rather than Go maps so that the lexicon's base index can be generated as
// composite literals (match_data.go) that the linker lays out in the binary:
// a run starts with the index built, instead of spending a quarter of its
// time building it. Words are in a strtab.Table (shared with keywords' lexicon
// tables); edges in the edgeTable below.

// edgeTable maps trie edges, edgeKey(from, word), to nodes. A slot holds
// key+1, so that 0 marks an empty slot.
type edgeTable struct {
	keys []uint64
	vals []int32
	n    int
}

func newEdgeTable(n int) *edgeTable {
	size := strtab.Size(n)
	return &edgeTable{keys: make([]uint64, size), vals: make([]int32, size)}
}

// edgeHash is Fibonacci hashing of the key's 64 bits down to 32.
func edgeHash(k uint64) uint32 { return uint32((k * 0x9E3779B97F4A7C15) >> 32) }

func (t *edgeTable) get(k uint64) (int32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	mask := uint32(len(t.keys) - 1)
	for i := edgeHash(k) & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k + 1:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// add sets k to v; k must not be present.
func (t *edgeTable) add(k uint64, v int32) {
	if (t.n+1)*3 > len(t.keys)*2 {
		old, oldVals := t.keys, t.vals
		size := strtab.Size(2 * t.n)
		t.keys, t.vals, t.n = make([]uint64, size), make([]int32, size), 0
		for i, k := range old {
			if k != 0 {
				t.add(k-1, oldVals[i])
			}
		}
	}
	mask := uint32(len(t.keys) - 1)
	i := edgeHash(k) & mask
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = k+1, v
	t.n++
}
