package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	pjpeg "github.com/khuyencong/khuyencong/internal/photo/jpeg"
)

// version names what this package makes of a photo. Change it whenever the
// same source and parameters would give different files, so that caches
// fill again.
const version = "photo-2"

// Defaults of Processor.
var DefaultWidths = []int{480, 960, 1600}

const (
	DefaultMaxBytes = 1 << 20
	DefaultQuality  = 82
)

// Processor turns photos into the copies a page serves. Its zero value
// works without a cache. It is safe for concurrent use by several
// goroutines.
type Processor struct {
	// CacheDir holds results between builds; "" keeps everything in
	// memory (Variant.Data) and caches nothing.
	CacheDir string
	// Widths are the widths, in pixels, of the smaller copies; those not
	// smaller than the photo are skipped. Default 480, 960, 1600.
	Widths []int
	// MaxBytes is the size above which an original is not shipped as it
	// is. Default 1 MiB.
	MaxBytes int64
	// Quality is the JPEG quality, 1 to 100. Default 82.
	Quality int
}

// inflight holds the results being made, by cache path, so that the same
// photo is made once however many goroutines and Processors ask for it.
var (
	inflightMu sync.Mutex
	inflight   = map[string]*call{}
)

// call is one Process of a source that other goroutines wait for.
type call struct {
	done chan struct{}
	res  Result
	err  error
}

// Variant is one file made from a photo.
type Variant struct {
	Width, Height int    // displayed size in pixels
	Ext           string // ".jpg", ".png", ".gif" or ".webp"
	// Data is the file when the Processor has no CacheDir; CachePath is
	// the file in the cache otherwise. Bytes reads either.
	Data      []byte
	CachePath string
	// Size is the size of the file in bytes.
	Size int64
	// Original is true when the variant is the original file, its pixels
	// untouched, cleaned of metadata.
	Original bool
}

// Bytes returns the contents of the variant's file.
func (v Variant) Bytes() ([]byte, error) {
	if v.CachePath == "" {
		return v.Data, nil
	}
	return os.ReadFile(v.CachePath)
}

// Result is what Process made of one photo.
type Result struct {
	Format string // format of the original: "jpeg", "png", "gif" or "webp"
	// Width and Height are the displayed size of the full image, the last
	// variant, for the width and height attributes of <img>.
	Width, Height int
	// Variants are in increasing width; the last is the full image. GIF
	// and WebP have one variant.
	Variants []Variant
	// Cached is true when the result was read from the cache, or made by
	// another goroutine, without this call decoding the photo.
	Cached bool
	// Key names the result in the cache ("" without a cache): what the
	// build that used it passes to Prune to keep it.
	Key string
}

// Full returns the full-size variant.
func (r Result) Full() Variant { return r.Variants[len(r.Variants)-1] }

// settings are a Processor's parameters with the defaults filled in.
type settings struct {
	widths   []int
	maxBytes int64
	quality  int
}

func (p *Processor) settings() settings {
	s := settings{maxBytes: p.MaxBytes, quality: p.Quality}
	for _, w := range p.Widths {
		if w > 0 {
			s.widths = append(s.widths, w)
		}
	}
	if len(s.widths) == 0 {
		s.widths = slices.Clone(DefaultWidths)
	}
	slices.Sort(s.widths)
	s.widths = slices.Compact(s.widths)
	if s.maxBytes <= 0 {
		s.maxBytes = DefaultMaxBytes
	}
	if s.quality <= 0 {
		s.quality = DefaultQuality
	}
	s.quality = min(s.quality, 100)
	return s
}

