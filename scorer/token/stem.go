package token

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// stemBlocklist holds Snowball stems that merge an ordinary word with a
// technology name or with a different concept (excellent -> excel, reacted ->
// react, product -> production, observed -> observability, ...). A word whose
// stem is listed is never matched by stem.
var stemBlocklist = map[string]bool{
	"product": true, "excel": true, "experi": true, "author": true, "observ": true,
	"contain": true, "react": true, "swift": true, "puppet": true, "express": true,
	"spark": true, "rest": true, "access": true, "go": true, "rail": true,
	"panda": true, "shell": true, "io": true, "aw": true, "scale": true, "spring": true,
	"rust": true, "chef": true, "make": true, "helm": true, "flask": true, "jest": true,
	"dart": true, "ruby": true, "julia": true, "lisp": true, "node": true, "net": true,
	"agil": true,
}

// blockedPrefix holds the first four letters of each blocklisted stem of four
// letters or more.
var blockedPrefix = func() map[string]bool {
	m := map[string]bool{}
	for st := range stemBlocklist {
		if len(st) >= 4 {
			m[st[:4]] = true
		}
	}
	return m
}()

// Blocked reports whether stem is on the stem blocklist.
func Blocked(stem string) bool { return stemBlocklist[stem] }

// BlockedStem returns the blocklisted stem that word would have been matched
// by (reacted -> react, excellent -> excel, products -> product), and false
// when word is not an ordinary word or its stem is not blocklisted. It is for
// explaining near misses: it stems only words that start like a blocklisted
// stem, so it is cheap on ordinary text.
func BlockedStem(word string) (string, bool) {
	if !Stemmable(word) {
		return "", false
	}
	if !blockedPrefix[word[:4]] {
		return "", false
	}
	st := english.Stem(Light(word), false)
	return st, stemBlocklist[st]
}

// BlockedCandidate reports whether BlockedStem could return true for word:
// it is an ordinary word that starts like a blocklisted stem. It does not
// stem, so callers can test it before consulting a cache.
func BlockedCandidate(word string) bool {
	return Stemmable(word) && blockedPrefix[word[:4]]
}

// Stemmable reports whether word is an ordinary lowercase word that may be
// stemmed: only ASCII lowercase letters, at least 4 of them. Names (capitals),
// acronyms and tokens with digits or punctuation are never stemmed.
func Stemmable(word string) bool {
	if len(word) < 4 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return false
		}
	}
	return true
}

// Stem returns the Snowball (Porter2) stem of word after the light step
// (Light), and false when word must not be stemmed: it is not Stemmable, or its
// stem is on the blocklist. Callers also skip protected words (every known
// skill alias), which only they know.
func Stem(word string) (string, bool) {
	if !Stemmable(word) {
		return "", false
	}
	st := english.Stem(Light(word), false)
	if Blocked(st) {
		return "", false
	}
	return st, true
}

// Porter2 returns the plain Snowball (Porter2) stem of a folded word, with no
// light step and no blocklist: for callers that build their own keys. It keeps
// the snowball dependency inside this package (STYLE.md §1).
func Porter2(word string) string { return english.Stem(word, false) }

// Light returns the light inflectional key of a folded word: a possessive 's
// dropped, a regular plural made singular (ies -> y, s -> ""), and British
// -ise/-isation spelt -ize/-ization. Words shorter than five bytes are left
// alone, so "aws", "ios" and "js" keep their s. Both sides of a comparison go
// through Light, so the key only has to be consistent, not a dictionary word.
func Light(w string) string {
	if strings.HasSuffix(w, "'s") && len(w) > 3 {
		w = w[:len(w)-2]
	}
	if len(w) >= 6 {
		switch {
		case strings.HasSuffix(w, "isation"):
			w = w[:len(w)-7] + "ization"
		case strings.HasSuffix(w, "isations"):
			w = w[:len(w)-8] + "ization"
		case strings.HasSuffix(w, "ising"):
			w = w[:len(w)-5] + "izing"
		case strings.HasSuffix(w, "ised"):
			w = w[:len(w)-4] + "ized"
		case strings.HasSuffix(w, "ises"):
			w = w[:len(w)-4] + "izes"
		case strings.HasSuffix(w, "ise"):
			w = w[:len(w)-3] + "ize"
		}
	}
	if len(w) < 5 || !isLowerASCIIWord(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func isLowerASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// Singular returns the singular of an acronym plural written as an acronym
// followed by a lowercase s (APIs -> API, LLMs -> LLM, SDKs -> SDK, GPUs ->
// GPU), and false for anything else. Snowball leaves these alone or mangles
// them inconsistently, so they are handled here.
func Singular(text string) (string, bool) {
	n := len(text)
	if n < 3 || text[n-1] != 's' {
		return "", false
	}
	caps := 0
	for i := 0; i < n-1; i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			caps++
		case c >= '0' && c <= '9':
		default:
			return "", false
		}
	}
	if caps < 2 {
		return "", false
	}
	return text[:n-1], true
}
