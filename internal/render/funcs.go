package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// funcs holds what the template functions of one Render depend on: the
// page language, the interface strings, the Markdown converter, the base
// URL and the build date.
type funcs struct {
	lang string
	i18n i18nTable
	md   *markdown
	base string // base_url with a trailing slash, "" when not set
	now  time.Time
	// set is what the asset stage made of content/: the copies of
	// photos that pages show.
	set *asset.Set
	// assets are the files of content/ copied to the output.
	assets map[string]bool
}

func newFuncs(m *model.Model, opts Options, lang string) *funcs {
	base := strings.TrimSpace(opts.BaseURL)
	if base == "" {
		base = m.Site.BaseURL
	}
	if base != "" && !strings.HasSuffix(base, "/") {
		base += "/"
	}
	assets := make(map[string]bool, len(m.Assets))
	for _, a := range m.Assets {
		assets[a] = true
	}
	return &funcs{
		set:    opts.Assets,
		assets: assets,
		lang:   lang,
		i18n:   newI18n(lang, m.Site.I18n),
		md:     newMarkdown(m.Site.UnsafeHTML),
		base:   base,
		now:    m.Now,
	}
}

// FuncMap returns the functions every template of the theme may call:
//
//	path x [args]     site-relative file of a record or section (see Path);
//	                  links are written {{$.Root}}{{path .}}
//	money m           model.Money in prose: "gần 4,5 tỷ đồng"
//	moneyFull m       model.Money in full: "4.500.000.000 đồng"
//	vnd n             an amount of đồng (int64) in full: "350.000 đồng"
//	qty q             model.Quantity: money in prose, or a count with its
//	                  qualifier ("hơn 120")
//	number n          an int, int64 or float64: "1.234.567"
//	date d            time.Time or model.Date: "17/08/2021" ("08/2021",
//	                  "2021" when only that much is known)
//	longDate d        "Thứ Ba, 17/08/2021"
//	formalDate d      "ngày 17 tháng 8 năm 2021"
//	isoDate d         "2021-08-17", for the datetime attribute
//	t key [args]      interface string (i18n.go, overridable by the site)
//	label enum key    label of an enum value of the data contract
//	markdown s        model.Markdown as HTML
//	abs p             site path as an absolute URL with base_url ("" when
//	                  base_url is not set): canonical and Open Graph only
//	award r           a recognition as badge text: "SP CNNT tiêu biểu cấp
//	                  khu vực phía Nam 2020", "OCOP 4 sao cấp tỉnh 2022"
//	validity r        an OCOP recognition's validity: "hiệu lực đến …"
//	unitName u        a unit with its type word: "xã Tri Tôn"
//	address a         an address as recorded: "ấp …, xã …, tỉnh …"
//	refTitle ref      the name or title of the record a model.Ref points at
//	dict k v …        a map of its key and value pairs, to hand a partial
//	                  template several values
func (f *funcs) FuncMap() template.FuncMap {
	return template.FuncMap{
		"path":       Path,
		"money":      f.money,
		"moneyFull":  f.moneyFull,
		"qty":        f.qty,
		"vnd":        f.vnd,
		"number":     f.number,
		"date":       f.date,
		"longDate":   f.longDate,
		"formalDate": f.formalDate,
		"isoDate":    isoDate,
		"t":          f.i18n.text,
		"label":      f.label,
		"markdown":   f.md.HTML,
		"body":       f.body,
		"abs":        f.abs,
		"award":      f.award,
		"validity":   f.validity,
		"unitName":   f.unitName,
		"address":    f.address,
		"dict":       dict,
		"refTitle":   f.refTitle,
		"photo":      f.photo,
	}
}

func (f *funcs) money(m model.Money) string {
	return vi.Money(m.Amount, m.Approx, f.lang)
}

// moneyFull writes the amount in full with its qualifier in front.
func (f *funcs) moneyFull(m model.Money) string {
	s := vi.MoneyFullIn(m.Amount, f.lang)
	if w := vi.Approx(m.Approx, f.lang); w != "" {
		s = w + " " + s
	}
	return s
}

func (f *funcs) vnd(n int64) string { return vi.MoneyFullIn(n, f.lang) }

func (f *funcs) qty(q model.Quantity) string {
	if q.Money {
		return vi.Money(q.Value, q.Approx, f.lang)
	}
	return vi.Count(q.Value, q.Approx, f.lang)
}

func (f *funcs) number(n any) (string, error) {
	switch v := n.(type) {
	case int:
		return vi.NumberIn(int64(v), f.lang), nil
	case int64:
		return vi.NumberIn(v, f.lang), nil
	case float64:
		return vi.DecimalUpTo(v, 2, f.lang), nil
	}
	return "", fmt.Errorf("number: cannot format %T", n)
}

