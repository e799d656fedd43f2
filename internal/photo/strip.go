package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The strip functions rewrite a file without its metadata and without
// touching its pixels: EXIF (with GPS), XMP, IPTC, comments, text chunks,
// and whatever a camera appends after the image. What a browser needs to
// show the pixels right (colour profile, Adobe colour transform, animation
// loop count) stays.

// stripJPEG keeps a JPEG's tables, frame and scans, its JFIF header, ICC
// colour profile and Adobe segment, and drops every other APPn segment,
// comments and any bytes after the end-of-image marker (phones append a
// second, multi-picture image there).
func stripJPEG(data []byte) ([]byte, error) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, errors.New("missing JPEG start marker")
	}
	out := make([]byte, 0, len(data))
	out = append(out, 0xFF, 0xD8)
	i := 2
	for {
		if i >= len(data) || data[i] != 0xFF {
			return nil, errors.New("expected a JPEG marker")
		}
		for i < len(data) && data[i] == 0xFF {
			i++
		}
		if i >= len(data) {
			return nil, io.ErrUnexpectedEOF
		}
		m := data[i]
		i++
		if m == 0xD9 {
			return append(out, 0xFF, 0xD9), nil
		}
		if standalone(m) {
			out = append(out, 0xFF, m)
			continue
		}
		if i+2 > len(data) {
			return nil, io.ErrUnexpectedEOF
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return nil, io.ErrUnexpectedEOF
		}
		if keepJPEGSegment(m, data[i+2:i+n]) {
			out = append(out, 0xFF, m)
			out = append(out, data[i:i+n]...)
		}
		i += n
		if m != 0xDA {
			continue
		}
		// Entropy-coded data runs to the next marker other than a stuffed
		// 0xFF00 or a restart marker.
		j := i
		for {
			k := bytes.IndexByte(data[j:], 0xFF)
			if k < 0 || j+k+1 >= len(data) {
				return nil, io.ErrUnexpectedEOF
			}
			j += k
			if nb := data[j+1]; nb == 0x00 || nb >= 0xD0 && nb <= 0xD7 {
				j += 2
				continue
			}
			break
		}
		out = append(out, data[i:j]...)
		i = j
	}
}

func keepJPEGSegment(m byte, payload []byte) bool {
	switch {
	case m == 0xE0: // JFIF, JFXX
		return true
	case m == 0xE2:
		return bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00"))
	case m == 0xEE:
		return bytes.HasPrefix(payload, []byte("Adobe"))
	case m >= 0xE1 && m <= 0xEF, m == 0xFE: // other APPn, COM
		return false
	}
	return true
}

// pngMetaChunks are the chunks stripPNG drops.
var pngMetaChunks = map[string]bool{"eXIf": true, "tEXt": true, "zTXt": true, "iTXt": true, "tIME": true}

// stripPNG drops a PNG's EXIF, text and time chunks and anything after
// IEND.
func stripPNG(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, pngMagic) {
		return nil, errors.New("missing PNG signature")
	}
	out := make([]byte, 0, len(data))
	out = append(out, pngMagic...)
	i := len(pngMagic)
	for {
		if i+12 > len(data) {
			return nil, io.ErrUnexpectedEOF
		}
		n := int64(binary.BigEndian.Uint32(data[i:]))
		end := int64(i) + 12 + n
		if end > int64(len(data)) {
			return nil, io.ErrUnexpectedEOF
		}
		typ := string(data[i+4 : i+8])
		if !pngMetaChunks[typ] {
			out = append(out, data[i:end]...)
		}
		i = int(end)
		if typ == "IEND" {
			return out, nil
		}
	}
}

// VP8X flags for metadata.
const (
	vp8xEXIF = 0x08
	vp8xXMP  = 0x04
)

// stripWebP drops a WebP's EXIF and XMP chunks. The pixels cannot be turned
// upright here (there is no WebP encoder in pure Go), so a photo with an
// orientation other than 1 keeps an EXIF chunk holding that tag alone.
func stripWebP(data []byte, orientation int) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, errors.New("missing WebP header")
	}
	out := make([]byte, 12, len(data))
	copy(out, data[:12])
	vp8x := -1
	for i := 12; i < len(data); {
		if i+8 > len(data) {
			return nil, io.ErrUnexpectedEOF
		}
		n := int64(binary.LittleEndian.Uint32(data[i+4:]))
		end := int64(i) + 8 + n + n&1
		if end > int64(len(data)) {
			if end-1 != int64(len(data)) { // tolerate a missing final pad byte
				return nil, io.ErrUnexpectedEOF
			}
			end--
		}
		switch typ := string(data[i : i+4]); typ {
		case "EXIF", "XMP ":
		default:
			if typ == "VP8X" {
				if n < 10 {
					return nil, fmt.Errorf("VP8X chunk of %d bytes", n)
				}
				vp8x = len(out)
			}
			out = append(out, data[i:end]...)
		}
		i = int(end)
	}
	if vp8x >= 0 {
		flags := &out[vp8x+8]
		*flags &^= vp8xEXIF | vp8xXMP
		if orientation > 1 {
			*flags |= vp8xEXIF
			t := orientationOnly(orientation)
			out = append(out, "EXIF"...)
			out = binary.LittleEndian.AppendUint32(out, uint32(len(t)))
			out = append(out, t...) // even length, no pad byte
		}
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}

// stripGIF drops a GIF's comment extensions and application extensions
// other than the animation loop count, and anything after the trailer.
func stripGIF(data []byte) ([]byte, error) {
	if len(data) < 13 {
		return nil, io.ErrUnexpectedEOF
	}
	i := 13
	if p := data[10]; p&0x80 != 0 {
		i += 3 << ((p & 7) + 1)
	}
	if i > len(data) {
		return nil, io.ErrUnexpectedEOF
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:i]...)
	// subBlocks returns the offset after the data sub-blocks starting at j.
	subBlocks := func(j int) (int, error) {
		for {
			if j >= len(data) {
				return 0, io.ErrUnexpectedEOF
			}
			s := int(data[j])
			j += 1 + s
			if s == 0 {
				return j, nil
			}
		}
	}
	for {
		if i >= len(data) {
			return nil, io.ErrUnexpectedEOF
		}
		switch data[i] {
		case 0x3B: // trailer
			return append(out, 0x3B), nil
		case 0x21: // extension
			if i+2 > len(data) {
				return nil, io.ErrUnexpectedEOF
			}
			end, err := subBlocks(i + 2)
			if err != nil {
				return nil, err
			}
			if keepGIFExtension(data[i+1], data[i+2:end]) {
				out = append(out, data[i:end]...)
			}
			i = end
		case 0x2C: // image descriptor, local colour table, LZW data
			j := i + 10
			if j > len(data) {
				return nil, io.ErrUnexpectedEOF
			}
			if p := data[i+9]; p&0x80 != 0 {
				j += 3 << ((p & 7) + 1)
			}
			end, err := subBlocks(j + 1) // after the LZW minimum code size
			if err != nil {
				return nil, err
			}
			out = append(out, data[i:end]...)
			i = end
		default:
			return nil, fmt.Errorf("unknown GIF block 0x%02X", data[i])
		}
	}
}

func keepGIFExtension(label byte, blocks []byte) bool {
	switch label {
	case 0xFE: // comment
		return false
	case 0xFF: // application: keep only the loop count
		return len(blocks) >= 12 && blocks[0] == 11 &&
			(string(blocks[1:12]) == "NETSCAPE2.0" || string(blocks[1:12]) == "ANIMEXTS1.0")
	}
	return true
}
