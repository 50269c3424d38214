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
// /First. For anything else it returns nil.

var (
	reObjStmN     = lazyRegexp(`/N` + pdfWS + `(\d+)`)
	reObjStmFirst = lazyRegexp(`/First` + pdfWS + `(\d+)`)
	reRootRef     = lazyRegexp(`/Root` + pdfWS + `(\d+` + pdfWS + `\d+` + pdfWS + `R)`)
	reInfoRef     = lazyRegexp(`/Info` + pdfWS + `(\d+` + pdfWS + `\d+` + pdfWS + `R)`)
	reFilter      = lazyRegexp(`/Filter` + pdfWS + `(/[A-Za-z0-9]+|\[[^\]]*\])`)
	reXrefW       = lazyRegexp(`/W` + pdfWS + `\[([^\]]*)\]`)
)

// maxFlatObjects bounds the objects a rewrite appends.
const maxFlatObjects = 200_000

func flattenObjStms(buf []byte, z *inflater) []byte {
	if bytes.Contains(buf, []byte("/Encrypt")) {
		return nil
	}
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
	if !reObjHead().Match(sect[:min(len(sect), 32)]) {
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
	sizeM := reSize().FindSubmatch(xdict)
	rootM := reRootRef().FindSubmatch(xdict)
	if sizeM == nil || rootM == nil {
		return nil
	}
	size, err := strconv.Atoi(string(sizeM[1]))
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
		f := reFilter().FindSubmatch(dict)
		nM, firstM := reObjStmN().FindSubmatch(dict), reObjStmFirst().FindSubmatch(dict)
		if f == nil || string(f[1]) != "/FlateDecode" || nM == nil || firstM == nil || bytes.Contains(dict, []byte("/DecodeParms")) {
			return nil
		}
		n, err1 := strconv.Atoi(string(nM[1]))
		first, err2 := strconv.Atoi(string(firstM[1]))
		if err1 != nil || err2 != nil || n <= 0 || n > maxFlatObjects || first <= 0 {
			return nil
		}
		body := buf[off:]
		body = body[len(reEOLSpan().Find(body)):]
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
	need := 1 + 256 + len(rootM[1])
	for num, obj := range objs {
		need += 2*(intLen(num)+1) + len(" 0 obj\n") + len(bytes.TrimSpace(obj)) + len("\nendobj\n") + 7 + len("1 ")
	}
	var info []byte
	if m := reInfoRef().FindSubmatch(xdict); m != nil {
		info = m[1]
		need += len(" /Info ") + len(info)
	}
	out := make([]byte, 0, need)
	if buf[len(buf)-1] != '\n' {
		out = append(out, '\n')
	}
	entries := make([]byte, 0, 7*len(nums))
	index := make([]byte, 0, len(nums)*(intLen(nums[len(nums)-1])+3))
	for _, num := range nums {
		at := len(buf) + len(out)
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
	xref := len(buf) + len(out)
	out = fmt.Appendf(out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Index [%s] /Prev %d /Root %s",
		size, size+1, index, start, rootM[1])
	if info != nil {
		out = append(out, " /Info "...)
		out = append(out, info...)
	}
	out = fmt.Appendf(out, " /Length %d >>\nstream\n", len(entries))
	out = append(out, entries...)
	out = fmt.Appendf(out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return out
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
