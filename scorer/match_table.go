package scorer

// The trie's tables. They are open-addressing hash tables of plain arrays
// rather than Go maps so that the lexicon's base index can be generated as
// composite literals (match_data.go) that the linker lays out in the binary:
// a run starts with the index built, instead of spending a quarter of its
// time building it. (keywords has the same string table for its lexicon; a
// shared leaf package is not worth two dozen lines.)

// strTable maps strings to int32. "" is never a key: it marks an empty slot.
type strTable struct {
	keys []string
	vals []int32
	n    int // keys held
}

// newStrTable returns a table sized for about n keys.
func newStrTable(n int) *strTable {
	size := tableSize(n)
	return &strTable{keys: make([]string, size), vals: make([]int32, size)}
}

// tableSize is a power of two that holds n keys under two thirds full.
func tableSize(n int) int {
	size := 8
	for size*2 < n*3+3 {
		size <<= 1
	}
	return size
}

// strHash is 32-bit FNV-1a: fixed, so that generated tables stay valid.
func strHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// get returns the value of key k.
func (t *strTable) get(k string) (int32, bool) {
	if len(t.keys) == 0 || k == "" {
		return 0, false
	}
	mask := uint32(len(t.keys) - 1)
	for i := strHash(k) & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case "":
			return 0, false
		}
	}
}

// add sets k to v unless k is already present or empty.
func (t *strTable) add(k string, v int32) {
	if k == "" {
		return
	}
	if (t.n+1)*3 > len(t.keys)*2 {
		t.grow()
	}
	mask := uint32(len(t.keys) - 1)
	i := strHash(k) & mask
	for ; t.keys[i] != ""; i = (i + 1) & mask {
		if t.keys[i] == k {
			return
		}
	}
	t.keys[i], t.vals[i] = k, v
	t.n++
}

func (t *strTable) grow() {
	old, oldVals := t.keys, t.vals
	size := tableSize(2 * t.n)
	t.keys, t.vals, t.n = make([]string, size), make([]int32, size), 0
	for i, k := range old {
		if k != "" {
			t.add(k, oldVals[i])
		}
	}
}

// edgeTable maps trie edges, edgeKey(from, word), to nodes. A slot holds
// key+1, so that 0 marks an empty slot.
type edgeTable struct {
	keys []uint64
	vals []int32
	n    int
}

func newEdgeTable(n int) *edgeTable {
	size := tableSize(n)
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
		size := tableSize(2 * t.n)
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
