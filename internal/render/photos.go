package render

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// Photos are prepared by the asset stage (package asset): JPEG and PNG are
// turned upright, resized and cleaned of their metadata, and pages offer
// the copies with srcset. GIF and WebP keep their path. The original file
// of a processed photo is never written to the output, and every link to
// it (src, srcset, Open Graph, JSON-LD) names a copy instead.

// contentFiles writes the files the asset stage made of content/: the
// files copied as they are and the copies of photos, in the Set's order.
func (r *renderer) contentFiles() {
	if r.opts.Assets == nil {
		return
	}
	for _, f := range r.opts.Assets.Files {
		if !r.opts.wants(f.Name) {
			continue
		}
		if f.Src == "" {
			r.write(f.Name, f.Data)
			continue
		}
		if err := r.out.CopyFile(f.Name, f.Src); err != nil {
			if f.Photo != "" {
				r.diags.Error(diag.Pos{File: "content/" + f.Photo}, "write", diag.M("không chép được ảnh %s: %v", "cannot copy the photo %s: %v", f.Name, err))
			} else {
				r.diags.Error(diag.Pos{File: "content/" + f.Name}, "write", diag.M("không chép được tệp: %v", "cannot copy the file: %v", err))
			}
			continue
		}
		r.sum.Files++
		r.sum.Bytes += f.Size
	}
}

// photoPath returns the output path that stands for the content file p:
// the largest copy of a processed photo, p itself otherwise.
func (f *funcs) photoPath(p string) string {
	if ph := f.set.Photo(p); ph != nil {
		return ph.Full()
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
	// Full is the largest copy, for a link that opens the photo at its
	// full size; Small the smallest, for thumbnails. Both are the file as
	// written when the photo was not made into copies.
	Full, Small string
	// SmallWidth and SmallHeight are the size of Small, 0 when not known.
	SmallWidth, SmallHeight int
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
	out := f.set.Photo(ph.File)
	if out == nil {
		pic.Src = photoURL(root, ph.File)
		pic.Full, pic.Small = pic.Src, pic.Src
		return pic
	}
	pic.Width, pic.Height = out.Width, out.Height
	src := out.Copies[0]
	var set []string
	for _, pf := range out.Copies {
		if pf.Width <= srcWidth {
			src = pf
		}
		set = append(set, photoURL(root, pf.Name)+" "+strconv.Itoa(pf.Width)+"w")
	}
	pic.Src = photoURL(root, src.Name)
	pic.Full = photoURL(root, out.Full())
	small := out.Copies[0]
	pic.Small, pic.SmallWidth, pic.SmallHeight = photoURL(root, small.Name), small.Width, small.Height
	if len(set) > 1 {
		pic.SrcSet = strings.Join(set, ", ")
	}
	return pic
}

// srcWidth is the widest copy used as an <img>'s src.
const srcWidth = 960
