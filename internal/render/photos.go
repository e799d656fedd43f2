package render

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/photo"
)

// Photos referenced by records and articles are not copied as they are:
// JPEG and PNG are turned upright, resized to photo.DefaultWidths and
// cleaned of their metadata (camera originals carry the place they were
// taken), and pages offer the copies with srcset. GIF and WebP keep their
// path and are copied less their metadata. The original file of a
// processed photo is never written to the output, and every link to it
// (src, srcset, Open Graph, JSON-LD) names a copy instead.

// bigPhoto is the size, in pixels, above which a photo takes one of the
// few slots of bigSlots while it is processed: decoding a 12-megapixel
// photo takes some 200 MB, so only two are decoded at once.
const (
	bigPhoto = 4_000_000
	bigSlots = 2
)

// photoOut is what the render made of one photo file.
type photoOut struct {
	// Width and Height are the displayed size of the largest copy.
	Width, Height int
	// Files are the copies in increasing width; the last is the largest.
	Files []photoFile
}

// photoFile is one copy of a photo in the output.
type photoFile struct {
	// Name is the output path (slash-separated, like the content path).
	Name          string
	Width, Height int
	variant       photo.Variant
}

// full is the output path of the largest copy.
func (p *photoOut) full() string { return p.Files[len(p.Files)-1].Name }

// photoRef is one place a photo is referenced.
type photoRef struct {
	file string
	pos  diag.Pos
}

// photoRefs lists the photos shown by the published records and articles
// of m: the files in order, and for each every place that names it, in
// the order of positions.
func photoRefs(m *model.Model) ([]string, map[string][]diag.Pos) {
	at := map[string][]diag.Pos{}
	add := func(ph model.Photo) { at[ph.File] = append(at[ph.File], ph.Pos) }
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
					if _, seen := at[f]; !seen {
						add(model.Photo{File: f, Pos: a.Pos})
					}
					break
				}
			}
		}
	}
	files := make([]string, 0, len(at))
	for f, ps := range at {
		files = append(files, f)
		sort.Slice(ps, func(i, j int) bool { return posLess(ps[i], ps[j]) })
	}
	sort.Strings(files)
	return files, at
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

