// Package scaffold creates what an officer starts from: a fresh site folder
// (NewSite) and new record files with every field of the data contract
// present and explained in Vietnamese (NewRecord).
//
// A fresh site passes `khuyencong check`: its gazetteer (data/units.yaml)
// is not empty but holds one example province, because data/site.yaml's
// `area` and every establishment's `address.unit` must name a unit, and an
// empty gazetteer would leave them dangling. Every example record says
// "VÍ DỤ — thay bằng dữ liệu thật" (an example, to replace with real data).
//
// NewProvinceSite makes the site of one province instead: its units are
// built in (site.yaml names the province, there is no units.yaml), and the
// example establishment is addressed by names.
//
// The files written are embedded under files/: files/site is copied as it
// is (for a province site, with site.yaml from files/province), files/record
// holds the text/template of each record kind.
package scaffold

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
)

//go:embed files
var files embed.FS

// Error is a problem an officer can act on, in both interface languages.
// Error() gives the Vietnamese text.
type Error struct {
	Msg diag.Msg
}

func (e *Error) Error() string { return e.Msg.Vi }

// Text returns the message in lang ("vi" or "en").
func (e *Error) Text(lang string) string { return e.Msg.Text(lang) }

func fail(vi, en string, args ...any) error { return &Error{Msg: diag.M(vi, en, args...)} }

// siteRoot is the folder of files holding the fresh site.
const siteRoot = "files/site"

// NewSite creates a fresh site folder in dir: settings, a gazetteer with one
// example province, one example of every record kind, a news article, a
// page and a README for officers. dir may not exist yet; if it exists it
// must be empty, so that nothing of an officer's is ever overwritten.
func NewSite(dir string) error {
	if err := checkDir(dir); err != nil {
		return err
	}
	return writeSite(dir, func(_ string, data []byte) []byte { return data })
}

// writeSite writes the files of files/site into dir, each as edit makes it
// from its slash path under the site and its content; nil leaves it out.
func writeSite(dir string, edit func(rel string, data []byte) []byte) error {
	return fs.WalkDir(files, siteRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := p[len(siteRoot):]
		target := filepath.Join(dir, filepath.FromSlash(path.Clean("./"+rel)))
		if d.IsDir() {
			return mkdir(target)
		}
		data, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		if data = edit(strings.TrimPrefix(rel, "/"), data); data == nil {
			return nil
		}
		return writeNew(target, data)
	})
}

// mkdir makes a folder of the new site.
func mkdir(target string) error {
	if err := os.MkdirAll(target, 0o755); err != nil {
		return fail("không tạo được thư mục %s: %v", "cannot create folder %s: %v", target, err)
	}
	return nil
}

// checkDir checks that dir may hold a new site: it does not exist, or is
// an empty folder.
func checkDir(dir string) error {
	if dir == "" {
		return fail("chưa ghi tên thư mục cho trang mới; ví dụ: khuyencong new site trang-khuyen-cong",
			"no folder given for the new site; for example: khuyencong new site trang-khuyen-cong")
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fail("thư mục %s đã có nội dung (%s...); hãy chọn một thư mục mới hoặc thư mục trống",
			"folder %s is not empty (%s...); choose a new or empty folder", dir, entries[0].Name())
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return fail("%s là một tệp, không phải thư mục; hãy chọn tên khác cho trang mới",
				"%s is a file, not a folder; choose another name for the new site", dir)
		}
		return fail("không đọc được thư mục %s: %v", "cannot read folder %s: %v", dir, err)
	}
	return nil
}

// writeNew writes data to a file that must not exist yet.
func writeNew(target string, data []byte) error {
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fail("tệp %s đã có; không ghi đè", "file %s already exists; it is not overwritten", target)
	}
	if err != nil {
		return fail("không tạo được tệp %s: %v", "cannot create file %s: %v", target, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(target)
		return fail("không ghi được tệp %s: %v", "cannot write file %s: %v", target, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(target)
		return fail("không ghi được tệp %s: %v", "cannot write file %s: %v", target, err)
	}
	return nil
}
