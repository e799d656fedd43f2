// Package load is the first stage of the pipeline: it reads a site folder
// from disk (or any fs.FS) and hands on its files as YAML node trees and
// Markdown documents, with the position of every node kept, so that later
// stages report problems at the right line. It checks what can be checked
// of a file alone: encoding (UTF-8 with or without BOM, LF or CRLF, text
// NFC-normalised), YAML syntax, front matter, size and alias limits.
//
// It knows nothing of what the records mean: that is package model.
package load

import (
	"gopkg.in/yaml.v3"
)

// Collections lists the data collections of the data contract, in the order
// they are read. Each lives in data/<name>/ (a file per record or per list
// of records) or in a single file data/<name>.yaml.
var Collections = []string{
	"units",
	"establishments",
	"products",
	"recognitions",
	"projects",
	"programmes",
	"reports",
}

// Site is everything read from a site folder.
type Site struct {
	// Dir is the site folder as given on the command line.
	Dir string
	// Settings is data/site.yaml (or data/site.yml), nil when absent.
	Settings *Doc
	// Data maps a collection name (see Collections) to its files, sorted by
	// path.
	Data map[string][]*Doc
	// News are content/news/*.md and content/news/<slug>/index.md, sorted
	// by path.
	News []*Page
	// Pages are content/pages/*.md (and <slug>/index.md), sorted by path.
	Pages []*Page
	// Assets are the other files under content/, as slash paths relative to
	// content/ (for example "news/bai-viet/anh.jpg"), sorted.
	Assets []string
	// Templates are the files of the site's own templates/ folder, which
	// override the default theme by name: slash paths relative to
	// templates/, sorted.
	Templates []File
}

// Doc is one YAML file.
type Doc struct {
	// Path is slash-separated and relative to the site folder
	// ("data/products/tinh-dau-chuc.yaml"); diagnostics print it.
	Path string
	// Root is the document's top node: a mapping (one record) or a
	// sequence (a list of records). Load reports a file that holds anything
	// else and does not return it. The tree under Root is plain YAML, as
	// later stages may read it without further checks (FuzzParseYAML holds
	// load to it):
	//   - no alias node: each alias (*name) is replaced by a copy of the
	//     value it names (&name);
	//   - no merge key: each “<<” is replaced by the pairs of the mappings
	//     it names that its mapping does not write itself;
	//   - no mapping with two scalar keys of the same value: the second is
	//     reported and removed;
	//   - no nesting deeper than MaxDepth.
	Root *yaml.Node
}

// Page is one Markdown file with YAML front matter.
type Page struct {
	Path string
	// Slug is the file name without extension, or the folder name for
	// <slug>/index.md.
	Slug string
	// Bundle is true for <slug>/index.md: files beside it belong to it.
	Bundle bool
	// Front is the front-matter mapping, nil when the file has none; the
	// tree under it keeps the promises of Doc.Root.
	Front *yaml.Node
	// Body is the Markdown after the front matter, NFC-normalised, with
	// LF line endings.
	Body string
	// BodyLine is the line of the file on which Body starts, so that a
	// Markdown problem found at body line n is at file line BodyLine+n-1.
	BodyLine int
}

// File is a file read as bytes.
type File struct {
	Path string
	Data []byte
}
