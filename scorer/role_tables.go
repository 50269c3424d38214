package scorer

//go:generate go test -run ^TestRoleTablesAreCurrent$ -update-roles

import (
	"math"

	"github.com/resumescore/resumescore/keywords"
)

// The tables Compile builds for a set (its trie, targets and lookup maps)
// depend only on the set's resolved keywords and on the lexicon. For every
// built-in role against the built-in lexicon they are generated into
// role_tables_data.go, as Go literals, by TestRoleTablesAreCurrent, which
// fails when they are stale; Compile uses them when the keywords it was
// given have a generated role's fingerprint, and builds the tables otherwise
// (a user's role file, a keyword list, a job description). This took the
// role's compilation, a tenth of `resumescore FILE --role backend`, off
// every run.

// fingerprintKeywords hashes every field of every keyword (FNV-1a, 64
// bits, written out so that it allocates nothing), so two keyword lists
// with the same fingerprint compile to the same tables.
// TestFingerprintKeywords fails when Keyword gains a field this function
// does not hash.
func fingerprintKeywords(kws []keywords.Keyword) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	num := func(x uint64) {
		for i := 0; i < 8; i++ {
			h ^= x & 0xff
			h *= prime
			x >>= 8
		}
	}
	str := func(s string) {
		num(uint64(len(s)))
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= prime
		}
	}
	strs := func(l []string) {
		if l == nil {
			num(math.MaxUint64) // nil and empty lists compile alike, but keep them apart anyway
			return
		}
		num(uint64(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	flag := func(b bool) {
		if b {
			num(1)
		} else {
			num(0)
		}
	}
	num(uint64(len(kws)))
	for i := range kws {
		k := &kws[i]
		str(k.ID)
		str(k.Name)
		strs(k.Aliases)
		strs(k.CaseAliases)
		num(uint64(k.Tier))
		str(k.Kind)
		flag(k.Soft)
		num(math.Float64bits(k.Weight))
		num(uint64(k.Context))
		str(k.Ambiguity)
		flag(k.Stem)
		strs(k.Variants)
		strs(k.Negatives)
		strs(k.Broader)
		str(k.Group)
		str(k.Section)
		num(uint64(k.Count))
		flag(k.Other)
		flag(k.Known)
	}
	return h
}

// inSetOf returns a table of n flags with those at the given indices set.
func inSetOf(n int32, set []int32) []bool {
	out := make([]bool, n)
	for _, i := range set {
		out[i] = true
	}
	return out
}

// firstLetters returns the table of the bytes of s.
func firstLetters(s string) (out [256]bool) {
	for i := 0; i < len(s); i++ {
		out[s[i]] = true
	}
	return out
}
