// Package render is the third stage of the pipeline: it turns the model
// into the files of the public site (pages, feeds, sitemap, search index,
// open data) and hands each one to a Sink. It never touches the output
// folder itself: package write does.
package render

// Sink receives the files of the site. Names are slash paths relative to
// the output root ("san-pham/tinh-dau-chuc/index.html"). Render calls it
// from one goroutine at a time unless the Sink says otherwise.
type Sink interface {
	// WriteFile stores data as the file name.
	WriteFile(name string, data []byte) error
	// CopyFile stores a copy of the file at srcPath (a path on disk) as
	// the file name.
	CopyFile(name, srcPath string) error
}
