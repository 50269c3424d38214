package keywords

import "io/fs"

// Lexicon is the built-in skill lexicon plus the English word list that stops
// fuzzy matching. owner: matching helper.
type Lexicon struct{}

// LoadLexicon reads the lexicon from fsys (seeds.FS() in the tool, fstest.MapFS in tests).
func LoadLexicon(fsys fs.FS) (*Lexicon, error) { return &Lexicon{}, nil }

// Lookup returns the lexicon's knowledge of a skill named name (any alias, any case).
func (l *Lexicon) Lookup(name string) (Keyword, bool) { return Keyword{}, false }

// Resolve fills each keyword of set that the lexicon knows with its aliases,
// case and context rules, keeping the set's own tier, weight and display name.
func (l *Lexicon) Resolve(set *Set) {}
