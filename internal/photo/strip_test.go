package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image/gif"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStripJPEGKeepsPixels checks that a cleaned JPEG decodes to exactly
// the pixels of the original.
func TestStripJPEGKeepsPixels(t *testing.T) {
	src := readFixture(t, "xmp-comment.jpg")
	out, err := stripJPEG(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := readFixture(t, "gradient.jpg"); !bytes.Equal(out, want) {
		t.Errorf("cleaned file is %d bytes, want the %d bytes of gradient.jpg", len(out), len(want))
	}
	a, err := jpeg.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	b, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(toRGBA(a).pix, toRGBA(b).pix) {
		t.Error("pixels changed")
	}
	// An ICC profile and a JFIF header stay.
	icc := jpegSegment(0xE2, []byte("ICC_PROFILE\x00\x01\x01profile"))
	jfif := jpegSegment(0xE0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	out, err = stripJPEG(spliceJPEG(src, jfif, icc, jpegSegment(0xED, []byte("Photoshop 3.0\x00IPTC"))))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, icc) || !bytes.Contains(out, jfif) || bytes.Contains(out, []byte("IPTC")) {
		t.Error("ICC profile or JFIF header lost, or IPTC kept")
	}
}

func TestStripGIFKeepsAnimation(t *testing.T) {
	out, err := stripGIF(readFixture(t, "anim.gif"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 2 || g.LoopCount != 0 || !bytes.Contains(out, []byte("NETSCAPE2.0")) {
		t.Errorf("%d frames, loop count %d; want 2 frames looping forever", len(g.Image), g.LoopCount)
	}
	if bytes.Contains(out, []byte(comment)) {
		t.Error("comment kept")
	}
}

// TestStripWebP checks that a phone WebP keeps its orientation and loses
// its GPS position and XMP packet.
func TestStripWebP(t *testing.T) {
	src := readFixture(t, "exif6-gps.webp")
	for _, o := range []int{6, 1} {
		out, err := stripWebP(src, o)
		if err != nil {
			t.Fatal(err)
		}
		info, hasEXIF, err := inspect(bytes.NewReader(out), WebP)
		if err != nil {
			t.Fatal(err)
		}
		if info.Orientation != o || hasEXIF != (o != 1) {
			t.Errorf("orientation %d: got %d, EXIF %v", o, info.Orientation, hasEXIF)
		}
		if bytes.Contains(out, gpsLatitude) || bytes.Contains(out, []byte("xmpmeta")) {
			t.Errorf("orientation %d: GPS or XMP kept", o)
		}
		if flags := out[20]; flags&vp8xXMP != 0 || (flags&vp8xEXIF != 0) != (o != 1) {
			t.Errorf("orientation %d: VP8X flags %08b", o, flags)
		}
		if n := binary.LittleEndian.Uint32(out[4:]); int(n) != len(out)-8 {
			t.Errorf("RIFF size %d for %d bytes", n, len(out))
		}
	}
}

func TestTooLarge(t *testing.T) {
	ihdr := binary.BigEndian.AppendUint32(nil, 20000)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 15000)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	data := append([]byte{}, pngMagic...)
	data = append(data, pngChunk("IHDR", ihdr)...)
	data = append(data, pngChunk("IEND", nil)...)
	path := filepath.Join(t.TempDir(), "lon.png")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := (&Processor{}).Process(path)
	var pe *Error
	if !errors.As(err, &pe) || pe.Code != CodeTooLarge {
		t.Fatalf("error %v, want %s", err, CodeTooLarge)
	}
	want := "ảnh " + path + " quá lớn (20000×15000 điểm ảnh, tối đa 80 triệu điểm ảnh); hãy thu nhỏ ảnh trước khi đưa lên"
	if pe.Msg.Vi != want {
		t.Errorf("message %q\nwant %q", pe.Msg.Vi, want)
	}
}

// FuzzMetadata feeds arbitrary bytes to every reader of photo headers and
// metadata: none may panic, and what the strip functions keep must be
// readable again by them.
func FuzzMetadata(f *testing.F) {
	for _, name := range []string{"gradient.jpg", "exif6-gps.jpg", "exif3-be.jpg", "xmp-comment.jpg",
		"gradient.png", "exif6-gps.png", "anim.gif", "gradient.webp", "exif6-gps.webp"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tiffOrientation(data)
		format, ok := Sniff(data)
		if !ok {
			return
		}
		info, _, err := inspect(bytes.NewReader(data), format)
		if err != nil {
			return
		}
		var out []byte
		switch format {
		case JPEG:
			out, err = stripJPEG(data)
		case PNG:
			out, err = stripPNG(data)
		case GIF:
			out, err = stripGIF(data)
		case WebP:
			out, err = stripWebP(data, info.Orientation)
		}
		if err != nil {
			return
		}
		if f, ok := Sniff(out); !ok || f != format {
			t.Fatalf("stripped %s sniffs as %q", format, f)
		}
	})
}