// key names a result: the source bytes and everything that shapes what is
// made of them.
func (s settings) key(data []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%v\x00%d\x00%d\x00", version, s.widths, s.maxBytes, s.quality)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// decodes counts full decodes, for tests.
var decodes atomic.Int64

// Process makes the variants of the photo at srcPath, or reads them from
// the cache when the same bytes were processed with the same parameters
// before. Problems with the photo are *Error values.
func (p *Processor) Process(srcPath string) (Result, error) {
	data, err := os.ReadFile(srcPath)
	if err != nil {
		return Result{}, unreadable(srcPath, err)
	}
	format, ok := Sniff(data)
	if !ok {
		return Result{}, notImage(srcPath)
	}
	s := p.settings()
	if p.CacheDir == "" {
		return produce(srcPath, data, format, s)
	}
	key := s.key(data)
	c := cache{dir: p.CacheDir}
	if r, ok := c.load(key); ok {
		return r, nil
	}

	// The same bytes may be processed at once by several goroutines (the
	// same photo used twice, or copied under two names): one does the
	// work, the others wait for it.
	slot := c.path(key)
	inflightMu.Lock()
	if w, ok := inflight[slot]; ok {
		inflightMu.Unlock()
		<-w.done
		if w.err == nil {
			r := w.res
			r.Variants = slices.Clone(r.Variants)
			r.Cached = true
			return r, nil
		}
		// Fall through: the error names the other file.
	} else {
		w = &call{done: make(chan struct{})}
		inflight[slot] = w
		inflightMu.Unlock()
		defer func() {
			inflightMu.Lock()
			delete(inflight, slot)
			inflightMu.Unlock()
			close(w.done)
		}()
		// Another goroutine may have stored the result between the look
		// at the cache above and taking the slot.
		if r, ok := c.load(key); ok {
			w.res = r
			return r, nil
		}
		w.res, w.err = p.fresh(srcPath, data, format, s, c, key)
		return w.res, w.err
	}
	return p.fresh(srcPath, data, format, s, c, key)
}

func (p *Processor) fresh(srcPath string, data []byte, format string, s settings, c cache, key string) (Result, error) {
	r, err := produce(srcPath, data, format, s)
	if err != nil {
		return Result{}, err
	}
	r, err = c.store(key, r)
	if err != nil {
		return Result{}, cacheFailed(srcPath, p.CacheDir, err)
	}
	return r, nil
}

// produce processes a photo held in memory.
func produce(srcPath string, data []byte, format string, s settings) (Result, error) {
	info, hasEXIF, err := inspect(bytes.NewReader(data), format)
	if err != nil {
		return Result{}, damaged(srcPath, format, err)
	}
	if int64(info.Width)*int64(info.Height) > MaxPixels {
		return Result{}, tooLarge(srcPath, info.Width, info.Height)
	}
	ext := Ext(format)
	switch format {
	case GIF, WebP:
		// Copied as they are, less metadata: there is no WebP encoder in
		// pure Go, and re-encoding a GIF would cost its animation or
		// palette for little gain.
		var out []byte
		if format == GIF {
			out, err = stripGIF(data)
		} else {
			out, err = stripWebP(data, info.Orientation)
		}
		if err != nil {
			return Result{}, damaged(srcPath, format, err)
		}
		v := Variant{Width: info.Width, Height: info.Height, Ext: ext, Data: out, Size: int64(len(out)), Original: true}
		return Result{Format: format, Width: v.Width, Height: v.Height, Variants: []Variant{v}}, nil
	}

	// The original is shipped as the full image only when small, not
	// wider than the largest copy and without EXIF; otherwise the full
	// image is a re-encoded copy, no wider than the largest width.
	largest := s.widths[len(s.widths)-1]
	ship := !hasEXIF && int64(len(data)) <= s.maxBytes && info.Width <= largest
	var orig []byte
	if ship {
		if format == JPEG {
			orig, err = stripJPEG(data)
		} else {
			orig, err = stripPNG(data)
		}
		if err != nil {
			return Result{}, damaged(srcPath, format, err)
		}
	}
	var widths []int
	for _, w := range s.widths {
		if w < info.Width {
			widths = append(widths, w)
		}
	}
	if !ship && info.Width <= largest {
		widths = append(widths, info.Width)
	}
	// The stored size (before orientation) of each copy, largest first.
	type copySize struct{ w, h, sw, sh int }
	sizes := make([]copySize, len(widths))
	for i, w := range widths {
		h := max(1, (info.Height*w+info.Width/2)/info.Width)
		c := copySize{w: w, h: h, sw: w, sh: h}
		if info.Orientation >= 5 {
			c.sw, c.sh = h, w
		}
		sizes[len(widths)-1-i] = c
	}

	// Decode even when nothing is resized, so that a truncated file is
	// reported rather than published; a JPEG at the smallest size the
	// largest copy can be averaged down from (see package photo/jpeg).
	need := image.Point{}
	if len(sizes) > 0 {
		need = image.Pt(sizes[0].sw, sizes[0].sh)
	}
	pic, err := decodePicture(data, format, info, need)
	if err != nil {
		return Result{}, damaged(srcPath, format, err)
	}
	decodes.Add(1)

	// Each copy is averaged from the one before, larger; it is turned
	// upright and encoded on its own, and nothing of it is kept but the
	// encoded bytes.
	made := make([]Variant, len(sizes))
	for i, c := range sizes {
		pic = pic.scale(c.sw, c.sh)
		var buf bytes.Buffer
		m := pic.orient(info.Orientation).image()
		if format == JPEG {
			err = pjpeg.Encode(&buf, m, &pjpeg.Options{Quality: s.quality})
		} else {
			err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, m)
		}
		if err != nil {
			return Result{}, damaged(srcPath, format, err)
		}
		made[len(sizes)-1-i] = Variant{Width: c.w, Height: c.h, Ext: ext, Data: buf.Bytes(), Size: int64(buf.Len())}
	}
	r := Result{Format: format, Variants: made}
	if ship {
		r.Variants = append(r.Variants, Variant{Width: info.Width, Height: info.Height, Ext: ext, Data: orig, Size: int64(len(orig)), Original: true})
	}
	full := r.Full()
	r.Width, r.Height = full.Width, full.Height
	return r, nil
}

