package build

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/model"
	"github.com/khuyencong/khuyencong/internal/render"
	"github.com/khuyencong/khuyencong/internal/vi"
	"github.com/khuyencong/khuyencong/internal/write"
)

// text picks the Vietnamese or English form.
func text(lang, viText, en string) string {
	if lang == "en" {
		return en
	}
	return viText
}

// PrintCheckReport writes what the check found: the number of records of
// each kind, then per year the figures computed from the detailed records
// and every report's figures beside those of the records of its unit and
// years. When diags holds errors, the figures are not printed: a total
// computed from records that failed to read would be wrong (an average of
// half the budgets); the report says they wait for the errors to be fixed.
func PrintCheckReport(w io.Writer, m *model.Model, diags diag.List, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }

	p("%s\n", text(lang, "Đã tìm thấy:", "Found:"))
	counts := []struct {
		what diag.Msg
		n    int
	}{
		{diag.Msg{Vi: "Cơ sở CNNT", En: "Establishments"}, len(m.Establishments)},
		{diag.Msg{Vi: "Sản phẩm", En: "Products"}, len(m.Products)},
		{diag.Msg{Vi: "Đề án", En: "Projects"}, len(m.Projects)},
		{diag.Msg{Vi: "Vòng bình chọn", En: "Recognition rounds"}, len(m.Rounds)},
		{diag.Msg{Vi: "Chương trình", En: "Programmes"}, len(m.Programmes)},
		{diag.Msg{Vi: "Báo cáo số liệu", En: "Reports"}, len(m.Reports)},
		{diag.Msg{Vi: "Bài viết", En: "News articles"}, len(m.News)},
		{diag.Msg{Vi: "Trang", En: "Pages"}, len(m.Pages)},
		{diag.Msg{Vi: "Đơn vị hành chính", En: "Administrative units"}, len(m.Units)},
	}
	for _, c := range counts {
		p("  %s\t%s\n", c.what.Text(lang), vi.NumberIn(int64(c.n), lang))
	}
	if diags.HasErrors() {
		p("\n%s\n", text(lang,
			"Số liệu tổng hợp chưa được tính: sửa hết các lỗi ở trên rồi chạy lại check (tổng tính từ các hồ sơ còn lỗi sẽ sai).",
			"The figures are not computed yet: fix the errors above, then run check again (totals of records with errors would be wrong)."))
		return tw.Flush()
	}

	for _, y := range m.Stats.Years {
		p("\n%s\n", text(lang, fmt.Sprintf("Năm %d — số liệu chi tiết đã nhập:", y.Year), fmt.Sprintf("%d — from the detailed records:", y.Year)))
		printYear(p, y, lang)
	}
	for _, rs := range m.Stats.Reports {
		printReport(p, m, rs, lang)
	}
	ocop := 0
	for _, s := range m.Stats.OCOPValid {
		ocop += s.Count
	}
	if ocop > 0 {
		p("\n%s\n", text(lang, "Chứng nhận OCOP còn hiệu lực ngày "+vi.DateIn(m.Now, lang)+":", "OCOP certificates valid on "+vi.DateIn(m.Now, lang)+":"))
		for _, s := range m.Stats.OCOPValid {
			if s.Count == 0 {
				continue
			}
			p("  %s\t%s\n", text(lang, fmt.Sprintf("%d sao", s.Stars), fmt.Sprintf("%d stars", s.Stars)), vi.NumberIn(int64(s.Count), lang))
		}
	}
	return tw.Flush()
}

// sourceLabel names a funding source key of the figures.
func sourceLabel(key, lang string) string {
	switch key {
	case model.KeyUnknown:
		return text(lang, "không rõ nguồn", "source not known")
	case model.KeyUnallocated:
		return text(lang, "không phân bổ được theo nguồn", "not allocated to a source")
	}
	return model.Label(model.EnumFundingSource, key, lang)
}

