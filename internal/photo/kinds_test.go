package photo

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestProcessKinds makes copies of JPEGs of every colour model and layout
// (greyscale, 4:4:4, 4:2:2, progressive, restart intervals, and CMYK and
// RGB, which image/jpeg decodes) and checks each copy against the photo
// decoded by image/jpeg and averaged to its size: the same picture, the
// full-size copy as close as its encoding allows.
func TestProcessKinds(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 150, 100))
	for i := range gray.Pix {
		x, y := i%150, i/150
		gray.Pix[i] = uint8(128 + 60*math.Sin(float64(x)/9) + 50*math.Cos(float64(y)/7))
	}
	var g bytes.Buffer
	if err := jpeg.Encode(&g, gray, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	grayFile := filepath.Join(t.TempDir(), "gray.jpg")
	if err := os.WriteFile(grayFile, g.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{grayFile}
	for _, name := range []string{"video-001.q50.444.jpeg", "video-001.q50.422.jpeg", "video-001.progressive.jpeg",
		"video-001.restart2.jpeg", "video-001.cmyk.jpeg", "video-001.rgb.jpeg", "video-005.gray.jpeg"} {
		files = append(files, filepath.Join("jpeg", "testdata", name))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(f, err)
		}
		r, err := (&Processor{Widths: []int{40, 90, 200}, MaxBytes: 1}).Process(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, v := range r.Variants {
			m, err := jpeg.Decode(bytes.NewReader(v.Data))
			if err != nil || m.Bounds().Dx() != v.Width || m.Bounds().Dy() != v.Height {
				t.Errorf("%s, copy %d: %v %v", f, v.Width, err, m.Bounds())
				continue
			}
			want := toRGBA(ref)
			want = scalePlane(want, v.Width, v.Height)
			// The same averaged reference, encoded and decoded: what the
			// encoding alone loses.
			var enc bytes.Buffer
			jpeg.Encode(&enc, &image.RGBA{Pix: want.pix, Stride: want.stride, Rect: image.Rect(0, 0, want.w, want.h)}, &jpeg.Options{Quality: 82})
			alone, _ := jpeg.Decode(&enc)
			p, floor := rgbPSNR(want, toRGBA(m)), rgbPSNR(want, toRGBA(alone))
			// At full size the copy loses no more than its encoding does;
			// smaller, a reduced inverse DCT is not a box filter, and on
			// these small pictures full of detail the two differ by a few
			// dB, but a wrong colour, turn or offset would cost far more.
			if v.Width == ref.Bounds().Dx() && p < floor-1.5 || p < 22 {
				t.Errorf("%s, copy %d: PSNR %.1f dB against image/jpeg's decode averaged (its encoding alone: %.1f dB)", f, v.Width, p, floor)
			}
		}
	}
}

// rgbPSNR compares the colour of two RGBA planes of one size.
func rgbPSNR(a, b plane) float64 {
	var se float64
	n := 0
	for y := 0; y < a.h; y++ {
		for x := 0; x < a.w; x++ {
			for c := 0; c < 3; c++ {
				d := float64(a.pix[y*a.stride+4*x+c]) - float64(b.pix[y*b.stride+4*x+c])
				se += d * d
				n++
			}
		}
	}
	if se == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(255*255/(se/float64(n)))
}
