package extract

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Layout parameters, measured in extraction.md §4 (table "Parameters at a
// glance") and §4.9 (sweeps).
const (
	spaceGap      = 0.15 // em: a larger gap between letters is a word space
	baselineTol   = 0.35 // × min font size: same line
	raisedTol     = 0.45 // × max font size: a touching raised or lowered glyph, same line
	segmentGap    = 1.2  // em: a larger gap starts a new segment (column, tab)
	clipTol       = 0.5  // em outside the page box before a glyph is dropped
	overprintTol  = 0.1  // em: same text this close is fake bold
	overprintBack = 12   // glyphs looked back for overprints
	chaosShare    = 0.10 // share of back-jumping lines that makes a page chaotic
	chaosMin      = 2    // and more back-jumps than this
	bandShare     = 0.10 // header/footer band, share of page height
)

// pageBox is the visible area of a page in user space.
type pageBox struct{ x0, y0, x1, y1 float64 }

// layoutStats are the per-page findings the layout reports as diagnostics.
type layoutStats struct {
	offPage    int  // glyphs dropped outside the page box
	icons      int  // private-use glyphs turned into spaces
	overprints int  // duplicate glyphs dropped
	hidden     int  // invisible glyphs (rendering mode 3) dropped from a page with visible text
	white      int  // white glyphs outside any dark area, dropped
	geometric  bool // stream order discarded for the geometric order
	columns    bool // a vertical gutter splits the page into columns
}

// outLine is one line of page text with the position used by the
// header/footer pass.
type outLine struct {
	text string
	y    float64
}

// segment is a run of glyphs on one line with no gap wider than segmentGap.
type segment struct {
	text           string
	x0, x1         float64
	top, bottom, y float64
	fs             float64
	chars          int
}

// layoutPage turns one page's glyphs into lines in reading order.
func layoutPage(gs []glyph, box pageBox, dark []box, st *layoutStats) []outLine {
	gs = dropInvisible(gs, dark, st)
	gs = cleanGlyphs(gs, box, st)
	var flat, rot []glyph
	nrot := 0
	for i := range gs {
		if gs[i].rot {
			nrot++
		}
	}
	if nrot == 0 {
		// The common case: no rotated text, so the glyphs are read in place.
		flat = gs
		gs = nil
	} else {
		flat = make([]glyph, 0, len(gs)-nrot)
		rot = make([]glyph, 0, nrot)
	}
	for _, g := range gs {
		if g.rot {
			// Rotated text is read in its own baseline frame.
			x, y := g.x*g.dx+g.y*g.dy, -g.x*g.dy+g.y*g.dx
			g.x, g.y = x, y
			rot = append(rot, g)
		} else {
			flat = append(flat, g)
		}
	}
	lines := streamLines(flat)
	var out []outLine
	if chaotic(lines) {
		st.geometric = true
		segs := lineSegments(geometricLines(flat))
		ordered, cols := xyCut(segs, medianFS(segs))
		st.columns = st.columns || cols
		out = joinSegments(ordered)
	} else {
		var all []segment
		for _, l := range lines {
			segs := segmentsOf(l)
			if len(segs) == 0 {
				continue
			}
			all = append(all, segs...)
			text := segs[0].text
			for _, s := range segs[1:] {
				text += " " + s.text
			}
			out = append(out, outLine{text: text, y: segs[0].y})
		}
		st.columns = st.columns || detectColumns(all)
	}
	for _, l := range streamLines(rot) {
		segs := segmentsOf(l)
		parts := make([]string, len(segs))
		for i, s := range segs {
			parts[i] = s.text
		}
		if len(parts) > 0 {
			out = append(out, outLine{text: strings.Join(parts, " "), y: math.Inf(-1)})
		}
	}
	for i := range out {
		out[i].text = cleanText(out[i].text)
	}
	return out
}

// dropInvisible removes text a reader cannot see but an ATS reads, a
// keyword-stuffing trick: white glyphs not drawn over a filled area or an
// image, and glyphs in an invisible rendering mode on a page that also has
// visible text (an OCR'd scan has only invisible text, which is kept).
func dropInvisible(gs []glyph, dark []box, st *layoutStats) []glyph {
	visible := 0
	for _, g := range gs {
		if !g.hidden && !g.space {
			visible++
		}
	}
	out := gs[:0]
	for _, g := range gs {
		if g.hidden && visible > 0 {
			if !g.space {
				st.hidden++
			}
			continue
		}
		if g.white && !g.space && !g.sep {
			on := false
			for _, d := range dark {
				if g.x >= d.x0 && g.x <= d.x1 && g.y >= d.y0 && g.y <= d.y1 {
					on = true
					break
				}
			}
			if !on {
				st.white++
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// cleanGlyphs clips to the page box, drops overprints and counts icons.
func cleanGlyphs(gs []glyph, box pageBox, st *layoutStats) []glyph {
	out := gs[:0]
	hasBox := box.x1 > box.x0 && box.y1 > box.y0
	for i := range gs {
		g := &gs[i] // out only writes at indexes up to i, so *g is still this glyph
		if g.text == "" && !g.space {
			continue
		}
		if hasBox {
			t := clipTol * g.fs
			if g.x < box.x0-t || g.x > box.x1+t || g.y < box.y0-t || g.y > box.y1+t {
				if !g.space {
					st.offPage++
				}
				continue
			}
		}
		if g.icon {
			st.icons++
		}
		if !g.space && !g.sep && g.adv != 0 {
			dup := false
			t := overprintTol * g.fs
			for k := len(out) - 1; k >= 0 && k >= len(out)-overprintBack; k-- {
				p := &out[k]
				// Positions first: they rule out almost every pair
				// before the texts are compared.
				if math.Abs(p.x-g.x) < t && math.Abs(p.y-g.y) < t && p.text == g.text {
					dup = true
					break
				}
			}
			if dup {
				st.overprints++
				continue
			}
		}
		out = append(out, *g)
	}
	return out
}

// streamLines groups glyphs in content-stream order (extraction.md §4.5).
func streamLines(gs []glyph) [][]glyph {
	var lines [][]glyph
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) {
			p, g := gs[i-1], gs[i]
			minFS := min(p.fs, g.fs)
			em := max(p.fs, g.fs)
			dy := math.Abs(g.y - p.y)
			if dy <= baselineTol*minFS && g.x >= p.x+p.adv-segmentGap*em {
				continue
			}
			// A raised or lowered glyph touching its neighbour ("1st", the
			// LaTeX logo, "mc²") stays on the line.
			if dy <= raisedTol*em && math.Abs(g.x-(p.x+p.adv)) <= spaceGap*em {
				continue
			}
		}
		lines = append(lines, gs[start:i])
		start = i
	}
	return lines
}

// geometricLines groups glyphs by baseline, top to bottom, each line left to right.
//
// The glyphs are sorted through keys (the coordinate and the index, 16
// bytes) rather than moved whole (72 bytes) at every step of the stable
// sort; slices.SortStableFunc runs the same insertion sort and merges as
// sort.SliceStable did, on the same comparisons, so the order is the same
// even where NaN coordinates make the comparison inconsistent.
func geometricLines(gs []glyph) [][]glyph {
	keys := make([]glyphKey, len(gs))
	for i := range gs {
		keys[i] = glyphKey{gs[i].y, i}
	}
	slices.SortStableFunc(keys, func(a, b glyphKey) int {
		if a.k > b.k {
			return -1 // a above b: first
		}
		return 0
	})
	s := make([]glyph, len(gs))
	for j, k := range keys {
		s[j] = gs[k.i]
	}
	var lines [][]glyph
	var tmp []glyph
	start := 0
	for i := 1; i <= len(s); i++ {
		if i < len(s) {
			r, g := s[start], s[i]
			if math.Abs(g.y-r.y) <= baselineTol*min(g.fs, r.fs) {
				continue
			}
		}
		l := s[start:i]
		if len(l) > 1 {
			lk := keys[:len(l)]
			for j := range l {
				lk[j] = glyphKey{l[j].x, j}
			}
			slices.SortStableFunc(lk, func(a, b glyphKey) int {
				if a.k < b.k {
					return -1
				}
				return 0
			})
			tmp = append(tmp[:0], l...)
			for j, k := range lk {
				l[j] = tmp[k.i]
			}
		}
		lines = append(lines, l)
		start = i
	}
	return lines
}

// glyphKey is a glyph's sort key and its index.
type glyphKey struct {
	k float64
	i int
}

// chaotic reports whether the stream order jumps back up inside a column
// often enough to be discarded (extraction.md §4.6, chaos test).
func chaotic(lines [][]glyph) bool {
	type ext struct{ x0, x1, y, fs float64 }
	var es []ext
	for _, l := range lines {
		e := ext{x0: math.Inf(1), x1: math.Inf(-1)}
		letters := false
		for _, g := range l {
			if g.space || g.sep {
				continue
			}
			letters = true
			e.x0 = min(e.x0, g.x)
			e.x1 = max(e.x1, g.x+g.adv)
			e.fs = max(e.fs, g.fs)
		}
		if letters {
			e.y = l[0].y
			es = append(es, e)
		}
	}
	jumps := 0
	for i := 1; i < len(es); i++ {
		p, n := es[i-1], es[i]
		if n.y > p.y+0.5*max(p.fs, n.fs) && n.x0 < p.x1 && p.x0 < n.x1 {
			jumps++
		}
	}
	return jumps > chaosMin && float64(jumps) > chaosShare*float64(len(es))
}

// segmentsOf splits one line into segments and spaces its words (§4.5).
func segmentsOf(l []glyph) []segment {
	var segs []segment
	var b strings.Builder
	var cur segment
	have := false       // cur has letters
	pending := false    // a space or separator since the last letter
	var prevEnd float64 // end of the previous glyph of any kind
	var prevFS float64
	var lastLetter glyph
	flush := func() {
		if have {
			cur.text = b.String()
			segs = append(segs, cur)
		}
		b.Reset()
		have, pending = false, false
	}
	for i, g := range l {
		em := max(g.fs, prevFS)
		if i > 0 && g.x-prevEnd > segmentGap*em {
			flush()
		}
		end := g.x + g.adv
		if i == 0 || end > prevEnd || g.x-prevEnd > segmentGap*em {
			prevEnd = end
		}
		prevFS = g.fs
		if g.space || g.sep {
			pending = true
			continue
		}
		if !have {
			cur = segment{x0: g.x, y: g.y, fs: g.fs, top: g.y + 0.75*g.fs, bottom: g.y - 0.2*g.fs}
			have = true
		} else {
			em := max(g.fs, lastLetter.fs)
			if pending || g.x-(lastLetter.x+lastLetter.adv) > spaceGap*em {
				b.WriteByte(' ')
			}
		}
		pending = false
		b.WriteString(g.text)
		cur.chars += len(g.text)
		cur.x1 = max(cur.x1, end)
		cur.fs = max(cur.fs, g.fs)
		cur.top = max(cur.top, g.y+0.75*g.fs)
		cur.bottom = min(cur.bottom, g.y-0.2*g.fs)
		lastLetter = g
	}
	flush()
	return segs
}

func lineSegments(lines [][]glyph) []segment {
	var out []segment
	for _, l := range lines {
		out = append(out, segmentsOf(l)...)
	}
	return out
}

func medianFS(segs []segment) float64 {
	if len(segs) == 0 {
		return 10
	}
	fs := make([]float64, len(segs))
	for i, s := range segs {
		fs[i] = s.fs
	}
	sort.Float64s(fs)
	return fs[len(fs)/2]
}

// bands splits segments into horizontal bands separated by vertical gaps, top first.
// The segments are sorted through (top, index) keys, as geometricLines
// sorts glyphs: the same stable sort on the same comparisons.
func bands(segs []segment) [][]segment {
	keys := make([]glyphKey, len(segs))
	for i := range segs {
		keys[i] = glyphKey{segs[i].top, i}
	}
	slices.SortStableFunc(keys, func(a, b glyphKey) int {
		if a.k > b.k {
			return -1
		}
		return 0
	})
	s := make([]segment, len(segs))
	for j, k := range keys {
		s[j] = segs[k.i]
	}
	var out [][]segment
	start := 0
	low := math.Inf(1)
	for i := range s {
		if i > start && s[i].top < low {
			out = append(out, s[start:i])
			start = i
			low = math.Inf(1)
		}
		low = min(low, s[i].bottom)
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// cutScratch holds verticalCutScratch's working slices so that repeated
// trials on one page reuse them.
type cutScratch struct {
	spans       []span
	left, right []segment
	edges       []float64 // isRail's
}

// span is the horizontal extent of a segment.
type span struct{ x0, x1 float64 }

// verticalCutScratch finds the widest valid vertical gutter (extraction.md
// §4.6 step 1). nbands is the number of bands of segs when already known (-1
// when not); sc holds caller-owned scratch slices.
func verticalCutScratch(segs []segment, mfs float64, nbands int, sc *cutScratch) (float64, bool) {
	if len(segs) < 4 {
		return 0, false
	}
	s := sc.spans[:0]
	for _, g := range segs {
		s = append(s, span{g.x0, g.x1})
	}
	sc.spans = s
	best, ok := widestGap(s, mfs)
	if !ok {
		return 0, false
	}
	return cutAt(segs, best, nbands, sc)
}

// widestGap returns the middle of the widest gap between the spans (which
// it sorts), when it is at least a segment gap wide.
//
// Only the horizontal extents are sorted: 16 bytes a swap instead of a
// whole segment. The widest gap does not depend on the order of equal x0
// (only the first of them can open a gap), and slices.SortFunc runs the
// same pdqsort as sort.Slice did, so even NaN edges sort as they did.
func widestGap(s []span, mfs float64) (float64, bool) {
	slices.SortFunc(s, cmpX0)
	reach := s[0].x1
	best, bestW := 0.0, 0.0
	for _, g := range s[1:] {
		if g.x0 > reach && g.x0-reach > bestW {
			bestW = g.x0 - reach
			best = (g.x0 + reach) / 2
		}
		reach = max(reach, g.x1)
	}
	if bestW < segmentGap*mfs {
		return 0, false
	}
	return best, true
}

// cutAt is the rest of verticalCutScratch once a gap is found at best:
// with three bands or more, both sides must hold a share of the text and
// neither may be a date rail.
func cutAt(segs []segment, best float64, nbands int, sc *cutScratch) (float64, bool) {
	if nbands < 0 {
		nbands = len(bands(segs))
	}
	if nbands < 3 {
		return best, true
	}
	left, right := sc.left[:0], sc.right[:0]
	defer func() { sc.left, sc.right = left, right }()
	var lc, rc, total int
	for _, g := range segs {
		total += g.chars
		if g.x1 <= best {
			left = append(left, g)
			lc += g.chars
		} else {
			right = append(right, g)
			rc += g.chars
		}
	}
	if len(left) < 2 || len(right) < 2 || float64(lc) < 0.1*float64(total) || float64(rc) < 0.1*float64(total) {
		return 0, false
	}
	zone := 0.0
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, g := range segs {
		minX, maxX = min(minX, g.x0), max(maxX, g.x1)
	}
	zone = maxX - minX
	if isRail(left, right, zone, &sc.edges) || isRail(right, left, zone, &sc.edges) {
		return 0, false
	}
	return best, true
}

// cmpX0 orders spans by x0 with the comparison sort.Slice used (a < b).
func cmpX0(a, b span) int {
	switch {
	case a.x0 < b.x0:
		return -1
	case b.x0 < a.x0:
		return 1
	}
	return 0
}

// isRail reports whether side is a date rail beside other rather than a column.
// edges is a scratch slice.
func isRail(side, other []segment, zone float64, edges *[]float64) bool {
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, g := range side {
		minX, maxX = min(minX, g.x0), max(maxX, g.x1)
	}
	narrow := maxX-minX < 0.25*zone
	// The most segments whose right (left) edge lies within 2 pt of one's.
	e := (*edges)[:0]
	for _, g := range side {
		e = append(e, g.x1)
	}
	sameRight := maxWithin2(e)
	e = e[:0]
	for _, g := range side {
		e = append(e, g.x0)
	}
	sameLeft := maxWithin2(e)
	*edges = e
	rightAligned := float64(sameRight) >= 0.6*float64(len(side)) && sameRight > sameLeft
	if !narrow && !rightAligned {
		return false
	}
	paired := 0
	for _, g := range side {
		for _, h := range other {
			if math.Abs(h.y-g.y) <= 0.3*max(g.fs, h.fs) {
				paired++
				break
			}
		}
	}
	return float64(paired) >= 0.7*float64(len(side))
}

// maxWithin2 returns the largest number of values v with |v-w| <= 2 for
// one value w of vals (which it sorts), counting w itself: the pairwise
// count, computed with a sliding window. A value that is not finite counts
// nothing and is counted by none, as in the pairwise comparison (NaN and
// Inf-Inf compare false). The window is exact: rounding keeps v-w monotone
// in v and in w, so the values within 2 of w form a run of the sorted
// values, and both ends of the run only move right as w grows.
func maxWithin2(vals []float64) int {
	finite := vals[:0]
	for _, v := range vals {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			finite = append(finite, v)
		}
	}
	sort.Float64s(finite)
	best, lo, hi := 0, 0, 0
	for i, w := range finite {
		for math.Abs(finite[lo]-w) > 2 {
			lo++
		}
		hi = max(hi, i)
		for hi+1 < len(finite) && math.Abs(finite[hi+1]-w) <= 2 {
			hi++
		}
		best = max(best, hi-lo+1)
	}
	return best
}

// Bounds on the XY-cut's work: a hostile or huge page falls back to plain
// band order instead of taking seconds.
const (
	maxCutSegments = 4000 // segments on a page
	maxPeel        = 8    // header and footer bands peeled off a column zone
)

// xyCut orders segments with a column-preferring XY-cut (extraction.md §4.6).
func xyCut(segs []segment, mfs float64) ([]segment, bool) {
	var sc cutScratch
	return xyCutScratch(segs, mfs, &sc)
}

// xyCutScratch is xyCut with one set of scratch slices for every trial cut
// of the recursion: a trial's slices are dead once it returns. The
// halves and the peeled zones it recurses on are sized before they are
// filled, so no slice grows by doubling.
func xyCutScratch(segs []segment, mfs float64, sc *cutScratch) ([]segment, bool) {
	if len(segs) <= 1 {
		return segs, false
	}
	if len(segs) > maxCutSegments {
		return flatten(sortedBands(segs)), false
	}
	if x, ok := verticalCutScratch(segs, mfs, -1, sc); ok {
		nl := 0
		for _, g := range segs {
			if g.x1 <= x {
				nl++
			}
		}
		if nl > 0 && nl < len(segs) {
			left, right := make([]segment, 0, nl), make([]segment, 0, len(segs)-nl)
			for _, g := range segs {
				if g.x1 <= x {
					left = append(left, g)
				} else {
					right = append(right, g)
				}
			}
			l, _ := xyCutScratch(left, mfs, sc)
			r, _ := xyCutScratch(right, mfs, sc)
			return append(l, r...), true
		}
	}
	bs := bands(segs)
	if len(bs) > 3 && len(segs) <= maxCutSegments {
		// Peel the fewest top and bottom bands that leave a column zone.
		// The trials flatten into one reused slice; only the zones of the
		// cut that holds are copied out.
		var trial []segment
		for peel := 1; peel <= len(bs)-3 && peel <= maxPeel; peel++ {
			for top := 0; top <= peel; top++ {
				bot := peel - top
				trial = appendFlat(trial[:0], bs[top:len(bs)-bot])
				if _, ok := verticalCutScratch(trial, mfs, len(bs)-top-bot, sc); !ok {
					continue
				}
				mid := appendFlat(nil, bs[top:len(bs)-bot])
				a, _ := xyCutScratch(flatten(bs[:top]), mfs, sc)
				m, _ := xyCutScratch(mid, mfs, sc)
				z, _ := xyCutScratch(flatten(bs[len(bs)-bot:]), mfs, sc)
				return append(append(a, m...), z...), true
			}
		}
	}
	return flatten(sortedBands(segs)), false
}

// sortedBands returns the bands of segs, top first, each left to right.
func sortedBands(segs []segment) [][]segment {
	bs := bands(segs)
	for _, b := range bs {
		sort.SliceStable(b, func(i, j int) bool { return b[i].x0 < b[j].x0 })
	}
	return bs
}

// detectColumns reports a column zone on a page read in stream order: a valid
// vertical cut once at most three top and two bottom bands (a name header, a
// footer) are peeled off. It is a cheap bounded form of xyCut's step 2.
func detectColumns(segs []segment) bool {
	if len(segs) > maxCutSegments {
		return false
	}
	mfs := medianFS(segs)
	bs := bands(segs)
	// The twelve trials share their scratch slices.
	var sc cutScratch
	var flat []segment
	for top := 0; top <= 3; top++ {
		for bot := 0; bot <= 2; bot++ {
			if len(bs)-top-bot < 3 {
				continue
			}
			// verticalCutScratch on the flattened zone, with the zone
			// flattened only once its extents show a gap: most trials
			// stop there.
			zone := bs[top : len(bs)-bot]
			sp := sc.spans[:0]
			for _, b := range zone {
				for _, g := range b {
					sp = append(sp, span{g.x0, g.x1})
				}
			}
			sc.spans = sp
			if len(sp) < 4 {
				continue
			}
			best, ok := widestGap(sp, mfs)
			if !ok {
				continue
			}
			flat = appendFlat(flat[:0], zone)
			if _, ok := cutAt(flat, best, len(bs)-top-bot, &sc); ok {
				return true
			}
		}
	}
	return false
}

func flatten(bs [][]segment) []segment {
	return appendFlat(nil, bs)
}

// appendFlat appends the segments of bs to dst, growing it once. With no
// segments it returns dst unchanged (nil stays nil, as flatten's callers
// expect of an empty zone).
func appendFlat(dst []segment, bs [][]segment) []segment {
	n := 0
	for _, b := range bs {
		n += len(b)
	}
	if n == 0 {
		return dst
	}
	dst = slices.Grow(dst, n)
	for _, b := range bs {
		dst = append(dst, b...)
	}
	return dst
}

// joinSegments makes lines of ordered segments, joining neighbours on one baseline.
func joinSegments(segs []segment) []outLine {
	var out []outLine
	for i, s := range segs {
		if i > 0 {
			p := segs[i-1]
			if math.Abs(p.y-s.y) <= baselineTol*min(p.fs, s.fs) && s.x0 > p.x0 {
				out[len(out)-1].text += " " + s.text
				continue
			}
		}
		out = append(out, outLine{text: s.text, y: s.y})
	}
	return out
}

// cleanText applies NFKC, turns icons, controls and separators into spaces
// and collapses runs of spaces (extraction.md §4.7).
func cleanText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x7f || s[i] < 0x20 {
			ascii = false
			break
		}
	}
	if ascii && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\u00ad' {
			b.WriteRune(r) // removed after dehyphenation
			continue
		}
		if unicode.IsSpace(r) || r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 || r == 0xFFFD || unicode.IsControl(r) || r == '\u200b' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