// dateParts turns a template argument into year, month and day, month and
// day 0 when not known.
func dateParts(d any) (y, m, day int, err error) {
	switch v := d.(type) {
	case time.Time:
		if v.IsZero() {
			return 0, 0, 0, nil
		}
		return v.Year(), int(v.Month()), v.Day(), nil
	case model.Date:
		return v.Year, v.Month, v.Day, nil
	case *model.Date:
		if v == nil {
			return 0, 0, 0, nil
		}
		return v.Year, v.Month, v.Day, nil
	}
	return 0, 0, 0, fmt.Errorf("date: cannot format %T", d)
}

func (f *funcs) date(d any) (string, error) {
	y, m, day, err := dateParts(d)
	return vi.PartialDate(y, m, day, f.lang), err
}

func (f *funcs) longDate(d any) (string, error) {
	y, m, day, err := dateParts(d)
	if err != nil || day == 0 {
		return vi.PartialDate(y, m, day, f.lang), err
	}
	return vi.LongDateIn(time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC), f.lang), nil
}

func (f *funcs) formalDate(d any) (string, error) {
	y, m, day, err := dateParts(d)
	return vi.FormalPartialDate(y, m, day, f.lang), err
}

// isoDate writes a date for the datetime attribute: "2021-08-17".
func isoDate(d any) (string, error) {
	y, m, day, err := dateParts(d)
	return vi.ISODate(y, m, day), err
}

func (f *funcs) label(enum, key string) string {
	return model.Label(enum, key, f.lang)
}

// abs returns the absolute URL of a site-relative path, dropping a final
// index.html so that canonical URLs are the folder URLs.
func (f *funcs) abs(p string) string {
	if f.base == "" {
		return ""
	}
	p = f.photoPath(strings.TrimPrefix(p, "/"))
	if p == "index.html" {
		p = ""
	}
	p = strings.TrimSuffix(p, "/index.html")
	if p != "" && !strings.Contains(p, ".") {
		p += "/"
	}
	u := &url.URL{Path: p}
	return f.base + u.EscapedPath()
}

// award returns the badge text of a recognition.
func (f *funcs) award(r *model.Recognition) string {
	rd := r.Round
	level := f.i18n.text("level." + rd.Level)
	if rd.Level == "khu_vuc" && rd.Region != "" {
		level += " " + f.i18n.text("region."+rd.Region)
	}
	if rd.Scheme == "ocop" {
		return f.i18n.text("badge.ocop", r.Stars, level, rd.Year)
	}
	return f.i18n.text("badge.cnnt", level, rd.Year)
}

// roundTitle returns the title of a round.
func (f *funcs) roundTitle(rd *model.Round) string {
	level := f.i18n.text("level." + rd.Level)
	if rd.Level == "khu_vuc" && rd.Region != "" {
		level += " " + f.i18n.text("region."+rd.Region)
	}
	if rd.Scheme == "ocop" {
		return f.i18n.text("round.ocop", level, rd.Year)
	}
	return f.i18n.text("round.cnnt", level, rd.Year)
}

// validity returns the validity of an OCOP certificate as of the build
// date, "" for a recognition without one.
func (f *funcs) validity(r *model.Recognition) string {
	if r.ValidUntil.IsZero() {
		return ""
	}
	d, _ := f.date(r.ValidUntil)
	if r.ValidUntil.Time().Before(f.now) {
		return f.i18n.text("badge.expired", d)
	}
	return f.i18n.text("badge.validUntil", d)
}

// unitName returns a unit's name with its type word ("xã Tri Tôn").
func (f *funcs) unitName(u *model.Unit) string {
	if u == nil {
		return ""
	}
	if w := model.Label("unit_type", u.Type, f.lang); w != "" && w != u.Type {
		if f.lang == "en" {
			return u.Name + " " + w
		}
		return w + " " + u.Name
	}
	return u.Name
}

// address returns an address as recorded: street, hamlet, then the unit
// and every unit above it.
func (f *funcs) address(a model.Address) string {
	var parts []string
	for _, s := range []string{a.Street, a.Hamlet} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	for u := a.Unit; u != nil; u = u.Parent {
		parts = append(parts, f.unitName(u))
	}
	return strings.Join(parts, ", ")
}

// dict builds a map from key and value pairs.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// refTitle returns the name or title of the record ref points at.
func (f *funcs) refTitle(ref model.Ref) string {
	switch {
	case ref.Product != nil:
		return ref.Product.Name
	case ref.Establishment != nil:
		return ref.Establishment.Name
	case ref.Project != nil:
		return ref.Project.Title
	case ref.Round != nil:
		return f.roundTitle(ref.Round)
	}
	return ""
}
