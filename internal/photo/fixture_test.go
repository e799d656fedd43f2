package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/khuyencong/khuyencong/internal/golden"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

// gradient is the test picture: 64×48, red rising to the right, green
// rising downwards, and a pure red 8×8 block in the stored top-left corner
// to show where orientation moves it.
func gradient() *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 64; x++ {
			c := color.RGBA{uint8(x * 2), uint8(60 + y*4), 200, 255}
			if x < 8 && y < 8 {
				c = color.RGBA{255, 0, 0, 255}
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

// gpsLatitude is the GPSLatitude value of the fixtures, 10°22'17.14":
// none of these bytes may reach a published file.
var gpsLatitude = func() []byte {
	var b []byte
	for _, v := range [][2]uint32{{10, 1}, {22, 1}, {1714, 100}} {
		b = binary.LittleEndian.AppendUint32(b, v[0])
		b = binary.LittleEndian.AppendUint32(b, v[1])
	}
	return b
}()

type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifTIFF builds an EXIF TIFF block with an Orientation tag and, when gps
// is set, a GPS IFD holding gpsLatitude (always little-endian, so that the
// same bytes can be searched for whatever bo is).
func exifTIFF(bo byteOrder, orientation int, gps bool) []byte {
	var t []byte
	if bo == binary.LittleEndian {
		t = append(t, "II*\x00"...)
	} else {
		t = append(t, "MM\x00*"...)
	}
	t = bo.AppendUint32(t, 8)
	n := 1
	if gps {
		n = 2
	}
	t = bo.AppendUint16(t, uint16(n))
	t = bo.AppendUint16(t, tagOrientation)
	t = bo.AppendUint16(t, typeShort)
	t = bo.AppendUint32(t, 1)
	t = bo.AppendUint16(t, uint16(orientation))
	t = bo.AppendUint16(t, 0)
	gpsIFD := uint32(8 + 2 + 12*n + 4)
	if gps {
		t = bo.AppendUint16(t, 0x8825) // GPSInfo
		t = bo.AppendUint16(t, 4)      // LONG
		t = bo.AppendUint32(t, 1)
		t = bo.AppendUint32(t, gpsIFD)
	}
	t = bo.AppendUint32(t, 0)
	if !gps {
		return t
	}
	t = bo.AppendUint16(t, 2)
	t = bo.AppendUint16(t, 1) // GPSLatitudeRef
	t = bo.AppendUint16(t, 2) // ASCII
	t = bo.AppendUint32(t, 2)
	t = append(t, 'N', 0, 0, 0)
	t = bo.AppendUint16(t, 2) // GPSLatitude
	t = bo.AppendUint16(t, 5) // RATIONAL
	t = bo.AppendUint32(t, 3)
	t = bo.AppendUint32(t, gpsIFD+2+24+4)
	t = bo.AppendUint32(t, 0)
	return append(t, gpsLatitude...)
}

// jpegSegment returns a marker segment with its length.
func jpegSegment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker}
	s = binary.BigEndian.AppendUint16(s, uint16(len(payload)+2))
	return append(s, payload...)
}

