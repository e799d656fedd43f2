package photo

import (
	"encoding/binary"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/demo"
)

// cameraPhoto writes a 4000×3000 JPEG with EXIF orientation 6 and GPS, the
// size a phone camera takes, with detail everywhere so that the encoder
// cannot shortcut it (5,3 MB: more entropy-coded data than a phone's).
func cameraPhoto(b *testing.B) string {
	b.Helper()
	m := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	seed := uint32(1)
	for y := 0; y < 3000; y++ {
		for x := 0; x < 4000; x++ {
			seed = seed*1664525 + 1013904223
			n := uint8(seed >> 27)
			m.SetRGBA(x, y, color.RGBA{uint8(x/16) + n, uint8(y/12) + n, uint8((x+y)/28) + n, 255})
		}
	}
	path := filepath.Join(b.TempDir(), "camera.jpg")
	exif := append([]byte("Exif\x00\x00"), exifTIFF(binary.LittleEndian, 6, true)...)
	if err := os.WriteFile(path, spliceJPEG(encodeJPEG(m), jpegSegment(0xE1, exif)), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// phonePhotos writes the first photos of a demo site: 4000×3000 JPEGs of
// about 3,6 MB as a phone saves them, upright (EXIF orientation 1) and
// standing (6).
func phonePhotos(b *testing.B) (upright, standing string) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if err := demo.Write(dir, demo.Size{Name: "bench", Establishments: 1, Products: 2}, demo.Options{Photos: true}); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "anh", "*", "*.jpg"))
	if err != nil || len(files) < 2 {
		b.Fatalf("demo photos: %v %v", files, err)
	}
	for _, f := range files {
		info, err := Inspect(f)
		if err != nil {
			b.Fatal(err)
		}
		if info.Orientation == 6 {
			standing = f
		} else {
			upright = f
		}
	}
	return upright, standing
}

// reportCPU adds the CPU time per operation (user and system, every
// thread: what the photo costs the machine, whatever else runs on it).
func reportCPU(b *testing.B, start time.Duration) {
	if c := cpuTime(); c > 0 {
		b.ReportMetric(float64(c-start)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

// BenchmarkProcess makes the three default widths of a 12-megapixel photo
// (read, hash, decode, scale, turn upright, encode), without cache.
func BenchmarkProcess(b *testing.B) {
	upright, standing := phonePhotos(b)
	for _, bm := range []struct{ name, path string }{
		{"phone-upright", upright},
		{"phone-standing", standing},
		{"noise-standing", cameraPhoto(b)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			var p Processor
			if _, err := p.Process(bm.path); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			start := cpuTime()
			for b.Loop() {
				if _, err := p.Process(bm.path); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
		})
	}
}

// BenchmarkDecodeScale decodes a standing 12-megapixel phone photo at the
// size its largest copy needs and averages it to that copy, without
// encoding.
func BenchmarkDecodeScale(b *testing.B) {
	_, standing := phonePhotos(b)
	data, err := os.ReadFile(standing)
	if err != nil {
		b.Fatal(err)
	}
	info, err := Inspect(standing)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		pic, err := decodePicture(data, JPEG, info, image.Pt(2133, 1600))
		if err != nil {
			b.Fatal(err)
		}
		pic.scale(2133, 1600).orient(6)
	}
	reportCPU(b, start)
}

// BenchmarkCacheHit reads a 12-megapixel photo's result back from the
// cache: hashing the source is all the work.
func BenchmarkCacheHit(b *testing.B) {
	path := cameraPhoto(b)
	p := Processor{CacheDir: b.TempDir()}
	if _, err := p.Process(path); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		r, err := p.Process(path)
		if err != nil || !r.Cached {
			b.Fatal(r.Cached, err)
		}
	}
}
