package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/khuyencong/khuyencong/internal/diag"
)

// Debounce is how long Watch waits after a change for more changes before
// rebuilding: an editor saving a file often writes it in several steps.
const Debounce = 50 * time.Millisecond

// watched are the folders of the site whose changes make a rebuild.
var watched = []string{"data", "content", "templates"}

// Watch rebuilds the site whenever a file of data/, content/ or
// templates/ changes (new sub-folders are watched as they appear), until
// ctx is done. Hidden files and folders and editor temporary files are
// ignored.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	root, err := filepath.Abs(s.opts.Dir)
	if err != nil {
		return err
	}
	// The site folder itself, to see data/, content/ or templates/ appear.
	if err := w.Add(root); err != nil {
		return err
	}
	for _, d := range watched {
		s.addTree(w, filepath.Join(root, d))
	}
	var timer *time.Timer
	var fire <-chan time.Time
	changed := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.logf(diag.M("lỗi khi theo dõi thay đổi của tệp: %v", "error watching files for changes: %v", err))
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			rel, ok := relevant(root, ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					// Files written into a new folder before its watch was
					// added are found by the rebuild, which reads every
					// folder again.
					s.addTree(w, ev.Name)
				}
			}
			changed[rel] = true
			if timer == nil {
				timer = time.NewTimer(Debounce)
			} else {
				timer.Reset(Debounce)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			paths := make([]string, 0, len(changed))
			for p := range changed {
				paths = append(paths, p)
			}
			slices.Sort(paths)
			clear(changed)
			s.Rebuild(paths...)
		}
	}
}

// addTree watches dir and every folder under it but hidden ones. A
// missing dir is no error: it is watched once it appears.
func (s *Server) addTree(w *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && ignoredName(d.Name()) {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			s.logf(diag.M("không theo dõi được thư mục %s: %v", "cannot watch the folder %s: %v", p, err))
		}
		return nil
	})
}

// relevant returns the slash path of name relative to the site folder,
// and whether a change to it may change the site: it lies in data/,
// content/ or templates/ (or is one of them) and no part of its path is
// hidden or an editor's temporary file.
func relevant(root, name string) (string, bool) {
	rel, err := filepath.Rel(root, name)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	parts := strings.Split(rel, "/")
	if !slices.Contains(watched, parts[0]) {
		return "", false
	}
	for _, p := range parts {
		if ignoredName(p) {
			return "", false
		}
	}
	return rel, true
}

// ignoredName reports whether a file or folder name is hidden or an
// editor's temporary file: ".name", "name~", "~$name" (Office), "#name#"
// (Emacs), "name.swp" (Vim), "4913" (Vim's test file), "name.tmp".
func ignoredName(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"), strings.HasPrefix(name, "~$"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		name == "4913":
		return true
	}
	for _, ext := range []string{".swp", ".swo", ".swx", ".tmp", ".crdownload", ".part"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

func (s *Server) logf(m diag.Msg) {
	s.opts.Log.Write([]byte(m.Text(s.opts.Lang) + "\n"))
}
