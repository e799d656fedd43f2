// Command gen writes units.txt, the compact form of the gazetteer that
// package gazetteer embeds, from the tab-separated lists in source/:
//
//	go generate ./internal/gazetteer
//	go run ./internal/gazetteer/gen            (from the repository root)
//
// It checks the lists as it reads them (codes, types, parents, successors,
// NFC names, ids unique across both eras) and writes nothing when one of
// them is wrong. Its output depends only on the lists: the same lists give
// the same bytes, which a test compares with the file checked in.
//
// # Format of units.txt
//
// UTF-8, one unit per line, lines starting with # are comments. A line is
//
//	KIND CODE TYPE [!] TAB NAME [TAB LINKS]
//
// KIND is A (province from 1 July 2025), a (its commune), B (province until
// 30 June 2025), b (its district), c (the district's commune). A unit's
// parent is the last line of the level above. CODE is the statistics code.
// TYPE is one letter: t tinh, w thanh_pho_tw, c thanh_pho, s thi_xa,
// h huyen, q quan, p phuong, x xa, r thi_tran, d dac_khu. "!" marks a unit
// whose id carries its code because a unit beside it has the same name
// once written without diacritics (Phú Thạnh and Phú Thành). NAME is the
// name without its type word. LINKS, on former units only, are the codes
// of the units from 1 July 2025 that took the unit over, comma-separated,
// a code followed by ~ taking over only part of it: for a province, the
// province it is part of now; for a district, the special zone it became
// (island districts only); for a commune, the commune or communes it
// became part of. Which units each new one was formed from is the
// reverse of these links.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyencong/khuyencong/internal/vi"
)

