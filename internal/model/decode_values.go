package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/vi"
)

// This file reads the values written in more than one way: counts and
// reported figures ({amount, approx} or a number), and explains money and
// dates written as people write them in prose.

// countValue reads a count written as a whole number or as {amount: N,
// approx: KEY} (value is a synonym of amount).
func (w *walker) countValue(n *yaml.Node, path string) (Quantity, bool) {
	if n.Kind == yaml.MappingNode {
		o := w.mapping(n, quantityFields[:3], path)
		if o == nil {
			return Quantity{}, false
		}
		q := Quantity{Approx: o.str("approx"), Set: true, Pos: w.pos(n)}
		switch {
		case o.has("value") && o.has("amount"):
			w.fail(o.at("amount"), "duplicate-key", path, diag.M(
				"chỉ ghi một trong hai khóa value và amount", "write only one of value and amount"))
			return Quantity{}, false
		case o.has("value"):
			q.Value = o.integer("value")
		case o.has("amount"):
			q.Value = o.integer("amount")
		default:
			w.fail(n, "missing-field", path, diag.M(
				"thiếu số liệu: ghi amount: và số", "the figure is missing: write amount: and the number"))
			return Quantity{}, false
		}
		return q, true
	}
	x, ok := w.integer(n, path, false)
	if !ok {
		return Quantity{}, false
	}
	return Quantity{Value: x, Set: true, Pos: w.pos(n)}, true
}

// countMap reads a mapping of key to count. With an enum, the keys must
// be its keys and come out in its order; without, they are free text kept
// in the order written.
func (w *walker) countMap(n *yaml.Node, enum, path string) ([]Count, bool) {
	if n.Kind != yaml.MappingNode {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một bảng các dòng “tên: số”, ví dụ {a: 2, b: 3}", "must be a mapping of “name: number” lines, e.g. {a: 2, b: 3}"))
		return nil, false
	}
	var out []Count
	for k, v := range pairs(n) {
		key := k.Value
		sub := join(path, key)
		if enum != "" && !enumHas(enum, key) {
			w.unknownEnum(k, sub, enum, key)
			continue
		}
		if isNull(v) {
			continue
		}
		q, ok := w.countValue(v, sub)
		if !ok {
			continue
		}
		out = append(out, Count{Key: key, Value: q.Value, Approx: q.Approx})
	}
	if enum != "" {
		sort.SliceStable(out, func(i, j int) bool { return EnumIndex(enum, out[i].Key) < EnumIndex(enum, out[j].Key) })
	}
	return out, true
}

// moneyText explains an amount written other than as digits: when it
// reads as money ("1,2 tỷ", "100.000.000", "gần 4,5 tỷ đồng"), with the
// number to write instead. nested is true for the amount key of a
// mapping, beside which the qualifier is written.
func moneyText(s string, nested bool) diag.Msg {
	n, approx, _, ok := vi.ParseMoney(s)
	switch {
	case ok && approx != "" && nested:
		return diag.M(
			"phải là một số nguyên đồng chỉ gồm chữ số: ghi %d thay cho %q, và approx: %s bên cạnh",
			"must be a whole number of đồng, digits only: write %d instead of %q, and approx: %s beside it", n, s, approx)
	case ok && approx != "":
		return diag.M(
			"phải là một số nguyên đồng chỉ gồm chữ số: ghi {amount: %d, approx: %s} thay cho %q",
			"must be a whole number of đồng, digits only: write {amount: %d, approx: %s} instead of %q", n, approx, s)
	case ok:
		return diag.M(
			"phải là một số nguyên đồng chỉ gồm chữ số: ghi %d thay cho %q",
			"must be a whole number of đồng, digits only: write %d instead of %q", n, s)
	}
	return diag.M(
		"phải là một số nguyên đồng, ví dụ 1200000000 (chỉ gồm chữ số, không dấu chấm, dấu phẩy hay chữ); đang ghi %q",
		"must be a whole number of đồng, e.g. 1200000000 (digits only, no dots, commas or words); found %q", s)
}

