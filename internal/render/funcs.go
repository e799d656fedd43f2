package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/khuyencong/khuyencong/internal/asset"
	"github.com/khuyencong/khuyencong/internal/diag"
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
	// units are the units that have a page (model.Units): a unit named
	// only in another's history has none.
	units map[*model.Unit]bool
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
	units := make(map[*model.Unit]bool, len(m.Units))
	for _, u := range m.Units {
		units[u] = true
	}
	return &funcs{
		units:  units,
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
//	unitName u        a unit with its short type word: "xã Tri Tôn"
//	unitFate u        what became of a unit that ended (unitwords.go)
//	unitOrigin u      what a unit was formed from
//	unitNow u         today's unit of one that ended: "nay là …", "nay thuộc …"
//	addressNow a      unitNow for an address (its current_unit first)
//	unitParents u     the units above a unit over time
//	hasPage u         whether unit u has a page to link to (a unit named
//	                  only in another's history has none)
//	unitAbove u       the units above u, nearest first, for its chain
//	awardHTML r       award, with its abbreviations in <abbr title="…">
//	abbr s            text with its abbreviations in <abbr title="…">
//	expired r         whether an OCOP certificate has ended by the build date
//	address a         an address as recorded: "ấp …, xã …, tỉnh …"
//	refTitle ref      the name or title of the record a model.Ref points at
//	dict k v …        a map of its key and value pairs, to hand a partial
//	                  template several values
func (f *funcs) FuncMap() template.FuncMap {
	return template.FuncMap{
		"path":        Path,
		"money":       f.money,
		"moneyFull":   f.moneyFull,
		"qty":         f.qty,
		"vnd":         f.vnd,
		"number":      f.number,
		"date":        f.date,
		"longDate":    f.longDate,
		"formalDate":  f.formalDate,
		"isoDate":     isoDate,
		"t":           f.i18n.text,
		"label":       f.label,
		"markdown":    f.md.HTML,
		"body":        f.body,
		"abs":         f.abs,
		"award":       f.award,
		"validity":    f.validity,
		"unitName":    f.unitName,
		"unitFate":    f.unitFate,
		"unitFateNow": f.unitFateNow,
		"lower":       lower,
		"unitOrigin":  f.unitOrigin,
		"unitNow":     f.unitNow,
		"addressNow":  f.addressNow,
		"unitParents": f.unitParents,
		"address":     f.address,
		"awardHTML":   f.awardHTML,
		"abbr":        f.abbr,
		"expired":     f.expired,
		"count":       f.count,
		"span":        f.span,
		"grade":       f.grade,
		"prizes":      f.prizes,
		"stars":       f.stars,
		"costs":       func(p *model.Project) model.ProjectCosts { return p.Costs() },
		"leverage":    f.leverage,
		"awardUnit":   model.AwardUnit,
		"reportTitle": f.reportTitle,
		"awardTitle":  f.awardTitle,
		"sentence":    sentence,
		"unitPath":    f.unitPath,
		"hasPage":     func(u *model.Unit) bool { return f.units[u] },
		"unitAbove":   f.unitAbove,
		"dict":        dict,
		"refTitle":    f.refTitle,
		"photo":       f.photo,
		// Showcase (showcase.go).
		"galleryStrings": f.galleryStrings,
		"starGlyphs":     starGlyphs,
		"add":            add,
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

// award returns the badge text of a recognition: short, for badges and
// tables (see awardHTML); the words of a title are roundTitle's.
func (f *funcs) award(r *model.Recognition) string {
	rd := r.Round
	level := f.i18n.text("level." + rd.Level)
	if rd.Level == "khu_vuc" && rd.Region != "" {
		level += " " + f.i18n.text("region."+rd.Region)
	}
	if rd.Scheme == "ocop" {
		if r.Stars == 0 {
			return f.i18n.text("badge.ocopNoStars", level, rd.Year)
		}
		return f.i18n.text("badge.ocop", r.Stars, level, rd.Year)
	}
	return f.i18n.text("badge.cnnt", level, rd.Year)
}

// awardTitle names a recognition in full words, for lists outside badges
// and tables: the round's title, with the stars of an OCOP product.
func (f *funcs) awardTitle(r *model.Recognition) string {
	t := f.roundTitle(r.Round)
	if r.Stars > 0 {
		t += ": " + f.i18n.text("stats.stars", r.Stars)
	}
	return t
}

// awardHTML is award with its abbreviations explained (see abbr).
func (f *funcs) awardHTML(r *model.Recognition) template.HTML { return f.abbr(f.award(r)) }

// abbreviations are the short forms badges and tables may use, with what
// they stand for; titles and headings write the words in full.
var abbreviations = []struct{ short, long string }{
	{"SP CNNT", "sản phẩm công nghiệp nông thôn"},
	{"CNNT", "công nghiệp nông thôn"},
	{"KCQG", "khuyến công quốc gia"},
	{"KCĐP", "khuyến công địa phương"},
}

// abbr escapes a text and puts each abbreviation in it inside <abbr
// title="…">, so that the words it stands for are one hover or one screen
// reader away.
func (f *funcs) abbr(s string) template.HTML {
	var b strings.Builder
	for len(s) > 0 {
		at, which := -1, -1
		for i, a := range abbreviations {
			if k := strings.Index(s, a.short); k >= 0 && (at < 0 || k < at) {
				at, which = k, i
			}
		}
		if at < 0 {
			b.WriteString(template.HTMLEscapeString(s))
			break
		}
		a := abbreviations[which]
		b.WriteString(template.HTMLEscapeString(s[:at]))
		b.WriteString(`<abbr title="` + template.HTMLEscapeString(a.long) + `">` + template.HTMLEscapeString(a.short) + `</abbr>`)
		s = s[at+len(a.short):]
	}
	return template.HTML(b.String())
}

// roundTitle returns the title of a round: the one written, else one in
// full words ("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp
// tỉnh năm 2014", "…, đợt 2").
func (f *funcs) roundTitle(rd *model.Round) string {
	if rd.Title != "" {
		return rd.Title
	}
	level := f.i18n.text("level." + rd.Level)
	if rd.Level == "khu_vuc" && rd.Region != "" {
		level += " " + f.i18n.text("region."+rd.Region)
	}
	var title string
	if rd.Scheme == "ocop" {
		title = f.i18n.text("round.ocop", level, rd.Year)
	} else {
		title = f.i18n.text("round.cnnt", level, rd.Year)
	}
	if rd.Number > 0 {
		title += f.i18n.text("round.number", rd.Number)
	}
	return title
}

// expired reports whether an OCOP certificate had ended by the build date.
func (f *funcs) expired(r *model.Recognition) bool { return r.Expired(f.now) }

// validity returns the validity of an OCOP certificate as of the build
// date, "" for a recognition without one: "hiệu lực đến 01/09/2024", or
// "hết hiệu lực từ 02/09/2024" (the day after the last valid day), the
// one wording of an expired certificate everywhere.
func (f *funcs) validity(r *model.Recognition) string {
	if r.ValidUntil.IsZero() {
		return ""
	}
	if r.Expired(f.now) {
		d, _ := f.date(r.ExpiredFrom())
		return f.i18n.text("badge.expired", d)
	}
	d, _ := f.date(r.ValidUntil)
	return f.i18n.text("badge.validUntil", d)
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
	for u := a.Unit; u != nil && u.Type != "quoc_gia"; u = u.Parent {
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
	case ref.Programme != nil:
		return ref.Programme.Name
	case ref.Unit != nil:
		return f.unitName(ref.Unit)
	case ref.Report != nil:
		return f.reportTitle(ref.Report)
	}
	return ""
}

// reportTitle returns the title of a report: the one written, else "Số
// liệu công bố năm 2023" ("… 2021–2025"), with the unit when it is not
// the site's area ("…, huyện Chiêm Hóa").
func (f *funcs) reportTitle(r *model.Report) string {
	if r.Title != "" {
		return r.Title
	}
	var t string
	if r.MultiYear() {
		t = f.i18n.text("report.titlePeriod", r.From, r.To)
	} else {
		t = f.i18n.text("report.titleYear", r.Year)
	}
	if r.Unit != nil {
		t += ", " + f.unitName(r.Unit)
	}
	return t
}

// count writes a count with its qualifier: "hơn 120".
func (f *funcs) count(n any, approx string) (string, error) {
	switch v := n.(type) {
	case int:
		return vi.Count(int64(v), approx, f.lang), nil
	case int64:
		return vi.Count(v, approx, f.lang), nil
	}
	return "", fmt.Errorf("count: cannot format %T", n)
}

// span writes a span of dates: "15/09/2025 – 10/10/2025", "từ 15/09/2025".
func (f *funcs) span(s model.Span) string {
	from, _ := f.date(s.From)
	to, _ := f.date(s.To)
	switch {
	case from != "" && to != "":
		return from + " – " + to
	case from != "":
		return f.i18n.text("span.from", from)
	case to != "":
		return f.i18n.text("span.to", to)
	}
	return ""
}

// grade names a prize grade: "a" → "giải A"; free text as written.
func (f *funcs) grade(g string) string {
	switch g {
	case "a", "b", "c":
		return f.i18n.text("grade.letter", strings.ToUpper(g))
	}
	return g
}

// prizes writes a prize structure: "2 giải A, 4 giải B, 14 giải C".
func (f *funcs) prizes(cs []model.Count) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, vi.Count(c.Value, c.Approx, f.lang)+" "+f.grade(c.Key))
	}
	return strings.Join(parts, ", ")
}

