package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// ledongthuc/pdf has no object cache: every access to an object stored in an
// object stream inflates that whole stream again and scans it up to the
// object (extraction.md §6, 20-35 % of the time in Value.Key → resolve →
// zlib). flattenObjStms removes that cost without touching the library: it
// inflates each object stream once and appends its objects to the file as
// plain objects, with a new cross-reference stream that points at them and
// chains to the original one (an incremental update, as any PDF editor would
// write). The library then reads each object directly. It returns only the
// appended update; openPDF reads file and update as one (concatReaderAt)
// without copying the file.
//
// It only rewrites files it fully understands: one cross-reference stream
// (no incremental updates, so no newer object can be shadowed), no
// encryption, object streams compressed with plain Flate and direct /N and
// /First. For anything else it returns nil. That the file is not encrypted
// (holds no /Encrypt at all) is the caller's to check: readPDF calls it only
// when encryptionKind found none, which saves a third scan of the file.

// maxFlatObjects bounds the objects a rewrite appends.
const maxFlatObjects = 200_000

func flattenObjStms(buf []byte, z *inflater) []byte {
	// The last cross-reference section must be a stream without /Prev.
	k := bytes.LastIndex(buf, []byte("startxref"))
	if k < 0 {
		return nil
	}
	rest := bytes.Fields(buf[k+9 : min(len(buf), k+40)])
	if len(rest) == 0 {
		return nil
	}
	start, err := strconv.Atoi(string(rest[0]))
	if err != nil || start <= 0 || start >= len(buf) {
		return nil
	}
	sect := buf[start:]
	if !isObjHead(sect[:min(len(sect), 32)]) {
		return nil
	}
	e := bytes.Index(sect, []byte("stream"))
	if e < 0 || e > 8192 {
		return nil
	}
	xdict := sect[:e]
	if !bytes.Contains(xdict, []byte("/XRef")) || bytes.Contains(xdict, []byte("/Prev")) {
		return nil
	}
	sizeM, _ := findKey(xdict, "/Size", signedValue, 0)
	rootRef, _ := findKey(xdict, "/Root", refValue, 0)
	if sizeM == nil || rootRef == nil {
		return nil
	}
	size, err := strconv.Atoi(string(sizeM))
	if err != nil || size <= 0 || size > maxXrefEntries {
		return nil
	}

	objs := map[int][]byte{}
	off := 0
	for {
		s := bytes.Index(buf[off:], []byte("stream"))
		if s < 0 {
			break
		}
		s += off
		off = s + 6
		if s >= 3 && string(buf[s-3:s]) == "end" {
			continue
		}
		d := bytes.LastIndex(buf[max(0, s-4096):s], []byte("obj"))
		if d < 0 {
			continue
		}
		dict := buf[max(0, s-4096)+d : s]
		if !bytes.Contains(dict, []byte("/ObjStm")) {
			continue
		}
		f, _ := findKey(dict, "/Filter", filterValue, 0)
		nM, _ := findKey(dict, "/N", intValue, 0)
		firstM, _ := findKey(dict, "/First", intValue, 0)
		if f == nil || string(f) != "/FlateDecode" || nM == nil || firstM == nil || bytes.Contains(dict, []byte("/DecodeParms")) {
			return nil
		}
		n, err1 := strconv.Atoi(string(nM))
		first, err2 := strconv.Atoi(string(firstM))
		if err1 != nil || err2 != nil || n <= 0 || n > maxFlatObjects || first <= 0 {
			return nil
		}
		body := buf[off:]
		body = body[eolSpan(body):]
		if end := bytes.Index(body, []byte("endstream")); end >= 0 {
			body = body[:end]
		}
		var data []byte
		var err error
		if got, ok := z.objStm[off]; ok {
			data, err = got.data, got.err
		} else {
			data, err = z.inflateLimited(body, maxStreamOut+1)
		}
		if err != nil || len(data) > maxStreamOut || first > len(data) {
			return nil
		}
		head := bytes.Fields(data[:first])
		if len(head) < 2*n {
			return nil
		}
		nums := make([]int, n)
		offs := make([]int, n+1)
		for i := 0; i < n; i++ {
			a, e1 := strconv.Atoi(string(head[2*i]))
			b, e2 := strconv.Atoi(string(head[2*i+1]))
			if e1 != nil || e2 != nil || a <= 0 || a >= size || b < 0 || first+b > len(data) || i > 0 && b < offs[i-1] {
				return nil
			}
			nums[i], offs[i] = a, b
		}
		offs[n] = len(data) - first
		for i, num := range nums {
			if _, dup := objs[num]; dup || len(objs) >= maxFlatObjects {
				return nil // the same object twice: which one wins is not ours to guess
			}
			objs[num] = data[first+offs[i] : first+offs[i+1]]
		}
	}
	if len(objs) == 0 {
		return nil
	}

	nums := make([]int, 0, len(objs))
	for num := range objs {
		nums = append(nums, num)
	}
	sort.Ints(nums)
	// The appendix, sized once: its bytes are fresh pages in a run with GC off.
	need := 1 + 256 + len(rootRef)
	for num, obj := range objs {
		need += 2*(intLen(num)+1) + len(" 0 obj\n") + len(bytes.TrimSpace(obj)) + len("\nendobj\n") + 7 + len("1 ")
	}
	var info []byte
	if m, _ := findKey(xdict, "/Info", refValue, 0); m != nil {
		info = m
		need += len(" /Info ") + len(info)
	}
	out := make([]byte, 0, need)
	if buf[len(buf)-1] != '\n' {
		out = append(out, '\n')
	}
	entries := make([]byte, 0, 7*len(nums))
	index := make([]byte, 0, len(nums)*(intLen(nums[len(nums)-1])+3))
	ats := make([]int, len(nums))
	for i, num := range nums {
		at := len(buf) + len(out)
		ats[i] = at
		out = strconv.AppendInt(out, int64(num), 10)
		out = append(out, " 0 obj\n"...)
		out = append(out, bytes.TrimSpace(objs[num])...)
		out = append(out, "\nendobj\n"...)
		entries = append(entries, 1)
		entries = binary.BigEndian.AppendUint32(entries, uint32(at))
		entries = append(entries, 0, 0)
		if len(index) > 0 {
			index = append(index, ' ')
		}
		index = strconv.AppendInt(index, int64(num), 10)
		index = append(index, " 1"...)
	}
	// When the original cross-reference stream can be read here, the new
	// one carries its whole table and the library need not inflate it too.
	prev := fmt.Sprintf(" /Prev %d", start)
	if full, idx, ok := z.fullXref(sect[e:], xdict, size, nums, ats); ok {
		entries, index, prev = full, idx, ""
	}
	xref := len(buf) + len(out)
	out = fmt.Appendf(out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Index [%s]%s /Root %s",
		size, size+1, index, prev, rootRef)
	if info != nil {
		out = append(out, " /Info "...)
		out = append(out, info...)
	}
	out = fmt.Appendf(out, " /Length %d >>\nstream\n", len(entries))
	out = append(out, entries...)
	out = fmt.Appendf(out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return out
}

// fullXref reads the original cross-reference stream (strm starts at its
// "stream" keyword) and returns its table, in /W [1 4 2] and with its /Index,
// where every object flattened (nums, sorted, written at ats) points at its
// new place. ok is false when the stream is not one it fully understands
// (another filter, a predictor, /W not three widths, an /Index it cannot
// read, short data, a value too wide, a flattened object the table does not
// list); the update then chains to it with /Prev as before.
func (z *inflater) fullXref(strm, xdict []byte, size int, nums, ats []int) (entries, index []byte, ok bool) {
	if f, _ := findKey(xdict, "/Filter", filterValue, 0); f == nil || string(f) != "/FlateDecode" || bytes.Contains(xdict, []byte("/DecodeParms")) {
		return nil, nil, false
	}
	wm, _ := findKey(xdict, "/W", arrayValue, 0)
	if wm == nil {
		return nil, nil, false
	}
	wf := bytes.Fields(wm)
	if len(wf) != 3 {
		return nil, nil, false
	}
	var w [3]int
	for i, f := range wf {
		n, err := strconv.Atoi(string(f))
		if err != nil || n < 0 || n > 8 {
			return nil, nil, false
		}
		w[i] = n
	}
	wtotal := w[0] + w[1] + w[2]
	if wtotal == 0 {
		return nil, nil, false
	}
	var ranges []int
	if im, _ := findKey(xdict, "/Index", numberArrayValue, 0); im != nil {
		for _, f := range bytes.Fields(im) {
			n, err := strconv.Atoi(string(f))
			if err != nil || n < 0 {
				return nil, nil, false
			}
			ranges = append(ranges, n)
		}
	} else if bytes.Contains(xdict, []byte("/Index")) {
		return nil, nil, false
	} else {
		ranges = []int{0, size}
	}
	if len(ranges) == 0 || len(ranges)%2 != 0 {
		return nil, nil, false
	}
	count := 0
	for i := 0; i < len(ranges); i += 2 {
		count += ranges[i+1]
		if ranges[i] > maxXrefEntries || count > maxXrefEntries {
			return nil, nil, false
		}
	}
	body := strm[len("stream"):]
	switch {
	case bytes.HasPrefix(body, []byte("\r\n")):
		body = body[2:]
	case bytes.HasPrefix(body, []byte("\n")):
		body = body[1:]
	default:
		return nil, nil, false
	}
	if end := bytes.Index(body, []byte("endstream")); end >= 0 {
		body = body[:end]
	}
	need := count * wtotal
	data, err := z.inflateLimited(body, int64(need))
	if err != nil || len(data) < need {
		return nil, nil, false
	}
	field := func(b []byte) uint64 {
		var x uint64
		for _, c := range b {
			x = x<<8 | uint64(c)
		}
		return x
	}
	entries = make([]byte, 0, 7*count)
	seen := 0 // flattened objects found in the table
	found := make([]bool, len(nums))
	for r := 0; r < len(ranges); r += 2 {
		for i := 0; i < ranges[r+1]; i++ {
			rec := data[:wtotal]
			data = data[wtotal:]
			v1 := field(rec[:w[0]])
			if w[0] == 0 {
				v1 = 1
			}
			v2, v3 := field(rec[w[0]:w[0]+w[1]]), field(rec[w[0]+w[1]:])
			if k := sort.SearchInts(nums, ranges[r]+i); k < len(nums) && nums[k] == ranges[r]+i {
				v1, v2, v3 = 1, uint64(ats[k]), 0 // the flattened copy wins, as the newer section did
				if !found[k] {
					found[k] = true
					seen++
				}
			}
			if v1 > 0xff || v2 > 0xffffffff || v3 > 0xffff {
				return nil, nil, false
			}
			entries = append(entries, byte(v1))
			entries = binary.BigEndian.AppendUint32(entries, uint32(v2))
			entries = binary.BigEndian.AppendUint16(entries, uint16(v3))
		}
	}
	if seen != len(nums) {
		return nil, nil, false
	}
	for i, n := range ranges {
		if i > 0 {
			index = append(index, ' ')
		}
		index = strconv.AppendInt(index, int64(n), 10)
	}
	return entries, index, true
}

// intLen is the number of decimal digits of a non-negative n.
func intLen(n int) int {
	k := 1
	for n >= 10 {
		n /= 10
		k++
	}
	return k
}

// concatReaderAt reads a file and its appended update as one, so that
// flattenObjStms's update needs no copy of the file. It answers as
// bytes.Reader does.
type concatReaderAt struct{ a, b []byte }

// ReadAt implements io.ReaderAt.
func (c *concatReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("bytes.Reader.ReadAt: negative offset")
	}
	la := int64(len(c.a))
	if off >= la+int64(len(c.b)) {
		return 0, io.EOF
	}
	n := 0
	if off < la {
		n = copy(p, c.a[off:])
	}
	if n < len(p) {
		n += copy(p[n:], c.b[off+int64(n)-la:])
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
