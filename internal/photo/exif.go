package photo

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// EXIF tags this package reads.
const (
	tagOrientation = 0x0112
	typeShort      = 3
)

var exifPrefix = []byte("Exif\x00\x00")

// tiffOrientation returns the Orientation tag (1–8) of IFD0 in a TIFF
// structure, the payload of an EXIF block. Both byte orders are read.
// Anything missing, malformed or out of range counts as 1, upright: a
// damaged EXIF block should not stop a photo from being published.
func tiffOrientation(t []byte) int {
	t = bytes.TrimPrefix(t, exifPrefix)
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 1
	}
	off := int64(bo.Uint32(t[4:8]))
	if off < 8 || off+2 > int64(len(t)) {
		return 1
	}
	n := int64(bo.Uint16(t[off:]))
	for i := int64(0); i < n; i++ {
		e := off + 2 + 12*i
		if e+12 > int64(len(t)) {
			break
		}
		if bo.Uint16(t[e:]) != tagOrientation {
			continue
		}
		if bo.Uint16(t[e+2:]) != typeShort || bo.Uint32(t[e+4:]) < 1 {
			return 1
		}
		if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}

// orientationOnly returns a TIFF structure holding nothing but the
// Orientation tag, to keep a photo that cannot be rotated here upright in
// browsers once everything else in its EXIF block is dropped.
func orientationOnly(o int) []byte {
	t := []byte("II*\x00\x08\x00\x00\x00")
	t = binary.LittleEndian.AppendUint16(t, 1) // one entry
	t = binary.LittleEndian.AppendUint16(t, tagOrientation)
	t = binary.LittleEndian.AppendUint16(t, typeShort)
	t = binary.LittleEndian.AppendUint32(t, 1)
	t = binary.LittleEndian.AppendUint16(t, uint16(o))
	t = binary.LittleEndian.AppendUint16(t, 0)
	return binary.LittleEndian.AppendUint32(t, 0) // no next IFD
}

// maxHead bounds the bytes read before a JPEG's frame header.
const maxHead = 4 << 20

var errHeadTooLong = errors.New("JPEG header over 4 MiB before the image data")

// readJPEGHead reads a JPEG's marker segments up to and including its first
// scan header (SOS), and returns those bytes: where the size, the EXIF block
// and every metadata segment before the pixels are. (jpeg.DecodeConfig
// reads as far as the scan when the file has no JFIF segment.)
func readJPEGHead(r *bufio.Reader) ([]byte, error) {
	head := make([]byte, 2, 4096)
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, err
	}
	if head[0] != 0xFF || head[1] != 0xD8 {
		return nil, errors.New("missing JPEG start marker")
	}
	for {
		b, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		if b != 0xFF {
			return nil, fmt.Errorf("expected a JPEG marker, found byte 0x%02X", b)
		}
		m := byte(0xFF)
		for m == 0xFF { // fill bytes
			if m, err = r.ReadByte(); err != nil {
				return nil, err
			}
		}
		head = append(head, 0xFF, m)
		if standalone(m) {
			continue
		}
		var l [2]byte
		if _, err := io.ReadFull(r, l[:]); err != nil {
			return nil, err
		}
		n := int(binary.BigEndian.Uint16(l[:]))
		if n < 2 {
			return nil, fmt.Errorf("JPEG segment length %d", n)
		}
		if len(head)+n > maxHead {
			return nil, errHeadTooLong
		}
		head = append(head, l[:]...)
		start := len(head)
		head = append(head, make([]byte, n-2)...)
		if _, err := io.ReadFull(r, head[start:]); err != nil {
			return nil, err
		}
		if m == 0xDA {
			return head, nil
		}
	}
}

// standalone reports markers without a length: RSTn, TEM, SOI, EOI.
func standalone(m byte) bool {
	return m >= 0xD0 && m <= 0xD9 || m == 0x01
}

// segment is one marker segment of a JPEG held in memory.
type segment struct {
	marker     byte
	start, end int // the whole segment, marker included
	payload    []byte
}

// jpegSegments lists the marker segments of data up to and including the
// first scan header (SOS), and returns the offset just past it. On error it
// still returns the segments read so far.
func jpegSegments(data []byte) (segs []segment, end int, err error) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != 0xD8 {
		return segs, 0, errors.New("missing JPEG start marker")
	}
	i := 2
	for {
		start := i
		if i >= len(data) || data[i] != 0xFF {
			return segs, 0, errors.New("expected a JPEG marker")
		}
		for i < len(data) && data[i] == 0xFF {
			i++
		}
		if i >= len(data) {
			return segs, 0, io.ErrUnexpectedEOF
		}
		m := data[i]
		i++
		if standalone(m) {
			segs = append(segs, segment{marker: m, start: start, end: i})
			if m == 0xD9 {
				return segs, 0, errors.New("JPEG ends before its image data")
			}
			continue
		}
		if i+2 > len(data) {
			return segs, 0, io.ErrUnexpectedEOF
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return segs, 0, io.ErrUnexpectedEOF
		}
		segs = append(segs, segment{marker: m, start: start, end: i + n, payload: data[i+2 : i+n]})
		i += n
		if m == 0xDA {
			return segs, i, nil
		}
	}
}

// jpegEXIF returns the TIFF payload of the first EXIF APP1 segment among
// segs, and whether there was one.
func jpegEXIF(segs []segment) ([]byte, bool) {
	for _, s := range segs {
		if s.marker == 0xE1 && bytes.HasPrefix(s.payload, exifPrefix) {
			return s.payload[len(exifPrefix):], true
		}
	}
	return nil, false
}

// pngEXIF walks the chunks of a PNG before its image data and returns the
// payload of its eXIf chunk, if any.
func pngEXIF(r io.ReadSeeker) ([]byte, bool, error) {
	if _, err := r.Seek(8, io.SeekStart); err != nil {
		return nil, false, err
	}
	var h [8]byte
	for {
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return nil, false, err
		}
		n := int64(binary.BigEndian.Uint32(h[:4]))
		switch string(h[4:8]) {
		case "IDAT", "IEND":
			return nil, false, nil
		case "eXIf":
			if n > maxHead {
				return nil, false, errHeadTooLong
			}
			t := make([]byte, n)
			if _, err := io.ReadFull(r, t); err != nil {
				return nil, false, err
			}
			return t, true, nil
		}
		if _, err := r.Seek(n+4, io.SeekCurrent); err != nil {
			return nil, false, err
		}
	}
}

// webpEXIF walks the chunks of a WebP file (the EXIF chunk usually comes
// after the image data) and returns the payload of its EXIF chunk, if any.
func webpEXIF(r io.ReadSeeker) ([]byte, bool, error) {
	if _, err := r.Seek(12, io.SeekStart); err != nil {
		return nil, false, err
	}
	var h [8]byte
	for {
		if _, err := io.ReadFull(r, h[:]); err != nil {
			if err == io.EOF {
				return nil, false, nil
			}
			return nil, false, err
		}
		n := int64(binary.LittleEndian.Uint32(h[4:]))
		if string(h[:4]) == "EXIF" {
			if n > maxHead {
				return nil, false, errHeadTooLong
			}
			t := make([]byte, n)
			if _, err := io.ReadFull(r, t); err != nil {
				return nil, false, err
			}
			return t, true, nil
		}
		if _, err := r.Seek(n+n&1, io.SeekCurrent); err != nil {
			return nil, false, err
		}
	}
}
