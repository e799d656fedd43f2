package photo

import (
	"image"
	stddraw "image/draw"
)

// plane is a grid of samples: c interleaved channels per pixel (1 for a
// plane of Y, Cb or Cr; 4 for premultiplied RGBA).
type plane struct {
	w, h, c int
	stride  int
	pix     []byte
}

// taps says, for each pixel i of a scaled line, which pixels of the
// source line it averages and how much of each: the n source pixels from
// first[i], by weights[i*n : i*n+n] (some of them zero: every output
// pixel has the same number of taps, for simple loops).
type taps struct {
	n       int
	first   []int
	weights []uint32 // summing to 1<<tapBits for each output pixel
}

const tapBits = 14

// makeTaps averages src pixels into dst pixels by area (a box filter):
// output pixel i covers the source span [i·src/dst, (i+1)·src/dst), and
// each source pixel counts by how much of it lies in that span.
func makeTaps(src, dst int) taps {
	// The most source pixels one output pixel touches: its span is src/dst
	// pixels long and may start inside a pixel.
	n := 1
	for i := 0; i < dst; i++ {
		lo, hi := i*src, (i+1)*src
		n = max(n, (hi+dst-1)/dst-lo/dst)
	}
	t := taps{n: n, first: make([]int, dst), weights: make([]uint32, dst*n)}
	for i := 0; i < dst; i++ {
		// The span in units of 1/dst of a source pixel.
		lo, hi := i*src, (i+1)*src
		first := min(lo/dst, src-n)
		t.first[i] = first
		ws := t.weights[i*n : i*n+n]
		sum := uint32(0)
		big := 0
		for k := range ws {
			j := first + k
			a, b := max(lo, j*dst), min(hi, (j+1)*dst)
			if b <= a {
				continue
			}
			ws[k] = uint32((int64(b-a)<<tapBits + int64(src)/2) / int64(src))
			sum += ws[k]
			if ws[k] > ws[big] {
				big = k
			}
		}
		// Rounding may leave the sum a little off 1<<tapBits: the largest
		// weight takes the difference, so that a flat picture stays flat.
		ws[big] += 1<<tapBits - sum
	}
	return t
}

// scalePlane returns src averaged to w×h by area (or src itself at its
// own size). Photos are only made smaller; a chroma plane stored at a
// quarter of the width (4:1:1) is widened to half the width the same way.
func scalePlane(src plane, w, h int) plane {
	if w == src.w && h == src.h {
		return src
	}
	c := src.c
	tx, ty := makeTaps(src.w, w), makeTaps(src.h, h)
	// Across: every source row to w pixels, kept with 8 more bits of
	// precision (sums of weights times 255 fit, shifted by 6).
	mid := make([]uint16, w*c*src.h)
	for y := 0; y < src.h; y++ {
		row := src.pix[y*src.stride : y*src.stride+src.w*c]
		out := mid[y*w*c : (y+1)*w*c]
		if c == 1 {
			across1(row, out, tx)
		} else {
			acrossN(row, out, tx, c)
		}
	}
	// Down: each output row from the rows it covers.
	dst := plane{w: w, h: h, c: c, stride: w * c, pix: make([]byte, w*c*h)}
	down(mid, w*c, ty, dst.pix)
	return dst
}

// down averages rows of length wc of mid into the rows of out, by t.
func down(mid []uint16, wc int, t taps, out []byte) {
	const shift = tapBits + 8
	const round = 1 << (shift - 1)
	n := t.n
	var acc []uint32
	if n > 3 {
		acc = make([]uint32, wc)
	}
	for y := range t.first {
		ws := t.weights[y*n : y*n+n]
		r := mid[t.first[y]*wc:]
		o := out[y*wc : y*wc+wc]
		switch n {
		case 1:
			for i, v := range r[:wc] {
				o[i] = uint8((ws[0]*uint32(v) + round) >> shift)
			}
		case 2:
			r0, r1 := r[:wc], r[wc:2*wc]
			w0, w1 := ws[0], ws[1]
			for i := range o {
				o[i] = uint8((w0*uint32(r0[i]) + w1*uint32(r1[i]) + round) >> shift)
			}
		case 3:
			r0, r1, r2 := r[:wc], r[wc:2*wc], r[2*wc:3*wc]
			w0, w1, w2 := ws[0], ws[1], ws[2]
			for i := range o {
				o[i] = uint8((w0*uint32(r0[i]) + w1*uint32(r1[i]) + w2*uint32(r2[i]) + round) >> shift)
			}
		default:
			clear(acc)
			for k, wt := range ws {
				row := r[k*wc : (k+1)*wc]
				for i, v := range row {
					acc[i] += wt * uint32(v)
				}
			}
			for i, v := range acc {
				o[i] = uint8((v + round) >> shift)
			}
		}
	}
}

