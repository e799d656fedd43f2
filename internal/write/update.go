package write

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
)

// Changes are the files a Commit changed in the target, each list sorted.
type Changes struct {
	Added, Modified, Removed []string
}

// Len returns the number of files changed.
func (c Changes) Len() int { return len(c.Added) + len(c.Modified) + len(c.Removed) }

// Changes returns what the last Commit changed in the target: every file
// added, for an output made anew.
func (d *Dir) Changes() Changes { return d.changes }

// changesHeader opens the list of changes.
const changesHeader = "# khuyencong: các tệp thay đổi trong lần build gần nhất, tính từ thư mục này (A: thêm, M: sửa, D: xóa).\n" +
	"# khuyencong: files changed by the last build, relative to this folder (A: added, M: modified, D: deleted).\n"

// Text returns the list of changes as ChangesFile holds it: two comment
// lines starting with #, then a line per file, "A", "M" or "D", a tab and
// the path, sorted by path.
func (c Changes) Text() []byte {
	type line struct{ status, name string }
	lines := make([]line, 0, c.Len())
	for _, n := range c.Added {
		lines = append(lines, line{"A", n})
	}
	for _, n := range c.Modified {
		lines = append(lines, line{"M", n})
	}
	for _, n := range c.Removed {
		lines = append(lines, line{"D", n})
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].name < lines[j].name })
	var b bytes.Buffer
	b.WriteString(changesHeader)
	for _, l := range lines {
		b.WriteString(l.status)
		b.WriteByte('\t')
		b.WriteString(l.name)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// commitUpdate moves the files written into the target, setting aside the
// files they replace and those removed, and undoes every move if one
// fails.
func (d *Dir) commitUpdate() error {
	var ch Changes
	var written []string
	for n := range d.names {
		if d.kept[n] {
			continue
		}
		written = append(written, n)
		if d.existing[n] {
			ch.Modified = append(ch.Modified, n)
		} else {
			ch.Added = append(ch.Added, n)
		}
	}
	for n := range d.existing {
		if !d.names[n] {
			ch.Removed = append(ch.Removed, n)
		}
	}
	sort.Strings(written)
	sort.Strings(ch.Added)
	sort.Strings(ch.Modified)
	sort.Strings(ch.Removed)
	fail := func(err error) error { return d.swapFailed(err, true) }
	if err := os.WriteFile(filepath.Join(d.tmp, ChangesFile), ch.Text(), 0o644); err != nil {
		return fail(err)
	}
	written = append(written, ChangesFile)
	info, err := os.Lstat(d.target)
	if err != nil {
		return fail(err)
	}
	old, err := d.oldDir(info, fail)
	if err != nil {
		return err
	}
	// undo holds what puts the target back as it was, step by step.
	var undo []func()
	rollback := func(err error) error {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
		os.RemoveAll(old)
		return fail(err)
	}
	inTarget := func(name string) string { return filepath.Join(d.target, filepath.FromSlash(name)) }
	// setAside moves the file name of the target into the folder old.
	setAside := func(name string) error {
		from := inTarget(name)
		to := filepath.Join(old, filepath.FromSlash(name))
		if info, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) || err == nil && info.IsDir() {
			return nil // nothing there, or a folder (see makeDirs)
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if err := rename(from, to); err != nil {
			return err
		}
		undo = append(undo, func() { rename(to, from) })
		return nil
	}
	// makeDirs creates the folders of the target above name that are
	// missing, and removes the folder standing where name goes, which
	// holds no file once the files removed are set aside.
	makeDirs := func(name string) error {
		var missing []string
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			info, err := os.Lstat(inTarget(dir))
			if err == nil && info.IsDir() {
				break
			}
			if err == nil {
				return fmt.Errorf("%s is not a folder", inTarget(dir))
			}
			missing = append(missing, dir)
		}
		for i := len(missing) - 1; i >= 0; i-- {
			p := inTarget(missing[i])
			if err := os.Mkdir(p, 0o755); err != nil {
				return err
			}
			undo = append(undo, func() { os.Remove(p) })
		}
		p := inTarget(name)
		if info, err := os.Lstat(p); err == nil && info.IsDir() {
			var dirs []string
			err := filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !e.IsDir() {
					return fmt.Errorf("%s is not empty", p)
				}
				dirs = append(dirs, q)
				return nil
			})
			if err != nil {
				return err
			}
			for i := len(dirs) - 1; i >= 0; i-- {
				q := dirs[i]
				if err := os.Remove(q); err != nil {
					return err
				}
				undo = append(undo, func() { os.Mkdir(q, 0o755) })
			}
		}
		return nil
	}
	for _, n := range ch.Removed {
		if err := setAside(n); err != nil {
			return rollback(err)
		}
	}
	for _, n := range written {
		if err := setAside(n); err != nil {
			return rollback(err)
		}
		if err := makeDirs(n); err != nil {
			return rollback(err)
		}
		from, to := filepath.Join(d.tmp, filepath.FromSlash(n)), inTarget(n)
		if err := rename(from, to); err != nil {
			return rollback(err)
		}
		undo = append(undo, func() { rename(to, from) })
	}
	// The new output is in place: what is left are the folders the
	// removed files leave empty, and the files set aside.
	emptied := map[string]bool{}
	for _, n := range ch.Removed {
		for dir := path.Dir(n); dir != "."; dir = path.Dir(dir) {
			emptied[dir] = true
		}
	}
	dirs := make([]string, 0, len(emptied))
	for dir := range emptied {
		dirs = append(dirs, dir)
	}
	sort.Slice(dirs, func(i, j int) bool {
		return len(dirs[i]) > len(dirs[j]) || len(dirs[i]) == len(dirs[j]) && dirs[i] > dirs[j]
	})
	for _, dir := range dirs {
		if info, err := os.Lstat(inTarget(dir)); err == nil && info.IsDir() {
			os.Remove(inTarget(dir)) // fails, as it should, on a folder not empty
		}
	}
	os.RemoveAll(d.tmp)
	removeTree(old)
	d.changes = ch
	return nil
}

// List returns the files of the output folder dir (slash paths relative
// to it; the marker and ChangesFile left out), sorted: the Existing of a
// build that updates an output whose files it does not know otherwise.
func List(dir string) ([]string, error) {
	out := []string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel != Marker && rel != ChangesFile {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