// printYear writes one year's computed figures; a figure without any data
// is left out.
func printYear(p func(string, ...any), y *model.YearStats, lang string) {
	for _, f := range y.Funding {
		p("  %s (%s)\t%s\n", text(lang, "Kinh phí khuyến công", "Promotion funding"), model.Label(model.EnumStage, f.Stage, lang), vi.Money(f.Total, "", lang))
		for _, a := range f.BySource {
			p("    %s\t%s\n", sourceLabel(a.Key, lang), vi.Money(a.Amount, "", lang))
		}
		for _, a := range f.ByType {
			label := model.Label(model.EnumProjectType, a.Key, lang)
			if a.Key == model.KeyUnallocated {
				label = text(lang, "không phân bổ được theo loại đề án", "not allocated to a type")
			}
			p("    %s\t%s\n", label, vi.Money(a.Amount, "", lang))
		}
		if f.Shared > 0 {
			p("    %s\t%s\n", text(lang, "khoản kinh phí chung (tính một lần)", "shared amounts (counted once)"), vi.NumberIn(int64(f.Shared), lang))
		}
	}
	if y.Unpublished > 0 {
		p("  %s\t%s\n", text(lang, "Đề án chưa công bố kinh phí", "Projects without published funding"), vi.NumberIn(int64(y.Unpublished), lang))
	}
	if y.SharedOutside > 0 {
		p("  %s\t%s\n", text(lang, "Đề án thuộc khoản chung của năm khác", "Projects of an amount shared with another year"), vi.NumberIn(int64(y.SharedOutside), lang))
	}
	if y.Projects > 0 {
		p("  %s\t%s\n", text(lang, "Số đề án", "Projects"), vi.NumberIn(int64(y.Projects), lang))
	}
	if y.EstablishmentsSupported > 0 {
		p("  %s\t%s\n", text(lang, "Số cơ sở được hỗ trợ", "Establishments supported"), vi.NumberIn(int64(y.EstablishmentsSupported), lang))
	}
	if y.RecipientsUnknown > 0 {
		p("  %s\t%s\n", text(lang, "Đề án chưa ghi số cơ sở thụ hưởng", "Projects without a number of beneficiaries"), vi.NumberIn(int64(y.RecipientsUnknown), lang))
	}
	if y.AvgSupport > 0 {
		p("  %s\t%s\n", text(lang, "Hỗ trợ bình quân mỗi cơ sở", "Average support per establishment"), vi.Money(y.AvgSupport, "", lang))
	}
	rs := y.Recognitions
	if rs.Total > 0 || len(rs.Reported) > 0 {
		if rs.Total > 0 {
			p("  %s\t%s\n", text(lang, "Sản phẩm được công nhận (đã nhập)", "Recognitions (recorded)"), vi.NumberIn(int64(rs.Total), lang))
		}
		for _, k := range rs.Keys {
			scheme, level, ok := strings.Cut(k, "/")
			if !ok || scheme != "cnnt" && scheme != "ocop" {
				continue
			}
			p("    %s\t%s\n", schemeLevel(scheme, level, lang), vi.NumberIn(int64(rs.ByKey[k]), lang))
		}
		keys := make([]string, 0, len(rs.Reported))
		for k := range rs.Reported {
			keys = append(keys, k)
		}
		model.SortSchemeLevels(keys)
		if len(keys) > 0 {
			p("  %s\t\n", text(lang, "Số công nhận theo quyết định", "Recognitions per the decisions"))
		}
		for _, k := range keys {
			scheme, level, _ := strings.Cut(k, "/")
			p("    %s\t%s\n", schemeLevel(scheme, level, lang), vi.NumberIn(int64(rs.Reported[k]), lang))
		}
	}
}

func schemeLevel(scheme, level, lang string) string {
	return model.Label(model.EnumScheme, scheme, lang) + " " + model.Label(model.EnumLevel, level, lang)
}

// printReport writes a report's figures beside those of the records of
// its unit and years. A figure the records cannot give is said in words,
// never filled in.
func printReport(p func(string, ...any), m *model.Model, rs *model.ReportStats, lang string) {
	r := rs.Report
	years := fmt.Sprint(r.Year)
	if r.MultiYear() {
		years = fmt.Sprintf("%d–%d", r.From, r.To)
	}
	head := text(lang, "Số liệu công bố "+years, "Reported figures "+years)
	if r.Title != "" {
		head += " — " + r.Title
	}
	if r.Unit != nil {
		head += " (" + r.Unit.ID + ")"
	}
	p("\n%s:\n", head)
	if !rs.Comparable {
		p("  %s\n", text(lang, "(địa bàn ngoài phạm vi dữ liệu của trang: không đối chiếu)", "(an area beyond this site's records: not compared)"))
	}
	p("%s\n", text(lang, "  Chỉ tiêu\tcông bố\tchi tiết đã nhập\tchênh lệch", "  Figure\treported\tdetailed records\tdifference"))
	for _, rc := range rs.Reconciled {
		printReconciled(p, rc, lang)
	}
}

// printReconciled writes a reported figure beside the computed one. A
// figure the records cannot give is said in words, never filled in.
func printReconciled(p func(string, ...any), r model.Reconciled, lang string) {
	format := func(v int64, approx string) string {
		if r.Reported.Money {
			return vi.Money(v, approx, lang)
		}
		return vi.Count(v, approx, lang)
	}
	reported := format(r.Reported.Value, r.Reported.Approx)
	if r.Reported.Decimal {
		reported = vi.DecimalUpTo(r.Reported.Float, 2, lang)
		if w := vi.Approx(r.Reported.Approx, lang); w != "" {
			reported = w + " " + reported
		}
	}
	computed, diff := text(lang, "không có số liệu", "no data"), text(lang, "không tính", "none")
	if r.HasComputed {
		if r.Reported.Decimal {
			computed = vi.DecimalUpTo(r.ComputedFloat, 2, lang)
		} else {
			computed = format(r.Computed, "")
			diff = format(r.Diff, "")
		}
		if r.Missing > 0 {
			computed += text(lang, fmt.Sprintf(" (thiếu %d hồ sơ)", r.Missing), fmt.Sprintf(" (lacks %d records)", r.Missing))
		}
		if r.Exceeds {
			diff += text(lang, " (chi tiết vượt số công bố)", " (records exceed the report)")
		}
	}
	p("    %s\t%s\t%s\t%s\n", model.Label(model.EnumMetric, r.Metric, lang), reported, computed, diff)
}

