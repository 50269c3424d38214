package extract

import (
	"math"
	"math/rand"
	"sort"
	"testing"
)

// xyCutBefore is xyCut as it was before it shared its scratch slices and
// sized its halves (kept to hold the new code to the same order).
func xyCutBefore(segs []segment, mfs float64) ([]segment, bool) {
	if len(segs) <= 1 {
		return segs, false
	}
	if len(segs) > maxCutSegments {
		return flatten(sortedBands(segs)), false
	}
	if x, ok := verticalCutBefore(segs, mfs, -1); ok {
		var left, right []segment
		for _, g := range segs {
			if g.x1 <= x {
				left = append(left, g)
			} else {
				right = append(right, g)
			}
		}
		if len(left) > 0 && len(right) > 0 {
			l, _ := xyCutBefore(left, mfs)
			r, _ := xyCutBefore(right, mfs)
			return append(l, r...), true
		}
	}
	bs := bands(segs)
	if len(bs) > 3 && len(segs) <= maxCutSegments {
		for peel := 1; peel <= len(bs)-3 && peel <= maxPeel; peel++ {
			for top := 0; top <= peel; top++ {
				bot := peel - top
				var mid []segment
				for _, b := range bs[top : len(bs)-bot] {
					mid = append(mid, b...)
				}
				if _, ok := verticalCutBefore(mid, mfs, len(bs)-top-bot); !ok {
					continue
				}
				a, _ := xyCutBefore(flatten(bs[:top]), mfs)
				m, _ := xyCutBefore(mid, mfs)
				z, _ := xyCutBefore(flatten(bs[len(bs)-bot:]), mfs)
				return append(append(a, m...), z...), true
			}
		}
	}
	return flatten(sortedBands(segs)), false
}

// verticalCutBefore is verticalCutScratch as it was: sort.Slice on x0 and
// fresh scratch slices.
func verticalCutBefore(segs []segment, mfs float64, nbands int) (float64, bool) {
	if len(segs) < 4 {
		return 0, false
	}
	s := append([]segment(nil), segs...)
	sort.Slice(s, func(i, j int) bool { return s[i].x0 < s[j].x0 })
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
	if nbands < 0 {
		nbands = len(bands(segs))
	}
	if nbands < 3 {
		return best, true
	}
	var left, right []segment
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
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, g := range segs {
		minX, maxX = min(minX, g.x0), max(maxX, g.x1)
	}
	zone := maxX - minX
	var edges []float64
	if isRail(left, right, zone, &edges) || isRail(right, left, zone, &edges) {
		return 0, false
	}
	return best, true
}

// detectColumnsBefore is detectColumns on verticalCutBefore.
func detectColumnsBefore(segs []segment) bool {
	if len(segs) > maxCutSegments {
		return false
	}
	mfs := medianFS(segs)
	bs := bands(segs)
	for top := 0; top <= 3; top++ {
		for bot := 0; bot <= 2; bot++ {
			if len(bs)-top-bot < 3 {
				continue
			}
			if _, ok := verticalCutBefore(flatten(bs[top:len(bs)-bot]), mfs, len(bs)-top-bot); ok {
				return true
			}
		}
	}
	return false
}

// randomPage lays out n segments in up to three columns with a header and
// a footer band, snapped to a coarse grid so that equal x0, equal tops and
// touching edges are common; some values are NaN or infinite.
func randomPage(rng *rand.Rand, n int, odd bool) []segment {
	cols := 1 + rng.Intn(3)
	if cols == 1 && rng.Intn(2) == 0 {
		cols = 2
	}
	segs := make([]segment, 0, n)
	for i := 0; i < n; i++ {
		c := rng.Intn(cols)
		x0 := 50 + float64(c)*180 + float64(rng.Intn(4))*6
		w := 20 + float64(rng.Intn(20))*8
		y := 780 - float64(rng.Intn(60))*12
		if rng.Intn(25) == 0 { // a header or footer line across the page
			x0, w = 50, 400+float64(rng.Intn(3))*40
		}
		fs := []float64{9, 10, 10, 12, 18}[rng.Intn(5)]
		s := segment{text: string(rune('a'+i%26)) + string(rune('a'+i/26%26)), x0: x0, x1: x0 + w, y: y, fs: fs,
			top: y + 0.75*fs, bottom: y - 0.2*fs, chars: 1 + rng.Intn(40)}
		if odd && rng.Intn(30) == 0 {
			s.x0 = []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[rng.Intn(3)]
		}
		segs = append(segs, s)
	}
	return segs
}

