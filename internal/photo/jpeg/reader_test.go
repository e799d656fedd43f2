package jpeg

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/golden"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

// sameAsStd is every file of testdata that image/jpeg decodes, in each
// layout: baseline and progressive, each chroma subsampling, restart
// intervals, greyscale.
func testFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(golden.InputDir("."), "*.jpeg"))
	if err != nil || len(files) == 0 {
		t.Fatal("no test files", err)
	}
	return files
}

// planes returns the samples of a decoded image, plane by plane.
func planes(t *testing.T, img image.Image) [][]byte {
	t.Helper()
	switch m := img.(type) {
	case *image.Gray:
		var y []byte
		for r := 0; r < m.Rect.Dy(); r++ {
			y = append(y, m.Pix[r*m.Stride:r*m.Stride+m.Rect.Dx()]...)
		}
		return [][]byte{y}
	case *image.YCbCr:
		var y, cb, cr []byte
		for r := 0; r < m.Rect.Dy(); r++ {
			y = append(y, m.Y[m.YOffset(0, r):m.YOffset(0, r)+m.Rect.Dx()]...)
		}
		cw, ch := chromaSize(m)
		for r := 0; r < ch; r++ {
			cb = append(cb, m.Cb[r*m.CStride:r*m.CStride+cw]...)
			cr = append(cr, m.Cr[r*m.CStride:r*m.CStride+cw]...)
		}
		return [][]byte{y, cb, cr}
	}
	t.Fatalf("decoded as %T", img)
	return nil
}

func chromaSize(m *image.YCbCr) (int, int) {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	switch m.SubsampleRatio {
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
	return w, h
}

// TestFullSizeIsImageJPEG: at 8/8 every sample is image/jpeg's, and
// colour models other than greyscale and YCbCr are refused.
func TestFullSizeIsImageJPEG(t *testing.T) {
	for _, f := range testFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, werr := jpeg.Decode(bytes.NewReader(data))
		got, err := Decode(data, 8)
		switch {
		case strings.Contains(f, "cmyk") || strings.Contains(f, "rgb"):
			if !errors.Is(err, ErrUnsupported) {
				t.Errorf("%s: %v, want ErrUnsupported", f, err)
			}
			continue
		case werr != nil:
			if err == nil {
				t.Errorf("%s: image/jpeg says %v, Decode nothing", f, werr)
			}
			continue
		case err != nil:
			t.Errorf("%s: %v", f, err)
			continue
		}
		if got.Bounds() != want.Bounds() {
			t.Errorf("%s: bounds %v, want %v", f, got.Bounds(), want.Bounds())
			continue
		}
		g, w := planes(t, got), planes(t, want)
		for i := range w {
			if !bytes.Equal(g[i], w[i]) {
				t.Errorf("%s: plane %d differs from image/jpeg's", f, i)
			}
		}
	}
}

// TestReducedSize decodes at every smaller size: the size is the full
// size times n/8, rounded up, and each plane is close to the full decode
// averaged over cells of 8/n pixels (PSNR above 28 dB; a reduced inverse
// DCT is not a box filter, but it is the same picture).
func TestReducedSize(t *testing.T) {
	for _, f := range testFiles(t) {
		if strings.Contains(f, "cmyk") || strings.Contains(f, "rgb") || strings.Contains(f, "truncated") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		full, err := Decode(data, 8)
		if err != nil {
			t.Fatal(f, err)
		}
		fw, fh := full.Bounds().Dx(), full.Bounds().Dy()
		for n := 1; n < 8; n++ {
			img, err := Decode(data, n)
			if err != nil {
				t.Errorf("%s at %d/8: %v", f, n, err)
				continue
			}
			if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != (fw*n+7)/8 || h != (fh*n+7)/8 {
				t.Errorf("%s at %d/8: %dx%d", f, n, w, h)
				continue
			}
			p := psnr(planes(t, full)[0], fw, fh, planes(t, img)[0], n)
			if p < 28 {
				t.Errorf("%s at %d/8: luma PSNR %.1f dB against the averaged full decode", f, n, p)
			}
		}
	}
}

// psnr compares small, a luma plane at n/8, with big averaged over the
// cells each of its pixels stands for (whole cells only).
func psnr(big []byte, bw, bh int, small []byte, n int) float64 {
	sw := (bw*n + 7) / 8
	var se float64
	count := 0
	for y := 0; (y+1)*8 <= bh*n; y++ {
		for x := 0; (x+1)*8 <= bw*n; x++ {
			// The cell of (x, y) in big: [x*8/n, (x+1)*8/n), by area.
			var sum, area float64
			for by := y * 8 / n; by < ((y+1)*8+n-1)/n && by < bh; by++ {
				oy := math.Min(float64(by+1), float64((y+1)*8)/float64(n)) - math.Max(float64(by), float64(y*8)/float64(n))
				for bx := x * 8 / n; bx < ((x+1)*8+n-1)/n && bx < bw; bx++ {
					ox := math.Min(float64(bx+1), float64((x+1)*8)/float64(n)) - math.Max(float64(bx), float64(x*8)/float64(n))
					sum += float64(big[by*bw+bx]) * ox * oy
					area += ox * oy
				}
			}
			d := sum/area - float64(small[y*sw+x])
			se += d * d
			count++
		}
	}
	if se == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(255*255/(se/float64(count)))
}

// TestDamaged: a file cut short anywhere, or with a byte changed, gives
// an error or an image, never a panic; a baseline file cut in its
// entropy-coded data gives an error.
func TestDamaged(t *testing.T) {
	data, err := os.ReadFile("testdata/video-001.jpeg")
	if err != nil {
		t.Fatal(err)
	}
	for cut := 0; cut < len(data); cut += 97 {
		for _, n := range []int{4, 8} {
			img, err := Decode(data[:cut], n)
			if err == nil && cut < len(data)-2 {
				t.Errorf("cut at %d of %d, %d/8: no error (%v)", cut, len(data), n, img.Bounds())
			}
		}
	}
	for i := 0; i < len(data); i += 61 {
		bad := bytes.Clone(data)
		bad[i] ^= 0x5a
		Decode(bad, 4)
		Decode(bad, 8)
	}
}

func FuzzDecode(f *testing.F) {
	for _, name := range []string{"video-001.q50.420.jpeg", "video-001.q50.444.jpeg", "video-001.restart2.jpeg", "video-005.gray.q50.2x2.progressive.jpeg"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(4))
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint8) {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width*cfg.Height > 1<<20 {
			return
		}
		eighths := int(n%8) + 1
		img, err := Decode(data, eighths)
		if err != nil {
			return
		}
		if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != (cfg.Width*eighths+7)/8 || h != (cfg.Height*eighths+7)/8 {
			t.Errorf("%dx%d at %d/8 decoded as %dx%d", cfg.Width, cfg.Height, eighths, w, h)
		}
	})
}
