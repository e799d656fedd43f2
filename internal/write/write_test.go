package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// snapshot returns every file and folder under root with its content, for
// byte-for-byte comparisons.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			out[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// newSite makes a site folder with its input folders and a data file.
func newSite(t *testing.T) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	for _, d := range []string{"data", "content/news", "templates"} {
		if err := os.MkdirAll(filepath.Join(site, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(site, "data", "site.yaml"), []byte("title: Thử\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return site
}

func TestOpenRefuses(t *testing.T) {
	site := newSite(t)
	// The home folder lies apart from the site, so that the folders
	// above the site are refused for holding it, not for holding home.
	home, err := os.MkdirTemp("", "nguoi-dung-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(home) })
	t.Setenv("HOME", home)
	foreign := filepath.Join(site, "tai-lieu")
	if err := os.MkdirAll(foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "bao-cao.docx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	aFile := filepath.Join(site, "ghi-chu.txt")
	if err := os.WriteFile(aFile, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, target string
		code         diag.Code
		vi           string
	}{
		{"site itself", site, "output-is-site",
			fmt.Sprintf("không thể dùng chính thư mục trang %q làm thư mục xuất: build sẽ xóa dữ liệu. Hãy dùng một thư mục con riêng, ví dụ -o public", site)},
		{"data", filepath.Join(site, "data"), "output-is-input",
			fmt.Sprintf("không thể dùng %q làm thư mục xuất: nó trùng hoặc nằm trong thư mục nguồn data/ của trang. Hãy dùng một thư mục riêng, ví dụ -o public", filepath.Join(site, "data"))},
		{"content", filepath.Join(site, "content"), "output-is-input", ""},
		{"templates", filepath.Join(site, "templates"), "output-is-input", ""},
		{"inside content", filepath.Join(site, "content", "public"), "output-is-input", ""},
		{"parent of site", filepath.Dir(site), "output-holds-site", ""},
		{"grandparent of site", filepath.Dir(filepath.Dir(site)), "output-holds-site", ""},
		{"root", "/", "output-is-root",
			`không thể dùng "/" làm thư mục xuất: đó là gốc của ổ đĩa. Hãy chọn một thư mục riêng, ví dụ -o public`},
		{"home", home, "output-is-home", ""},
		{"above home", filepath.Dir(home), "output-is-home", ""},
		{"root's home", "/root", "output-is-home", ""},
		{"a home under /home", "/home/canbo", "output-is-home", ""},
		{"/home", "/home", "output-is-home", ""},
		{"foreign folder", foreign, "output-not-ours",
			fmt.Sprintf("không thể dùng %q làm thư mục xuất: thư mục này có sẵn tệp mà không phải do khuyencong tạo ra (thiếu tệp đánh dấu .khuyencong-output), build sẽ xóa chúng. Hãy chọn một thư mục trống hoặc chưa có, hoặc tự chuyển các tệp đó đi nơi khác", foreign)},
		{"a file", aFile, "output-not-folder", ""},
		{"relative data via ..", filepath.Join(site, "public", "..", "data"), "output-is-input", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, filepath.Dir(site))
			d, err := Open(tc.target, Options{Site: site})
			if err == nil {
				d.Abort()
				t.Fatalf("Open(%q) succeeded, want refusal %s", tc.target, tc.code)
			}
			var we *Error
			if !errors.As(err, &we) || we.Code != tc.code {
				t.Fatalf("Open(%q) = %v, want code %s", tc.target, err, tc.code)
			}
			if tc.vi != "" && err.Error() != tc.vi {
				t.Errorf("message:\n got %s\nwant %s", err.Error(), tc.vi)
			}
			if we.Msg.En == "" || we.Msg.En == we.Msg.Vi {
				t.Errorf("no English message: %+v", we.Msg)
			}
			if after := snapshot(t, filepath.Dir(site)); !reflect.DeepEqual(before, after) {
				t.Errorf("refused Open changed the disk")
			}
		})
	}
}

func TestOpenRefusesSymlinkToSite(t *testing.T) {
	site := newSite(t)
	link := filepath.Join(t.TempDir(), "lien-ket")
	if err := os.Symlink(site, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	_, err := Open(link, Options{Site: site})
	var we *Error
	if !errors.As(err, &we) || we.Code != "output-is-site" {
		t.Fatalf("Open(link to site) = %v, want output-is-site", err)
	}
}

func TestErrorLanguage(t *testing.T) {
	_, err := Open("/", Options{Lang: "en"})
	want := `cannot use "/" as the output folder: it is the root of a disk. Choose a folder of its own, e.g. -o public`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

func TestOpenAllows(t *testing.T) {
	site := newSite(t)
	empty := filepath.Join(site, "trong")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{filepath.Join(site, "public"), empty, filepath.Join(t.TempDir(), "a", "b", "out")} {
		d, err := Open(target, Options{Site: site})
		if err != nil {
			t.Fatalf("Open(%q): %v", target, err)
		}
		if filepath.Dir(d.Root()) != filepath.Dir(d.Target()) {
			t.Errorf("temporary folder %q is not beside %q", d.Root(), d.Target())
		}
		if !strings.HasPrefix(filepath.Base(d.Root()), "."+filepath.Base(target)+".tmp-") {
			t.Errorf("temporary folder name %q", d.Root())
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		// Now it carries the marker: a second build may replace it.
		d, err = Open(target, Options{Site: site})
		if err != nil {
			t.Fatalf("second Open(%q): %v", target, err)
		}
		d.Abort()
	}
}

func build(t *testing.T, target, site string, files map[string]string) error {
	t.Helper()
	d, err := Open(target, Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, n := range sortedKeys(files) {
		if err := d.WriteFile(n, []byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	return d.Commit()
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestCommitReplaces(t *testing.T) {
	site := newSite(t)
	target := filepath.Join(site, "public")
	if err := build(t, target, site, map[string]string{"index.html": "một", "san-pham/a/index.html": "a"}); err != nil {
		t.Fatal(err)
	}
	if err := build(t, target, site, map[string]string{"index.html": "hai", "co-so/b/index.html": "b"}); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, target)
	want := map[string]string{"/": "", ".": "", "./": "", "index.html": "hai", "co-so/": "", "co-so/b/": "", "co-so/b/index.html": "b", Marker: markerText,
		ChangesFile: changesHeader + "A\tco-so/b/index.html\nA\tindex.html\n"}
	delete(want, "/")
	delete(want, ".")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("output:\n got %v\nwant %v", got, want)
	}
	if n := names(t, site); !reflect.DeepEqual(n, []string{"content", "data", "public", "templates"}) {
		t.Errorf("site folder holds %v: temporary folders left behind", n)
	}
}

func TestAbortLeavesPreviousOutput(t *testing.T) {
	site := newSite(t)
	target := filepath.Join(site, "public")
	if err := build(t, target, site, map[string]string{"index.html": "cũ", "tin-tuc/index.html": "tin"}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, target)
	d, err := Open(target, Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("mới")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("moi/index.html", []byte("mới")); err != nil {
		t.Fatal(err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, target); !reflect.DeepEqual(before, after) {
		t.Errorf("aborted build changed the output:\n got %v\nwant %v", after, before)
	}
	if n := names(t, site); !reflect.DeepEqual(n, []string{"content", "data", "public", "templates"}) {
		t.Errorf("site folder holds %v after Abort", n)
	}
	if err := d.WriteFile("x.html", nil); err == nil {
		t.Errorf("WriteFile after Abort succeeded")
	}
	if err := d.Commit(); err == nil {
		t.Errorf("Commit after Abort succeeded")
	}
}

func TestFailedSwapRestoresPreviousOutput(t *testing.T) {
	site := newSite(t)
	target := filepath.Join(site, "public")
	if err := build(t, target, site, map[string]string{"index.html": "cũ", "a/b/c.css": "body{}"}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, target)
	d, err := Open(target, Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("mới")); err != nil {
		t.Fatal(err)
	}
	defer func() { rename = os.Rename }()
	rename = func(from, to string) error {
		if from == d.Root() {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("tệp đang được mở")}
		}
		return os.Rename(from, to)
	}
	err = d.Commit()
	var we *Error
	if !errors.As(err, &we) || we.Code != "output-swap" {
		t.Fatalf("Commit = %v, want output-swap", err)
	}
	if after := snapshot(t, target); !reflect.DeepEqual(before, after) {
		t.Errorf("failed swap changed the output:\n got %v\nwant %v", after, before)
	}
	if n := names(t, site); !reflect.DeepEqual(n, []string{"content", "data", "public", "templates"}) {
		t.Errorf("site folder holds %v after a failed swap", n)
	}
}

func TestFailedSetAsideKeepsPreviousOutput(t *testing.T) {
	site := newSite(t)
	target := filepath.Join(site, "public")
	if err := build(t, target, site, map[string]string{"index.html": "cũ"}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, target)
	d, err := Open(target, Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { rename = os.Rename }()
	rename = func(from, to string) error { return errors.New("không đổi tên được") }
	if err := d.Commit(); err == nil {
		t.Fatal("Commit succeeded")
	}
	if after := snapshot(t, target); !reflect.DeepEqual(before, after) {
		t.Errorf("failed swap changed the output")
	}
	if n := names(t, site); !reflect.DeepEqual(n, []string{"content", "data", "public", "templates"}) {
		t.Errorf("site folder holds %v", n)
	}
}

func TestCommitRefusesTargetThatBecameForeign(t *testing.T) {
	site := newSite(t)
	target := filepath.Join(site, "public")
	d, err := Open(target, Options{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	// Someone fills the folder while the build runs.
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "quan-trong.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = d.Commit()
	var we *Error
	if !errors.As(err, &we) || we.Code != "output-not-ours" {
		t.Fatalf("Commit = %v, want output-not-ours", err)
	}
	if got := snapshot(t, target); !reflect.DeepEqual(got, map[string]string{"./": "", "quan-trong.txt": "x"}) {
		t.Errorf("foreign folder changed: %v", got)
	}
}

func TestBadNames(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"", "/etc/passwd", "../ra-ngoai.html", "a/../../b", "a/./b", "a//b", "a/", `a\b`, Marker, "a\x00b", "."} {
		err := d.WriteFile(name, []byte("x"))
		var we *Error
		if !errors.As(err, &we) || we.Code != "output-name" {
			t.Errorf("WriteFile(%q) = %v, want output-name", name, err)
		}
	}
	if got := names(t, d.Root()); !reflect.DeepEqual(got, []string{Marker}) {
		t.Errorf("bad names wrote %v", got)
	}
	if err := d.WriteFile("a.html", nil); err != nil {
		t.Fatal(err)
	}
	err = d.WriteFile("a.html", nil)
	want := `tệp "a.html" được tạo hai lần: hai trang hoặc tệp trùng địa chỉ`
	if err == nil || err.Error() != want {
		t.Errorf("second WriteFile = %v, want %s", err, want)
	}
}

func TestCopyFileAndCounts(t *testing.T) {
	src := filepath.Join(t.TempDir(), "anh.jpg")
	if err := os.WriteFile(src, []byte("JPEG-bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Open(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.CopyFile("tin-tuc/bai/anh.jpg", src); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("12345")); err != nil {
		t.Fatal(err)
	}
	if err := d.CopyFile("thieu.jpg", src+".khong-co"); err == nil {
		t.Error("copying a missing file succeeded")
	}
	b, err := os.ReadFile(filepath.Join(d.Root(), "tin-tuc", "bai", "anh.jpg"))
	if err != nil || string(b) != "JPEG-bytes" {
		t.Errorf("copy = %q, %v", b, err)
	}
	if d.Files() != 2 || d.Bytes() != 15 {
		t.Errorf("Files, Bytes = %d, %d; want 2, 15", d.Files(), d.Bytes())
	}
}

func TestConcurrentWrites(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	d, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 200)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = d.WriteFile(fmt.Sprintf("muc-%d/trang-%d/index.html", i%7, i), []byte(fmt.Sprint(i)))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for i := range errs {
		b, err := os.ReadFile(filepath.Join(target, fmt.Sprintf("muc-%d", i%7), fmt.Sprintf("trang-%d", i), "index.html"))
		if err != nil || string(b) != fmt.Sprint(i) {
			t.Fatalf("file %d = %q, %v", i, b, err)
		}
	}
	if d.Files() != 200 {
		t.Errorf("Files = %d", d.Files())
	}
}
