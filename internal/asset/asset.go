// Package asset is the stage of the pipeline between model and render: it
// prepares the files of content/ that the site publishes. Photos that
// records and articles show (JPEG and PNG) are turned upright, resized to
// photo.DefaultWidths and cleaned of their metadata by package photo, their
// copies kept in a cache between builds; GIF and WebP photos are copied
// less their metadata; every other file of content/ is copied as it is.
// The original file of a processed photo is never published.
//
// The result, a Set, is all that render needs of content/: the output
// files with where their bytes are, and for each photo the copies a page
// offers with srcset. Render reads no file of content/ itself, so that it
// is a function of the model, the theme and the Set.
package asset

import "sync/atomic"

// Set is what the stage made of content/. It is never changed once
// returned, and may be read by several goroutines at once.
type Set struct {
	// Files are the output files made from content/, in the order to
	// write them: the files copied as they are (by path), then the copies
	// of each photo (by the photo's path, each photo's in increasing
	// width).
	Files []File
	// Photos are the photos made into copies, by their path in content/
	// (slash-separated, as records name them).
	Photos map[string]*Photo
	// Processed counts the photos made into copies; Cached those of them
	// whose copies were read back from the cache without decoding; Pruned
	// the results removed from the cache, used by no photo of this run.
	Processed, Cached, Pruned int
}

// File is one output file made from content/.
type File struct {
	// Name is the output path (slash-separated, like the content path).
	Name string
	// Src is the disk path of the file whose bytes it has; when empty,
	// Data holds them.
	Src  string
	Data []byte
	// Size is the file's size in bytes.
	Size int64
	// Photo is the content path of the photo this file is a copy of, ""
	// for a file copied as it is.
	Photo string
}

// Photo is a photo as pages show it.
type Photo struct {
	// Width and Height are the displayed size of the largest copy.
	Width, Height int
	// Copies are in increasing width; the last is the largest.
	Copies []Copy
}

// Copy is one copy of a photo in the output.
type Copy struct {
	// Name is the output path.
	Name          string
	Width, Height int
}

// Full is the output path of the largest copy.
func (p *Photo) Full() string { return p.Copies[len(p.Copies)-1].Name }

// Progress counts the photos of a Prepare as they are done, against the
// number to do, for a progress line shown while many photos are made. Its
// methods may be called from any goroutine; a nil *Progress counts
// nothing.
type Progress struct {
	total, done atomic.Int64
}

// Photos returns the photos done so far and the photos to do in all.
func (p *Progress) Photos() (done, total int) {
	if p == nil {
		return 0, 0
	}
	return int(p.done.Load()), int(p.total.Load())
}

func (p *Progress) expect(n int) {
	if p != nil {
		p.total.Store(int64(n))
	}
}

func (p *Progress) did() {
	if p != nil {
		p.done.Add(1)
	}
}

// Photo returns the photo made from the content file name, nil when name
// is not a photo made into copies (a missing or broken file, or a file
// that is not shown as a photo).
func (s *Set) Photo(name string) *Photo {
	if s == nil {
		return nil
	}
	return s.Photos[name]
}