// spliceJPEG inserts segments right after a JPEG's start marker.
func spliceJPEG(j []byte, segs ...[]byte) []byte {
	out := append([]byte{}, j[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, j[2:]...)
}

func encodeJPEG(m image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func encodePNG(m image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// pngChunk returns a PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// splicePNG inserts chunks right after a PNG's IHDR.
func splicePNG(p []byte, chunks ...[]byte) []byte {
	at := 8 + 12 + 13
	out := append([]byte{}, p[:at]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[at:]...)
}

const (
	xmpPacket = "http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>10,22.28N</exif:GPSLatitude></x:xmpmeta>"
	comment   = "Chụp tại Long Xuyên 10.3714N"
	trailer   = "MPF-SECOND-IMAGE"
)

// animatedGIF is two frames of the gradient with a loop count and a
// comment extension.
func animatedGIF() []byte {
	src := gradient()
	var frames []*image.Paletted
	for i := 0; i < 2; i++ {
		p := image.NewPaletted(src.Rect, palette.WebSafe)
		for y := 0; y < 48; y++ {
			for x := 0; x < 64; x++ {
				p.Set(x, y, src.At((x+i*4)%64, y))
			}
		}
		frames = append(frames, p)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, &gif.GIF{Image: frames, Delay: []int{50, 50}, LoopCount: 0}); err != nil {
		panic(err)
	}
	g := b.Bytes()
	at := 13 // after the screen descriptor and global colour table
	if g[10]&0x80 != 0 {
		at += 3 << ((g[10] & 7) + 1)
	}
	ext := []byte{0x21, 0xFE, byte(len(comment))}
	ext = append(ext, comment...)
	ext = append(ext, 0)
	return append(append(append([]byte{}, g[:at]...), ext...), g[at:]...)
}

// extendedWebP wraps the lossless gradient.webp in the extended format
// with an EXIF chunk (orientation 6 and GPS) and an XMP chunk, as a phone
// would write it.
func extendedWebP(simple []byte) []byte {
	if string(simple[12:16]) != "VP8L" && string(simple[12:16]) != "VP8 " {
		panic("gradient.webp is not a simple WebP")
	}
	chunk := func(typ string, data []byte) []byte {
		c := append([]byte(typ), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
		c = append(c, data...)
		if len(data)%2 == 1 {
			c = append(c, 0)
		}
		return c
	}
	vp8x := []byte{vp8xEXIF | vp8xXMP, 0, 0, 0, 63, 0, 0, 47, 0, 0}
	body := []byte("WEBP")
	body = append(body, chunk("VP8X", vp8x)...)
	body = append(body, simple[12:]...)
	body = append(body, chunk("EXIF", exifTIFF(binary.LittleEndian, 6, true))...)
	body = append(body, chunk("XMP ", []byte(xmpPacket[29:]))...)
	return append(append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...), body...)
}

// fixtures builds every test photo but gradient.webp, which was made with
// `cwebp -lossless gradient.png -o gradient.webp` (libwebp 1.2.4): there
// is no WebP encoder in Go.
func fixtures(t *testing.T) map[string][]byte {
	webp, err := os.ReadFile(golden.Input("gradient.webp"))
	if err != nil {
		t.Fatal(err)
	}
	g := gradient()
	j := encodeJPEG(g)
	p := encodePNG(g)
	return map[string][]byte{
		"gradient.jpg":  j,
		"gradient.png":  p,
		"exif6-gps.jpg": spliceJPEG(j, jpegSegment(0xE1, append([]byte("Exif\x00\x00"), exifTIFF(binary.LittleEndian, 6, true)...))),
		"exif3-be.jpg":  spliceJPEG(j, jpegSegment(0xE1, append([]byte("Exif\x00\x00"), exifTIFF(binary.BigEndian, 3, false)...))),
		"xmp-comment.jpg": append(spliceJPEG(j,
			jpegSegment(0xE1, []byte(xmpPacket)),
			jpegSegment(0xFE, []byte(comment))), trailer...),
		"exif6-gps.png":  splicePNG(p, pngChunk("eXIf", exifTIFF(binary.BigEndian, 6, true)), pngChunk("tEXt", []byte("Comment\x00"+comment))),
		"anim.gif":       animatedGIF(),
		"exif6-gps.webp": extendedWebP(webp),
		"not-image.jpg":  []byte("Đây là ghi chú, không phải ảnh.\n"),
	}
}

// TestFixtures checks that the fixtures under testdata/ are what the code
// above builds (Go's encoders are deterministic), and rewrites them with
// -update.
func TestFixtures(t *testing.T) {
	for name, want := range fixtures(t) {
		golden.Check(t, name, want)
	}
}