// decodePicture decodes a JPEG or PNG photo whose header said info, for
// copies no larger than need (its stored size, before orientation). A
// JPEG is decoded at the smallest n/8 of its size at least that large.
func decodePicture(data []byte, format string, info Info, need image.Point) (picture, error) {
	if format == PNG {
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return picture{}, err
		}
		return pictureOf(img), nil
	}
	w, h := info.Width, info.Height
	if info.Orientation >= 5 {
		w, h = h, w
	}
	n := 1
	for n < 8 && ((w*n+7)/8 < need.X || (h*n+7)/8 < need.Y) {
		n++
	}
	img, err := pjpeg.Decode(data, n)
	if errors.Is(err, pjpeg.ErrUnsupported) {
		// CMYK and RGB JPEGs, rare among photos: decoded at full size.
		img, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return picture{}, err
	}
	return pictureOf(img), nil
}

// WorkingMemory estimates the memory, in bytes, that Process takes at most
// while it makes the copies of a photo whose header said info and whose
// file has size bytes: the file, the decoded samples, the buffers of the
// box filter and a copy being turned upright and encoded. The photo stage
// keeps the photos processed at once within a budget by it.
func WorkingMemory(info Info, size int64) int64 {
	px := int64(info.Width) * int64(info.Height)
	switch info.Format {
	case JPEG:
		// YCbCr decoded at about half the size (a quarter of the pixels,
		// 1,5 bytes each), up to twice as much for 4:4:4 or a photo
		// hardly wider than its largest copy; the filter's 16-bit rows
		// and the copies at most as large again.
		return 2*size + px*3/2 + px*2
	case PNG:
		// RGBA at full size, decoded then premultiplied, then the filter's
		// 16-bit rows of the largest copy.
		return size + px*8 + px*4
	}
	return 2 * size
}