func main() {
	src := flag.String("src", "", "folder of the source lists (default: source or internal/gazetteer/source)")
	out := flag.String("o", "", "file to write (default: units.txt beside the source folder)")
	flag.Parse()
	if *src == "" {
		*src = "source"
		if _, err := os.Stat(*src); err != nil {
			*src = "internal/gazetteer/source"
		}
	}
	if *out == "" {
		*out = path.Join(path.Dir(*src), "units.txt")
	}
	b, err := generate(os.DirFS(*src))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, b) {
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// Source files and their header lines.
const (
	fileNewProvinces = "tinh-2025.tsv"
	fileNewCommunes  = "xa-2025.tsv"
	fileOldProvinces = "tinh-truoc-2025.tsv"
	fileOldDistricts = "huyen-truoc-2025.tsv"
	fileOldCommunes  = "xa-truoc-2025.tsv"
)

var headers = map[string][]string{
	fileNewProvinces: {"ma_tinh", "ten", "loai", "tu_tinh_cu"},
	fileNewCommunes:  {"ma_tinh", "ma_xa", "ten", "loai"},
	fileOldProvinces: {"ma_tinh", "ten", "loai", "nay_la_tinh"},
	fileOldDistricts: {"ma_tinh", "ma_huyen", "ten", "loai", "nay_la_xa"},
	fileOldCommunes:  {"ma_tinh", "ma_huyen", "ma_xa", "ten", "loai", "nay_la"},
}

// Type letters of units.txt, by level and by the type word of the lists.
var (
	provinceTypes = map[string]byte{"tỉnh": 't', "thành phố": 'w'}
	districtTypes = map[string]byte{"huyện": 'h', "quận": 'q', "thị xã": 's', "thành phố": 'c'}
	communeTypes  = map[string]byte{"xã": 'x', "phường": 'p', "thị trấn": 'r', "đặc khu": 'd'}
	// idPrefix is the type word that starts an id (see the package
	// gazetteer's documentation).
	idPrefix = map[byte]string{'h': "huyen", 'q': "quan", 's': "tx", 'c': "tp", 'x': "xa", 'p': "phuong", 'r': "tt", 'd': "dac-khu"}
)

// parentKind is the kind of line a unit's parent is.
var parentKind = map[byte]byte{'a': 'A', 'b': 'B', 'c': 'b'}

type unit struct {
	kind     byte
	code     string
	typ      byte
	name     string
	links    []string // codes, "~" appended for a partial successor
	parent   *unit
	children []*unit
	qualify  bool // the id carries the code
	id       string
	where    string // file:line, for messages
}

type lists struct {
	newProvinces, oldProvinces []*unit
	newByCode, oldByCode       map[string]*unit
	// formedFrom of a new province as the list gives it (tu_tinh_cu).
	formedFrom map[string][]string
}

// generate reads the five lists from src and returns units.txt.
func generate(src fs.FS) ([]byte, error) {
	l := &lists{newByCode: map[string]*unit{}, oldByCode: map[string]*unit{}, formedFrom: map[string][]string{}}
	var errs []error
	fail := func(where, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
	}
	read := func(file string, row func(where string, f []string)) {
		if err := readTSV(src, file, row); err != nil {
			errs = append(errs, err)
		}
	}

	read(fileNewProvinces, func(where string, f []string) {
		u := l.add(fail, where, 'A', f[0], 2, f[1], f[2], provinceTypes, nil, l.newByCode)
		if u != nil {
			l.newProvinces = append(l.newProvinces, u)
			l.formedFrom[u.code] = strings.Split(f[3], ",")
		}
	})
	read(fileNewCommunes, func(where string, f []string) {
		l.add(fail, where, 'a', f[1], 5, f[2], f[3], communeTypes, l.newByCode[f[0]], l.newByCode)
	})
	read(fileOldProvinces, func(where string, f []string) {
		u := l.add(fail, where, 'B', f[0], 2, f[1], f[2], provinceTypes, nil, l.oldByCode)
		if u != nil {
			l.oldProvinces = append(l.oldProvinces, u)
			u.links = []string{f[3]}
		}
	})
	read(fileOldDistricts, func(where string, f []string) {
		u := l.add(fail, where, 'b', f[1], 3, f[2], f[3], districtTypes, l.oldByCode[f[0]], l.oldByCode)
		if u != nil && f[4] != "" {
			u.links = []string{f[4]}
		}
	})
	read(fileOldCommunes, func(where string, f []string) {
		d := l.oldByCode[f[1]]
		if d != nil && d.kind == 'b' && d.parent.code != f[0] {
			fail(where, "district %s is not in province %s", f[1], f[0])
		}
		u := l.add(fail, where, 'c', f[2], 5, f[3], f[4], communeTypes, d, l.oldByCode)
		if u == nil {
			return
		}
		for _, s := range strings.Split(f[5], ",") {
			code, how, _ := strings.Cut(s, ":")
			switch how {
			case "full":
				u.links = append(u.links, code)
			case "partial":
				u.links = append(u.links, code+"~")
			default:
				fail(where, "successor %q is not CODE:full or CODE:partial", s)
			}
		}
	})
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	l.check(fail)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return l.encode(), nil
}

// add makes a unit of a row, or reports why it cannot.
func (l *lists) add(fail func(string, string, ...any), where string, kind byte, code string, codeLen int, name, typ string, types map[string]byte, parent *unit, byCode map[string]*unit) *unit {
	if len(code) != codeLen || strings.Trim(code, "0123456789") != "" {
		fail(where, "code %q is not %d digits", code, codeLen)
		return nil
	}
	if want := parentKind[kind]; want != 0 && (parent == nil || parent.kind != want) {
		fail(where, "unit %s has no parent in the lists", code)
		return nil
	}
	if !norm.NFC.IsNormalString(name) {
		fail(where, "name %q is not NFC", name)
	}
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		fail(where, "unit %s has no name", code)
		return nil
	}
	t, ok := types[strings.ToLower(typ)]
	if !ok {
		fail(where, "type %q is not one of %s", typ, strings.Join(slices.Sorted(maps.Keys(types)), ", "))
		return nil
	}
	if byCode[code] != nil {
		fail(where, "code %s is given twice (first at %s)", code, byCode[code].where)
		return nil
	}
	u := &unit{kind: kind, code: code, typ: t, name: name, parent: parent, where: where}
	byCode[code] = u
	if parent != nil {
		parent.children = append(parent.children, u)
	}
	return u
}

