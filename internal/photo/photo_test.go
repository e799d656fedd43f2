package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/webp"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/golden"
)

func TestSniff(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name   string
		header []byte
		format string
		ok     bool
	}{
		{"jpeg", read("gradient.jpg"), "jpeg", true},
		{"jpeg with exif", read("exif6-gps.jpg"), "jpeg", true},
		{"png", read("gradient.png"), "png", true},
		{"gif89a", read("anim.gif"), "gif", true},
		{"gif87a", []byte("GIF87a\x01\x00\x01\x00"), "gif", true},
		{"webp", read("gradient.webp"), "webp", true},
		{"text named .jpg", read("not-image.jpg"), "", false},
		{"empty", nil, "", false},
		{"jpeg start only", []byte{0xFF, 0xD8}, "", false},
		{"png cut short", []byte("\x89PNG\r\n"), "", false},
		{"riff wave", []byte("RIFF\x24\x00\x00\x00WAVEfmt "), "", false},
		{"riff cut short", []byte("RIFF\x24\x00\x00\x00WEB"), "", false},
		{"html", []byte("<!DOCTYPE html>"), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format, ok := Sniff(tt.header)
			if format != tt.format || ok != tt.ok {
				t.Errorf("Sniff = %q, %v; want %q, %v", format, ok, tt.format, tt.ok)
			}
		})
	}
}

