package scorer

import "github.com/resumescore/resumescore/keywords"

// Fuzzy (probable typo) rule, after ../shared/notes/matching.md §6: whole
// tokens of letters only, at least minFuzzyLen letters; at most one edit up to
// 8 letters and two from 9 (OSA: a transposition is one edit); the first
// letter equal; never when the resume's word is an English word or a known
// alias, never when it is as near to another skill, never for ambiguous names.
// Two guards of our own, from the corpus review: only skills from the
// hand-checked sources (curated, O*NET hot technologies) or the user's own
// unknown keywords are typo targets (third-party brand lists are full of
// names one letter from a surname or a word: Agora/Arora, Tekton/Tecton), and
// a word written in capitals past its first letter (FISMA, PrIMA) is an
// acronym or a name, not a typo.
const minFuzzyLen = 5

func maxEdits(n int) int {
	if n >= 9 {
		return 2
	}
	return 1
}

// fuzzyEligible reports whether typos of keyword k may be matched.
func fuzzyEligible(k keywords.Keyword, t *target) bool {
	if t.ctx != keywords.AnyContext || t.ambiguous {
		return false
	}
	switch k.Ambiguity {
	case "english_word", "short", "person_name", "punctuation":
		return false
	}
	return true
}

func lettersOnly(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// deletions returns w and every string made by deleting up to d letters from
// it (the symmetric-delete neighbourhood): two words within OSA distance d
// share at least one of them, so lookups cost the same for 10 keywords or
// 10,000.
func deletions(w string, d int) []string {
	out := []string{w}
	frontier := []string{w}
	seen := map[string]bool{w: true}
	for step := 0; step < d; step++ {
		var next []string
		for _, s := range frontier {
			if len(s) <= 1 {
				continue
			}
			for i := 0; i < len(s); i++ {
				x := s[:i] + s[i+1:]
				if !seen[x] {
					seen[x] = true
					next = append(next, x)
					out = append(out, x)
				}
			}
		}
		frontier = next
	}
	return out
}

// fuzzyCandidates calls fn for every fuzzy-eligible form (with its folded
// letters, its fuzzyWords entry) sharing a deletion neighbour with w (up to d
// deletions), without allocating: the map lookups
// convert a reused byte buffer. A set too small to have a deletion index
// (indexFuzzy) gives every form with w's first letter and a length at most
// two away instead: a superset of those, and the caller keeps only forms
// within the edit limit either way.
func (ix *Index) fuzzyCandidates(w string, d int, fn func(fi int32, cand string)) {
	if ix.fuzzy == nil {
		for i, c := range ix.fuzzyWords {
			if c[0] == w[0] && len(c)-len(w) <= 2 && len(w)-len(c) <= 2 {
				fn(ix.fuzzyForms[i], c)
			}
		}
		return
	}
	var buf [64]byte
	look := func(b []byte) {
		for _, i := range ix.fuzzy[string(b)] {
			fn(ix.fuzzyForms[i], ix.fuzzyWords[i])
		}
	}
	look([]byte(w)[:len(w):len(w)])
	n := len(w)
	for i := 0; i < n; i++ {
		if i > 0 && w[i] == w[i-1] {
			continue // deleting either of a doubled letter gives the same string
		}
		b := buf[:0]
		b = append(b, w[:i]...)
		b = append(b, w[i+1:]...)
		look(b)
		if d < 2 {
			continue
		}
		for j := i; j < n-1; j++ {
			if j > i && b[j] == b[j-1] {
				continue
			}
			var b2 [64]byte
			c := b2[:0]
			c = append(c, b[:j]...)
			c = append(c, b[j+1:]...)
			look(c)
		}
	}
}

// osa returns the optimal string alignment distance of a and b (Damerau-
// Levenshtein where a transposed pair counts once and is not edited again),
// giving up with limit+1 once the distance must exceed limit. It works on
// bytes (callers pass lowercase ASCII letters) and does not allocate for
// words up to 32 bytes. Our own code rather than go-edlib: it is a few lines,
// ASCII-only on a hot path, and needs the early exit.
func osa(a, b string, limit int) int {
	la, lb := len(a), len(b)
	if la-lb > limit || lb-la > limit {
		return limit + 1
	}
	if la == 0 || lb == 0 {
		return max(la, lb)
	}
	var buf [3][33]int
	var prev2, prev, cur []int
	if lb < 33 {
		prev2, prev, cur = buf[0][:lb+1], buf[1][:lb+1], buf[2][:lb+1]
	} else {
		prev2, prev, cur = make([]int, lb+1), make([]int, lb+1), make([]int, lb+1)
	}
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// bagWithin reports whether the letters of a and b (a-z) differ by at most
// limit: max(letters of a missing from b, letters of b missing from a),
// counted with repeats. That bag distance never exceeds the edit distance
// osa computes (an insertion, deletion or substitution changes it by one at
// most, a transposition not at all), so a false here spares osa. Words with
// other bytes always pass.
func bagWithin(a, b string, limit int) bool {
	var n [26]int
	for i := 0; i < len(a); i++ {
		c := a[i] - 'a'
		if c >= 26 {
			return true
		}
		n[c]++
	}
	for i := 0; i < len(b); i++ {
		c := b[i] - 'a'
		if c >= 26 {
			return true
		}
		n[c]--
	}
	more, fewer := 0, 0
	for _, x := range n {
		if x > 0 {
			more += x
		} else {
			fewer -= x
		}
	}
	return max(more, fewer) <= limit
}
