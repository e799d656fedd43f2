package jpeg

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	stdjpeg "image/jpeg"
	"math/rand/v2"
	"testing"
)

// testImages are pictures of every kind the encoder reads, at sizes on and
// off the block grid, some with an origin away from (0, 0).
func testImages() map[string]image.Image {
	rnd := rand.New(rand.NewPCG(1, 2))
	out := map[string]image.Image{}
	for _, sz := range []image.Point{{1, 1}, {15, 17}, {16, 16}, {33, 47}, {200, 130}} {
		r := image.Rect(0, 0, sz.X, sz.Y)
		y420 := image.NewYCbCr(r, image.YCbCrSubsampleRatio420)
		y444 := image.NewYCbCr(r, image.YCbCrSubsampleRatio444)
		gray := image.NewGray(r)
		rgba := image.NewRGBA(r)
		nrgba := image.NewNRGBA(r)
		for _, m := range []*image.YCbCr{y420, y444} {
			for i := range m.Y {
				m.Y[i] = uint8(rnd.IntN(256))
			}
			for i := range m.Cb {
				m.Cb[i], m.Cr[i] = uint8(rnd.IntN(256)), uint8(rnd.IntN(256))
			}
		}
		for i := range gray.Pix {
			gray.Pix[i] = uint8(i*7 + rnd.IntN(40))
		}
		for i := range rgba.Pix {
			rgba.Pix[i] = uint8(rnd.IntN(256))
			nrgba.Pix[i] = uint8(i + rnd.IntN(30))
		}
		for x := range sz.X {
			rgba.Set(x, 0, color.RGBA{0, 0, 0, 255})
		}
		name := fmt.Sprintf("%dx%d", sz.X, sz.Y)
		out["ycbcr420-"+name] = y420
		out["ycbcr444-"+name] = y444
		out["gray-"+name] = gray
		out["rgba-"+name] = rgba
		out["nrgba-"+name] = nrgba
		if sz.X > 20 && sz.Y > 20 {
			out["ycbcr420-sub-even-"+name] = y420.SubImage(image.Rect(2, 4, sz.X, sz.Y))
			out["ycbcr420-sub-odd-"+name] = y420.SubImage(image.Rect(1, 3, sz.X-1, sz.Y))
			out["gray-sub-"+name] = gray.SubImage(image.Rect(3, 1, sz.X, sz.Y-2))
		}
	}
	return out
}

// TestEncodeIsImageJPEG: the same bytes as image/jpeg's encoder, for every
// kind of picture and quality.
func TestEncodeIsImageJPEG(t *testing.T) {
	for name, m := range testImages() {
		for _, q := range []int{1, 50, 82, 100} {
			var got, want bytes.Buffer
			if err := Encode(&got, m, &Options{Quality: q}); err != nil {
				t.Fatal(err)
			}
			if err := stdjpeg.Encode(&want, m, &stdjpeg.Options{Quality: q}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s at quality %d: %d bytes, image/jpeg writes %d other ones", name, q, got.Len(), want.Len())
			}
		}
	}
}

// TestQuantize: the reciprocal gives image/jpeg's rounded quotient for
// every step and every value the forward DCT can give.
func TestQuantize(t *testing.T) {
	div := func(a, b int32) int32 {
		if a >= 0 {
			return (a + (b >> 1)) / b
		}
		return -((-a + (b >> 1)) / b)
	}
	for q := int32(1); q <= 255; q++ {
		step := uint64(8 * q)
		half, recip := uint32(step/2), (1<<recipBits+step-1)/step
		for a := int32(-1 << 16); a <= 1<<16; a++ {
			if got, want := quantize(a, half, recip), div(a, int32(step)); got != want {
				t.Fatalf("step %d, %d: %d, want %d", step, a, got, want)
			}
		}
	}
}
