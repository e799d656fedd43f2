package render

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// fileSink keeps the files of a Render in memory, copied files with their
// real contents.
type fileSink map[string][]byte

func (s fileSink) WriteFile(name string, data []byte) error {
	return memSink(s).WriteFile(name, data)
}

func (s fileSink) names() []string { return memSink(s).names() }

func (s fileSink) CopyFile(name, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return s.WriteFile(name, data)
}

// gpsMarker is written into the GPS block of the camera photo; no output
// file may contain it.
const gpsMarker = "VI-TRI-GPS-TRI-TON-10.4N-105.0E"

// cameraJPEG returns a w×h JPEG as a phone stores it: an APP1 EXIF block
// with Orientation 6 (to be turned 90° clockwise) and a GPS block.
func cameraJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Y[y*img.YStride+x] = uint8((x*255/w + y*255/h) / 2)
		}
	}
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 60}); err != nil {
		t.Fatal(err)
	}

	// TIFF, little-endian: IFD0 (Orientation, GPSInfo pointer), then the
	// GPS IFD (GPSLatitudeRef, GPSAreaInformation holding the marker).
	le := binary.LittleEndian
	var tf []byte
	u16 := func(v uint16) { tf = le.AppendUint16(tf, v) }
	u32 := func(v uint32) { tf = le.AppendUint32(tf, v) }
	tf = append(tf, 'I', 'I')
	u16(42)
	u32(8)
	// IFD0 at 8: 2 entries, 2+2*12+4 = 30 bytes; GPS IFD at 38.
	u16(2)
	u16(0x0112)
	u16(3)
	u32(1)
	u16(6)
	u16(0)
	u16(0x8825)
	u16(4)
	u32(1)
	u32(38)
	u32(0)
	// GPS IFD at 38: 2 entries, 30 bytes; marker data at 68.
	area := append([]byte("ASCII\x00\x00\x00"), gpsMarker...)
	u16(2)
	u16(0x0001)
	u16(2)
	u32(2)
	tf = append(tf, 'N', 0, 0, 0)
	u16(0x001C)
	u16(7)
	u32(uint32(len(area)))
	u32(68)
	u32(0)
	tf = append(tf, area...)
	payload := append([]byte("Exif\x00\x00"), tf...)

	src := enc.Bytes()
	out := append([]byte{}, src[:2]...) // SOI
	out = append(out, 0xFF, 0xE1)
	out = binary.BigEndian.AppendUint16(out, uint16(len(payload)+2))
	out = append(out, payload...)
	return append(out, src[2:]...)
}