// check verifies the links between the lists and makes the ids.
func (l *lists) check(fail func(string, string, ...any)) {
	takenOver := map[string]bool{}
	for _, p := range l.oldProvinces {
		n := l.newByCode[p.links[0]]
		if n == nil || n.kind != 'A' {
			fail(p.where, "province %s is part of province %q, which is not in %s", p.code, p.links[0], fileNewProvinces)
			continue
		}
		if !slices.Contains(l.formedFrom[n.code], p.code) {
			fail(p.where, "province %s is part of province %s, whose tu_tinh_cu does not list it", p.code, n.code)
		}
	}
	for _, n := range l.newProvinces {
		for _, c := range l.formedFrom[n.code] {
			if p := l.oldByCode[c]; p == nil || p.kind != 'B' || p.links[0] != n.code {
				fail(n.where, "province %s is formed from %q, which is not a former province now part of it", n.code, c)
			}
		}
	}
	for _, p := range l.oldProvinces {
		for _, d := range p.children {
			for _, code := range d.links {
				if s := l.newByCode[code]; s == nil || s.kind != 'a' || s.typ != 'd' {
					fail(d.where, "district %s became %q, which is not a special zone in %s", d.code, code, fileNewCommunes)
				} else {
					takenOver[code] = true
				}
			}
			for _, c := range d.children {
				if len(c.links) == 0 {
					fail(c.where, "commune %s has no successor", c.code)
				}
				for _, code := range c.links {
					s := l.newByCode[strings.TrimSuffix(code, "~")]
					if s == nil || s.kind != 'a' {
						fail(c.where, "commune %s became part of %q, which is not in %s", c.code, code, fileNewCommunes)
						continue
					}
					takenOver[s.code] = true
				}
			}
		}
	}
	for _, p := range l.newProvinces {
		for _, c := range p.children {
			if !takenOver[c.code] {
				fail(c.where, "commune %s is formed from no former unit", c.code)
			}
		}
	}

	// Ids: see the documentation of package gazetteer.
	ids := map[string]*unit{}
	setID := func(u *unit, id string) {
		u.id = id
		if o := ids[id]; o != nil {
			fail(u.where, "id %s is also the id of the unit at %s", id, o.where)
		}
		ids[id] = u
	}
	setID(&unit{where: "the country"}, "viet-nam")
	var children func(p *unit)
	children = func(p *unit) {
		seen := map[string][]*unit{}
		for _, c := range p.children {
			k := idPrefix[c.typ] + "-" + vi.Slug(c.name)
			seen[k] = append(seen[k], c)
		}
		for _, c := range p.children {
			part := vi.Slug(c.name)
			if part == "" {
				fail(c.where, "name %q makes no id", c.name)
			}
			if len(seen[idPrefix[c.typ]+"-"+part]) > 1 {
				c.qualify = true
				part += "-" + c.code
			}
			setID(c, idPrefix[c.typ]+"-"+part+"-"+p.id)
			children(c)
		}
	}
	for _, p := range l.oldProvinces {
		setID(p, vi.Slug(p.name))
	}
	for _, p := range l.newProvinces {
		setID(p, vi.Slug(p.name)+"-2025")
	}
	for _, p := range slices.Concat(l.oldProvinces, l.newProvinces) {
		children(p)
	}
}

// encode writes units.txt: the new era first, then the former one, each
// level sorted by code under its parent.
func (l *lists) encode() []byte {
	var b bytes.Buffer
	b.WriteString("# Đơn vị hành chính Việt Nam từ 01/07/2025 (A, a) và đến 30/06/2025 (B, b, c).\n")
	b.WriteString("# Tạo từ source/ bằng: go generate ./internal/gazetteer. Không sửa tay.\n")
	var write func(u *unit)
	write = func(u *unit) {
		b.WriteByte(u.kind)
		b.WriteString(u.code)
		b.WriteByte(u.typ)
		if u.qualify {
			b.WriteByte('!')
		}
		b.WriteByte('\t')
		b.WriteString(u.name)
		if len(u.links) > 0 {
			b.WriteByte('\t')
			b.WriteString(strings.Join(u.links, ","))
		}
		b.WriteByte('\n')
		for _, c := range sortedByCode(u.children) {
			write(c)
		}
	}
	for _, p := range sortedByCode(l.newProvinces) {
		write(p)
	}
	for _, p := range sortedByCode(l.oldProvinces) {
		write(p)
	}
	return b.Bytes()
}

func sortedByCode(us []*unit) []*unit {
	us = slices.Clone(us)
	slices.SortFunc(us, func(a, b *unit) int { return strings.Compare(a.code, b.code) })
	return us
}

// readTSV calls row for every line after the header of a list, with the
// fields of the line; it reports a wrong header or a wrong number of
// fields.
func readTSV(src fs.FS, file string, row func(where string, f []string)) error {
	data, err := fs.ReadFile(src, file)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n := 0
	var errs []error
	for sc.Scan() {
		n++
		line := sc.Text()
		f := strings.Split(line, "\t")
		where := fmt.Sprintf("%s:%d", file, n)
		if n == 1 {
			if !slices.Equal(f, headers[file]) {
				return fmt.Errorf("%s: header is %q, want %q", where, f, headers[file])
			}
			continue
		}
		if len(f) != len(headers[file]) {
			errs = append(errs, fmt.Errorf("%s: %d fields, want %d", where, len(f), len(headers[file])))
			continue
		}
		row(where, f)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	return errors.Join(errs...)
}
