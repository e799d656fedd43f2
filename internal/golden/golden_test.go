package golden

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps the failures of the code under test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestCheckAndOrphans compares with golden files in a folder of its own:
// a difference fails, and the files no test read, but the fuzz corpora,
// are the orphans.
func TestCheckAndOrphans(t *testing.T) {
	t.Chdir(t.TempDir())
	for name, body := range map[string]string{
		"testdata/a.txt":               "A\n",
		"testdata/sub/b.bin":           "\xff\x00",
		"testdata/sub/orphan.txt":      "?\n",
		"testdata/input.csv":           "x;y\n",
		"testdata/fuzz/FuzzX/0123abcd": "go test fuzz v1\n",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &recorder{TB: t}
	CheckString(r, "a.txt", "A\n")
	if len(r.errs) != 0 {
		t.Errorf("same text: %q", r.errs)
	}
	CheckString(r, "a.txt", "B\n")
	Check(r, "sub/b.bin", []byte{0xff, 0x01})
	want := []string{
		"testdata/a.txt differs (go test -update rewrites it; review the diff):\n--- got\nB\n\n--- want\nA\n",
		"testdata/sub/b.bin differs from what the test makes (go test -update rewrites it; look at the new file)",
	}
	if !reflect.DeepEqual(r.errs, want) {
		t.Errorf("failures:\n%q\nwant:\n%q", r.errs, want)
	}
	if p := Input("input.csv"); p != "testdata/input.csv" {
		t.Errorf("Input = %q", p)
	}
	got, err := Orphans()
	if err != nil || !reflect.DeepEqual(got, []string{"testdata/sub/orphan.txt"}) {
		t.Errorf("Orphans() = %q, %v", got, err)
	}
}

// TestEveryTestdataIsChecked finds every testdata/ folder of the module
// that holds more than fuzz corpora: its package must run its tests
// through Main, so that none of its files is an orphan.
func TestEveryTestdataIsChecked(t *testing.T) {
	root := filepath.Join("..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		switch name := d.Name(); {
		case p != root && strings.HasPrefix(name, "."), name == "node_modules", name == "public":
			return fs.SkipDir
		case name != "testdata":
			return nil
		}
		files := 0
		filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
			if err == nil && e.IsDir() && e.Name() == "fuzz" && filepath.Dir(q) == p {
				return fs.SkipDir
			}
			if err == nil && !e.IsDir() {
				files++
			}
			return err
		})
		if files == 0 {
			return fs.SkipDir
		}
		pkg := filepath.Dir(p)
		tests, _ := filepath.Glob(filepath.Join(pkg, "*_test.go"))
		found := false
		for _, f := range tests {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			found = found || strings.Contains(string(b), "golden.Main(m)")
		}
		if !found {
			t.Errorf("%s holds %d files but the tests of %s do not run through golden.Main: add\n\tfunc TestMain(m *testing.M) { os.Exit(golden.Main(m)) }", filepath.ToSlash(p), files, filepath.ToSlash(pkg))
		}
		checked++
		return fs.SkipDir
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 9 {
		t.Errorf("only %d testdata folders found", checked)
	}
}
