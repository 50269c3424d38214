package extract

import (
	"bytes"
	"encoding/binary"
	"fmt"
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
// write). The library then reads each object directly.
//
// It only rewrites files it fully understands: one cross-reference stream
// (no incremental updates, so no newer object can be shadowed), no
// encryption, object streams compressed with plain Flate and direct /N and
// /First. Anything else is returned unchanged.

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
		return buf
	}
	// The last cross-reference section must be a stream without /Prev.
	k := bytes.LastIndex(buf, []byte("startxref"))
	if k < 0 {
		return buf
	}
	rest := bytes.Fields(buf[k+9 : min(len(buf), k+40)])
	if len(rest) == 0 {
		return buf
	}
	start, err := strconv.Atoi(string(rest[0]))
	if err != nil || start <= 0 || start >= len(buf) {
		return buf
	}
	sect := buf[start:]
	if !reObjHead().Match(sect[:min(len(sect), 32)]) {
		return buf
	}
	e := bytes.Index(sect, []byte("stream"))
	if e < 0 || e > 8192 {
		return buf
	}
	xdict := sect[:e]
	if !bytes.Contains(xdict, []byte("/XRef")) || bytes.Contains(xdict, []byte("/Prev")) {
		return buf
	}
	sizeM := reSize().FindSubmatch(xdict)
	rootM := reRootRef().FindSubmatch(xdict)
	if sizeM == nil || rootM == nil {
		return buf
	}
	size, err := strconv.Atoi(string(sizeM[1]))
	if err != nil || size <= 0 || size > maxXrefEntries {
		return buf
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
			return buf
		}
		n, err1 := strconv.Atoi(string(nM[1]))
		first, err2 := strconv.Atoi(string(firstM[1]))
		if err1 != nil || err2 != nil || n <= 0 || n > maxFlatObjects || first <= 0 {
			return buf
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
			return buf
		}
		head := bytes.Fields(data[:first])
		if len(head) < 2*n {
			return buf
		}
		nums := make([]int, n)
		offs := make([]int, n+1)
		for i := 0; i < n; i++ {
			a, e1 := strconv.Atoi(string(head[2*i]))
			b, e2 := strconv.Atoi(string(head[2*i+1]))
			if e1 != nil || e2 != nil || a <= 0 || a >= size || b < 0 || first+b > len(data) || i > 0 && b < offs[i-1] {
				return buf
			}
			nums[i], offs[i] = a, b
		}
		offs[n] = len(data) - first
		for i, num := range nums {
			if _, dup := objs[num]; dup || len(objs) >= maxFlatObjects {
				return buf // the same object twice: which one wins is not ours to guess
			}
			objs[num] = data[first+offs[i] : first+offs[i+1]]
		}
	}
	if len(objs) == 0 {
		return buf
	}

	nums := make([]int, 0, len(objs))
	for num := range objs {
		nums = append(nums, num)
	}
	sort.Ints(nums)
	out := make([]byte, 0, len(buf)+len(objs)*64)
	out = append(out, buf...)
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	var entries []byte
	var index bytes.Buffer
	for _, num := range nums {
		at := len(out)
		out = fmt.Appendf(out, "%d 0 obj\n", num)
		out = append(out, bytes.TrimSpace(objs[num])...)
		out = append(out, "\nendobj\n"...)
		entries = append(entries, 1)
		entries = binary.BigEndian.AppendUint32(entries, uint32(at))
		entries = append(entries, 0, 0)
		fmt.Fprintf(&index, "%d 1 ", num)
	}
	xref := len(out)
	info := ""
	if m := reInfoRef().FindSubmatch(xdict); m != nil {
		info = " /Info " + string(m[1])
	}
	out = fmt.Appendf(out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Index [%s] /Prev %d /Root %s%s /Length %d >>\nstream\n",
		size, size+1, bytes.TrimSpace(index.Bytes()), start, rootM[1], info, len(entries))
	out = append(out, entries...)
	out = fmt.Appendf(out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return out
}
