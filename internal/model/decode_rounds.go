package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// roundID is the default id of a recognition round:
// scheme-level[-region]-year[-dot-N], e.g. cnnt-khu-vuc-nam-2020.
func roundID(n *yaml.Node) (string, bool) {
	if id := peek(n, "id"); id != "" {
		return id, true
	}
	scheme, level, year := peek(n, "scheme"), peek(n, "level"), peek(n, "year")
	if scheme == "" || level == "" || year == "" {
		return "", false
	}
	parts := scheme + " " + level
	if region := peek(n, "region"); region != "" {
		parts += " " + region
	}
	parts += " " + year
	if no := peek(n, "round"); no != "" {
		parts += " dot " + no
	}
	return vi.Slug(strings.ReplaceAll(parts, "_", "-")), false
}

func (b *builder) decodeRounds(docs []*load.Doc) {
	for _, r := range b.records(docs, kindRound, roundID) {
		o := r.obj
		rd := &Round{ID: r.id, Scheme: o.str("scheme"), Level: o.str("level"), Region: o.str("region"),
			Year: int(o.integer("year")), Decision: decision(o.sub("decision")), Sources: sources(o), Pos: r.pos,
			Title: o.str("title"), Number: int(min(o.integer("round"), 1<<31-1)), Status: o.str("status"),
			Organiser: o.str("organiser"), Description: o.markdown("description"),
			Entries: o.count("entries_count"), Entrants: o.count("entrants_count"),
			Planned: o.count("planned_count"), Owners: o.count("owners_count"),
			EntriesByGroup: o.countList("entries_by_group"), Prizes: o.countList("prizes"),
			ReportedByStars: o.countList("reported_by_stars")}
		if j := o.sub("judging"); j != nil {
			rd.Judging = Span{From: j.date("from"), To: j.date("to")}
		}
		if q := o.count("reported_count"); q.Set {
			rd.ReportedCount, rd.HasReportedCount, rd.ReportedApprox = int(min(q.Value, 1<<31-1)), true, q.Approx
		}
		b.checkRound(r.w, o, rd)
		for i, v := range o.items("awards") {
			if rec, refs, ok := b.award(r.w, rd, v.obj, "awards["+strconv.Itoa(i)+"]"); ok {
				rd.Awards = append(rd.Awards, rec)
				b.raw.awards = append(b.raw.awards, refs)
			}
		}
		if !rd.Judged() && len(rd.Awards) > 0 {
			r.w.fail(o.at("status"), "judged-round", "status", diag.M(
				"vòng đang bình chọn (dang_binh_chon) chưa có kết quả nên không ghi awards; khi đã có quyết định công nhận, đổi thành status: da_cong_nhan",
				"a round being judged (dang_binh_chon) has no result yet, so it lists no awards; once the result is decided, change it to status: da_cong_nhan"))
		}
		if rd.Scheme != "ocop" {
			for _, key := range []string{"reported_by_stars", "owners_count"} {
				if o.has(key) {
					r.w.fail(o.at(key), "ocop-only", key, diag.M(
						"chỉ vòng công nhận OCOP (scheme: ocop) mới ghi %s; hãy xóa dòng này",
						"only an OCOP round (scheme: ocop) has %s; delete this line", key))
				}
			}
		}
		b.raw.rounds = append(b.raw.rounds, roundRefs{rd: rd, w: r.w, next: refsOfList(r.w, o.items("next_level"))})
		b.m.Rounds = append(b.m.Rounds, rd)
		b.m.RoundByID[rd.ID] = rd
	}
}

