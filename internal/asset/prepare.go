package asset

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/photo"
)

// Options say where the files are.
type Options struct {
	// ContentDir is the disk path of the site's content/ folder.
	ContentDir string
	// CacheDir is the folder where the copies of photos are kept between
	// builds (<site>/.khuyencong-cache/anh); "" keeps them in memory only.
	CacheDir string
	// Memo, when not nil, keeps the photos made by earlier runs of the
	// same process, so that a photo whose file did not change is neither
	// read nor hashed again (serve).
	Memo *Memo
	// Progress, when not nil, counts the photos as they are done.
	Progress *Progress
}

// memoryBudget bounds the memory of the photos processed at once, as
// photo.WorkingMemory estimates it: about 50 MB for a 12-megapixel phone
// photo, so that a build holds two of them whatever the number of cores,
// and a photo larger than the budget alone.
const memoryBudget = 120 << 20

// Prepare makes the Set of the site modelled in m: the copies of every
// photo its published records and articles show, in parallel, and the
// other files of content/ as they are. Problems with a photo are reported
// at every place that names it. A photo file that does not exist is left
// to the model, which reports it; pages then name the file as written.
func Prepare(m *model.Model, opts Options) (*Set, diag.List) {
	start := time.Now()
	var diags diag.List
	set := &Set{Photos: map[string]*Photo{}}
	files, where := refs(m)
	results := process(files, opts)
	if opts.CacheDir != "" {
		// The cache keeps what this run used: results of photos since
		// removed or changed go (see photo.Prune). A cache that cannot be
		// tidied is no reason to stop the build.
		keep := map[string]bool{}
		for _, r := range results {
			if r.err == nil && r.Key != "" {
				keep[r.Key] = true
			}
		}
		set.Pruned, _ = photo.Prune(opts.CacheDir, keep, start)
	}

	// owner names the content file each output path is made from, so
	// that two photos giving the same copy (anh.jpg and anh.jpeg), or a
	// copy named like another file of content/, are reported.
	owner := map[string]string{}
	for _, a := range m.Assets {
		owner[a] = a
	}
	var copies []File
	for i, f := range files {
		res := results[i]
		if res.err != nil {
			if !errors.Is(res.err, fs.ErrNotExist) {
				photoDiags(&diags, f, where[f], res.err)
			}
			continue
		}
		set.Processed++
		if res.Cached {
			set.Cached++
		}
		ph := &Photo{Width: res.Width, Height: res.Height}
		var made []File
		for _, v := range res.Variants {
			name := f
			if res.Format == photo.JPEG || res.Format == photo.PNG {
				name = photo.VariantName(f, v.Width, v.Ext)
			}
			ph.Copies = append(ph.Copies, Copy{Name: name, Width: v.Width, Height: v.Height})
			made = append(made, File{Name: name, Src: v.CachePath, Data: v.Data, Size: v.Size, Photo: f})
		}
		if clash := clashing(ph, f, owner); clash != "" {
			for _, p := range where[f] {
				diags.Error(p, "photo-name-clash", diag.M(
					"ảnh content/%s cho ra tệp %s, trùng với tệp content/%s; hãy đổi tên một trong hai tệp",
					"the photo content/%s makes the file %s, which content/%s makes or is too; rename one of the two files",
					f, clash, owner[clash]))
			}
			continue
		}
		for _, c := range ph.Copies {
			owner[c.Name] = f
		}
		set.Photos[f] = ph
		copies = append(copies, made...)
	}

	// The files copied as they are: every file of content/ but the
	// originals of the photos made into copies.
	names := append([]string(nil), m.Assets...)
	sort.Strings(names)
	for _, n := range names {
		if set.Photos[n] != nil {
			continue
		}
		src := filepath.Join(opts.ContentDir, filepath.FromSlash(n))
		set.Files = append(set.Files, File{Name: n, Src: src, Size: fileSize(src)})
	}
	set.Files = append(set.Files, copies...)
	diags.Sort()
	return set, diags
}

// fileSize returns the size of the file at p, 0 when it cannot be read
// (copying it then reports the problem).
func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// result is what processing one photo gave.
type result struct {
	photo.Result
	err error
}