// dayFirst explains a date written day first, as Vietnamese write it
// ("10/10/2022", "31.04.2022", "08/2021"): the form to write instead, or
// that the day does not exist. ok is false when s is not such a date.
func dayFirst(s string) (diag.Msg, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) < 2 || len(parts) > 3 || len(parts[len(parts)-1]) != 4 {
		return diag.Msg{}, false
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if len(p) > 4 || (i < len(parts)-1 && len(p) > 2) {
			return diag.Msg{}, false
		}
		x, err := strconv.Atoi(p)
		if err != nil {
			return diag.Msg{}, false
		}
		nums[i] = x
	}
	year := nums[len(nums)-1]
	month := nums[len(nums)-2]
	if year < 1000 {
		return diag.Msg{}, false
	}
	if month < 1 || month > 12 {
		return diag.Msg{
			Vi: fmt.Sprintf("ngày %q viết theo kiểu ngày/tháng/năm nhưng không có tháng %d; viết theo dạng %s", s, month, dateForms),
			En: fmt.Sprintf("date %q is written day/month/year but there is no month %d; write it as %s", s, month, dateFormsEn),
		}, true
	}
	if len(nums) == 2 {
		iso := fmt.Sprintf("%04d-%02d", year, month)
		return diag.M(
			"ngày %q viết theo kiểu tháng/năm; ghi %s", "date %q is written month/year; write %s", s, iso), true
	}
	day := nums[0]
	if last := daysIn(year, month); day < 1 || day > last {
		return diag.M(
			"ngày %q không có thật: tháng %d năm %d có %d ngày; kiểm tra lại nguồn rồi ghi theo dạng YYYY-MM-DD",
			"date %q does not exist: month %d of %d has %d days; check the source, then write it as YYYY-MM-DD",
			s, month, year, last), true
	}
	iso := fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	return diag.M(
		"ngày %q viết theo kiểu ngày/tháng/năm; ghi %s", "date %q is written day/month/year; write %s", s, iso), true
}

// reported checks a report's mapping of metric to figure.
func (w *walker) reported(n *yaml.Node, path string) (map[string]Quantity, bool) {
	if n.Kind != yaml.MappingNode {
		w.fail(n, "wrong-type", path, diag.M(
			"phải là một bảng các dòng “chỉ tiêu: số liệu”", "must be a mapping of “metric: figure” lines"))
		return nil, false
	}
	out := make(map[string]Quantity)
	for k, v := range pairs(n) {
		metric := k.Value
		sub := join(path, metric)
		if !enumHas(EnumMetric, metric) {
			w.unknownKey(k, path, metric, ReportMetrics)
			continue
		}
		if isNull(v) {
			continue
		}
		money := IsMoneyMetric(metric)
		q := Quantity{Money: money, Set: true, Pos: w.pos(k)}
		if IsDecimalMetric(metric) {
			if dq, ok := w.decimalValue(v, sub); ok {
				dq.Pos = q.Pos
				out[metric] = dq
			}
			continue
		}
		if v.Kind == yaml.MappingNode {
			fields := quantityFields
			if money {
				fields = []field{
					{key: "value", kind: kAmount}, {key: "amount", kind: kAmount},
					quantityFields[2], quantityFields[3],
				}
			}
			o := w.mapping(v, fields, sub)
			if o == nil {
				continue
			}
			switch {
			case o.has("value") && o.has("amount"):
				w.fail(o.at("amount"), "duplicate-key", sub, diag.M(
					"chỉ ghi một trong hai khóa value và amount", "write only one of value and amount"))
				continue
			case o.has("value"):
				q.Value = o.integer("value")
			case o.has("amount"):
				q.Value = o.integer("amount")
			default:
				w.fail(v, "missing-field", sub, diag.M(
					"thiếu số liệu: ghi value: (hoặc amount:) và số", "the figure is missing: write value: (or amount:) and the number"))
				continue
			}
			q.Approx, q.Stage = o.str("approx"), o.str("stage")
		} else {
			x, ok := w.integer(v, sub, money)
			if !ok {
				continue
			}
			q.Value = x
		}
		if money && q.Stage == "" {
			q.Stage = "phe_duyet"
		}
		out[metric] = q
	}
	return out, true
}

// decimalValue reads a ratio written with a decimal point (2.5), or as
// {value: 2.5, approx: KEY}.
func (w *walker) decimalValue(n *yaml.Node, path string) (Quantity, bool) {
	q := Quantity{Decimal: true, Set: true}
	if n.Kind == yaml.MappingNode {
		o := w.mapping(n, []field{{key: "value", kind: kFloat, required: true}, quantityFields[2]}, path)
		if o == nil || !o.has("value") {
			return Quantity{}, false
		}
		q.Float, q.Approx = o.float("value"), o.str("approx")
		return q, true
	}
	v, ok := w.value(n, field{kind: kFloat}, path)
	if !ok {
		return Quantity{}, false
	}
	q.Float = v.f
	return q, true
}
