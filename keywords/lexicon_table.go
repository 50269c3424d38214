package keywords

// strTable is a string -> int32 hash table with open addressing: one array
// of keys and one of values, no pointers per entry. The built-in lexicon's
// tables are composite literals in lexicon_data.go, which the linker lays
// out in the binary: nothing to build or allocate at start-up. "" is never
// a key (it marks an empty slot).
type strTable struct {
	keys []string
	vals []int32
	n    int // keys held
}

// newStrTable returns a table sized for about n keys.
func newStrTable(n int) *strTable {
	size := 8
	for size < n+n/2 {
		size <<= 1
	}
	return &strTable{keys: make([]string, size), vals: make([]int32, size)}
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

// add sets k to v unless k is already present (the first value wins) or
// empty, and reports whether it did.
func (t *strTable) add(k string, v int32) bool {
	if k == "" {
		return false
	}
	if (t.n+1)*3 > len(t.keys)*2 { // keep the load under two thirds
		t.grow()
	}
	mask := uint32(len(t.keys) - 1)
	i := strHash(k) & mask
	for ; t.keys[i] != ""; i = (i + 1) & mask {
		if t.keys[i] == k {
			return false
		}
	}
	t.keys[i], t.vals[i] = k, v
	t.n++
	return true
}

func (t *strTable) grow() {
	old, oldVals := t.keys, t.vals
	size := 2 * len(old)
	if size < 8 {
		size = 8
	}
	t.keys, t.vals, t.n = make([]string, size), make([]int32, size), 0
	for i, k := range old {
		if k != "" {
			t.add(k, oldVals[i])
		}
	}
}
