package importcsv

import (
	"fmt"
	"strings"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/gazetteer"
	"github.com/khuyencong/khuyencong/internal/model"
)

// unit reads the unit of a row from its unit columns: Xã, Huyện, Tỉnh
// (each the first non-blank of its columns), or a column of a unit's id or
// name (Đơn vị hành chính). It adds the address fields to rec, or reports
// why it cannot; ok is false on an error.
//
// A site whose site.yaml names its province reads the names as a record's
// address is read (with Huyện, the units before 1 July 2025; without it,
// those from that date) and writes them as the record's address names. A
// site without province: finds the names in its data/units.yaml and writes
// the unit's id. Either way, a commune that is not in the district (or a
// district not in the province) named on the same row is an error.
func (im *importer) unit(rec *record, c column, cells []mapped, row Row) bool {
	at := diag.Pos{File: im.file, Line: row.N}
	parts := map[unitPart]mapped{}
	var order []unitPart
	for _, f := range cells {
		p := partOf(f.header)
		if _, dup := parts[p]; !dup {
			parts[p] = f
			order = append(order, p)
		}
	}
	text := func(p unitPart) string {
		if f, ok := parts[p]; ok {
			return row.Cells[f.index]
		}
		return ""
	}
	if len(parts) == 0 {
		if im.m.Site.Area == nil {
			im.diags.Error(at, "missing-value", cellMsg(c.headers[0], diag.M(
				"chưa ghi đơn vị hành chính; ghi tên xã, huyện, tỉnh (cột “Xã”, “Huyện”, “Tỉnh”) hoặc mã (id) của đơn vị",
				"no administrative unit given; write the names of the commune, district and province (columns “Xã”, “Huyện”, “Tỉnh”) or the unit's id")))
			return false
		}
		rec.fields = append(rec.fields, kv{c.path, im.m.Site.Area.ID})
		rec.defaulted = true
		return true
	}
	if _, named := parts[anyPart]; !named {
		if r, ok := im.m.ResolveNames(text(communePart), text(districtPart), text(provincePart)); ok {
			return im.byNames(rec, r, parts, text, at)
		}
	}
	// The units of data/units.yaml each cell names, in column order.
	var units []*model.Unit
	var headers []string
	for _, p := range order {
		f := parts[p]
		s := row.Cells[f.index]
		if p == anyPart && im.m.BuiltinID(strings.TrimSpace(s)) {
			units = append(units, &model.Unit{ID: strings.TrimSpace(s)})
			headers = append(headers, f.header)
			continue
		}
		found := narrow(findUnits(im.m, s), units)
		switch len(found) {
		case 0:
			msg := diag.M(
				"không có đơn vị hành chính “%s” trong data/units.yaml; ghi mã (id) hoặc tên đơn vị có trong danh mục, hoặc thêm đơn vị vào danh mục",
				"there is no administrative unit “%s” in data/units.yaml; write the id or name of a unit of the gazetteer, or add the unit to it", s)
			if p == anyPart && im.m.HasBuiltin() {
				msg = diag.M(
					"“%s” không phải mã (id) của đơn vị nào; ghi mã đơn vị (tìm bằng lệnh khuyencong units find TÊN), hoặc ghi tên vào các cột “Xã”, “Huyện”, “Tỉnh”",
					"“%s” is not the id of any unit; write the unit's id (look it up with khuyencong units find NAME), or its names in columns “Xã”, “Huyện”, “Tỉnh”", s)
			}
			im.diags.Error(at, "unknown-unit", cellMsg(f.header, msg))
			return false
		case 1:
			units = append(units, found[0])
			headers = append(headers, f.header)
		default:
			im.diags.Error(at, "ambiguous-unit", cellMsg(f.header, diag.M(
				"có %d đơn vị hành chính tên “%s”: %s; ghi mã (id) của đơn vị",
				"%d administrative units are named “%s”: %s; write the unit's id", len(found), s, describeUnits(found))))
			return false
		}
	}
	u := finest(units)
	for i, x := range units {
		if x != u && !under(u, x) {
			fi := indexOf(units, u)
			im.diags.Error(at, "unit-not-within", cellMsg(headers[fi], diag.M(
				"%s không thuộc %s (cột “%s”) trong data/units.yaml; sửa một trong hai ô, hoặc sửa parent của đơn vị trong data/units.yaml",
				"%s is not within %s (column “%s”) in data/units.yaml; correct one of the two cells, or the unit's parent in data/units.yaml",
				unitLabel(u), unitLabel(x), headers[i])))
			return false
		}
	}
	rec.fields = append(rec.fields, kv{c.path, u.ID})
	return true
}

// byNames writes the names of a unit resolved by the built-in gazetteer,
// or reports the problem at the column of the part it is about, with the
// units that may have been meant.
func (im *importer) byNames(rec *record, r gazetteer.Result, parts map[unitPart]mapped, text func(unitPart) string, at diag.Pos) bool {
	if r.Problem != gazetteer.Found {
		p := map[gazetteer.Part]unitPart{gazetteer.PartCommune: communePart, gazetteer.PartDistrict: districtPart, gazetteer.PartProvince: provincePart}[r.Part]
		header := parts[p].header
		var notes []diag.Related
		for _, c := range r.Candidates {
			notes = append(notes, diag.Related{Msg: c.Msg})
		}
		if r.More > 0 {
			notes = append(notes, diag.Related{Msg: diag.M("và %d đơn vị khác", "and %d other units", r.More)})
		}
		code := diag.Code("unknown-unit")
		if r.Problem == gazetteer.Ambiguous {
			code = "ambiguous-unit"
		}
		im.diags.Error(at, code, cellMsg(header, r.Msg), notes...)
		return false
	}
	for _, f := range []struct {
		part unitPart
		path string
	}{{communePart, "address.commune"}, {districtPart, "address.district"}, {provincePart, "address.province"}} {
		if s := strings.Join(strings.Fields(text(f.part)), " "); s != "" {
			rec.fields = append(rec.fields, kv{f.path, s})
		}
	}
	return true
}

func indexOf(units []*model.Unit, u *model.Unit) int {
	for i, x := range units {
		if x == u {
			return i
		}
	}
	return 0
}

// unitLabel names a unit of data/units.yaml for a message: `xã Cô Tô
// (xa-co-to)`.
func unitLabel(u *model.Unit) string {
	return fmt.Sprintf("%s %s (%s)", model.Label(model.EnumUnitType, u.Type, "vi"), u.Name, u.ID)
}
