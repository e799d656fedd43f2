package photo

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// cache keeps results between builds. Each result is a folder named by its
// key, holding the variant files and a manifest; the folder is filled
// under a temporary name and renamed into place, so a reader sees a whole
// result or none, and an interrupted build leaves no half-written file
// under a real name.
type cache struct {
	dir string
}

const manifestName = "manifest.json"

type manifest struct {
	Version  string            `json:"version"`
	Format   string            `json:"format"`
	Width    int               `json:"width"`
	Height   int               `json:"height"`
	Variants []manifestVariant `json:"variants"`
}

type manifestVariant struct {
	File     string `json:"file"`
	Width    int    `json:"width"`
	Height   int    `json:"height"`
	Ext      string `json:"ext"`
	Original bool   `json:"original,omitempty"`
}

func (c cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// load returns the cached result for key, if it is there and whole.
func (c cache) load(key string) (Result, bool) {
	dir := c.path(key)
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return Result{}, false
	}
	var m manifest
	if json.Unmarshal(b, &m) != nil || m.Version != version || len(m.Variants) == 0 {
		return Result{}, false
	}
	r := Result{Format: m.Format, Width: m.Width, Height: m.Height, Cached: true, Key: key}
	for _, v := range m.Variants {
		p := filepath.Join(dir, filepath.Base(v.File))
		st, err := os.Stat(p)
		if err != nil || !st.Mode().IsRegular() {
			return Result{}, false
		}
		r.Variants = append(r.Variants, Variant{Width: v.Width, Height: v.Height, Ext: v.Ext, CachePath: p, Size: st.Size(), Original: v.Original})
	}
	return r, true
}

// store writes r under key and returns it with each variant's Data
// replaced by its CachePath.
func (c cache) store(key string, r Result) (Result, error) {
	dir := c.path(key)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Result{}, err
	}
	tmp, err := os.MkdirTemp(parent, ".tmp-")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(tmp) // gone after the rename; cleans up on failure
	m := manifest{Version: version, Format: r.Format, Width: r.Width, Height: r.Height}
	for _, v := range r.Variants {
		name := fmt.Sprintf("%dw%s", v.Width, v.Ext)
		if err := os.WriteFile(filepath.Join(tmp, name), v.Data, 0o644); err != nil {
			return Result{}, err
		}
		m.Variants = append(m.Variants, manifestVariant{File: name, Width: v.Width, Height: v.Height, Ext: v.Ext, Original: v.Original})
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return Result{}, err
	}
	if err := os.WriteFile(filepath.Join(tmp, manifestName), b, 0o644); err != nil {
		return Result{}, err
	}
	if err := os.Rename(tmp, dir); err != nil {
		// Another build may have stored the same result first.
		if got, ok := c.load(key); ok {
			got.Cached = false
			return got, nil
		}
		// Or the folder there lost a file: replace it.
		if err := os.RemoveAll(dir); err != nil {
			return Result{}, err
		}
		if err := os.Rename(tmp, dir); err != nil {
			return Result{}, err
		}
	}
	out := r
	out.Key = key
	out.Variants = make([]Variant, len(r.Variants))
	for i, v := range r.Variants {
		v.CachePath = filepath.Join(dir, m.Variants[i].File)
		v.Data = nil
		out.Variants[i] = v
	}
	return out, nil
}

// Prune removes from the cache folder dir every result whose key is not
// in keep, and every folder an interrupted run left half filled, when it
// was last changed before since: a build passes the keys of the photos it
// used and the time it started, so that the cache holds what the last
// build needs and no more, and a result another run is making or has
// just made stays. It returns the number of results removed; the first
// error stops it.
func Prune(dir string, keep map[string]bool, since time.Time) (int, error) {
	shards, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, shard := range shards {
		if !shard.IsDir() || len(shard.Name()) != 2 {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(dir, shard.Name()))
		if err != nil {
			return removed, err
		}
		for _, e := range entries {
			name := e.Name()
			result := len(name) == 64 && strings.HasPrefix(name, shard.Name())
			if !e.IsDir() || keep[name] || !result && !strings.HasPrefix(name, ".tmp-") {
				continue
			}
			info, err := e.Info()
			if err != nil || !info.ModTime().Before(since) {
				continue
			}
			if err := os.RemoveAll(filepath.Join(dir, shard.Name(), name)); err != nil {
				return removed, err
			}
			if result {
				removed++
			}
		}
	}
	return removed, nil
}
