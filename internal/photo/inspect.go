package photo

import (
	"bufio"
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"

	"golang.org/x/image/webp"
)

// Info is what Inspect learns from a photo's header.
type Info struct {
	Format string // "jpeg", "png", "gif" or "webp"
	// Width and Height are the size as displayed: for orientations 5–8 the
	// stored width and height are swapped.
	Width, Height int
	// Orientation is the EXIF Orientation tag, 1 (upright) to 8; 1 when
	// the photo has none.
	Orientation int
}

// Inspect reads the format, displayed size and EXIF orientation of the
// photo at path from its header, without decoding the pixels. A file that
// is not a JPEG, PNG, GIF or WebP image, whatever its name, is an *Error.
func Inspect(path string) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, unreadable(path, err)
	}
	defer f.Close()
	var hdr [SniffLen]byte
	n, err := io.ReadFull(f, hdr[:])
	if err != nil && err != io.ErrUnexpectedEOF {
		return Info{}, unreadable(path, err)
	}
	format, ok := Sniff(hdr[:n])
	if !ok {
		return Info{}, notImage(path)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Info{}, unreadable(path, err)
	}
	info, _, err := inspect(f, format)
	if err != nil {
		return Info{}, damaged(path, format, err)
	}
	return info, nil
}

// inspect reads the header of a photo of a known format from r, positioned
// at its start, and reports whether it has an EXIF block.
func inspect(r io.ReadSeeker, format string) (info Info, hasEXIF bool, err error) {
	var (
		cfg image.Config
		t   []byte
	)
	switch format {
	case JPEG:
		var head []byte
		if head, err = readJPEGHead(bufio.NewReader(r)); err != nil {
			return Info{}, false, err
		}
		if cfg, err = jpeg.DecodeConfig(bytes.NewReader(head)); err != nil {
			return Info{}, false, err
		}
		segs, _, err := jpegSegments(head)
		if err != nil {
			return Info{}, false, err
		}
		t, hasEXIF = jpegEXIF(segs)
	case PNG:
		if cfg, err = png.DecodeConfig(r); err != nil {
			return Info{}, false, err
		}
		if t, hasEXIF, err = pngEXIF(r); err != nil {
			return Info{}, false, err
		}
	case GIF:
		if cfg, err = gif.DecodeConfig(r); err != nil {
			return Info{}, false, err
		}
	case WebP:
		if cfg, err = webp.DecodeConfig(r); err != nil {
			return Info{}, false, err
		}
		if t, hasEXIF, err = webpEXIF(r); err != nil {
			return Info{}, false, err
		}
	default:
		return Info{}, false, errNotImage
	}
	o := 1
	if hasEXIF {
		o = tiffOrientation(t)
	}
	w, h := cfg.Width, cfg.Height
	if o >= 5 {
		w, h = h, w
	}
	return Info{Format: format, Width: w, Height: h, Orientation: o}, hasEXIF, nil
}
