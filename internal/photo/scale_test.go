package photo

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestScalePlane compares the box filter with the average by area computed
// in floating point, for sizes that divide evenly and sizes that do not,
// one and four channels: every sample within 1.
func TestScalePlane(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	tests := []struct{ sw, sh, dw, dh, c int }{
		{8, 8, 4, 4, 1}, {2000, 3, 1600, 2, 1}, {37, 29, 10, 7, 1}, {13, 11, 13, 5, 1},
		{9, 9, 2, 2, 4}, {100, 60, 33, 21, 4}, {5, 5, 1, 1, 1}, {4, 6, 8, 6, 1},
	}
	for _, tt := range tests {
		src := plane{w: tt.sw, h: tt.sh, c: tt.c, stride: tt.sw*tt.c + 3}
		src.pix = make([]byte, src.stride*tt.sh)
		for i := range src.pix {
			src.pix[i] = uint8(rnd.IntN(256))
		}
		got := scalePlane(src, tt.dw, tt.dh)
		if got.w != tt.dw || got.h != tt.dh {
			t.Fatalf("%+v: %dx%d", tt, got.w, got.h)
		}
		for y := 0; y < tt.dh; y++ {
			for x := 0; x < tt.dw; x++ {
				for ch := 0; ch < tt.c; ch++ {
					want := areaAverage(src, x, y, ch, tt.dw, tt.dh)
					if g := float64(got.pix[y*got.stride+x*tt.c+ch]); math.Abs(g-want) > 1 {
						t.Errorf("%+v at (%d, %d, %d): %v, want %.2f", tt, x, y, ch, g, want)
					}
				}
			}
		}
	}
	// A flat picture stays flat.
	flat := plane{w: 31, h: 17, c: 1, stride: 31, pix: make([]byte, 31*17)}
	for i := range flat.pix {
		flat.pix[i] = 200
	}
	for _, p := range scalePlane(flat, 7, 5).pix {
		if p != 200 {
			t.Fatalf("flat 200 became %d", p)
		}
	}
}

// areaAverage is the mean of src over the area output pixel (x, y) of a
// dw×dh picture covers.
func areaAverage(src plane, x, y, ch, dw, dh int) float64 {
	fx0, fx1 := float64(x)*float64(src.w)/float64(dw), float64(x+1)*float64(src.w)/float64(dw)
	fy0, fy1 := float64(y)*float64(src.h)/float64(dh), float64(y+1)*float64(src.h)/float64(dh)
	var sum, area float64
	for sy := int(fy0); float64(sy) < fy1; sy++ {
		oy := math.Min(fy1, float64(sy+1)) - math.Max(fy0, float64(sy))
		for sx := int(fx0); float64(sx) < fx1; sx++ {
			ox := math.Min(fx1, float64(sx+1)) - math.Max(fx0, float64(sx))
			sum += float64(src.pix[sy*src.stride+sx*src.c+ch]) * ox * oy
			area += ox * oy
		}
	}
	return sum / area
}