// across1 averages one row of a one-channel plane.
func across1(row []byte, out []uint16, t taps) {
	n := t.n
	switch n {
	case 1:
		for x := range out {
			out[x] = uint16((t.weights[x] * uint32(row[t.first[x]])) >> (tapBits - 8))
		}
	case 2:
		for x := range out {
			f := t.first[x]
			s := row[f : f+2 : f+2]
			ws := t.weights[2*x : 2*x+2 : 2*x+2]
			out[x] = uint16((ws[0]*uint32(s[0]) + ws[1]*uint32(s[1])) >> (tapBits - 8))
		}
	case 3:
		for x := range out {
			f := t.first[x]
			s := row[f : f+3 : f+3]
			ws := t.weights[3*x : 3*x+3 : 3*x+3]
			out[x] = uint16((ws[0]*uint32(s[0]) + ws[1]*uint32(s[1]) + ws[2]*uint32(s[2])) >> (tapBits - 8))
		}
	default:
		for x := range out {
			f := t.first[x]
			s := row[f : f+n]
			ws := t.weights[n*x : n*x+n]
			var acc uint32
			for k, wt := range ws {
				acc += wt * uint32(s[k])
			}
			out[x] = uint16(acc >> (tapBits - 8))
		}
	}
}

// acrossN averages one row of interleaved c-channel pixels.
func acrossN(row []byte, out []uint16, t taps, c int) {
	n := t.n
	for x := 0; x < len(out)/c; x++ {
		f := t.first[x]
		s := row[f*c : (f+n)*c]
		ws := t.weights[n*x : n*x+n]
		for ch := 0; ch < c; ch++ {
			var acc uint32
			for k, wt := range ws {
				acc += wt * uint32(s[k*c+ch])
			}
			out[x*c+ch] = uint16(acc >> (tapBits - 8))
		}
	}
}

// orientPlane turns src, stored with EXIF orientation o, upright.
func orientPlane(src plane, o int) plane {
	if o <= 1 || o > 8 {
		return src
	}
	w, h, c := src.w, src.h, src.c
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := plane{w: dw, h: dh, c: c, stride: dw * c, pix: make([]byte, dw*dh*c)}
	// Where pixel (0, 0) of dst comes from in src, and how far the source
	// moves, in bytes, for one step right and one step down in dst.
	var x0, y0, dx, dy int
	switch o {
	case 2: // mirrored
		x0, y0, dx, dy = w-1, 0, -c, src.stride
	case 3: // upside down
		x0, y0, dx, dy = w-1, h-1, -c, -src.stride
	case 4: // mirrored upside down
		x0, y0, dx, dy = 0, h-1, c, -src.stride
	case 5: // transposed
		x0, y0, dx, dy = 0, 0, src.stride, c
	case 6: // turn clockwise
		x0, y0, dx, dy = 0, h-1, -src.stride, c
	case 7: // transversed
		x0, y0, dx, dy = w-1, h-1, -src.stride, -c
	case 8: // turn anticlockwise
		x0, y0, dx, dy = w-1, 0, src.stride, -c
	}
	origin := y0*src.stride + x0*c
	// In tiles of 32×32 pixels, so that the turns read and write memory
	// close to what they just touched.
	const tile = 32
	for ty := 0; ty < dh; ty += tile {
		for tx := 0; tx < dw; tx += tile {
			for y := ty; y < min(ty+tile, dh); y++ {
				out := dst.pix[y*dst.stride+tx*c : y*dst.stride+min(tx+tile, dw)*c]
				s := origin + y*dy + tx*dx
				if c == 1 {
					for x := range out {
						out[x] = src.pix[s]
						s += dx
					}
					continue
				}
				for x := 0; x < len(out); x += c {
					copy(out[x:x+c], src.pix[s:s+c])
					s += dx
				}
			}
		}
	}
	return dst
}

