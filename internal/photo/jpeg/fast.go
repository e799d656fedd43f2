package jpeg

// The entropy-coded data of sequential scans (every phone camera writes
// baseline JPEGs) is read here rather than by the bit-at-a-time code of
// huffman.go, which progressive scans still use: bits are taken 64 at a
// time straight from the file's bytes, a code of up to fastBits bits is
// looked up in one step, and for AC coefficients a short code and the
// bits of its value together (fastAC), as the IJG's libjpeg and
// stb_image do. The coefficients are the same as huffman.go's.

// fastBits is the number of bits the look-up tables of a Huffman table
// cover.
const fastBits = 10

// fastTables fills h.fast and h.fastAC from the canonical codes of h
// (after processDHT derived its minCodes, maxCodes and valsIndices).
//
// h.fast[p], for the next fastBits bits p, is the code's value<<8 | its
// length, 0 when the code is longer. h.fastAC[p] is, for an AC code of
// run r and size s whose code and s bits of value fit in p,
// value<<16 | r<<8 | (length+s), 0 otherwise.
func (h *huffman) fastTables() {
	clear(h.fast[:])
	clear(h.fastAC[:])
	for l := 1; l <= fastBits; l++ {
		i := l - 1
		if h.maxCodes[i] < 0 {
			continue
		}
		// A table with more codes than its lengths allow (damaged) has
		// codes of l bits at or above 1<<l: those are never matched.
		for code := h.minCodes[i]; code <= h.maxCodes[i] && code < 1<<l; code++ {
			v := h.vals[h.valsIndices[i]+code-h.minCodes[i]]
			first := int(code) << (fastBits - l)
			for p := first; p < first+1<<(fastBits-l); p++ {
				h.fast[p] = uint16(v)<<8 | uint16(l)
				run, size := int(v>>4), int(v&15)
				if size == 0 || l+size > fastBits {
					continue
				}
				bits := int32(p>>(fastBits-l-size)) & (1<<size - 1)
				h.fastAC[p] = extend(bits, uint(size))<<16 | int32(run)<<8 | int32(l+size)
			}
		}
	}
}

// extend turns the size bits of a coefficient into its value (EXTEND,
// section F.2.2.1).
func extend(v int32, size uint) int32 {
	if v < 1<<(size-1) {
		v += -1<<size + 1
	}
	return v
}

// seqBits is the bit reader of a sequential scan.
type seqBits struct {
	acc uint64 // unread bits, first at the top
	n   int    // number of bits in acc
	// pad is the number of zero bits at the end of acc put there because
	// the scan's data ended (at a marker): reading into them means the
	// data was cut short.
	pad int
}

// refill tops r up to more than 56 bits from the file's bytes, undoing
// byte stuffing; at a marker it stops and pads with zeros.
func (d *decoder) refill(r *seqBits) {
	buf, i, end := d.bytes.buf, d.bytes.i, d.bytes.j
	for r.n <= 56 {
		if i >= end {
			r.n += 8
			r.pad += 8
			continue
		}
		c := buf[i]
		if c == 0xff {
			if i+1 >= end || buf[i+1] != 0 {
				// A marker: the scan's data, or its restart interval,
				// ends here.
				r.n += 8
				r.pad += 8
				continue
			}
			i += 2
		} else {
			i++
		}
		r.acc |= uint64(c) << (56 - r.n)
		r.n += 8
	}
	d.bytes.i = i
}

// decode returns the next Huffman-coded value; ok is false for a code
// the table does not have. r must hold at least 16 bits.
func (h *huffman) decode(r *seqBits) (v uint8, ok bool) {
	if f := h.fast[r.acc>>(64-fastBits)]; f != 0 {
		l := f & 0xff
		r.acc <<= l
		r.n -= int(l)
		return uint8(f >> 8), true
	}
	for i := fastBits; i < maxCodeLength; i++ {
		code := int32(r.acc >> (63 - i))
		if code <= h.maxCodes[i] {
			r.acc <<= i + 1
			r.n -= i + 1
			return h.vals[h.valsIndices[i]+code-h.minCodes[i]], true
		}
	}
	return 0, false
}

// receive takes size bits and extends them into a coefficient's value.
func (r *seqBits) receive(size uint8) int32 {
	if size == 0 {
		return 0
	}
	v := int32(r.acc >> (64 - size))
	r.acc <<= size
	r.n -= int(size)
	return extend(v, uint(size))
}

// seqBlock decodes the coefficients of one block of a sequential scan
// into b (in natural order, b zero on entry), dequantized by qt (in
// zig-zag order), dc being the component's last DC value.
func (d *decoder) seqBlock(r *seqBits, b *block, dcH, acH *huffman, qt *block, dc *int32) error {
	if r.n < 32 {
		d.refill(r)
	}
	t, ok := dcH.decode(r)
	if !ok {
		return FormatError("bad Huffman code")
	}
	if t > 16 {
		return UnsupportedError("excessive DC component")
	}
	*dc += r.receive(t)
	b[0] = *dc * qt[0]

	if d.eobRun > 0 {
		d.eobRun--
	} else {
		for zig := 1; zig < blockSize; {
			if r.n < 32 {
				d.refill(r)
			}
			if f := acH.fastAC[r.acc>>(64-fastBits)]; f != 0 {
				l := f & 0xff
				r.acc <<= l
				r.n -= int(l)
				zig += int(f>>8) & 0xff
				if zig >= blockSize {
					break
				}
				b[unzig[zig]] = f >> 16 * qt[zig]
				zig++
				continue
			}
			rs, ok := acH.decode(r)
			if !ok {
				return FormatError("bad Huffman code")
			}
			run, size := int(rs>>4), rs&0x0f
			if size == 0 {
				if run != 0x0f {
					// End of block, or of a run of blocks (section
					// G.1.2.2), as huffman.go reads them.
					d.eobRun = uint16(1 << run)
					if run != 0 {
						d.eobRun |= uint16(r.acc >> (64 - run))
						r.acc <<= run
						r.n -= run
					}
					d.eobRun--
					break
				}
				zig += 16
				continue
			}
			zig += run
			if zig >= blockSize {
				break
			}
			b[unzig[zig]] = r.receive(size) * qt[zig]
			zig++
		}
	}
	if r.n < r.pad {
		return errShortHuffmanData
	}
	return nil
}
