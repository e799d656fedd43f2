// Package golden compares what a test makes with a file under the
// package's testdata/ folder (a golden file), or rewrites that file when
// the tests run with -update:
//
//	go test ./internal/render -update
//
// then review the difference before committing it. Every package of the
// project checks its golden files this way, so that -update means the same
// everywhere.
//
// A package whose testdata/ holds files runs its tests through Main, which
// reports the files of testdata/ that no test read (through Check, or
// Input for the files a test only reads): a golden file nothing compares
// any more is an orphan that hides what the tests really check. The fuzz
// corpora of testdata/fuzz/ belong to go test and are left out.
//
// The package is for tests only.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with what the tests make")

var (
	mu   sync.Mutex
	read = map[string]bool{}

	// listed holds the files under testdata/, listed while the first test
	// that reads one runs: go test then knows that the result depends on
	// the listing, and runs the tests again when a file is added.
	listOnce sync.Once
	listed   []string
	listErr  error
)

// seen records that the file testdata/name was read by a test.
func seen(name string) string {
	listOnce.Do(list)
	name = path.Clean(name)
	mu.Lock()
	read[name] = true
	mu.Unlock()
	return filepath.Join("testdata", filepath.FromSlash(name))
}

// list lists the files under testdata/ but the fuzz corpora.
func list() {
	listErr = filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == "testdata" {
				return fs.SkipAll
			}
			return err
		}
		rel := strings.TrimPrefix(filepath.ToSlash(p), "testdata/")
		if d.IsDir() {
			if rel == "fuzz" {
				return fs.SkipDir
			}
			return nil
		}
		listed = append(listed, rel)
		return nil
	})
}

// Check compares got with the golden file testdata/name (a slash path),
// or writes got into it with -update.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	p := seen(name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if !utf8.Valid(got) || !utf8.Valid(want) {
		t.Errorf("%s differs from what the test makes (go test -update rewrites it; look at the new file)", filepath.ToSlash(p))
		return
	}
	t.Errorf("%s differs (go test -update rewrites it; review the diff):\n--- got\n%s\n--- want\n%s", filepath.ToSlash(p), got, want)
}

// CheckString is Check for text.
func CheckString(t testing.TB, name, got string) {
	t.Helper()
	Check(t, name, []byte(got))
}

// Input returns the path of testdata/name (a slash path), a file the
// test reads but does not make, such as a spreadsheet to import, and
// records it as read.
func Input(name string) string {
	return filepath.ToSlash(seen(name))
}

// InputDir returns the path of the folder testdata/name (a slash path;
// "." for testdata/ itself), such as a whole site that a test loads, and
// records every file under it as read.
func InputDir(name string) string {
	dir := seen(name)
	prefix := path.Clean(name) + "/"
	if prefix == "./" {
		prefix = ""
	}
	mu.Lock()
	for _, f := range listed {
		if strings.HasPrefix(f, prefix) {
			read[f] = true
		}
	}
	mu.Unlock()
	return filepath.ToSlash(dir)
}

// Main runs the tests (m.Run) and returns the exit code for os.Exit. When
// every test ran and passed (no -run, -skip or -fuzz), it also fails the
// run if a file under testdata/ was read by no test, naming each.
func Main(m *testing.M) int {
	code := m.Run()
	if code != 0 || !wholeRun() {
		return code
	}
	orphans, err := Orphans()
	if err != nil {
		fmt.Fprintf(os.Stderr, "golden: %v\n", err)
		return 1
	}
	for _, o := range orphans {
		fmt.Fprintf(os.Stderr, "golden: %s is read by no test: delete it, or compare it with golden.Check (or read it through golden.Input)\n", o)
	}
	if len(orphans) > 0 {
		fmt.Fprintln(os.Stderr, "FAIL: orphaned files under testdata/")
		return 1
	}
	return code
}

// wholeRun reports whether the test binary runs every test: neither
// -run, -skip nor -fuzz (whose workers run no test) narrowed it down.
func wholeRun() bool {
	for _, name := range []string{"test.run", "test.skip", "test.fuzz", "test.list"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	if f := flag.Lookup("test.fuzzworker"); f != nil && f.Value.String() == "true" {
		return false
	}
	return true
}

// Orphans returns the files under testdata/ (slash paths, sorted) that no
// test of this run has read through Check or Input, leaving out the fuzz
// corpora of testdata/fuzz/.
func Orphans() ([]string, error) {
	listOnce.Do(list)
	if listErr != nil {
		return nil, listErr
	}
	mu.Lock()
	defer mu.Unlock()
	var out []string
	for _, rel := range listed {
		if !read[rel] {
			out = append(out, "testdata/"+rel)
		}
	}
	sort.Strings(out)
	return out, nil
}
