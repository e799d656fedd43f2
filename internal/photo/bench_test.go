package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// cameraPhoto writes a 4000×3000 JPEG with EXIF orientation 6 and GPS, the
// size a phone camera takes, with detail everywhere so that the encoder
// cannot shortcut it.
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

// BenchmarkProcess makes the three default widths of a 12-megapixel photo:
// read, decode, scale, turn upright and encode.
func BenchmarkProcess(b *testing.B) {
	path := cameraPhoto(b)
	var p Processor
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Process(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeScale decodes a 12-megapixel JPEG and scales it to the
// largest default width, without encoding.
func BenchmarkDecodeScale(b *testing.B) {
	data, err := os.ReadFile(cameraPhoto(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		img, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		pyr := &pyramid{levels: []*image.RGBA{toRGBA(img)}}
		orient(pyr.scale(1200, 1600), 6)
	}
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