// TestXYCutSameOrder holds xyCut, verticalCutScratch and detectColumns to
// the code they replaced, on crafted pages and random multi-column ones
// (with NaN and infinite edges among them).
func TestXYCutSameOrder(t *testing.T) {
	two := []segment{
		{text: "a", x0: 50, x1: 250, y: 700, top: 709, bottom: 698, fs: 12, chars: 10},
		{text: "b", x0: 300, x1: 500, y: 700, top: 709, bottom: 698, fs: 12, chars: 10},
	}
	tests := [][]segment{nil, two[:1], two}
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 400; i++ {
		tests = append(tests, randomPage(rng, rng.Intn(120), i%3 == 0))
	}
	cuts, detected := 0, 0
	for i, segs := range tests {
		in := append([]segment(nil), segs...)
		mfs := medianFS(segs)
		want, wantCols := xyCutBefore(append([]segment(nil), segs...), mfs)
		got, gotCols := xyCut(in, mfs)
		if gotCols != wantCols || !sameSegments(got, want) {
			t.Errorf("page %d (%d segments): xyCut order or columns (%v) differ from the code it replaced (%v)", i, len(segs), gotCols, wantCols)
		}
		if wantCols {
			cuts++
		}
		var sc cutScratch
		for _, nb := range []int{-1, 2, 5} {
			wx, wok := verticalCutBefore(segs, mfs, nb)
			gx, gok := verticalCutScratch(segs, mfs, nb, &sc)
			if gok != wok || math.Float64bits(gx) != math.Float64bits(wx) {
				t.Errorf("page %d, %d bands: verticalCutScratch = %v, %v; the code it replaced %v, %v", i, nb, gx, gok, wx, wok)
			}
		}
		wantDet, gotDet := detectColumnsBefore(segs), detectColumns(segs)
		if gotDet != wantDet {
			t.Errorf("page %d: detectColumns = %v, the code it replaced %v", i, gotDet, wantDet)
		}
		if wantDet {
			detected++
		}
	}
	if detected < 20 || detected > len(tests)-20 {
		t.Errorf("detectColumns found columns on %d of %d pages: the test pages do not exercise both outcomes", detected, len(tests))
	}
	if cuts < 50 {
		t.Errorf("only %d of %d pages found columns: the test pages do not exercise the cut", cuts, len(tests))
	}
}

// sameSegments compares segment lists field by field, NaN equal to NaN.
func sameSegments(a, b []segment) bool {
	if len(a) != len(b) {
		return false
	}
	same := func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }
	for i := range a {
		x, y := a[i], b[i]
		if x.text != y.text || x.chars != y.chars || !same(x.x0, y.x0) || !same(x.x1, y.x1) ||
			!same(x.y, y.y) || !same(x.top, y.top) || !same(x.bottom, y.bottom) || !same(x.fs, y.fs) {
			return false
		}
	}
	return true
}

// BenchmarkXYCut measures xyCut on random two- and three-column pages.
func BenchmarkXYCut(b *testing.B) {
	rng := rand.New(rand.NewSource(3))
	pages := make([][]segment, 32)
	for i := range pages {
		pages[i] = randomPage(rng, 150, false)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := pages[i%len(pages)]
		xyCut(p, medianFS(p))
	}
}

// geometricLinesBefore is geometricLines as it was, sorting whole glyphs
// with sort.SliceStable.
func geometricLinesBefore(gs []glyph) [][]glyph {
	s := make([]glyph, len(gs))
	copy(s, gs)
	sort.SliceStable(s, func(i, j int) bool { return s[i].y > s[j].y })
	var lines [][]glyph
	start := 0
	for i := 1; i <= len(s); i++ {
		if i < len(s) {
			r, g := s[start], s[i]
			if math.Abs(g.y-r.y) <= baselineTol*min(g.fs, r.fs) {
				continue
			}
		}
		l := s[start:i]
		sort.SliceStable(l, func(a, b int) bool { return l[a].x < l[b].x })
		lines = append(lines, l)
		start = i
	}
	return lines
}

// TestGeometricLinesSameOrder holds geometricLines to the code it replaced
// on random pages with repeated coordinates, superscripts and NaN or
// infinite positions.
func TestGeometricLinesSameOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	odd := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	for n := 0; n < 300; n++ {
		gs := make([]glyph, rng.Intn(200))
		for i := range gs {
			g := glyph{x: float64(rng.Intn(60)) * 5, y: 700 - float64(rng.Intn(30))*12, fs: []float64{8, 10, 12}[rng.Intn(3)],
				adv: 5, text: string(rune('a'+i%26)) + string(rune('a'+i/26%26))}
			if rng.Intn(6) == 0 {
				g.y += 3 // a raised glyph, within or beyond the baseline tolerance
			}
			if n%4 == 0 && rng.Intn(25) == 0 {
				g.x = odd[rng.Intn(3)]
			}
			if n%4 == 1 && rng.Intn(25) == 0 {
				g.y = odd[rng.Intn(3)]
			}
			gs[i] = g
		}
		in := append([]glyph(nil), gs...)
		want, got := geometricLinesBefore(gs), geometricLines(in)
		same := len(got) == len(want)
		for i := 0; same && i < len(got); i++ {
			same = len(got[i]) == len(want[i])
			for j := 0; same && j < len(got[i]); j++ {
				a, b := got[i][j], want[i][j]
				same = a.text == b.text && math.Float64bits(a.x) == math.Float64bits(b.x) &&
					math.Float64bits(a.y) == math.Float64bits(b.y) && a.fs == b.fs
			}
		}
		if !same {
			t.Errorf("page %d (%d glyphs): geometricLines differs from the code it replaced", n, len(gs))
		}
	}
}

// bandsBefore is bands as it was, sorting whole segments with
// sort.SliceStable.
func bandsBefore(segs []segment) [][]segment {
	s := make([]segment, len(segs))
	copy(s, segs)
	sort.SliceStable(s, func(i, j int) bool { return s[i].top > s[j].top })
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

// TestBandsSameOrder holds bands to the code it replaced on random pages,
// NaN and infinite tops among them.
func TestBandsSameOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for n := 0; n < 300; n++ {
		segs := randomPage(rng, rng.Intn(150), n%3 == 0)
		if n%3 == 1 {
			for i := range segs {
				if rng.Intn(20) == 0 {
					segs[i].top = []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[rng.Intn(3)]
				}
			}
		}
		want, got := bandsBefore(segs), bands(segs)
		same := len(got) == len(want)
		for i := 0; same && i < len(got); i++ {
			same = sameSegments(got[i], want[i])
		}
		if !same {
			t.Errorf("page %d (%d segments): bands differ from the code they replaced", n, len(segs))
		}
	}
}
