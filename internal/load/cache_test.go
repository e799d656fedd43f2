package load

import (
	"testing"
	"testing/fstest"
	"time"
)

func TestCache(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"data/site.yaml":         {Data: []byte("title: A\n"), ModTime: t0},
		"data/products/a.yaml":   {Data: []byte("id: a\nname: Bánh\n"), ModTime: t0},
		"content/news/bai-1.md":  {Data: []byte("---\ntitle: Bài 1\ndate: 2024-01-02\n---\nX\n"), ModTime: t0},
		"templates/product.html": {Data: []byte("<p>{{.Title}}</p>"), ModTime: t0},
	}
	c := NewCache()
	name := func(s *Site) string { return s.Data["products"][0].Root.Content[3].Value }
	steps := []struct {
		what         string
		change       func()
		forget       []string
		hits, misses int
		product      string
		cached       int
	}{
		{"first run reads everything", func() {}, nil, 0, 4, "Bánh", 4},
		{"second run reads nothing", func() {}, nil, 4, 0, "Bánh", 4},
		{"a file with a new time is read again", func() {
			fsys["data/products/a.yaml"] = &fstest.MapFile{Data: []byte("id: a\nname: Kẹo\n"), ModTime: t0.Add(time.Second)}
		}, nil, 3, 1, "Kẹo", 4},
		{"a file of another size is read again", func() {
			fsys["data/products/a.yaml"] = &fstest.MapFile{Data: []byte("id: a\nname: Kẹo dừa\n"), ModTime: t0.Add(time.Second)}
		}, nil, 3, 1, "Kẹo dừa", 4},
		{"a forgotten file is read again, same size and time", func() {
			fsys["data/products/a.yaml"] = &fstest.MapFile{Data: []byte("id: a\nname: Mứt dừa\n"), ModTime: t0.Add(time.Second)}
		}, []string{"data/products/a.yaml"}, 3, 1, "Mứt dừa", 4},
		{"a deleted file leaves the cache", func() { delete(fsys, "templates/product.html") }, nil, 3, 0, "Mứt dừa", 3},
	}
	for _, st := range steps {
		st.change()
		c.Forget(st.forget...)
		s, l := LoadCached(fsys, c)
		if l.HasErrors() {
			t.Fatalf("%s: %v", st.what, l)
		}
		if c.Hits != st.hits || c.Misses != st.misses || name(s) != st.product || c.Len() != st.cached {
			t.Errorf("%s: hits %d misses %d product %q cached %d; want %d %d %q %d",
				st.what, c.Hits, c.Misses, name(s), c.Len(), st.hits, st.misses, st.product, st.cached)
		}
	}
}
