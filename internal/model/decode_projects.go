package model

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/load"
	"github.com/khuyencong/khuyencong/internal/vi"
)

func (b *builder) decodeProjects(docs []*load.Doc) {
	for _, r := range b.records(docs, kindProject, idFromName("title")) {
		o := r.obj
		p := &Project{ID: r.id, Title: o.str("title"), Year: int(o.integer("year")),
			FundingSource: o.str("funding_source"), Type: o.str("type"), Activity: o.str("activity"),
			Budget: o.money("budget"), Counterpart: o.money("counterpart"), TotalCost: o.money("total_cost"),
			Decision:           decision(o.sub("decision")),
			BeneficiariesCount: int(min(o.integer("beneficiaries_count"), 1<<31-1)),
			Status:             o.str("status"), Summary: o.markdown("summary"), Sources: sources(o), Pos: r.pos}
		if p.Type == "" {
			p.Type = "don"
		}
		for _, v := range o.items("milestones") {
			mo := v.obj
			p.Milestones = append(p.Milestones, Milestone{Status: mo.str("status"), Date: mo.date("date"), Note: mo.str("note")})
		}
		if p.Status == "" && len(p.Milestones) > 0 {
			p.Status = p.Milestones[len(p.Milestones)-1].Status
		}
		for _, v := range o.items("results") {
			p.Results = append(p.Results, Markdown(v.s))
		}
		refs := projectRefs{p: p, w: r.w, programme: optional(r.w, o, "programme"), unit: optional(r.w, o, "unit")}
		if sh := o.sub("budget_shared"); sh != nil && sh.has("amount") {
			m := Money{Amount: sh.integer("amount"), Approx: sh.str("approx"), Stage: sh.str("stage"), Set: true}
			if m.Stage == "" {
				m.Stage = mainStage
			}
			refs.shared = &sharedRefs{money: m, pos: r.w.pos(sh.node), with: refsOfList(r.w, sh.items("with"))}
			if p.Budget.Set {
				r.w.fail(o.at("budget"), "shared-budget", "budget", diag.M(
					"đề án đã ghi budget_shared (một khoản chung cho nhiều đề án) nên không ghi budget riêng; hãy xóa một trong hai",
					"the project writes budget_shared (one amount for several projects), so it has no budget of its own; delete one of the two"))
				p.Budget = Money{}
			}
		}
		b.checkCosts(r.w, o, p)
		for _, v := range o.items("beneficiaries") {
			bo := v.obj
			p.Beneficiaries = append(p.Beneficiaries, Beneficiary{Amount: bo.money("amount"), Equipment: bo.str("equipment")})
			refs.beneficiaries = append(refs.beneficiaries, refOf(r.w, bo.vals["establishment"]))
		}
		b.m.Projects = append(b.m.Projects, p)
		b.m.ProjectByID[p.ID] = p
		b.raw.projects = append(b.raw.projects, refs)
	}
}

// checkCosts warns when a project's budget, counterpart and total cost are
// all given and do not add up: the whole investment cannot be less than
// the khuyến công funding and the counterpart together. Amounts of
// different stages are not compared.
func (b *builder) checkCosts(w *walker, o *object, p *Project) {
	bu, c, t := p.Budget, p.Counterpart, p.TotalCost
	if !bu.Set || !c.Set || !t.Set || bu.Stage != c.Stage || c.Stage != t.Stage {
		return
	}
	if bu.Approx != "" || c.Approx != "" || t.Approx != "" {
		return
	}
	if t.Amount < bu.Amount+c.Amount {
		w.warn(o.at("total_cost"), "costs-inconsistent", "total_cost", diag.Msg{
			Vi: fmt.Sprintf("tổng vốn đầu tư %s nhỏ hơn kinh phí khuyến công %s cộng vốn đối ứng %s (%s); kiểm tra lại ba số này trong nguồn",
				vi.MoneyFull(t.Amount), vi.MoneyFull(bu.Amount), vi.MoneyFull(c.Amount), vi.MoneyFull(bu.Amount+c.Amount)),
			En: fmt.Sprintf("the total investment %s is less than the promotion funding %s plus the counterpart %s (%s); check the three figures in the source",
				vi.MoneyFullIn(t.Amount, "en"), vi.MoneyFullIn(bu.Amount, "en"), vi.MoneyFullIn(c.Amount, "en"), vi.MoneyFullIn(bu.Amount+c.Amount, "en")),
		})
	}
}