// award reads one award of a round: to a product of the records
// (product), or to a product written here alone (name, owner, unit).
func (b *builder) award(w *walker, rd *Round, a *object, path string) (*Recognition, awardRefs, bool) {
	rec := &Recognition{Round: rd, Score: a.float("score"), ValidUntil: a.date("valid_until"),
		Certificate: a.str("certificate"), Grade: a.str("grade"), Name: a.str("name"), Owner: a.str("owner"),
		Pos: w.pos(a.node)}
	if g := strings.ToLower(rec.Grade); g == "a" || g == "b" || g == "c" {
		rec.Grade = g
	}
	refs := awardRefs{rec: rec, w: w, path: path, product: optional(w, a, "product"), unit: optional(w, a, "unit")}
	switch {
	case refs.product == nil && rec.Name == "":
		if !a.has("product") {
			w.fail(a.node, "missing-field", path, diag.M(
				"ghi product: (id của sản phẩm đã có hồ sơ) hoặc name: (tên sản phẩm, khi sản phẩm chưa có hồ sơ riêng, kèm owner: và unit:)",
				"write product: (the id of a product record) or name: (the product's name, when it has no record of its own, with owner: and unit:)"))
		}
		return nil, refs, false
	case refs.product != nil && (rec.Name != "" || rec.Owner != "" || refs.unit != nil):
		key := "name"
		if rec.Name == "" {
			key = "owner"
			if rec.Owner == "" {
				key = "unit"
			}
		}
		w.fail(a.at(key), "award-product", join(path, key), diag.M(
			"sản phẩm đã có hồ sơ (product) thì tên, chủ sản phẩm và địa bàn lấy từ hồ sơ; hãy xóa dòng %s, hoặc xóa product khi sản phẩm chưa có hồ sơ riêng",
			"a product with a record (product) takes its name, owner and area from the record; delete the line %s, or delete product when the product has no record of its own", key))
	}
	if sv, ok := a.get("stars"); ok {
		switch {
		case rd.Scheme == "cnnt":
			w.fail(sv.node, "bad-stars", path+".stars", diag.M(
				"số sao chỉ dùng cho OCOP; vòng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu không có sao, hãy xóa dòng này",
				"stars are for OCOP only; a standout rural product round has no stars, delete this line"))
		case sv.n < 3 || sv.n > 5:
			w.fail(sv.node, "bad-stars", path+".stars", diag.M(
				"sản phẩm OCOP được từ 3 đến 5 sao; đang ghi %d", "OCOP products have 3 to 5 stars; found %d", sv.n))
		default:
			rec.Stars = int(sv.n)
		}
	} else if rd.Scheme == "ocop" {
		w.warn(a.node, "missing-field", path, diag.M(
			"chưa ghi số sao (stars: 3, 4 hoặc 5) của sản phẩm OCOP", "the OCOP stars (stars: 3, 4 or 5) are not given"))
	}
	if rd.Scheme == "ocop" && rec.ValidUntil.IsZero() {
		rec.ValidUntil = ocopValidUntil(rd)
	}
	return rec, refs, true
}

// ocopValidUntil is the default last day of an OCOP certificate: 36 months
// after the decision date, to the precision the date is known. Without a
// decision date the validity is unknown: it is never made up from the
// round's year.
func ocopValidUntil(rd *Round) Date {
	d := rd.Decision.Date
	switch {
	case d.IsZero():
		return Date{}
	case d.Month == 0:
		return Date{Year: d.Year + 3}
	case d.Day == 0:
		return Date{Year: d.Year + 3, Month: d.Month}
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 36, 0)
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// checkRound checks the level against the scheme and the region against
// the level.
func (b *builder) checkRound(w *walker, o *object, rd *Round) {
	if rd.Scheme != "" && rd.Level != "" {
		allowed := levelsByScheme[rd.Scheme]
		ok := false
		for _, l := range allowed {
			ok = ok || l == rd.Level
		}
		if !ok {
			labels, labelsEn := "", ""
			for i, l := range allowed {
				if i > 0 {
					labels += ", "
					labelsEn += ", "
				}
				labels += l + " (" + Label(EnumLevel, l, "vi") + ")"
				labelsEn += l + " (" + Label(EnumLevel, l, "en") + ")"
			}
			w.fail(o.at("level"), "bad-level", "level", diag.Msg{
				Vi: fmt.Sprintf("cấp %q không dùng cho %s; cấp được phép: %s", rd.Level, Label(EnumScheme, rd.Scheme, "vi"), labels),
				En: fmt.Sprintf("level %q is not used for %s; allowed levels: %s", rd.Level, Label(EnumScheme, rd.Scheme, "en"), labelsEn),
			})
			rd.Level = ""
		}
	}
	switch {
	case rd.Level == "khu_vuc" && rd.Region == "" && !o.has("region"):
		var vis, ens []string
		for _, v := range EnumValues(EnumRegion) {
			vis = append(vis, v.Key+" ("+v.Label.Vi+")")
			ens = append(ens, v.Key+" ("+v.Label.En+")")
		}
		n := len(vis) - 1
		w.fail(o.node, "missing-field", "", diag.Msg{
			Vi: "vòng bình chọn cấp khu vực phải ghi region: " + strings.Join(vis[:n], ", ") + " hoặc " + vis[n],
			En: "a regional round needs region: " + strings.Join(ens[:n], ", ") + " or " + ens[n],
		})
	case rd.Level != "khu_vuc" && rd.Level != "" && rd.Region != "":
		w.fail(o.at("region"), "bad-region", "region", diag.M(
			"chỉ vòng bình chọn cấp khu vực (level: khu_vuc) mới ghi region; hãy xóa dòng này",
			"only a regional round (level: khu_vuc) has a region; delete this line"))
		rd.Region = ""
	}
}
