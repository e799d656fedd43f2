package model

import (
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// assetIndex answers whether a file exists under content/.
type assetIndex struct {
	has map[string]bool
	// lower maps a lower-cased path to the path as it is, to suggest the
	// right case (servers other than Windows tell them apart).
	lower map[string]string
}

func newAssetIndex(assets []string) *assetIndex {
	a := &assetIndex{has: make(map[string]bool, len(assets)), lower: make(map[string]string, len(assets))}
	for _, p := range assets {
		a.has[p] = true
		a.lower[strings.ToLower(p)] = p
	}
	return a
}

// photoFile checks a photo path and returns it relative to content/. A
// path in an article bundle may be relative to the bundle's folder.
func (w *walker) photoFile(n *yaml.Node, field, file string) (string, bool) {
	bad := func(vi, en string, args ...any) (string, bool) {
		w.fail(n, "bad-photo", field, diag.M(vi, en, args...))
		return "", false
	}
	switch {
	case strings.Contains(file, "\\"):
		return bad("đường dẫn \"%s\" dùng dấu \\; hãy dùng dấu /, ví dụ \"%s\"",
			"the path \"%s\" uses \\; use forward slashes, e.g. \"%s\"", file, strings.ReplaceAll(file, "\\", "/"))
	case strings.Contains(file, "://"):
		return bad("%q là một địa chỉ web; hãy chép ảnh vào thư mục content/ và ghi đường dẫn trong đó, ví dụ \"anh/san-pham.jpg\"",
			"%q is a web address; copy the image into content/ and give its path there, e.g. \"anh/san-pham.jpg\"", file)
	case strings.HasPrefix(file, "/") || len(file) > 1 && file[1] == ':':
		return bad("đường dẫn %q là đường dẫn tuyệt đối; hãy ghi đường dẫn tính từ thư mục content/, ví dụ \"anh/san-pham.jpg\"",
			"the path %q is absolute; give the path from the content/ folder, e.g. \"anh/san-pham.jpg\"", file)
	}
	for _, seg := range strings.Split(file, "/") {
		if seg == ".." {
			return bad("đường dẫn %q có “..”; ảnh phải nằm trong thư mục content/",
				"the path %q contains “..”; photos must be inside the content/ folder", file)
		}
	}
	clean := path.Clean(strings.TrimPrefix(file, "content/"))
	tried := []string{}
	if w.bundle != "" {
		tried = append(tried, path.Join(w.bundle, clean))
	}
	tried = append(tried, clean)
	for _, p := range tried {
		if w.assets.has[p] {
			return p, true
		}
	}
	for _, p := range tried {
		if right, ok := w.assets.lower[strings.ToLower(p)]; ok {
			return bad("không tìm thấy tệp content/%s; có phải ý bạn là \"content/%s\" (chữ hoa, chữ thường phải đúng)?",
				"file content/%s not found; did you mean \"content/%s\" (upper and lower case must match)?", p, right)
		}
	}
	return bad("không tìm thấy tệp content/%s", "file content/%s not found", tried[0])
}

// photoList returns the photos of a record, each with the position of its
// file line.
func (w *walker) photoList(o *object) []Photo {
	var out []Photo
	for _, v := range o.items("photos") {
		out = append(out, w.photoAt(v.obj))
	}
	return out
}

// photoAt returns one photo with the position of its file line, where a
// later stage reports problems with the image itself.
func (w *walker) photoAt(p *object) Photo {
	ph := photo(p)
	ph.Pos = w.pos(p.at("file"))
	return ph
}
