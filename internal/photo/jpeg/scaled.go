package jpeg

import "math"

// Reduced inverse DCT: an 8×8 block of coefficients F(u,v) stands for the
// continuous picture
//
//	f(x,y) = 1/4 Σu Σv C(u) C(v) F(u,v) cos((2x+1)uπ/16) cos((2y+1)vπ/16)
//
// over 8×8 pixels, with C(0) = 1/√2 and C(u) = 1 otherwise. Decoding the
// block to n×n pixels samples it at the centres of n×n cells of 8/n pixels
// each, keeping only the frequencies u, v < n that n samples can carry
// (the higher ones would alias):
//
//	g(i,j) = Σv<n K(j,v) Σu<n K(i,u) F(u,v),  K(i,u) = C(u)/2 cos((2i+1)uπ/(2n))
//
// At n = 1 this is the DC coefficient over 8, the block's mean. The sums
// are in integers: K is scaled by 2^kernelBits.

const kernelBits = 13

// kernels[n][i][u] is K(i,u) for n samples, for n = 1 to 7.
var kernels = makeKernels()

func makeKernels() (k [8][8][8]int64) {
	for n := 1; n < 8; n++ {
		for i := 0; i < n; i++ {
			for u := 0; u < n; u++ {
				c := 1.0
				if u == 0 {
					c = 1 / math.Sqrt2
				}
				v := c / 2 * math.Cos(float64((2*i+1)*u)*math.Pi/float64(2*n))
				k[n][i][u] = int64(math.Round(v * (1 << kernelBits)))
			}
		}
	}
	return k
}

// idctScaled writes the n×n pixels that the n×n lowest frequencies of b
// (dequantized, in natural order) make to dst, level shifted by 128 and
// clipped to [0, 255].
func idctScaled(b *block, n int, dst []byte, stride int) {
	switch n {
	case 4:
		idct4(b, dst, stride)
		return
	case 5:
		idct5(b, dst, stride)
		return
	}
	idctScaledGeneric(b, n, dst, stride)
}

// idctScaledGeneric is idctScaled for any n, by the definition.
func idctScaledGeneric(b *block, n int, dst []byte, stride int) {
	k := &kernels[n&7]
	// rows[8*v+i]: the first pass, across u, for each row v of
	// frequencies; a row of zero coefficients stays zero.
	var rows [64]int64
	for v := 0; v < n; v++ {
		f := b[8*(v&7) : 8*(v&7)+8]
		nonzero := false
		for u := 0; u < n; u++ {
			nonzero = nonzero || f[u&7] != 0
		}
		if !nonzero {
			continue
		}
		for i := 0; i < n; i++ {
			ki := &k[i&7]
			var s int64
			for u := 0; u < n; u++ {
				s += ki[u&7] * int64(f[u&7])
			}
			rows[(8*v+i)&63] = s
		}
	}
	const shift = 2 * kernelBits
	const round = 1<<(shift-1) + 128<<shift
	for j := 0; j < n; j++ {
		kj := &k[j&7]
		out := dst[j*stride : j*stride+n]
		for i := range out {
			s := int64(round)
			for v := 0; v < n; v++ {
				s += kj[v&7] * rows[(8*v+i)&63]
			}
			out[i] = clamp(s >> shift)
		}
	}
}

func clamp(c int64) uint8 {
	if uint64(c) <= 255 {
		return uint8(c)
	}
	if c < 0 {
		return 0
	}
	return 255
}

// The 4-point kernel of idct4, K(i,u) scaled by 2^kernelBits:
// a = 1/(2√2), b = cos(π/8)/2, c = cos(3π/8)/2.
var (
	k4a = kernels[4][0][0]
	k4b = kernels[4][0][1]
	k4c = kernels[4][0][3]
)

// idct4 is idctScaled for n = 4, the common case (a phone photo for a
// copy half its width), in the even/odd form of the 4-point transform:
// 6 multiplications per row or column instead of 16.
func idct4(b *block, dst []byte, stride int) {
	var t [16]int64 // rows pass, t[4*v+i]
	for v := 0; v < 4; v++ {
		r := b[8*v : 8*v+4 : 8*v+4]
		if r[0]|r[1]|r[2]|r[3] == 0 {
			continue
		}
		f0, f1, f2, f3 := int64(r[0]), int64(r[1]), int64(r[2]), int64(r[3])
		e0, e1 := k4a*(f0+f2), k4a*(f0-f2)
		o0, o1 := k4b*f1+k4c*f3, k4c*f1-k4b*f3
		t[4*v], t[4*v+1], t[4*v+2], t[4*v+3] = e0+o0, e1+o1, e1-o1, e0-o0
	}
	const shift = 2 * kernelBits
	const round = 1<<(shift-1) + 128<<shift
	for i := 0; i < 4; i++ {
		f0, f1, f2, f3 := t[i], t[4+i], t[8+i], t[12+i]
		e0, e1 := k4a*(f0+f2)+round, k4a*(f0-f2)+round
		o0, o1 := k4b*f1+k4c*f3, k4c*f1-k4b*f3
		dst[i] = clamp((e0 + o0) >> shift)
		dst[stride+i] = clamp((e1 + o1) >> shift)
		dst[2*stride+i] = clamp((e1 - o1) >> shift)
		dst[3*stride+i] = clamp((e0 - o0) >> shift)
	}
}

// idct5 is idctScaled for n = 5 (a phone photo standing up, for a copy
// 1600 pixels wide), in the even/odd form: outputs i and 4-i share their
// even and odd sums, and the middle one has no odd terms.
func idct5(b *block, dst []byte, stride int) {
	k := &kernels[5]
	k0 := k[0][0]
	a1, a2, a3, a4 := k[0][1], k[0][2], k[0][3], k[0][4]
	b1, b2, b3, b4 := k[1][1], k[1][2], k[1][3], k[1][4]
	c2, c4 := k[2][2], k[2][4]
	var t [25]int64 // rows pass, t[5*v+i]
	for v := 0; v < 5; v++ {
		r := b[8*v : 8*v+5 : 8*v+5]
		if r[0]|r[1]|r[2]|r[3]|r[4] == 0 {
			continue
		}
		f0, f1, f2, f3, f4 := int64(r[0]), int64(r[1]), int64(r[2]), int64(r[3]), int64(r[4])
		d0 := k0 * f0
		e0, o0 := d0+a2*f2+a4*f4, a1*f1+a3*f3
		e1, o1 := d0+b2*f2+b4*f4, b1*f1+b3*f3
		o := t[5*v : 5*v+5 : 5*v+5]
		o[0], o[4] = e0+o0, e0-o0
		o[1], o[3] = e1+o1, e1-o1
		o[2] = d0 + c2*f2 + c4*f4
	}
	const shift = 2 * kernelBits
	const round = 1<<(shift-1) + 128<<shift
	for i := 0; i < 5; i++ {
		f0, f1, f2, f3, f4 := t[i], t[5+i], t[10+i], t[15+i], t[20+i]
		d0 := k0*f0 + round
		e0, o0 := d0+a2*f2+a4*f4, a1*f1+a3*f3
		e1, o1 := d0+b2*f2+b4*f4, b1*f1+b3*f3
		dst[i] = clamp((e0 + o0) >> shift)
		dst[4*stride+i] = clamp((e0 - o0) >> shift)
		dst[stride+i] = clamp((e1 + o1) >> shift)
		dst[3*stride+i] = clamp((e1 - o1) >> shift)
		dst[2*stride+i] = clamp((d0 + c2*f2 + c4*f4) >> shift)
	}
}
