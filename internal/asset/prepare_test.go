package asset

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
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

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
// returns a model showing them: on a product a camera JPEG, a PNG, a GIF
// and a text file renamed .jpg; on an article a PNG; beside them a PDF.
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
	m := &model.Model{}
	for name, data := range files {
		writeFile(t, filepath.Join(content, filepath.FromSlash(name)), data)
		m.Assets = append(m.Assets, name)
	}
	slices.Sort(m.Assets)
	pos := func(line int) diag.Pos {
		return diag.Pos{File: "data/products/tinh-dau-chuc-yen-huong.yaml", Line: line, Col: 11}
	}
	m.Products = []*model.Product{{Photos: []model.Photo{
		{File: "anh/san-pham/chai tinh dầu.jpg", Pos: pos(12)},
		{File: "anh/san-pham/nhan.png", Pos: pos(15)},
		{File: "anh/san-pham/hoa-van.gif", Pos: pos(17)},
		{File: "anh/san-pham/ghi-chu.jpg", Pos: pos(19)},
	}}}
	m.News = []*model.Article{{Image: &model.Photo{File: "news/bai/anh.png", Pos: diag.Pos{File: "content/news/bai/index.md", Line: 4, Col: 15}}}}
	return m, content
}

func writeFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// read returns the bytes of a file of the Set.
func read(t *testing.T, f File) []byte {
	t.Helper()
	if f.Src == "" {
		return f.Data
	}
	data, err := os.ReadFile(f.Src)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func printed(d diag.List, lang string) string {
	var b strings.Builder
	d.Print(&b, lang)
	return b.String()
}

// TestPrepare makes the Set of a site whose product shows a camera photo,
// a PNG, a GIF and a text file renamed .jpg, and checks the diagnostic,
// the files, their sizes, that no location data is kept, and that a
// second run reads the cache and gives the same files.
func TestPrepare(t *testing.T) {
	m, content := photoSite(t)
	cache := filepath.Join(t.TempDir(), ".khuyencong-cache", "anh")
	set, diags := Prepare(m, Options{ContentDir: content, CacheDir: cache})

	wantDiag := "data/products/tinh-dau-chuc-yen-huong.yaml:19:11: lỗi: tệp ảnh content/anh/san-pham/ghi-chu.jpg không phải ảnh JPEG, PNG, GIF hay WebP (có thể là tệp đổi đuôi); hãy lưu lại ảnh dưới dạng JPEG hoặc PNG (ví dụ mở bằng Paint, chọn Lưu thành… rồi chọn JPEG) và giữ đúng tên tệp đã ghi\n"
	if got := printed(diags, "vi"); got != wantDiag {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, wantDiag)
	}
	if set.Processed != 4 || set.Cached != 0 {
		t.Errorf("first run: Processed = %d, Cached = %d, want 4, 0", set.Processed, set.Cached)
	}

	// The files in their order: those copied as they are (the text file
	// renamed .jpg is not a photo), then the copies of each photo. The
	// camera photo stands up (orientation 6 turns 4000×3000 into
	// 3000×4000) and is never shipped full size; the small PNG is; the
	// GIF keeps its name.
	want := []struct {
		name string
		w, h int
	}{
		{"anh/san-pham/ghi-chu.jpg", 0, 0},
		{"tai-lieu/quyet-dinh.pdf", 0, 0},
		{"anh/san-pham/chai tinh dầu-480w.jpg", 480, 640},
		{"anh/san-pham/chai tinh dầu-960w.jpg", 960, 1280},
		{"anh/san-pham/chai tinh dầu-1600w.jpg", 1600, 2133},
		{"anh/san-pham/hoa-van.gif", 64, 48},
		{"anh/san-pham/nhan-480w.png", 480, 360},
		{"anh/san-pham/nhan-800w.png", 800, 600},
		{"news/bai/anh-300w.png", 300, 200},
	}
	if len(set.Files) != len(want) {
		t.Fatalf("%d files, want %d: %v", len(set.Files), len(want), set.Files)
	}
	for i, w := range want {
		f := set.Files[i]
		if f.Name != w.name {
			t.Errorf("file %d is %s, want %s", i, f.Name, w.name)
			continue
		}
		data := read(t, f)
		if int64(len(data)) != f.Size {
			t.Errorf("%s: Size = %d, file has %d bytes", f.Name, f.Size, len(data))
		}
		if bytes.Contains(data, []byte(gpsMarker)) || bytes.Contains(data, []byte("Exif\x00\x00")) {
			t.Errorf("%s carries the camera's EXIF or GPS data", f.Name)
		}
		if w.w == 0 {
			if f.Photo != "" {
				t.Errorf("%s: Photo = %q, want none", f.Name, f.Photo)
			}
			continue
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != w.w || cfg.Height != w.h {
			t.Errorf("%s: %dx%d (%v), want %dx%d", f.Name, cfg.Width, cfg.Height, err, w.w, w.h)
		}
	}
	ph := set.Photo("anh/san-pham/chai tinh dầu.jpg")
	if ph == nil || ph.Width != 1600 || ph.Height != 2133 || ph.Full() != "anh/san-pham/chai tinh dầu-1600w.jpg" || len(ph.Copies) != 3 {
		t.Errorf("camera photo: %+v", ph)
	}
	if set.Photo("anh/san-pham/ghi-chu.jpg") != nil || set.Photo("tai-lieu/quyet-dinh.pdf") != nil {
		t.Error("a file that is not a photo shown has copies")
	}

	// Second run: every photo comes from the cache, the files are the
	// same.
	set2, diags2 := Prepare(m, Options{ContentDir: content, CacheDir: cache})
	if got := printed(diags2, "vi"); got != wantDiag {
		t.Errorf("second run diagnostics:\n%s", got)
	}
	if set2.Processed != 4 || set2.Cached != 4 {
		t.Errorf("second run: Processed = %d, Cached = %d, want 4, 4", set2.Processed, set2.Cached)
	}
	for i, f := range set.Files {
		g := set2.Files[i]
		if g.Name != f.Name || !bytes.Equal(read(t, g), read(t, f)) {
			t.Errorf("file %d: %s, then %s with other bytes", i, f.Name, g.Name)
		}
	}
	if set2.Pruned != 0 {
		t.Errorf("second run pruned %d results", set2.Pruned)
	}

	// Third run, the camera photo gone from the product: its copies leave
	// the cache, the others stay.
	m.Products[0].Photos = m.Products[0].Photos[1:]
	set3, _ := Prepare(m, Options{ContentDir: content, CacheDir: cache})
	if set3.Processed != 3 || set3.Cached != 3 || set3.Pruned != 1 {
		t.Errorf("third run: Processed = %d, Cached = %d, Pruned = %d, want 3, 3, 1", set3.Processed, set3.Cached, set3.Pruned)
	}
	for _, f := range set.Files {
		if f.Src == "" || f.Photo == "" {
			continue
		}
		_, err := os.Stat(f.Src)
		if gone := f.Photo == "anh/san-pham/chai tinh dầu.jpg"; gone != (err != nil) {
			t.Errorf("%s: in the cache %v after the third run", f.Name, err == nil)
		}
	}
}

// TestPrepareMemory keeps the copies in memory without a cache folder.
func TestPrepareMemory(t *testing.T) {
	m, content := photoSite(t)
	set, _ := Prepare(m, Options{ContentDir: content})
	for _, f := range set.Files {
		if f.Photo != "" && (f.Src != "" || int64(len(f.Data)) != f.Size || f.Size == 0) {
			t.Errorf("%s: Src %q, %d bytes, Size %d", f.Name, f.Src, len(f.Data), f.Size)
		}
	}
	if set.Processed != 4 || set.Cached != 0 {
		t.Errorf("Processed = %d, Cached = %d, want 4, 0", set.Processed, set.Cached)
	}
}

// TestNameClash reports a photo whose copy would overwrite another file
// of content/, at the photo's line, and publishes that file as it is.
func TestNameClash(t *testing.T) {
	m, content := photoSite(t)
	writeFile(t, filepath.Join(content, "anh", "san-pham", "nhan-480w.png"), []byte("not the copy"))
	m.Assets = append(m.Assets, "anh/san-pham/nhan-480w.png")
	slices.Sort(m.Assets)
	set, diags := Prepare(m, Options{ContentDir: content})
	want := "data/products/tinh-dau-chuc-yen-huong.yaml:15:11: error: the photo content/anh/san-pham/nhan.png makes the file anh/san-pham/nhan-480w.png, which content/anh/san-pham/nhan-480w.png makes or is too; rename one of the two files\n"
	if got := printed(diags, "en"); !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if set.Photo("anh/san-pham/nhan.png") != nil {
		t.Error("the clashing photo has copies")
	}
	for _, f := range set.Files {
		if f.Name == "anh/san-pham/nhan-480w.png" && string(read(t, f)) != "not the copy" {
			t.Errorf("%s is not the file of content/", f.Name)
		}
	}
}

// TestMemo: with a Memo, a photo whose size and time did not change is
// not read again; Forget makes it read.
func TestMemo(t *testing.T) {
	m, content := photoSite(t)
	cache := t.TempDir()
	var memo Memo
	opts := Options{ContentDir: content, CacheDir: cache, Memo: &memo}
	if _, diags := Prepare(m, opts); diags.HasErrors() != true {
		t.Fatal("want the renamed text file reported")
	}
	// Replace the PNG by bytes that are no image, of the same size and
	// time: the memo answers without reading them.
	src := filepath.Join(content, "anh", "san-pham", "nhan.png")
	fi, err := os.Stat(src)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, src, bytes.Repeat([]byte("x"), int(fi.Size())))
	if err := os.Chtimes(src, time.Time{}, fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	set, _ := Prepare(m, opts)
	if set.Processed != 4 || set.Cached != 4 || set.Photo("anh/san-pham/nhan.png") == nil {
		t.Errorf("with the memo: Processed = %d, Cached = %d, PNG %v", set.Processed, set.Cached, set.Photo("anh/san-pham/nhan.png"))
	}
	memo.Forget("content/anh/san-pham/nhan.png")
	set, diags := Prepare(m, opts)
	if set.Photo("anh/san-pham/nhan.png") != nil || !strings.Contains(printed(diags, "en"), "content/anh/san-pham/nhan.png is not a JPEG") {
		t.Errorf("after Forget the file is read again; diagnostics:\n%s", printed(diags, "en"))
	}
}

// TestCheck reports a renamed text file at its photo line, and nothing
// for real photos or files the model already reported missing.
func TestCheck(t *testing.T) {
	m, content := photoSite(t)
	p := m.Products[0]
	p.Photos = append(p.Photos,
		model.Photo{File: "anh/khong-co.jpg", Pos: diag.Pos{File: "data/products/tinh-dau-chuc-yen-huong.yaml", Line: 21, Col: 11}})
	want := "data/products/tinh-dau-chuc-yen-huong.yaml:19:11: error: the photo file content/anh/san-pham/ghi-chu.jpg is not a JPEG, PNG, GIF or WebP image (perhaps a renamed file); save the photo again as JPEG or PNG (e.g. open it in Paint, choose Save as… then JPEG) under the file name written here\n"
	if got := printed(Check(m, content), "en"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
