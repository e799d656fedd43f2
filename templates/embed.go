// Package templates holds the default theme: the HTML templates and static
// assets of the public site, embedded in the binary so that one `go
// install` gives a working generator. A site's own templates/ folder
// overrides any of these files by name.
package templates

import "embed"

// FS is the default theme.
//
//go:embed *.html static
var FS embed.FS
