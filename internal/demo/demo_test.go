package demo

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
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
	if err := Write(a, s); err != nil {
		t.Fatal(err)
	}
	if err := Write(b, s); err != nil {
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
	if err := Write(dir, Sizes[0]); err == nil {
		t.Fatal("Write into a non-empty folder succeeded")
	}
}
