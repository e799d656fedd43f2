package render

import (
	"html/template"
	"strconv"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
)

// Print sheets: an A4 sheet of a product or an establishment to put on a
// trade-fair stand, and a sheet per award of a round, each with a QR code
// of the record's page (drawn at build time from base_url; none without
// it). The print stylesheet puts each sheet on a page of its own.

// Sheet is one printed sheet: a product (with the award of a round's
// sheets), or an establishment.
type Sheet struct {
	Product       *model.Product
	Establishment *model.Establishment
	// Award is the award a round's sheet is about, nil otherwise.
	Award *model.Recognition
	// Name is the product's or establishment's name.
	Name string
	// Lead is the first paragraph of the description, as plain text.
	Lead string
	// Photo is the first photo, nil when there is none.
	Photo *model.Photo
	// URL is the absolute address of the record's page, "" without
	// base_url; QR is its QR code as an SVG element, "" without it.
	URL string
	QR  template.HTML
	// ID is the id of the sheet's heading.
	ID string
}

// SheetPage is the data of a page of print sheets.
type SheetPage struct {
	// Record is the site path of the page the sheets come from, and
	// RecordTitle its title.
	Record, RecordTitle string
	Sheets              []Sheet
	// Round is the round of a round's sheets, nil otherwise.
	Round *model.Round
}

// sheetLead is the length, in characters, of a description on a sheet.
const sheetLead = 600

// sheets writes the print sheets of every product, every establishment
// and every round with awards.
func (r *renderer) sheets() {
	t := r.f.i18n
	for _, p := range r.m.Products {
		rec, _ := Path(p)
		file, _ := Path("sheet", p)
		if !r.opts.wants(file) {
			continue
		}
		s := r.productSheet(p, nil, "to-in")
		r.emitSheet(file, t.text("sheet.title", p.Name), rec, SheetPage{Record: rec, RecordTitle: p.Name, Sheets: []Sheet{s}}, Crumb{Title: p.Name, Path: rec}, r.section("products"))
	}
	for _, e := range r.m.Establishments {
		rec, _ := Path(e)
		file, _ := Path("sheet", e)
		if !r.opts.wants(file) {
			continue
		}
		s := Sheet{Establishment: e, Name: e.Name, Lead: excerpt(string(e.Description), sheetLead), ID: "to-in"}
		if len(e.Photos) > 0 {
			s.Photo = &e.Photos[0]
		}
		r.sheetQR(&s, rec, e.Pos)
		r.emitSheet(file, t.text("sheet.title", e.Name), rec, SheetPage{Record: rec, RecordTitle: e.Name, Sheets: []Sheet{s}}, Crumb{Title: e.Name, Path: rec}, r.section("establishments"))
	}
	for _, rd := range r.m.Rounds {
		if len(rd.Awards) == 0 {
			continue
		}
		rec, _ := Path(rd)
		file, _ := Path("sheet", rd)
		if !r.opts.wants(file) {
			continue
		}
		page := SheetPage{Record: rec, RecordTitle: r.f.roundTitle(rd), Round: rd}
		for i, a := range rd.Awards {
			if a.Product == nil {
				continue
			}
			page.Sheets = append(page.Sheets, r.productSheet(a.Product, a, "to-in-"+strconv.Itoa(i+1)))
		}
		title := r.f.roundTitle(rd)
		r.emitSheet(file, t.text("sheet.roundTitle", title), rec, page, Crumb{Title: title, Path: rec}, r.section("rounds"))
	}
}

func (r *renderer) productSheet(p *model.Product, award *model.Recognition, id string) Sheet {
	rec, _ := Path(p)
	s := Sheet{Product: p, Award: award, Name: p.Name, Lead: excerpt(string(p.Description), sheetLead), ID: id}
	if p.Establishment != nil {
		s.Establishment = p.Establishment
	}
	if len(p.Photos) > 0 {
		s.Photo = &p.Photos[0]
	}
	r.sheetQR(&s, rec, p.Pos)
	return s
}

// sheetQR sets the address of the record page rec on s and draws its QR
// code, when the site has a base_url.
func (r *renderer) sheetQR(s *Sheet, rec string, pos diag.Pos) {
	s.URL = r.f.abs(rec)
	if s.URL == "" {
		return
	}
	svg, err := qrSVG(s.URL, r.f.i18n.text("sheet.qrLabel", s.URL))
	if err != nil {
		r.diags.Error(pos, "qr", diag.M("không tạo được mã QR cho tờ in: %v", "cannot draw the QR code of the print sheet: %v", err))
		return
	}
	s.QR = svg
}

func (r *renderer) emitSheet(file, title, rec string, data SheetPage, crumbs ...Crumb) {
	// Crumbs lead from the section to the record, then the sheet.
	cs := make([]Crumb, 0, len(crumbs))
	for i := len(crumbs) - 1; i >= 0; i-- {
		cs = append(cs, crumbs[i])
	}
	p := r.newPage("sheet", file, title, "", data, cs...)
	// The sheet prints the record's page: search engines are sent there.
	p.Canonical = r.f.abs(rec)
	r.emit(p)
}

// excerpt returns the first paragraph of Markdown as plain text, cut at a
// word to about limit characters (see describe).
func excerpt(md string, limit int) string { return describeN(md, limit) }