// process makes the copies of the photo files, in parallel; the results
// are in the order of files.
func process(files []string, opts Options) []result {
	results := make([]result, len(files))
	if len(files) == 0 {
		return results
	}
	proc := &photo.Processor{CacheDir: opts.CacheDir}
	mem := newBudget(memoryBudget)
	opts.Progress.expect(len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	// Each worker writes the result of its file, and the results are read
	// in the order of files, for determinism.
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = one(proc, files[i], opts, mem)
				opts.Progress.did()
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// one makes the copies of one photo file, or takes them from the memo.
func one(proc *photo.Processor, file string, opts Options, mem *budget) result {
	src := filepath.Join(opts.ContentDir, filepath.FromSlash(file))
	stamp, ok := opts.Memo.stamp(src)
	if ok {
		if r, ok := opts.Memo.get(file, stamp); ok {
			return result{Result: r}
		}
	}
	info, err := photo.Inspect(src)
	if err != nil {
		return result{err: err}
	}
	need := mem.take(photo.WorkingMemory(info, fileSize(src)))
	defer mem.give(need)
	r, err := proc.Process(src)
	if err == nil && ok {
		opts.Memo.put(file, stamp, r)
	}
	return result{Result: r, err: err}
}

// clashing returns the first output path of ph already taken by another
// file of content/ or another photo's copy, "" when none.
func clashing(ph *Photo, file string, owner map[string]string) string {
	for _, c := range ph.Copies {
		if o, ok := owner[c.Name]; ok && o != file {
			return c.Name
		}
	}
	return ""
}

// places are the places a photo is referenced.
type places = []diag.Pos

// refs lists the photos shown by the published records and articles of m:
// the files in order, and for each every place that names it, in the
// order of positions.
func refs(m *model.Model) ([]string, map[string]places) {
	where := map[string]places{}
	add := func(ph model.Photo) { where[ph.File] = append(where[ph.File], ph.Pos) }
	for _, e := range m.Establishments {
		for _, ph := range e.Photos {
			add(ph)
		}
	}
	for _, p := range m.Products {
		for _, ph := range p.Photos {
			add(ph)
		}
	}
	// JPEG and PNG files kept beside an article in its own folder are the
	// article's too (its text shows them): cleaned and resized like the
	// others, reported at the article.
	bundles := map[string]*model.Article{}
	for _, list := range [][]*model.Article{m.News, m.Pages} {
		for _, a := range list {
			if a.Image != nil {
				add(*a.Image)
			}
			if a.Bundle != "" {
				bundles[a.Bundle] = a
			}
		}
	}
	if len(bundles) > 0 {
		for _, f := range m.Assets {
			switch strings.ToLower(path.Ext(f)) {
			case ".jpg", ".jpeg", ".png":
			default:
				continue
			}
			for dir := path.Dir(f); dir != "." && dir != "/"; dir = path.Dir(dir) {
				if a, ok := bundles[dir]; ok {
					if _, seen := where[f]; !seen {
						add(model.Photo{File: f, Pos: a.Pos})
					}
					break
				}
			}
		}
	}
	files := make([]string, 0, len(where))
	for f, ps := range where {
		files = append(files, f)
		sort.Slice(ps, func(i, j int) bool { return posLess(ps[i], ps[j]) })
	}
	sort.Strings(files)
	return files, where
}

func posLess(a, b diag.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// Check reads the header of every photo the published records and
// articles of m show, from contentDir, and reports at each reference a
// file that is not a JPEG, PNG, GIF or WebP image by its bytes (a text
// file renamed .jpg) or whose header is damaged. It decodes no pixels:
// check runs it, while Prepare processes the photos fully.
func Check(m *model.Model, contentDir string) diag.List {
	files, where := refs(m)
	var diags diag.List
	for _, f := range files {
		_, err := photo.Inspect(filepath.Join(contentDir, filepath.FromSlash(f)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			photoDiags(&diags, f, where[f], err)
		}
	}
	diags.Sort()
	return diags
}

// photoDiags reports err, a problem with the photo file, at every place
// that references it.
func photoDiags(diags *diag.List, file string, where places, err error) {
	shown := "content/" + file
	code, msg := diag.Code("photo"), diag.M("không xử lý được ảnh %s: %v", "cannot process the photo %s: %v", shown, err)
	var pe *photo.Error
	if errors.As(err, &pe) {
		code = pe.Code
		switch pe.Code {
		case photo.CodeNotImage:
			msg = diag.M(
				"tệp ảnh %s không phải ảnh JPEG, PNG, GIF hay WebP (có thể là tệp đổi đuôi); hãy lưu lại ảnh dưới dạng JPEG hoặc PNG (ví dụ mở bằng Paint, chọn Lưu thành… rồi chọn JPEG) và giữ đúng tên tệp đã ghi",
				"the photo file %s is not a JPEG, PNG, GIF or WebP image (perhaps a renamed file); save the photo again as JPEG or PNG (e.g. open it in Paint, choose Save as… then JPEG) under the file name written here",
				shown)
		default:
			// The photo package names the file by the disk path it was
			// given; the officer knows it by its path in the site.
			msg = diag.Msg{Vi: strings.ReplaceAll(pe.Msg.Vi, pe.Path, shown), En: strings.ReplaceAll(pe.Msg.En, pe.Path, shown)}
		}
	}
	for _, p := range where {
		diags.Error(p, code, msg)
	}
}

// budget is a counting semaphore of bytes: take waits until the amount
// is free (an amount larger than the whole budget waits for all of it).
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int64
	size int64
}

func newBudget(size int64) *budget {
	b := &budget{free: size, size: size}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// take waits for n bytes, at most the whole budget, and returns what it
// took, for give.
func (b *budget) take(n int64) int64 {
	n = min(n, b.size)
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return n
}

func (b *budget) give(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}
