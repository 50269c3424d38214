package keywords

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Paths of the background term table inside the seeds file system: the
// plain sorted table jd_bggen.go writes, or the gzipped form it wrote before
// (still read, for a file system that has only that one).
const (
	jdBackgroundPath   = "stop/jd_background.tsv"
	jdBackgroundGzPath = "stop/jd_background.tsv.gz"
)

// bgTable is the background term table: "word<TAB>commonness" rows sorted by
// word, kept as the file's bytes and searched in place. Loading it is one
// pass over the bytes that checks every row and notes where each starts, so
// a job description pays about a millisecond for it instead of building a
// map of 64,000 words (25-35 ms, most of `check`'s time with a JD target).
type bgTable struct {
	data []byte
	rows []uint32 // offset of each row's first byte, in word order
}

// loadBackground reads the table from fsys: the plain form first, else the
// gzipped one. Neither present is no table (every word reads as rare).
// Errors name the file and, for a bad row, its line.
func loadBackground(fsys fs.FS) (*bgTable, error) {
	name := jdBackgroundPath
	data, err := readBgData(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		name = jdBackgroundGzPath
		data, err = readBgData(fsys, name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return &bgTable{}, nil
	}
	if err != nil {
		return nil, err
	}
	t, err := parseBackground(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", name, err)
	}
	return t, nil
}

// readBgData reads a whole data file, gunzipping a .gz one, capped at
// jdMaxDataBytes like readLines.
func readBgData(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	var rd io.Reader = f
	size := 0
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && fi.Size() <= jdMaxDataBytes {
		size = int(fi.Size())
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		rd, size = zr, 4*size
	}
	var buf bytes.Buffer
	buf.Grow(min(size, jdMaxDataBytes) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(rd, jdMaxDataBytes)); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// parseBackground checks every row of the table and indexes them. Blank
// lines, # comments and the "word" header row are skipped; rows out of order
// are sorted (a later duplicate wins, as it did in a map). An error starts
// with the line number (without the file name).
func parseBackground(data []byte) (*bgTable, error) {
	t := &bgTable{data: data, rows: make([]uint32, 0, len(data)/12+1)} // 12 bytes: a row's mean length
	sorted := true
	var prev []byte
	n, kept := 0, 0
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := bytes.TrimRight(data[off:end], "\r")
		start := off
		off = end + 1
		n++
		if len(line) == 0 || line[0] == '#' || line[0] <= ' ' && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		kept++
		tab := bytes.IndexByte(line, '\t')
		if tab < 0 || bytes.IndexByte(line[tab+1:], '\t') >= 0 {
			return nil, fmt.Errorf("%d: want word, commonness: %q", n, line)
		}
		word := line[:tab]
		if string(word) == "word" {
			continue
		}
		if _, err := parseCommonness(line[tab+1:]); err != nil {
			return nil, fmt.Errorf("%d: commonness of %q: %w", n, word, err)
		}
		if sorted && prev != nil && bytes.Compare(prev, word) > 0 {
			sorted = false
		}
		prev = word
		t.rows = append(t.rows, uint32(start))
	}
	if kept == 0 {
		return nil, errors.New(" empty list")
	}
	if !sorted {
		sort.SliceStable(t.rows, func(i, j int) bool { return bytes.Compare(t.word(i), t.word(j)) < 0 })
	}
	return t, nil
}

// word returns the word of row i.
func (t *bgTable) word(i int) []byte {
	r := t.data[t.rows[i]:]
	return r[:bytes.IndexByte(r, '\t')]
}

// lookup returns the commonness of w and whether the table holds it.
func (t *bgTable) lookup(w string) (float64, bool) {
	if t == nil || len(t.rows) == 0 {
		return 0, false
	}
	// the first row whose word is after w; the row before it is w's last row
	i := sort.Search(len(t.rows), func(i int) bool { return string(t.word(i)) > w })
	if i == 0 || string(t.word(i-1)) != w {
		return 0, false
	}
	r := t.data[t.rows[i-1]:]
	if end := bytes.IndexByte(r, '\n'); end >= 0 {
		r = r[:end]
	}
	r = bytes.TrimRight(r, "\r")
	v, _ := parseCommonness(r[bytes.IndexByte(r, '\t')+1:]) // checked when loaded
	return v, true
}

// parseCommonness reads a commonness value: the generator's one-decimal
// "0.8" directly, anything else through strconv.ParseFloat.
func parseCommonness(b []byte) (float64, error) {
	if len(b) == 3 && b[1] == '.' && b[0] >= '0' && b[0] <= '9' && b[2] >= '0' && b[2] <= '9' {
		return float64(10*int(b[0]-'0')+int(b[2]-'0')) / 10, nil
	}
	return strconv.ParseFloat(string(b), 64)
}
