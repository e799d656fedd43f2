package write

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// stamp is a modification time long past, set on the files of a first
// build so that a file written again is told from one left alone.
var stamp = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)

// mtimes returns the modification time of every file under root.
func mtimes(t *testing.T, root string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(rel)] = info.ModTime()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// firstBuild writes files into target, a new output, and dates them all
// stamp.
func firstBuild(t *testing.T, site, target string, files map[string]string) {
	t.Helper()
	if err := build(t, target, site, files); err != nil {
		t.Fatal(err)
	}
	for n := range mtimes(t, target) {
		if err := os.Chtimes(filepath.Join(target, n), stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
}

// update opens target to update it, its files being existing.
func update(t *testing.T, site, target string, existing []string) *Dir {
	t.Helper()
	d, err := Open(target, Options{Site: site, Existing: func(string) []string { return existing }})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Updating() {
		t.Fatal("Open with Existing does not update the target")
	}
	return d
}

func TestUpdateInPlace(t *testing.T) {
	site := newSite(t)
	target := filepath.Join(site, "public")
	firstBuild(t, site, target, map[string]string{
		"index.html": "một", "san-pham/a/index.html": "a", "san-pham/b/index.html": "b", "co-so/c/index.html": "c", "x": "tệp",
	})
	existing, err := List(target)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"co-so/c/index.html", "index.html", "san-pham/a/index.html", "san-pham/b/index.html", "x"}; !reflect.DeepEqual(existing, want) {
		t.Fatalf("List = %v, want %v", existing, want)
	}
	d := update(t, site, target, existing)
	defer d.Abort()
	for _, n := range []string{"san-pham/a/index.html", "san-pham/b/index.html"} {
		if err := d.Keep(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.WriteFile("index.html", []byte("hai")); err != nil {
		t.Fatal(err)
	}
	// A file where a folder was, and a folder where a file was.
	if err := d.WriteFile("co-so", []byte("tệp")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("x/index.html", []byte("thư mục")); err != nil {
		t.Fatal(err)
	}
	if err := d.Keep("index.html"); err == nil {
		t.Error("Keep of a file written succeeded")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := Changes{Added: []string{"co-so", "x/index.html"}, Modified: []string{"index.html"}, Removed: []string{"co-so/c/index.html", "x"}}
	if got := d.Changes(); !reflect.DeepEqual(got, want) {
		t.Errorf("Changes = %+v, want %+v", got, want)
	}
	got := snapshot(t, target)
	wantFiles := map[string]string{"./": "", Marker: markerText, "index.html": "hai", "co-so": "tệp", "x/": "", "x/index.html": "thư mục",
		"san-pham/": "", "san-pham/a/": "", "san-pham/a/index.html": "a", "san-pham/b/": "", "san-pham/b/index.html": "b",
		ChangesFile: changesHeader + "A\tco-so\nD\tco-so/c/index.html\nM\tindex.html\nD\tx\nA\tx/index.html\n"}
	if !reflect.DeepEqual(got, wantFiles) {
		t.Errorf("output:\n got %v\nwant %v", got, wantFiles)
	}
	times := mtimes(t, target)
	for _, n := range []string{"san-pham/a/index.html", "san-pham/b/index.html", Marker} {
		if !times[n].Equal(stamp) {
			t.Errorf("%s kept: modified at %v, want %v (left alone)", n, times[n], stamp)
		}
	}
	if times["index.html"].Equal(stamp) {
		t.Error("index.html written again keeps its old time")
	}
	if n := names(t, site); !reflect.DeepEqual(n, []string{"content", "data", "public", "templates"}) {
		t.Errorf("site folder holds %v: temporary folders left behind", n)
	}
}

func TestUpdateAbortLeavesOutput(t *testing.T) {
	site := newSite(t)
	target := filepath.Join(site, "public")
	firstBuild(t, site, target, map[string]string{"index.html": "một", "a/index.html": "a"})
	before, beforeTimes := snapshot(t, target), mtimes(t, target)
	d := update(t, site, target, []string{"a/index.html", "index.html"})
	if err := d.WriteFile("index.html", []byte("hai")); err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if got := snapshot(t, target); !reflect.DeepEqual(got, before) {
		t.Errorf("aborted update changed the output:\n got %v\nwant %v", got, before)
	}
	if got := mtimes(t, target); !reflect.DeepEqual(got, beforeTimes) {
		t.Errorf("aborted update touched files: %v, want %v", got, beforeTimes)
	}
	if n := names(t, site); !reflect.DeepEqual(n, []string{"content", "data", "public", "templates"}) {
		t.Errorf("site folder holds %v after Abort", n)
	}
}

// TestUpdateFailedMoveRestores makes the n-th move of a Commit fail, for
// every n, and checks that the output is then exactly as it was: bytes,
// folders and modification times.
func TestUpdateFailedMoveRestores(t *testing.T) {
	for n := 1; ; n++ {
		site := newSite(t)
		target := filepath.Join(site, "public")
		firstBuild(t, site, target, map[string]string{"index.html": "một", "a/index.html": "a", "b/c/index.html": "c", "d": "d"})
		before, beforeTimes := snapshot(t, target), mtimes(t, target)
		d := update(t, site, target, []string{"a/index.html", "b/c/index.html", "d", "index.html"})
		d.Keep("a/index.html")
		d.WriteFile("index.html", []byte("hai"))
		d.WriteFile("e/f/index.html", []byte("mới"))
		d.WriteFile("d/index.html", []byte("thư mục"))
		calls := 0
		rename = func(from, to string) error {
			calls++
			if calls == n {
				return errors.New("tệp đang được mở")
			}
			return os.Rename(from, to)
		}
		err := d.Commit()
		rename = os.Rename
		if err == nil {
			if n == 1 {
				t.Fatal("Commit moved no file")
			}
			break // every move has failed once
		}
		var we *Error
		if !errors.As(err, &we) || we.Code != "output-swap" || !strings.Contains(err.Error(), "tệp đang được mở") {
			t.Fatalf("move %d: Commit = %v, want output-swap", n, err)
		}
		if got := snapshot(t, target); !reflect.DeepEqual(got, before) {
			t.Errorf("move %d failed: output changed:\n got %v\nwant %v", n, got, before)
		}
		if got := mtimes(t, target); !reflect.DeepEqual(got, beforeTimes) {
			t.Errorf("move %d failed: files touched: %v, want %v", n, got, beforeTimes)
		}
		if names := names(t, site); !reflect.DeepEqual(names, []string{"content", "data", "public", "templates"}) {
			t.Errorf("move %d failed: site folder holds %v", n, names)
		}
	}
}
