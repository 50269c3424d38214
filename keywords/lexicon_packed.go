package keywords

// packedLexicon holds a lexicon's skills without a pointer but in text's
// string header, so that the generated built-in one (builtinPacked in
// lexicon_data.go) is pointer-free data that the runtime need not map into
// the GC's pointer mask at every start. Strings are numbered: string j is
// text[offs[j]:offs[j+1]], each distinct string once. A skill's lists are
// runs of string numbers in items.
type packedLexicon struct {
	text    string
	offs    []uint32
	items   []uint32
	entries []packedEntry
}

// packedEntry is one skill of a packedLexicon. Its lists (Aliases,
// CaseAliases, Negatives, Broader) follow each other in items from
// items[first], with lens members each. The other Keyword fields are those
// every lexicon entry has: Weight 1 and Known.
type packedEntry struct {
	id, name, kind, ambiguity, source uint32 // string numbers
	first                             uint32 // the lists' start in items
	lens                              [4]uint16
	context                           uint8 // Context
	flags                             uint8 // packedSoft, packedStem
}

// Flags of a packedEntry.
const (
	packedSoft = 1 << iota
	packedStem
)

// str returns string number j.
func (p *packedLexicon) str(j uint32) string { return p.text[p.offs[j]:p.offs[j+1]] }

// source returns entry i's source.
func (p *packedLexicon) source(i int) string { return p.str(p.entries[i].source) }

// entry decodes entry i. Its lists share one new backing array.
func (p *packedLexicon) entry(i int) Keyword {
	e := &p.entries[i]
	k := Keyword{
		ID: p.str(e.id), Name: p.str(e.name), Kind: p.str(e.kind), Ambiguity: p.str(e.ambiguity),
		Soft: e.flags&packedSoft != 0, Stem: e.flags&packedStem != 0,
		Context: Context(e.context), Weight: 1, Known: true,
	}
	n := 0
	for _, l := range e.lens {
		n += int(l)
	}
	if n == 0 {
		return k
	}
	all := make([]string, n)
	for j, s := range p.items[e.first : e.first+uint32(n)] {
		all[j] = p.str(s)
	}
	for j, list := range [4]*[]string{&k.Aliases, &k.CaseAliases, &k.Negatives, &k.Broader} {
		if l := int(e.lens[j]); l > 0 {
			*list, all = all[:l:l], all[l:]
		}
	}
	return k
}

// all decodes every entry, for Lexicon.Entries.
func (p *packedLexicon) all() []Keyword {
	out := make([]Keyword, len(p.entries))
	for i := range out {
		out[i] = p.entry(i)
	}
	return out
}

// packLexicon packs entries and their sources; it is what the generator of
// lexicon_data.go writes out. A field that a packedEntry cannot hold (a list
// of over 65,535 members, a Weight other than 1, a Tier, ...) is lost: the
// generator checks that every entry decodes as it was.
func packLexicon(entries []Keyword, sources []string) *packedLexicon {
	p := &packedLexicon{offs: []uint32{0}}
	nums := map[string]uint32{}
	var text []byte
	num := func(s string) uint32 {
		j, ok := nums[s]
		if !ok {
			j = uint32(len(p.offs) - 1)
			nums[s] = j
			text = append(text, s...)
			p.offs = append(p.offs, uint32(len(text)))
		}
		return j
	}
	for i, k := range entries {
		e := packedEntry{
			id: num(k.ID), name: num(k.Name), kind: num(k.Kind), ambiguity: num(k.Ambiguity), source: num(sources[i]),
			first: uint32(len(p.items)), context: uint8(k.Context),
		}
		if k.Soft {
			e.flags |= packedSoft
		}
		if k.Stem {
			e.flags |= packedStem
		}
		for j, list := range [4][]string{k.Aliases, k.CaseAliases, k.Negatives, k.Broader} {
			e.lens[j] = uint16(len(list))
			for _, s := range list {
				p.items = append(p.items, num(s))
			}
		}
		p.entries = append(p.entries, e)
	}
	p.text = string(text)
	return p
}