func TestTIFFOrientation(t *testing.T) {
	le, be := binary.LittleEndian, binary.BigEndian
	set := func(b []byte, at int, v ...byte) []byte {
		b = slices.Clone(b)
		copy(b[at:], v)
		return b
	}
	tests := []struct {
		name string
		tiff []byte
		want int
	}{
		{"little-endian 6", exifTIFF(le, 6, false), 6},
		{"big-endian 6", exifTIFF(be, 6, false), 6},
		{"big-endian 8 with gps", exifTIFF(be, 8, true), 8},
		{"little-endian 3 with gps", exifTIFF(le, 3, true), 3},
		{"with Exif prefix", append([]byte("Exif\x00\x00"), exifTIFF(le, 5, false)...), 5},
		{"0 is upright", exifTIFF(le, 0, false), 1},
		{"9 is upright", exifTIFF(le, 9, false), 1},
		{"wrong type", set(exifTIFF(le, 6, false), 12, 4, 0), 1},
		{"other tag only", set(exifTIFF(le, 6, false), 10, 0x10, 0x01), 1},
		{"truncated entry", exifTIFF(le, 6, false)[:20], 1},
		{"IFD offset past end", set(exifTIFF(le, 6, false), 4, 0xFF, 0xFF, 0, 0), 1},
		{"IFD offset overflow", set(exifTIFF(be, 6, false), 4, 0xFF, 0xFF, 0xFF, 0xFF), 1},
		{"bad byte order", set(exifTIFF(le, 6, false), 0, 'X', 'X'), 1},
		{"empty", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tiffOrientation(tt.tiff); got != tt.want {
				t.Errorf("tiffOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestInspect(t *testing.T) {
	tests := []struct {
		file string
		want Info
	}{
		{"gradient.jpg", Info{"jpeg", 64, 48, 1}},
		{"exif6-gps.jpg", Info{"jpeg", 48, 64, 6}},
		{"exif3-be.jpg", Info{"jpeg", 64, 48, 3}},
		{"xmp-comment.jpg", Info{"jpeg", 64, 48, 1}},
		{"gradient.png", Info{"png", 64, 48, 1}},
		{"exif6-gps.png", Info{"png", 48, 64, 6}},
		{"anim.gif", Info{"gif", 64, 48, 1}},
		{"gradient.webp", Info{"webp", 64, 48, 1}},
		{"exif6-gps.webp", Info{"webp", 48, 64, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Inspect(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Inspect = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestInspectErrors(t *testing.T) {
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.jpg")
	j, _ := os.ReadFile(filepath.Join("testdata", "exif6-gps.jpg"))
	if err := os.WriteFile(cut, j[:40], 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		code diag.Code
		vi   string
	}{
		{"testdata/not-image.jpg", CodeNotImage,
			"tệp testdata/not-image.jpg không phải ảnh JPEG, PNG, GIF hay WebP (đuôi tên tệp không quyết định định dạng); hãy lưu lại ảnh dưới dạng JPEG hoặc PNG"},
		{cut, CodeDamaged,
			"ảnh " + cut + " (jpeg) bị hỏng hoặc không trọn vẹn: unexpected EOF; hãy chép lại ảnh từ máy chụp hoặc điện thoại"},
		{"testdata/khong-co.jpg", CodeUnreadable,
			"không đọc được tệp ảnh testdata/khong-co.jpg: open testdata/khong-co.jpg: no such file or directory; hãy kiểm tra tệp có trong thư mục content/ và không bị khoá"},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			_, err := Inspect(tt.path)
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Inspect error = %v, want *Error", err)
			}
			if pe.Code != tt.code || pe.Msg.Vi != tt.vi || pe.Error() != tt.vi {
				t.Errorf("got %s %q\nwant %s %q", pe.Code, pe.Msg.Vi, tt.code, tt.vi)
			}
			if pe.Msg.En == "" || pe.Msg.En == pe.Msg.Vi {
				t.Errorf("no English message: %q", pe.Msg.En)
			}
		})
	}
}

func TestOrient(t *testing.T) {
	// The stored picture is 3×2 pixels labelled
	//	a b c
	//	d e f
	// and each row below is how it must look once upright.
	tests := []struct {
		o    int
		want string
	}{
		{1, "abc/def"},
		{2, "cba/fed"},
		{3, "fed/cba"},
		{4, "def/abc"},
		{5, "ad/be/cf"},
		{6, "da/eb/fc"},
		{7, "fc/eb/da"},
		{8, "cf/be/ad"},
	}
	for _, c := range []int{1, 4} {
		src := plane{w: 3, h: 2, c: c, stride: 3 * c, pix: make([]byte, 6*c)}
		for i := range 6 {
			src.pix[c*i] = 'a' + byte(i)
		}
		for _, tt := range tests {
			m := orientPlane(src, tt.o)
			var rows []string
			for y := 0; y < m.h; y++ {
				var r []byte
				for x := 0; x < m.w; x++ {
					r = append(r, m.pix[y*m.stride+c*x])
				}
				rows = append(rows, string(r))
			}
			if got := strings.Join(rows, "/"); got != tt.want {
				t.Errorf("orientation %d, %d channels: got %s, want %s", tt.o, c, got, tt.want)
			}
		}
	}
}

func TestVariantName(t *testing.T) {
	tests := []struct {
		path  string
		width int
		ext   string
		want  string
	}{
		{"news/bai/anh.jpg", 960, ".jpg", "news/bai/anh-960w.jpg"},
		{"news/bai/anh.jpg", 480, "jpg", "news/bai/anh-480w.jpg"},
		{"san-pham/Ảnh Chai.JPEG", 1600, ".jpg", "san-pham/Ảnh Chai-1600w.jpg"},
		{"co-so/logo.png", 64, ".png", "co-so/logo-64w.png"},
		{"anh", 480, ".jpg", "anh-480w.jpg"},
		{"a.b/anh.tar.jpg", 480, ".jpg", "a.b/anh.tar-480w.jpg"},
		{"news/.anh", 480, ".jpg", "news/.anh-480w.jpg"},
	}
	for _, tt := range tests {
		if got := VariantName(tt.path, tt.width, tt.ext); got != tt.want {
			t.Errorf("VariantName(%q, %d, %q) = %q, want %q", tt.path, tt.width, tt.ext, got, tt.want)
		}
	}
}

// forbidden are byte strings that no published file may contain.
var forbidden = map[string][]byte{
	"GPS latitude": gpsLatitude,
	"EXIF header":  []byte("Exif\x00\x00"),
	"XMP":          []byte("xmpmeta"),
	"comment":      []byte(comment),
	"trailer":      []byte(trailer),
}

func decode(t *testing.T, format string, b []byte) image.Image {
	t.Helper()
	var (
		m   image.Image
		err error
	)
	switch format {
	case JPEG:
		m, err = jpeg.Decode(bytes.NewReader(b))
	case PNG:
		m, err = png.Decode(bytes.NewReader(b))
	case GIF:
		m, err = gif.Decode(bytes.NewReader(b))
	case WebP:
		m, err = webp.Decode(bytes.NewReader(b))
	}
	if err != nil {
		t.Fatalf("decoding the %s output: %v", format, err)
	}
	return m
}

// isRed reports whether the pixel at (x, y) is the red corner block.
func isRed(m image.Image, x, y int) bool {
	r, g, b, _ := m.At(x, y).RGBA()
	return r>>8 > 200 && g>>8 < 70 && b>>8 < 70
}

func TestProcess(t *testing.T) {
	type variant struct {
		w, h     int
		original bool
	}
	tests := []struct {
		file     string
		proc     Processor
		format   string
		variants []variant
		// redAt is where the red block must be in the full variant,
		// as fractions of its width and height.
		redX, redY float64
	}{
		{"exif6-gps.jpg", Processor{Widths: []int{16, 32, 96}}, "jpeg",
			[]variant{{16, 21, false}, {32, 43, false}, {48, 64, false}}, 0.95, 0.05},
		{"exif3-be.jpg", Processor{Widths: []int{16, 32, 96}}, "jpeg",
			[]variant{{16, 12, false}, {32, 24, false}, {64, 48, false}}, 0.95, 0.95},
		{"gradient.jpg", Processor{Widths: []int{16, 32, 96}}, "jpeg",
			[]variant{{16, 12, false}, {32, 24, false}, {64, 48, true}}, 0.05, 0.05},
		{"gradient.jpg", Processor{Widths: []int{16, 32, 96}, MaxBytes: 500}, "jpeg",
			[]variant{{16, 12, false}, {32, 24, false}, {64, 48, false}}, 0.05, 0.05},
		{"gradient.jpg", Processor{Widths: []int{32, 16}}, "jpeg",
			[]variant{{16, 12, false}, {32, 24, false}}, 0.05, 0.05},
		{"xmp-comment.jpg", Processor{Widths: []int{16, 96}}, "jpeg",
			[]variant{{16, 12, false}, {64, 48, true}}, 0.05, 0.05},
		{"gradient.png", Processor{Widths: []int{16, 32, 96}}, "png",
			[]variant{{16, 12, false}, {32, 24, false}, {64, 48, true}}, 0.05, 0.05},
		{"exif6-gps.png", Processor{Widths: []int{16, 32}}, "png",
			[]variant{{16, 21, false}, {32, 43, false}}, 0.95, 0.05},
		{"gradient.png", Processor{}, "png",
			[]variant{{64, 48, true}}, 0.05, 0.05},
		{"anim.gif", Processor{Widths: []int{16}}, "gif",
			[]variant{{64, 48, true}}, 0.05, 0.05},
		{"gradient.webp", Processor{Widths: []int{16}}, "webp",
			[]variant{{64, 48, true}}, 0.05, 0.05},
		// WebP is not rotated here: its EXIF chunk keeps the orientation
		// alone, so the pixels stay as stored.
		{"exif6-gps.webp", Processor{Widths: []int{16}}, "webp",
			[]variant{{48, 64, true}}, 0.05, 0.05},
	}
	for i, tt := range tests {
		name := fmt.Sprintf("%02d-%s", i, tt.file)
		t.Run(name, func(t *testing.T) {
			src := filepath.Join("testdata", tt.file)
			r, err := tt.proc.Process(src)
			if err != nil {
				t.Fatal(err)
			}
			if r.Format != tt.format || r.Cached {
				t.Errorf("format %q cached %v, want %q false", r.Format, r.Cached, tt.format)
			}
			var got []variant
			for _, v := range r.Variants {
				got = append(got, variant{v.Width, v.Height, v.Original})
				if v.Ext != Ext(tt.format) || v.CachePath != "" {
					t.Errorf("variant %d: ext %q cache path %q", v.Width, v.Ext, v.CachePath)
				}
			}
			if !slices.Equal(got, tt.variants) {
				t.Errorf("variants %v, want %v", got, tt.variants)
			}
			full := tt.variants[len(tt.variants)-1]
			if r.Width != full.w || r.Height != full.h {
				t.Errorf("size %d×%d, want %d×%d", r.Width, r.Height, full.w, full.h)
			}
			for _, v := range r.Variants {
				for what, b := range forbidden {
					if bytes.Contains(v.Data, b) {
						t.Errorf("variant %d contains the %s", v.Width, what)
					}
				}
				m := decode(t, tt.format, v.Data)
				if b := m.Bounds(); b.Dx() != v.Width && tt.format != WebP || b.Dy() != v.Height && tt.format != WebP {
					t.Errorf("variant %d decodes to %v", v.Width, b)
				}
				golden.Check(t, "golden/"+VariantName(name, v.Width, v.Ext), v.Data)
			}
			m := decode(t, tt.format, r.Full().Data)
			b := m.Bounds()
			x, y := int(tt.redX*float64(b.Dx())), int(tt.redY*float64(b.Dy()))
			if !isRed(m, x, y) {
				t.Errorf("the red corner is not at (%d, %d) of %v", x, y, b)
			}
			if isRed(m, b.Dx()-1-x, b.Dy()-1-y) {
				t.Errorf("the opposite corner (%d, %d) is red too", b.Dx()-1-x, b.Dy()-1-y)
			}
		})
	}
}