// reportID is the default id of a report: its year or its years
// ("2016-2020"), then the unit when written, then the slug of the title
// when written.
func reportID(n *yaml.Node) (string, bool) {
	if id := peek(n, "id"); id != "" {
		return id, true
	}
	id := peek(n, "year")
	if p := peekMapping(n, "period"); p != nil {
		from, to := peek(p, "from"), peek(p, "to")
		if from == "" || to == "" {
			return "", false
		}
		id = from + "-" + to
		if from == to {
			id = from
		}
	}
	if id == "" {
		return "", false
	}
	if u := peek(n, "unit"); u != "" {
		id += "-" + u
	}
	if t := peek(n, "title"); t != "" {
		id += "-" + t
	}
	return vi.Slug(id), false
}

// peekMapping returns the mapping under key of mapping n, nil when none.
func peekMapping(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for k, v := range pairs(n) {
		if k.Value == key {
			if v.Kind == yaml.MappingNode {
				return v
			}
			return nil
		}
	}
	return nil
}

func (b *builder) decodeReports(docs []*load.Doc) {
	for _, r := range b.records(docs, kindReport, reportID) {
		o := r.obj
		rp := &Report{ID: r.id, Year: int(o.integer("year")), Title: o.str("title"), Decision: decision(o.sub("decision")),
			Reported: map[string]Quantity{}, Notes: o.markdown("notes"), Sources: sources(o), Pos: r.pos}
		if v, ok := o.get("reported"); ok {
			rp.Reported = v.quantities
		}
		for _, v := range o.items("shares") {
			so := v.obj
			rp.Shares = append(rp.Shares, Share{Metric: so.str("metric"), Of: so.str("of"), Percent: so.float("percent")})
		}
		rp.From, rp.To = rp.Year, rp.Year
		period := o.sub("period")
		switch {
		case period != nil && o.has("year"):
			r.w.fail(o.at("period"), "year-and-period", "period", diag.M(
				"ghi year (báo cáo một năm) hoặc period (báo cáo nhiều năm), không ghi cả hai",
				"write year (a report of one year) or period (a report of several years), not both"))
			continue
		case period != nil:
			rp.From, rp.To = int(period.integer("from")), int(period.integer("to"))
			if rp.From == 0 || rp.To == 0 {
				continue
			}
			if rp.To < rp.From {
				r.w.fail(period.at("to"), "bad-range", "period.to", diag.M(
					"năm kết thúc %d trước năm bắt đầu %d", "end year %d is before start year %d", rp.To, rp.From))
				continue
			}
			if rp.From == rp.To {
				rp.Year = rp.From
			}
		case rp.Year == 0:
			if !o.has("year") {
				r.w.fail(o.node, "missing-field", "", diag.M(
					"thiếu năm của số liệu: ghi year: 2020 (báo cáo một năm) hoặc period: {from: 2016, to: 2020} (báo cáo nhiều năm); khi nguồn không nêu năm, ghi năm của bài viết đưa tin",
					"the year of the figures is missing: write year: 2020 (one year) or period: {from: 2016, to: 2020} (several years); when the source gives no year, write the year of the article that reports them"))
			}
			continue
		}
		b.m.Reports = append(b.m.Reports, rp)
		b.raw.reports = append(b.raw.reports, reportRefs{r: rp, w: r.w, unit: optional(r.w, o, "unit"), idPos: r.pos})
	}
}

// periodLabel names a report's years: "2020", "2016–2020".
func periodLabel(r *Report) string {
	if r.From == r.To {
		return strconv.Itoa(r.From)
	}
	return strconv.Itoa(r.From) + "–" + strconv.Itoa(r.To)
}
