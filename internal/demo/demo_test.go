package demo

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/photo"
)

// digest hashes every file of a folder, in path order.
func digest(t *testing.T, dir string) (string, int) {
	t.Helper()
	h := sha256.New()
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		fmt.Fprintf(h, "%s %d\n", rel, len(b))
		h.Write(b)
	}
	return fmt.Sprintf("%x", h.Sum(nil)), len(files)
}

func TestWriteIsDeterministic(t *testing.T) {
	s, _ := SizeByName("s")
	a, b := t.TempDir(), t.TempDir()
	if err := Write(a, s, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(b, s, Options{}); err != nil {
		t.Fatal(err)
	}
	da, na := digest(t, a)
	db, _ := digest(t, b)
	if da != db {
		t.Fatal("two demo sites of the same size differ")
	}
	// data/site.yaml, units, establishments, products, programmes, projects,
	// recognitions, reports, news and the about page.
	if want := 1 + 1 + 1 + 1 + 1 + 1 + 10 + 14 + s.Articles + 1; na < want {
		t.Errorf("%d files written, want at least %d", na, want)
	}
}

func TestWriteRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x"), []byte("x"), 0o644)
	if err := Write(dir, Sizes[0], Options{}); err == nil {
		t.Fatal("Write into a non-empty folder succeeded")
	}
}

// TestPhotos writes a small site with photos twice: the same bytes, every
// photo a distinct valid image of a phone's size, orientations 1 and 6 in
// turn, the records naming them; and the old site without photos.
func TestPhotos(t *testing.T) {
	size := Size{Name: "photos", Establishments: 21, Products: 3, Articles: 41}
	a, b, none := t.TempDir(), t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := Write(dir, size, Options{Photos: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(none, size, Options{}); err != nil {
		t.Fatal(err)
	}
	if da, _ := digest(t, a); da != func() string { d, _ := digest(t, b); return d }() {
		t.Fatal("two demo sites with photos of the same size differ")
	}
	// Establishments 0 and 20, the 3 products, articles 0 and 40.
	files, _ := filepath.Glob(filepath.Join(a, "content", "anh", "*", "*.jpg"))
	if len(files) != 7 {
		t.Fatalf("%d photos, want 7: %v", len(files), files)
	}
	seen := map[[32]byte]string{}
	orient := map[int]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 3_000_000 || len(data) > 4_500_000 {
			t.Errorf("%s: %d bytes, want about 3,6 MB", f, len(data))
		}
		sum := sha256.Sum256(data)
		if other, dup := seen[sum]; dup {
			t.Errorf("%s has the bytes of %s", f, other)
		}
		seen[sum] = f
		info, err := photo.Inspect(f)
		if err != nil {
			t.Fatal(err)
		}
		orient[info.Orientation]++
		if info.Width*info.Height != 4000*3000 {
			t.Errorf("%s: %dx%d", f, info.Width, info.Height)
		}
		if !bytes.Contains(data, []byte("GPS")) && !bytes.Contains(data, []byte{0x25, 0x88}) {
			t.Errorf("%s has no GPS block", f)
		}
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if orient[1] != 4 || orient[6] != 3 {
		t.Errorf("orientations %v, want 4 upright and 3 turned", orient)
	}
	// Photos 0 and 4 are drawn from the same scene: their pixels differ
	// all the same (their quantisation tables do).
	if pixelsEqual(decodePhoto(t, 0), decodePhoto(t, scenes)) {
		t.Error("two photos of one scene decode to the same pixels")
	}
	// The records name the photos, and nothing else changes: the site
	// without photos is the one with photos less its photo lines.
	for _, rel := range []string{"data/establishments/establishments-0001.yaml", "data/products/products-0001.yaml"} {
		with, _ := os.ReadFile(filepath.Join(a, rel))
		without, _ := os.ReadFile(filepath.Join(none, rel))
		if !bytes.Contains(with, []byte("photos:")) || bytes.Contains(without, []byte("photos:")) {
			t.Errorf("%s: photos with %v, without %v", rel, bytes.Contains(with, []byte("photos:")), bytes.Contains(without, []byte("photos:")))
		}
		if got := dropPhotoLines(with); got != string(without) {
			t.Errorf("%s differs beyond its photos", rel)
		}
	}

	shot := screenshot(24)
	cfg, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil || cfg.Width != shotWidth || cfg.Height != shotHeight {
		t.Errorf("screenshot: %dx%d, %v", cfg.Width, cfg.Height, err)
	}
	if !bytes.Equal(shot, screenshot(24)) || bytes.Equal(shot, screenshot(49)) {
		t.Error("screenshots are not deterministic, or not distinct")
	}
}

// decodePhoto decodes the camera photo numbered n.
func decodePhoto(t *testing.T, n int) image.Image {
	t.Helper()
	data := cameraFile(encodeScene(n%scenes), n)
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func pixelsEqual(a, b image.Image) bool {
	ya, yb := a.(*image.YCbCr), b.(*image.YCbCr)
	return bytes.Equal(ya.Y, yb.Y) && bytes.Equal(ya.Cb, yb.Cb) && bytes.Equal(ya.Cr, yb.Cr)
}

// dropPhotoLines removes the photos of records from a YAML list.
func dropPhotoLines(data []byte) string {
	var out []string
	skip := false
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if strings.HasPrefix(trimmed, "photos:") {
			skip = true
			continue
		}
		if skip && indent > 2 {
			continue
		}
		skip = false
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