// CheckPhotos reads the header of every photo the published records and
// articles of m show, from contentDir, and reports at each reference a
// file that is not a JPEG, PNG, GIF or WebP image by its bytes (a text
// file renamed .jpg) or whose header is damaged. It decodes no pixels:
// check runs it, while Render processes the photos fully.
func CheckPhotos(m *model.Model, contentDir string) diag.List {
	files, at := photoRefs(m)
	var diags diag.List
	for _, f := range files {
		_, err := photo.Inspect(filepath.Join(contentDir, filepath.FromSlash(f)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			photoDiags(&diags, f, at[f], err)
		}
	}
	diags.Sort()
	return diags
}

// photoDiags reports err, a problem with the photo file, at every place
// that references it.
func photoDiags(diags *diag.List, file string, at []diag.Pos, err error) {
	shown := "content/" + file
	code, msg := "photo", diag.M("không xử lý được ảnh %s: %v", "cannot process the photo %s: %v", shown, err)
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
	for _, p := range at {
		diags.Error(p, code, msg)
	}
}

// processPhotos makes the copies of every photo the site shows, in
// parallel, and keeps them in r.f.photos for the pages and writePhotos.
// Problems are reported at the records' photo lines. A file that does not
// exist is left to the model, which reports it; the page then names the
// file as written.
func (r *renderer) processPhotos() {
	files, at := photoRefs(r.m)
	if len(files) == 0 {
		return
	}
	proc := &photo.Processor{CacheDir: r.opts.PhotoCache}
	type slot struct {
		res photo.Result
		err error
	}
	// Each worker writes the slot of its file, and the slots are read in
	// the order of files, for determinism.
	slots := make([]slot, len(files))
	big := make(chan struct{}, bigSlots)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				src := filepath.Join(r.opts.ContentDir, filepath.FromSlash(files[i]))
				info, err := photo.Inspect(src)
				if err != nil {
					slots[i].err = err
					continue
				}
				if info.Width*info.Height > bigPhoto {
					big <- struct{}{}
				}
				slots[i].res, slots[i].err = proc.Process(src)
				if info.Width*info.Height > bigPhoto {
					<-big
				}
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	r.f.photos = map[string]*photoOut{}
	// owner names the photo each output path was made from, so that two
	// photos giving the same copy (anh.jpg and anh.jpeg) are reported.
	owner := map[string]string{}
	for _, a := range r.m.Assets {
		owner[a] = a
	}
	for i, f := range files {
		s := slots[i]
		if s.err != nil {
			if !errors.Is(s.err, fs.ErrNotExist) {
				photoDiags(&r.diags, f, at[f], s.err)
			}
			continue
		}
		r.sum.Photos++
		if s.res.Cached {
			r.sum.PhotosCached++
		}
		out := &photoOut{Width: s.res.Width, Height: s.res.Height}
		for _, v := range s.res.Variants {
			name := f
			if s.res.Format == photo.JPEG || s.res.Format == photo.PNG {
				name = photo.VariantName(f, v.Width, v.Ext)
			}
			out.Files = append(out.Files, photoFile{Name: name, Width: v.Width, Height: v.Height, variant: v})
		}
		if clash := photoClash(out, f, owner); clash != "" {
			for _, p := range at[f] {
				r.diags.Error(p, "photo-name-clash", diag.M(
					"ảnh content/%s cho ra tệp %s, trùng với tệp content/%s; hãy đổi tên một trong hai tệp",
					"the photo content/%s makes the file %s, which content/%s makes or is too; rename one of the two files",
					f, clash, owner[clash]))
			}
			continue
		}
		for _, pf := range out.Files {
			owner[pf.Name] = f
		}
		r.f.photos[f] = out
	}
}

// photoClash returns the first output path of out already taken by
// another file under content/ or another photo's copy, "" when none.
func photoClash(out *photoOut, file string, owner map[string]string) string {
	for _, pf := range out.Files {
		if o, ok := owner[pf.Name]; ok && o != file {
			return pf.Name
		}
	}
	return ""
}

// writePhotos writes the copies of the processed photos, in the order of
// their paths.
func (r *renderer) writePhotos() {
	files := make([]string, 0, len(r.f.photos))
	for f := range r.f.photos {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		for _, pf := range r.f.photos[f].Files {
			if !r.opts.wants(pf.Name) {
				continue
			}
			v := pf.variant
			if v.CachePath == "" {
				r.write(pf.Name, v.Data)
				continue
			}
			if err := r.out.CopyFile(pf.Name, v.CachePath); err != nil {
				r.diags.Error(diag.Pos{File: "content/" + f}, "write", diag.M("không chép được ảnh %s: %v", "cannot copy the photo %s: %v", pf.Name, err))
				continue
			}
			r.sum.Files++
			if fi, err := os.Stat(v.CachePath); err == nil {
				r.sum.Bytes += fi.Size()
			}
		}
	}
}

// photoReplaced reports whether the content file name is a photo whose
// copies are written in its place.
func (f *funcs) photoReplaced(name string) bool {
	_, ok := f.photos[name]
	return ok
}

// photoPath returns the output path that stands for the content file p:
// the largest copy of a processed photo, p itself otherwise.
func (f *funcs) photoPath(p string) string {
	if ph, ok := f.photos[p]; ok {
		return ph.full()
	}
	return p
}

// Picture is a photo as a page shows it. Src and SrcSet are relative to
// the page (its Root included) and escaped for a URL; Width and Height are
// 0 when the photo could not be read.
type Picture struct {
	Src string
	// SrcSet lists the copies with their widths ("a-480w.jpg 480w, …"),
	// "" when there is only one.
	SrcSet        string
	Width, Height int
	Alt           string
	Caption       string
	Credit        string
}

// photoURL escapes a slash path for an attribute value: each segment
// percent-encoded, so that spaces and commas cannot break a srcset.
func photoURL(root, p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ",", "%2C")
	}
	return root + strings.Join(segs, "/")
}

// photo returns what a page needs to show ph, from a page whose Root is
// root. The src is the copy closest to 960 pixels wide without going over
// (the smallest when all are wider), for browsers without srcset.
func (f *funcs) photo(root string, ph model.Photo) Picture {
	pic := Picture{Alt: ph.Alt, Caption: ph.Caption, Credit: ph.Credit}
	out, ok := f.photos[ph.File]
	if !ok {
		pic.Src = photoURL(root, ph.File)
		return pic
	}
	pic.Width, pic.Height = out.Width, out.Height
	src := out.Files[0]
	var set []string
	for _, pf := range out.Files {
		if pf.Width <= srcWidth {
			src = pf
		}
		set = append(set, photoURL(root, pf.Name)+" "+strconv.Itoa(pf.Width)+"w")
	}
	pic.Src = photoURL(root, src.Name)
	if len(set) > 1 {
		pic.SrcSet = strings.Join(set, ", ")
	}
	return pic
}

// srcWidth is the widest copy used as an <img>'s src.
const srcWidth = 960