// stageNames are the stages as the summary names them.
var stageNames = map[string]diag.Msg{
	"load":   {Vi: "đọc tệp", En: "load"},
	"model":  {Vi: "kiểm tra dữ liệu", En: "model"},
	"photos": {Vi: "xử lý ảnh", En: "photos"},
	"render": {Vi: "tạo trang", En: "render"},
	"links":  {Vi: "kiểm tra liên kết", En: "links"},
	"write":  {Vi: "ghi thư mục xuất", En: "write"},
}

// PrintBuildSummary writes the closing lines of a build: where the site
// went, pages by kind, files, bytes, the pages kept and the files changed
// (listed in the output's write.ChangesFile), and the time of each stage.
func PrintBuildSummary(w io.Writer, r Result, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("%s %s\n", text(lang, "Đã xuất bản vào", "Built into"), r.Output)
	kinds := make([]string, 0, len(r.Pages))
	total := 0
	for k, n := range r.Pages {
		kinds = append(kinds, k)
		total += n
	}
	sort.Strings(kinds)
	p("  %s\t%s\n", text(lang, "Trang", "Pages"), vi.NumberIn(int64(total), lang))
	names := map[string]string{}
	for _, k := range render.PageKinds() {
		names[k.Name] = k.Label.Text(lang)
	}
	for _, k := range kinds {
		name := k
		if l, ok := names[k]; ok {
			name = l
		}
		p("    %s\t%s\n", name, vi.NumberIn(int64(r.Pages[k]), lang))
	}
	if r.Photos > 0 {
		p("  %s\t%s\n", text(lang, "Ảnh", "Photos"), fmt.Sprintf(text(lang, "%s (%s lấy lại từ bộ đệm)", "%s (%s from the cache)"),
			vi.NumberIn(int64(r.Photos), lang), vi.NumberIn(int64(r.PhotosCached), lang)))
	}
	p("  %s\t%s\n", text(lang, "Tệp", "Files"), vi.NumberIn(int64(r.Files), lang))
	p("  %s\t%s\n", text(lang, "Dung lượng", "Size"), size(r.Bytes, lang))
	if r.Reused > 0 {
		p("  %s\t%s\n", text(lang, "Trang giữ nguyên (dữ liệu không đổi)", "Pages kept (inputs unchanged)"), vi.NumberIn(int64(r.Reused), lang))
	}
	n := func(v int) string { return vi.NumberIn(int64(v), lang) }
	c := r.Changes
	p("  %s\t%s\n", text(lang, "Tệp thay đổi", "Files changed"), fmt.Sprintf(text(lang,
		"%s (thêm %s, sửa %s, xóa %s); danh sách trong %s",
		"%s (%s added, %s modified, %s removed); listed in %s"),
		n(c.Len()), n(len(c.Added)), n(len(c.Modified)), n(len(c.Removed)), filepath.Join(r.Output, write.ChangesFile)))
	p("  %s\t%s\n", text(lang, "Liên kết nội bộ đã kiểm tra", "Internal links checked"), vi.NumberIn(int64(r.Links), lang))
	var parts []string
	for _, s := range r.Stages {
		parts = append(parts, fmt.Sprintf("%s %s", stageNames[s.Name].Text(lang), duration(s.Elapsed, lang)))
	}
	p("  %s\t%s (%s)\n", text(lang, "Thời gian", "Time"), duration(r.Total, lang), strings.Join(parts, ", "))
	return tw.Flush()
}

// size writes a byte count the way people read it: "1,5 MB".
func size(n int64, lang string) string {
	const k = 1024
	switch {
	case n >= k*k:
		return vi.DecimalUpTo(float64(n)/(k*k), 1, lang) + " MB"
	case n >= k:
		return vi.DecimalUpTo(float64(n)/k, 1, lang) + " KB"
	}
	return vi.NumberIn(n, lang) + " B"
}

// duration writes a time in seconds or milliseconds: "1,25 giây", "80 ms".
func duration(d time.Duration, lang string) string {
	if d >= time.Second {
		return vi.DecimalUpTo(d.Seconds(), 2, lang) + text(lang, " giây", " s")
	}
	return vi.NumberIn(d.Milliseconds(), lang) + " ms"
}
