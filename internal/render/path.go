package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// Section folders. The paths are Vietnamese whatever the interface
// language, so that a site switched to English keeps its links.
const (
	dirProducts       = "san-pham"
	dirEstablishments = "co-so"
	dirProjects       = "de-an"
	dirProgrammes     = "chuong-trinh"
	dirRounds         = "binh-chon"
	dirStats          = "so-lieu"
	dirReports        = "so-lieu/bao-cao"
	dirUnits          = "dia-ban"
	dirNews           = "tin-tuc"
	dirTags           = "tin-tuc/the"
	dirNewsPages      = "tin-tuc/trang"
	dirStatic         = "static"
	// sheetDir is the folder of a record's print sheet, inside the
	// record's own.
	sheetDir = "in"
)

// sections maps the section keys templates pass to path to their folders.
var sections = map[string]string{
	"home":           "",
	"products":       dirProducts,
	"establishments": dirEstablishments,
	"projects":       dirProjects,
	"programmes":     dirProgrammes,
	"rounds":         dirRounds,
	"stats":          dirStats,
	"units":          dirUnits,
	"news":           dirNews,
	"tags":           dirTags,
}

// pagesPrefix is the folder of standalone pages in a site; an Article read
// from it is a page, any other a news article.
const pagesPrefix = "content/pages/"

// isPage reports whether a is a standalone page rather than a news article.
func isPage(a *model.Article) bool { return strings.HasPrefix(a.Pos.File, pagesPrefix) }

// Path returns the site-relative file of a record or section: the name the
// file is written under, and what templates append to Root to link to it.
// Every page is a folder with index.html, so links work from disk too.
//
//	*model.Product       san-pham/<id>/index.html
//	*model.Establishment co-so/<id>/index.html
//	*model.Project       de-an/<id>/index.html
//	*model.Programme     chuong-trinh/<id>/index.html
//	*model.Round         binh-chon/<id>/index.html (also *model.Recognition)
//	*model.Unit          dia-ban/<id>/index.html
//	*model.Report        so-lieu/bao-cao/<id>/index.html
//	*model.Article       tin-tuc/<slug>/index.html, or <slug>/index.html for a page
//	model.Ref            the record it points at
//	"home"               index.html
//	"products", "establishments", "projects", "programmes", "rounds",
//	"stats", "units", "news", "tags"   the section's list page
//	"news", n            page n of the news list (tin-tuc/trang/n/index.html)
//	"stats-year", year   so-lieu/<year>/index.html
//	"tag", name          tin-tuc/the/<slug of name>/index.html
//	"static", name       static/<name>
//	"404"                404.html
//	"sheet", record      the print sheet of a product, an establishment or
//	                     a round: <the record's folder>/in/index.html
func Path(x any, args ...any) (string, error) {
	switch v := x.(type) {
	case *model.Product:
		return dirPath(dirProducts, v.ID), nil
	case *model.Establishment:
		return dirPath(dirEstablishments, v.ID), nil
	case *model.Project:
		return dirPath(dirProjects, v.ID), nil
	case *model.Programme:
		return dirPath(dirProgrammes, v.ID), nil
	case *model.Round:
		return dirPath(dirRounds, v.ID), nil
	case *model.Recognition:
		return dirPath(dirRounds, v.Round.ID), nil
	case *model.Unit:
		return dirPath(dirUnits, v.ID), nil
	case *model.Report:
		return dirPath(dirReports, v.ID), nil
	case *model.Article:
		if isPage(v) {
			return dirPath("", v.Slug), nil
		}
		return dirPath(dirNews, v.Slug), nil
	case model.Ref:
		switch {
		case v.Product != nil:
			return Path(v.Product)
		case v.Establishment != nil:
			return Path(v.Establishment)
		case v.Project != nil:
			return Path(v.Project)
		case v.Round != nil:
			return Path(v.Round)
		case v.Programme != nil:
			return Path(v.Programme)
		case v.Unit != nil:
			return Path(v.Unit)
		case v.Report != nil:
			return Path(v.Report)
		}
		return "", fmt.Errorf("path: empty reference")
	case string:
		return sectionPath(v, args)
	}
	return "", fmt.Errorf("path: cannot link to %T", x)
}

func sectionPath(key string, args []any) (string, error) {
	switch key {
	case "404":
		return "404.html", nil
	case "static":
		if len(args) != 1 {
			return "", fmt.Errorf("path: \"static\" needs a file name")
		}
		return dirStatic + "/" + fmt.Sprint(args[0]), nil
	case "tag":
		if len(args) != 1 {
			return "", fmt.Errorf("path: \"tag\" needs a tag name")
		}
		return dirPath(dirTags, vi.Slug(fmt.Sprint(args[0]))), nil
	case "sheet":
		if len(args) != 1 {
			return "", fmt.Errorf("path: \"sheet\" needs a product, an establishment or a round")
		}
		switch args[0].(type) {
		case *model.Product, *model.Establishment, *model.Round:
		default:
			return "", fmt.Errorf("path: no print sheet for %T", args[0])
		}
		p, err := Path(args[0])
		if err != nil {
			return "", err
		}
		return strings.TrimSuffix(p, "index.html") + sheetDir + "/index.html", nil
	case "stats-year":
		n, err := intArg(key, args)
		if err != nil {
			return "", err
		}
		return dirPath(dirStats, strconv.Itoa(n)), nil
	case "news":
		if len(args) > 0 {
			n, err := intArg(key, args)
			if err != nil {
				return "", err
			}
			if n > 1 {
				return dirPath(dirNewsPages, strconv.Itoa(n)), nil
			}
		}
	}
	dir, ok := sections[key]
	if !ok {
		return "", fmt.Errorf("path: unknown section %q", key)
	}
	if len(args) > 0 && key != "news" {
		return "", fmt.Errorf("path: section %q takes no argument", key)
	}
	return dirPath(dir, ""), nil
}

func intArg(key string, args []any) (int, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("path: %q needs one number", key)
	}
	switch n := args[0].(type) {
	case int:
		return n, nil
	case int64:
		return int(n), nil
	}
	return 0, fmt.Errorf("path: %q needs a number, not %T", key, args[0])
}

// dirPath joins folder parts and index.html, skipping empty parts.
func dirPath(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p != "" {
			b.WriteString(p)
			b.WriteByte('/')
		}
	}
	b.WriteString("index.html")
	return b.String()
}

// rootFor returns the relative prefix from the page written at file back
// to the site root: "" for index.html, "../" for san-pham/index.html, …
func rootFor(file string) string {
	return strings.Repeat("../", strings.Count(file, "/"))
}
