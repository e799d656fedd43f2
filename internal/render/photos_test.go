package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/golden"
	"github.com/khuyencong/khuyencong/internal/model"
)

// plainAssets is the Set of a site whose files of content/ are all copied
// as they are, from the folder content (the sink is handed the path).
func plainAssets(m *model.Model) *asset.Set {
	set := &asset.Set{}
	for _, n := range m.Assets {
		set.Files = append(set.Files, asset.File{Name: n, Src: "content/" + n, Size: 1})
	}
	return set
}

// photoSite returns the test model showing photos, and the Set the asset
// stage makes of them: on a product a camera JPEG standing up (three
// copies), a PNG (two), a GIF (kept as it is) and a text file renamed
// .jpg (not a photo: copied, shown as written); on an article a PNG.
func photoSite() (*model.Model, *asset.Set) {
	m := testModel(plain)
	m.Assets = []string{
		"anh/san-pham/chai tinh dầu.jpg", "anh/san-pham/ghi-chu.jpg", "anh/san-pham/hoa-van.gif",
		"anh/san-pham/nhan.png", "news/bai/anh.png", "tai-lieu/quyet-dinh.pdf",
	}
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

	set := &asset.Set{Photos: map[string]*asset.Photo{}}
	for _, n := range []string{"anh/san-pham/ghi-chu.jpg", "tai-lieu/quyet-dinh.pdf"} {
		set.Files = append(set.Files, asset.File{Name: n, Src: "content/" + n, Size: 10})
	}
	photos := []struct {
		file   string
		copies []asset.Copy
	}{
		{"anh/san-pham/chai tinh dầu.jpg", []asset.Copy{
			{Name: "anh/san-pham/chai tinh dầu-480w.jpg", Width: 480, Height: 640},
			{Name: "anh/san-pham/chai tinh dầu-960w.jpg", Width: 960, Height: 1280},
			{Name: "anh/san-pham/chai tinh dầu-1600w.jpg", Width: 1600, Height: 2133}}},
		{"anh/san-pham/hoa-van.gif", []asset.Copy{{Name: "anh/san-pham/hoa-van.gif", Width: 64, Height: 48}}},
		{"anh/san-pham/nhan.png", []asset.Copy{
			{Name: "anh/san-pham/nhan-480w.png", Width: 480, Height: 360},
			{Name: "anh/san-pham/nhan-800w.png", Width: 800, Height: 600}}},
		{"news/bai/anh.png", []asset.Copy{{Name: "news/bai/anh-300w.png", Width: 300, Height: 200}}},
	}
	for _, ph := range photos {
		full := ph.copies[len(ph.copies)-1]
		set.Photos[ph.file] = &asset.Photo{Width: full.Width, Height: full.Height, Copies: ph.copies}
		for _, c := range ph.copies {
			set.Files = append(set.Files, asset.File{Name: c.Name, Data: []byte("copy " + c.Name), Size: 5, Photo: ph.file})
		}
	}
	return m, set
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

// TestPhotos renders a site whose product shows a camera photo, a PNG, a
// GIF and a text file renamed .jpg, from the Set of the asset stage, and
// checks the files written, that nothing names an original, and the
// <figure> markup (golden).
func TestPhotos(t *testing.T) {
	m, set := photoSite()
	out := memSink{}
	sum, diags := Render(m, Options{Assets: set}, out)
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d.Msg.Vi)
	}
	// Every file of the Set is written, its bytes or a copy of its
	// source; the originals of processed photos are not.
	var bytesWant int64
	for _, f := range set.Files {
		want := "copy of " + f.Src
		if f.Src == "" {
			want = string(f.Data)
		}
		if got := string(out[f.Name]); got != want {
			t.Errorf("%s = %q, want %q", f.Name, got, want)
		}
		bytesWant += f.Size
	}
	for _, name := range []string{"anh/san-pham/chai tinh dầu.jpg", "anh/san-pham/nhan.png", "news/bai/anh.png"} {
		if _, ok := out[name]; ok {
			t.Errorf("original %s published", name)
		}
	}
	if sum.Bytes < bytesWant {
		t.Errorf("Summary.Bytes = %d, less than the %d bytes of content files", sum.Bytes, bytesWant)
	}
	for _, name := range out.names() {
		data := out[name]
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
	figures := regexp.MustCompile(`(?s)<section class="gallery".*?</section>|<figure>.*?</figure>`)
	var got strings.Builder
	got.WriteString(figures.FindString(page) + "\n")
	got.WriteString(figures.FindString(article) + "\n")
	for _, meta := range regexp.MustCompile(`<meta (property="og:image|name="twitter)[^>]*>`).FindAllString(page, -1) {
		got.WriteString(meta + "\n")
	}
	golden.Check(t, "golden/photos.html", []byte(got.String()))
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
