package photo

import (
	"image"
	stddraw "image/draw"

	"golang.org/x/image/draw"
)

// toRGBA returns img as an *image.RGBA whose bounds start at (0, 0).
// image/draw has fast paths from the YCbCr, NRGBA, Gray and Paletted
// images the decoders return.
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok && m.Rect.Min == (image.Point{}) {
		return m
	}
	b := img.Bounds()
	m := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	stddraw.Draw(m, m.Rect, img, b.Min, stddraw.Src)
	return m
}

// halve averages each 2×2 block of src into one pixel (a box filter); an
// odd last row or column is dropped.
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := src.Pix[2*y*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		d := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		for x := 0; x < w; x++ {
			s := 8 * x
			for c := 0; c < 4; c++ {
				v := uint32(r0[s+c]) + uint32(r0[s+4+c]) + uint32(r1[s+c]) + uint32(r1[s+4+c])
				d[4*x+c] = uint8((v + 2) >> 2)
			}
		}
	}
	return dst
}

// pyramid holds an image and its successive halvings, made on demand.
type pyramid struct {
	levels []*image.RGBA
}

// scale returns an image of w×h pixels: halvings down to the last level
// still at least that large, then a Catmull-Rom filter for the rest, which
// keeps the filter's work small and its result free of aliasing.
func (p *pyramid) scale(w, h int) *image.RGBA {
	src := p.levels[0]
	for i := 0; ; i++ {
		if i == len(p.levels) {
			if src.Rect.Dx()/2 < w || src.Rect.Dy()/2 < h {
				break
			}
			p.levels = append(p.levels, halve(src))
		}
		l := p.levels[i]
		if l.Rect.Dx() < w || l.Rect.Dy() < h {
			break
		}
		src = l
	}
	if src.Rect.Dx() == w && src.Rect.Dy() == h {
		return src
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Rect, src, src.Rect, draw.Src, nil)
	return dst
}

// orient turns src, stored with EXIF orientation o, upright.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = w-1-x, y
			case 3: // upside down
				sx, sy = w-1-x, h-1-y
			case 4: // mirrored upside down
				sx, sy = x, h-1-y
			case 5: // transposed
				sx, sy = y, x
			case 6: // turn clockwise
				sx, sy = y, h-1-x
			case 7: // transversed
				sx, sy = w-1-y, h-1-x
			case 8: // turn anticlockwise
				sx, sy = w-1-y, x
			}
			s := sy*src.Stride + 4*sx
			copy(dst.Pix[y*dst.Stride+4*x:y*dst.Stride+4*x+4], src.Pix[s:s+4])
		}
	}
	return dst
}