func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testGIF(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	img.SetColorIndex(1, 1, 1)
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// photoSite writes the photos of the test into a content folder and
// returns the test model showing them: on a product a camera JPEG, a PNG,
// a GIF and a text file renamed .jpg; on an article a PNG.
func photoSite(t *testing.T) (*model.Model, string) {
	t.Helper()
	content := filepath.Join(t.TempDir(), "content")
	files := map[string][]byte{
		"anh/san-pham/chai tinh dầu.jpg": cameraJPEG(t, 4000, 3000),
		"anh/san-pham/nhan.png":          testPNG(t, 800, 600),
		"anh/san-pham/hoa-van.gif":       testGIF(t, 64, 48),
		"anh/san-pham/ghi-chu.jpg":       []byte("Đây là ghi chú, không phải ảnh.\n"),
		"news/bai/anh.png":               testPNG(t, 300, 200),
		"tai-lieu/quyet-dinh.pdf":        []byte("%PDF-1.4\n"),
	}
	for name, data := range files {
		p := filepath.Join(content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := testModel(plain)
	m.Assets = nil
	for name := range files {
		m.Assets = append(m.Assets, name)
	}
	slices.Sort(m.Assets)
	pos := func(line int) diag.Pos {
		return diag.Pos{File: "data/products/tinh-dau-chuc-yen-huong.yaml", Line: line, Col: 11}
	}
	p := testProduct(m)
	p.Photos = []model.Photo{
		{File: "anh/san-pham/chai tinh dầu.jpg", Caption: "Chai tinh dầu chúc 10 ml", Credit: "Yến Hương", Alt: "Chai tinh dầu chúc 10 ml trên bàn gỗ", Pos: pos(12)},
		{File: "anh/san-pham/nhan.png", Caption: "Nhãn sản phẩm", Alt: "Nhãn sản phẩm", Pos: pos(15)},
		{File: "anh/san-pham/hoa-van.gif", Alt: "Hoa văn", Pos: pos(17)},
		{File: "anh/san-pham/ghi-chu.jpg", Alt: "Ghi chú", Pos: pos(19)},
	}
	a := m.News[0]
	for _, n := range m.News {
		if n.Image != nil {
			a = n
		}
	}
	a.Image = &model.Photo{File: "news/bai/anh.png", Caption: "Máy tách màu", Credit: "T.T", Alt: "Máy tách màu gạo",
		Pos: diag.Pos{File: "content/news/bai/index.md", Line: 4, Col: 15}}
	return m, content
}

// testProduct is the product of the test model that shows photos.
func testProduct(m *model.Model) *model.Product {
	for _, p := range m.Products {
		if p.ID == "tinh-dau-chuc-yen-huong" {
			return p
		}
	}
	panic("no product tinh-dau-chuc-yen-huong in the test model")
}

func renderPhotos(t *testing.T, m *model.Model, content, cache string) (fileSink, Summary, string) {
	t.Helper()
	out := fileSink{}
	sum, diags := Render(m, Options{ContentDir: content, PhotoCache: cache}, out)
	// Only the photo diagnostics: this test is about photos.
	var photos diag.List
	for _, d := range diags {
		if strings.HasPrefix(d.Code, "photo") {
			photos.Add(d)
		}
	}
	var b strings.Builder
	photos.Print(&b, "vi")
	return out, sum, b.String()
}

// TestPhotos renders a site whose product shows a camera photo, a PNG, a
// GIF and a text file renamed .jpg, and checks the diagnostic, the files
// written, their sizes, that no location data is published, the <figure>
// markup (golden) and that a second build reads the cache.
func TestPhotos(t *testing.T) {
	m, content := photoSite(t)
	cache := filepath.Join(t.TempDir(), ".khuyencong-cache", "anh")
	out, sum, printed := renderPhotos(t, m, content, cache)

	wantDiag := "data/products/tinh-dau-chuc-yen-huong.yaml:19:11: lỗi: tệp ảnh content/anh/san-pham/ghi-chu.jpg không phải ảnh JPEG, PNG, GIF hay WebP (có thể là tệp đổi đuôi); hãy lưu lại ảnh dưới dạng JPEG hoặc PNG (ví dụ mở bằng Paint, chọn Lưu thành… rồi chọn JPEG) và giữ đúng tên tệp đã ghi\n"
	if printed != wantDiag {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", printed, wantDiag)
	}
	if sum.Photos != 4 || sum.PhotosCached != 0 {
		t.Errorf("first build: Photos = %d, PhotosCached = %d, want 4, 0", sum.Photos, sum.PhotosCached)
	}

	// The copies and their displayed sizes: the camera photo stands up
	// (orientation 6 turns 4000×3000 into 3000×4000) and is never shipped
	// full size; the small PNG is; the GIF keeps its name.
	sizes := map[string][2]int{
		"anh/san-pham/chai tinh dầu-480w.jpg":  {480, 640},
		"anh/san-pham/chai tinh dầu-960w.jpg":  {960, 1280},
		"anh/san-pham/chai tinh dầu-1600w.jpg": {1600, 2133},
		"anh/san-pham/nhan-480w.png":           {480, 360},
		"anh/san-pham/nhan-800w.png":           {800, 600},
		"anh/san-pham/hoa-van.gif":             {64, 48},
		"news/bai/anh-300w.png":                {300, 200},
	}
	for name, wh := range sizes {
		data, ok := out[name]
		if !ok {
			t.Errorf("%s not written", name)
			continue
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != wh[0] || cfg.Height != wh[1] {
			t.Errorf("%s: %dx%d (%v), want %dx%d", name, cfg.Width, cfg.Height, err, wh[0], wh[1])
		}
	}
	// The originals of processed photos are not published; other
	// content files and the file that is not a photo are copied.
	for _, name := range []string{"anh/san-pham/chai tinh dầu.jpg", "anh/san-pham/nhan.png", "news/bai/anh.png"} {
		if _, ok := out[name]; ok {
			t.Errorf("original %s published", name)
		}
	}
	for _, name := range []string{"tai-lieu/quyet-dinh.pdf", "anh/san-pham/ghi-chu.jpg"} {
		if _, ok := out[name]; !ok {
			t.Errorf("%s not copied", name)
		}
	}
	for _, name := range out.names() {
		data := out[name]
		if bytes.Contains(data, []byte(gpsMarker)) || bytes.Contains(data, []byte("Exif\x00\x00")) {
			t.Errorf("%s carries the camera's EXIF or GPS data", name)
		}
		// Nothing links to an original.
		for _, orig := range []string{"chai%20tinh%20d%E1%BA%A7u.jpg", "chai tinh dầu.jpg", "nhan.png\"", "bai/anh.png"} {
			if bytes.Contains(data, []byte(orig)) {
				t.Errorf("%s names the original %s", name, orig)
			}
		}
	}

	page := string(out["san-pham/tinh-dau-chuc-yen-huong/index.html"])
	article := ""
	for name, data := range out {
		if strings.HasPrefix(name, "tin-tuc/") && bytes.Contains(data, []byte("anh-300w.png")) && bytes.Contains(data, []byte("<figure>")) {
			article = string(data)
		}
	}
	figures := regexp.MustCompile(`(?s)<div class="photos">.*?</div>|<figure>.*?</figure>`)
	var got strings.Builder
	got.WriteString(figures.FindString(page) + "\n")
	got.WriteString(figures.FindString(article) + "\n")
	for _, meta := range regexp.MustCompile(`<meta property="og:image"[^>]*>`).FindAllString(page, -1) {
		got.WriteString(meta + "\n")
	}
	golden(t, "golden/photos.html", []byte(got.String()))

	// Second build: every photo comes from the cache, the output is the
	// same.
	out2, sum2, printed2 := renderPhotos(t, m, content, cache)
	if printed2 != printed {
		t.Errorf("second build diagnostics:\n%s", printed2)
	}
	if sum2.Photos != 4 || sum2.PhotosCached != 4 {
		t.Errorf("second build: Photos = %d, PhotosCached = %d, want 4, 4", sum2.Photos, sum2.PhotosCached)
	}
	if !slices.Equal(out.names(), out2.names()) {
		t.Fatalf("second build files differ:\n%v\n%v", out.names(), out2.names())
	}
	for _, name := range out.names() {
		if !bytes.Equal(out[name], out2[name]) {
			t.Errorf("%s differs on the second build", name)
		}
	}
}

// TestCheckPhotos reports a renamed text file at its photo line, and
// nothing for real photos or files the model already reported missing.
func TestCheckPhotos(t *testing.T) {
	m, content := photoSite(t)
	p := testProduct(m)
	p.Photos = append(p.Photos,
		model.Photo{File: "anh/khong-co.jpg", Pos: diag.Pos{File: "data/products/tinh-dau-chuc-yen-huong.yaml", Line: 21, Col: 11}})
	var b strings.Builder
	CheckPhotos(m, content).Print(&b, "en")
	want := "data/products/tinh-dau-chuc-yen-huong.yaml:19:11: error: the photo file content/anh/san-pham/ghi-chu.jpg is not a JPEG, PNG, GIF or WebP image (perhaps a renamed file); save the photo again as JPEG or PNG (e.g. open it in Paint, choose Save as… then JPEG) under the file name written here\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestPhotoURL escapes what would break a src or srcset.
func TestPhotoURL(t *testing.T) {
	tests := []struct{ root, in, want string }{
		{"../../", "anh/a.jpg", "../../anh/a.jpg"},
		{"", "anh/chai tinh dầu-480w.jpg", "anh/chai%20tinh%20d%E1%BA%A7u-480w.jpg"},
		{"../", "anh/a,b 1x.png", "../anh/a%2Cb%201x.png"},
		{"", "anh/50%.png", "anh/50%25.png"},
	}
	for _, tt := range tests {
		if got := photoURL(tt.root, tt.in); got != tt.want {
			t.Errorf("photoURL(%q, %q) = %q, want %q", tt.root, tt.in, got, tt.want)
		}
	}
}