// toRGBA returns img as premultiplied RGBA samples. image/draw has fast
// paths from the YCbCr, NRGBA, Gray and Paletted images the decoders
// return.
func toRGBA(img image.Image) plane {
	m, ok := img.(*image.RGBA)
	if !ok {
		b := img.Bounds()
		m = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		stddraw.Draw(m, m.Rect, img, b.Min, stddraw.Src)
	}
	return plane{w: m.Rect.Dx(), h: m.Rect.Dy(), c: 4, stride: m.Stride, pix: m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y):]}
}

// picture is a photo being made into copies: a grey plane, three planes
// of YCbCr with chroma at half size both ways (4:2:0, as the JPEG encoder
// writes), or one of RGBA.
type picture struct {
	y, cb, cr plane // cb and cr only for YCbCr
	rgba      bool  // y holds RGBA
}

// scale returns the picture averaged down to w×h.
func (p picture) scale(w, h int) picture {
	out := picture{y: scalePlane(p.y, w, h), rgba: p.rgba}
	if p.cb.pix != nil {
		cw, ch := (w+1)/2, (h+1)/2
		out.cb, out.cr = scalePlane(p.cb, cw, ch), scalePlane(p.cr, cw, ch)
	}
	return out
}

// orient returns the picture upright.
func (p picture) orient(o int) picture {
	out := picture{y: orientPlane(p.y, o), rgba: p.rgba}
	if p.cb.pix != nil {
		out.cb, out.cr = orientPlane(p.cb, o), orientPlane(p.cr, o)
	}
	return out
}

// image returns the picture as an image for the encoders, sharing its
// samples.
func (p picture) image() image.Image {
	r := image.Rect(0, 0, p.y.w, p.y.h)
	switch {
	case p.rgba:
		return &image.RGBA{Pix: p.y.pix, Stride: p.y.stride, Rect: r}
	case p.cb.pix == nil:
		return &image.Gray{Pix: p.y.pix, Stride: p.y.stride, Rect: r}
	}
	return &image.YCbCr{Y: p.y.pix, Cb: p.cb.pix, Cr: p.cr.pix, YStride: p.y.stride, CStride: p.cb.stride,
		SubsampleRatio: image.YCbCrSubsampleRatio420, Rect: r}
}

// pictureOf takes the samples of a decoded image: greyscale and YCbCr as
// they are (the chroma planes at their own size, scaled to 4:2:0 later),
// anything else as RGBA.
func pictureOf(img image.Image) picture {
	switch m := img.(type) {
	case *image.Gray:
		return picture{y: plane{w: m.Rect.Dx(), h: m.Rect.Dy(), c: 1, stride: m.Stride, pix: m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y):]}}
	case *image.YCbCr:
		w, h := m.Rect.Dx(), m.Rect.Dy()
		cw, ch := chromaSize(w, h, m.SubsampleRatio)
		if m.Rect.Min == (image.Point{}) && cw > 0 {
			return picture{
				y:  plane{w: w, h: h, c: 1, stride: m.YStride, pix: m.Y},
				cb: plane{w: cw, h: ch, c: 1, stride: m.CStride, pix: m.Cb},
				cr: plane{w: cw, h: ch, c: 1, stride: m.CStride, pix: m.Cr},
			}
		}
	}
	return picture{y: toRGBA(img), rgba: true}
}

// chromaSize is the size of the chroma planes of a w×h YCbCr image, 0, 0
// for a ratio not known here.
func chromaSize(w, h int, r image.YCbCrSubsampleRatio) (int, int) {
	switch r {
	case image.YCbCrSubsampleRatio444:
		return w, h
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return 0, 0
}
