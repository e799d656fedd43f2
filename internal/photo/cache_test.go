package photo

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCache(t *testing.T) {
	cacheDir := t.TempDir()
	src := filepath.Join("testdata", "exif6-gps.jpg")
	p := Processor{CacheDir: cacheDir, Widths: []int{16, 32, 96}}

	process := func(p Processor) (Result, int64) {
		t.Helper()
		before := decodes.Load()
		r, err := p.Process(src)
		if err != nil {
			t.Fatal(err)
		}
		return r, decodes.Load() - before
	}
	first, n := process(p)
	if first.Cached || n != 1 {
		t.Fatalf("first Process: cached %v, %d decodes; want false, 1", first.Cached, n)
	}
	second, n := process(p)
	if !second.Cached || n != 0 {
		t.Fatalf("second Process: cached %v, %d decodes; want true, 0", second.Cached, n)
	}
	if len(first.Variants) != 3 || len(second.Variants) != 3 {
		t.Fatalf("variants: %d then %d, want 3", len(first.Variants), len(second.Variants))
	}
	nocache := Processor{Widths: p.Widths}
	mem, err := nocache.Process(src)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range second.Variants {
		f := first.Variants[i]
		if v.Width != f.Width || v.Height != f.Height || v.Ext != f.Ext || v.CachePath != f.CachePath || v.Data != nil {
			t.Errorf("variant %d: cached %+v, made %+v", i, v, f)
		}
		if !strings.HasPrefix(v.CachePath, cacheDir) {
			t.Errorf("variant %d is at %s, outside the cache", i, v.CachePath)
		}
		b, err := v.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, mem.Variants[i].Data) {
			t.Errorf("variant %d: the cached file differs from the one made in memory", i)
		}
	}
	if second.Width != 48 || second.Height != 64 || second.Format != JPEG {
		t.Errorf("cached result %s %d×%d, want jpeg 48×64", second.Format, second.Width, second.Height)
	}

	// Other parameters are another result.
	if r, n := process(Processor{CacheDir: cacheDir, Widths: p.Widths, Quality: 60}); r.Cached || n != 1 {
		t.Errorf("other quality: cached %v, %d decodes; want false, 1", r.Cached, n)
	}
	// A cache entry that lost a file is made again.
	if err := os.Remove(second.Variants[1].CachePath); err != nil {
		t.Fatal(err)
	}
	if r, n := process(p); r.Cached || n != 1 {
		t.Errorf("damaged entry: cached %v, %d decodes; want false, 1", r.Cached, n)
	}
	// No temporary folder is left behind.
	tmp, _ := filepath.Glob(filepath.Join(cacheDir, "*", ".tmp-*"))
	if len(tmp) != 0 {
		t.Errorf("temporary folders left: %v", tmp)
	}
}

func TestCacheUnwritable(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "cache")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := (&Processor{CacheDir: blocker}).Process(filepath.Join("testdata", "gradient.png"))
	var pe *Error
	if !errors.As(err, &pe) || pe.Code != CodeCache {
		t.Fatalf("error %v, want a %s *Error", err, CodeCache)
	}
	if !strings.HasPrefix(pe.Msg.Vi, "không ghi được ảnh testdata/gradient.png vào thư mục đệm "+blocker+": ") {
		t.Errorf("message %q", pe.Msg.Vi)
	}
}

// TestConcurrent processes the same photos from many goroutines, under
// several names: each distinct photo is decoded once, and every goroutine
// gets the same result.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	cacheDir := filepath.Join(dir, "cache")
	files := []string{"exif6-gps.jpg", "gradient.png", "exif3-be.jpg"}
	var paths []string
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 { // the same photo copied under three names
			p := filepath.Join(dir, fmt.Sprintf("%d-%s", i, f))
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	p := Processor{CacheDir: cacheDir, Widths: []int{16, 32}}
	before := decodes.Load()
	results := make([]Result, 4*len(paths))
	errs := make([]error, len(results))
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			results[i], errs[i] = p.Process(paths[i%len(paths)])
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", paths[i%len(paths)], err)
		}
	}
	if n := decodes.Load() - before; n != int64(len(files)) {
		t.Errorf("%d decodes, want %d", n, len(files))
	}
	for i, r := range results {
		want := results[i%len(paths)/3*3] // first copy of the same photo
		if fmt.Sprint(r.Width, r.Height, len(r.Variants)) != fmt.Sprint(want.Width, want.Height, len(want.Variants)) {
			t.Fatalf("result %d differs: %+v, %+v", i, r, want)
		}
		for j, v := range r.Variants {
			if v.CachePath != want.Variants[j].CachePath {
				t.Errorf("result %d variant %d at %s, want %s", i, j, v.CachePath, want.Variants[j].CachePath)
			}
		}
	}
}

// TestPrune removes the results a build did not use, and folders left by
// an interrupted run, but nothing changed since the build started and
// nothing that is not the cache's.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	p := Processor{CacheDir: dir, Widths: []int{16}}
	used, err := p.Process(filepath.Join("testdata", "gradient.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	old, err := p.Process(filepath.Join("testdata", "exif6-gps.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if used.Key == "" || old.Key == "" || used.Key == old.Key {
		t.Fatalf("keys %q and %q", used.Key, old.Key)
	}
	leftover := filepath.Join(dir, old.Key[:2], ".tmp-123")
	other := filepath.Join(dir, "README")
	if err := os.MkdirAll(leftover, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{used.Key: true}

	// A build that started before the results were made removes nothing.
	if n, err := Prune(dir, keep, time.Now().Add(-time.Hour)); n != 0 || err != nil {
		t.Errorf("Prune since an hour ago: %d removed, %v", n, err)
	}
	n, err := Prune(dir, keep, time.Now().Add(time.Second))
	if n != 1 || err != nil {
		t.Errorf("Prune: %d removed, %v; want 1", n, err)
	}
	for path, want := range map[string]bool{
		filepath.Join(dir, used.Key[:2], used.Key): true,
		filepath.Join(dir, old.Key[:2], old.Key):   false,
		leftover:                                   false,
		other:                                      true,
	} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", path, err == nil, want)
		}
	}
	if r, err := p.Process(filepath.Join("testdata", "gradient.jpg")); err != nil || !r.Cached {
		t.Errorf("the result kept is not read back: cached %v, %v", r.Cached, err)
	}
	if n, err := Prune(filepath.Join(dir, "none"), keep, time.Now()); n != 0 || err != nil {
		t.Errorf("Prune of a missing folder: %d, %v", n, err)
	}
}