// stars writes counts by stars: "3 sao: 20; 4 sao: 5".
func (f *funcs) stars(cs []model.Count) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, model.Label(model.EnumStars, c.Key, f.lang)+": "+vi.Count(c.Value, c.Approx, f.lang))
	}
	return strings.Join(parts, "; ")
}

// leverage writes a project's leverage: "Mỗi đồng khuyến công đi cùng 1,8
// đồng vốn đối ứng.", "" when the project does not give both amounts.
func (f *funcs) leverage(c model.ProjectCosts) string {
	l, ok := c.Leverage()
	if !ok {
		return ""
	}
	return f.i18n.text("project.leverage", vi.DecimalUpTo(l, 2, f.lang))
}

// roundI18n holds the interface strings of v2 records (rounds, projects,
// reports): Vietnamese, English.
var roundI18n = map[string]diag.Msg{
	"span.from":                   {Vi: "từ %s", En: "from %s"},
	"span.to":                     {Vi: "đến %s", En: "until %s"},
	"grade.letter":                {Vi: "giải %s", En: "grade %s"},
	"decision.issuer":             {Vi: "của %s", En: "by %s"},
	"round.beingJudged":           {Vi: "Đang bình chọn: chưa có kết quả công nhận.", En: "Being judged: no result yet."},
	"round.scheme":                {Vi: "Hình thức", En: "Scheme"},
	"round.numberLabel":           {Vi: "Đợt", En: "Round"},
	"round.organiser":             {Vi: "Đơn vị tổ chức", En: "Organiser"},
	"round.judging":               {Vi: "Thời gian chấm", En: "Judging"},
	"round.entries":               {Vi: "Sản phẩm tham gia", En: "Products entered"},
	"round.entrants":              {Vi: "Cơ sở tham gia", En: "Establishments that entered"},
	"round.planned":               {Vi: "Dự kiến công nhận", En: "To be recognised"},
	"round.plannedNote":           {Vi: "số dự kiến, chưa phải số sản phẩm được công nhận", En: "a planned number, not the number recognised"},
	"round.prizes":                {Vi: "Cơ cấu giải", En: "Prizes"},
	"round.prizesPlanned":         {Vi: "Cơ cấu giải dự kiến", En: "Planned prizes"},
	"round.reportedLabel":         {Vi: "Số sản phẩm được công nhận theo công bố", En: "Products recognised as reported"},
	"round.byStars":               {Vi: "Theo hạng sao (công bố)", En: "By stars (as reported)"},
	"round.owners":                {Vi: "Số chủ thể có sản phẩm (công bố)", En: "Owners (as reported)"},
	"round.entriesByGroup":        {Vi: "Sản phẩm tham gia theo nhóm", En: "Products entered by group"},
	"round.unit":                  {Vi: "Địa bàn", En: "Area"},
	"round.grade":                 {Vi: "Giải", En: "Grade"},
	"round.validUnknown":          {Vi: "chưa rõ", En: "not known"},
	"round.nextLevel":             {Vi: "Sản phẩm được đề cử lên cấp trên", En: "Products put forward to the next level"},
	"project.sourceUnknown":       {Vi: "không rõ nguồn (nguồn tin không nêu)", En: "not known (the source does not say)"},
	"project.notPublished":        {Vi: "chưa công bố", En: "not published"},
	"project.shared":              {Vi: "Khoản chung cho %d đề án:", En: "One amount for %d projects:"},
	"project.sharedOf":            {Vi: "Gồm các đề án:", En: "The projects:"},
	"project.thisOne":             {Vi: "đề án này", En: "this project"},
	"project.sharedNote":          {Vi: "Số tiền này không chia cho từng đề án.", En: "The amount is not divided among them."},
	"project.sharedCell":          {Vi: "%s chung cho %d đề án", En: "%s shared by %d projects"},
	"project.amountNotNamed":      {Vi: "không nêu riêng", En: "not given separately"},
	"project.totalCost":           {Vi: "Tổng vốn đầu tư", En: "Total investment"},
	"project.other":               {Vi: "Vốn khác", En: "Other funds"},
	"project.derived.budget":      {Vi: "suy ra: tổng vốn đầu tư trừ vốn đối ứng", En: "derived: total investment minus counterpart"},
	"project.derived.counterpart": {Vi: "suy ra: tổng vốn đầu tư trừ kinh phí khuyến công", En: "derived: total investment minus promotion funding"},
	"project.derived.total":       {Vi: "suy ra: kinh phí khuyến công cộng vốn đối ứng", En: "derived: promotion funding plus counterpart"},
	"project.derived.other":       {Vi: "suy ra: tổng vốn đầu tư trừ kinh phí khuyến công và vốn đối ứng", En: "derived: total investment minus promotion funding and counterpart"},
	"project.leverage":            {Vi: "Mỗi đồng khuyến công đi cùng %s đồng vốn đối ứng.", En: "Each đồng of promotion funding came with %s đồng of counterpart funding."},
	"project.decision":            {Vi: "Quyết định", En: "Decision"},
	"project.milestones":          {Vi: "Tiến độ", En: "Milestones"},
	"project.results":             {Vi: "Kết quả", En: "Results"},
	"project.recipientsNotGiven":  {Vi: "chưa ghi", En: "not given"},
	"round.validity":              {Vi: "Hiệu lực", En: "Validity"},
}
