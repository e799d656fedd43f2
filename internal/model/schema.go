package model

import "github.com/khuyencong/khuyencong/internal/diag"

// The schemas below describe every record kind of the data contract
// (docs/du-lieu.md) as data: one generic walker (decode.go) checks a YAML
// mapping against them and reports every problem at once.

// kind is the type of a field's value.
type kind int

const (
	kString    kind = iota // any scalar, kept as text
	kMarkdown              // a scalar of Markdown text
	kInt                   // a whole number, not negative
	kAmount                // a whole number of đồng, not negative
	kYear                  // a year of four digits
	kDate                  // YYYY-MM-DD, YYYY-MM or YYYY
	kTime                  // YYYY-MM-DD, optionally with a time of day
	kMoney                 // whole đồng, or {amount, approx, stage}
	kEnum                  // one key of an enum table
	kRef                   // the id of a record of another collection
	kBool                  // true or false
	kFloat                 // a number
	kList                  // a sequence of elem
	kMapping               // a nested mapping of fields
	kLabels                // a mapping of free labels to scalar text
	kPhoto                 // a photo mapping, whose file must exist
	kSuccessor             // a unit id, or {unit, partial}
	kReported              // a report's mapping of metric to figure
	kCount                 // a whole number, or {amount, approx}
	kCounts                // a mapping of key (of enum, when given) to kCount
	kStrings               // one value, or a list of values
	kUnit                  // a unit id, or the unit's names {commune, district, province}
)

// field describes one key of a mapping.
type field struct {
	key      string
	kind     kind
	required bool
	// unless lists the keys beside it that stand in for a required
	// field: it may be left out when one of them is written.
	unless []string
	// enum names the enum table of a kEnum field.
	enum string
	// elem describes the items of a kList field.
	elem *field
	// fields describes the keys of a kMapping or kPhoto field.
	fields []field
	// silent says what to write in a required field when the source does
	// not give it; it ends the message about the missing field.
	silent diag.Msg
}

// schema is the list of keys a record kind accepts.
type schema []field

func (s schema) lookup(key string) (field, bool) {
	for _, f := range s {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

func (s schema) keys() []string {
	out := make([]string, len(s))
	for i, f := range s {
		out[i] = f.key
	}
	return out
}

func listOf(f field) *field { return &f }

var (
	sourceFields = []field{
		{key: "title", kind: kString},
		{key: "url", kind: kString},
		{key: "publisher", kind: kString},
		{key: "date", kind: kDate},
	}
	photoFields = []field{
		{key: "file", kind: kString, required: true},
		{key: "caption", kind: kString},
		{key: "credit", kind: kString},
		{key: "alt", kind: kString},
	}
	decisionFields = []field{
		{key: "number", kind: kString},
		{key: "date", kind: kDate},
		{key: "issuer", kind: kString},
		{key: "title", kind: kString},
		{key: "url", kind: kString},
	}
	spanFields = []field{
		{key: "from", kind: kDate},
		{key: "to", kind: kDate},
	}
	linkFields = []field{
		{key: "name", kind: kString},
		{key: "url", kind: kString},
	}

	fieldSources  = field{key: "sources", kind: kList, elem: listOf(field{kind: kMapping, fields: sourceFields})}
	fieldPhotos   = field{key: "photos", kind: kList, elem: listOf(field{kind: kPhoto, fields: photoFields})}
	fieldPrivate  = field{key: "private", kind: kList, elem: listOf(field{kind: kString})}
	fieldDecision = field{key: "decision", kind: kMapping, fields: decisionFields}
)

var siteSchema = schema{
	{key: "title", kind: kString, required: true},
	{key: "description", kind: kString},
	{key: "base_url", kind: kString},
	{key: "language", kind: kEnum, enum: EnumLanguage},
	{key: "i18n", kind: kLabels},
	{key: "publisher", kind: kMapping, fields: []field{
		{key: "name", kind: kString},
		{key: "parent", kind: kString},
		{key: "address", kind: kString},
		{key: "phone", kind: kString},
		{key: "email", kind: kString},
		{key: "website", kind: kString},
	}},
	{key: "area", kind: kRef},
	{key: "province", kind: kStrings},
	{key: "paginate", kind: kInt},
	{key: "menu", kind: kList, elem: listOf(field{kind: kMapping, fields: []field{
		{key: "title", kind: kString, required: true},
		{key: "url", kind: kString, required: true},
	}})},
	{key: "markdown", kind: kMapping, fields: []field{
		{key: "unsafe_html", kind: kBool},
	}},
	{key: "license", kind: kMapping, fields: linkFields},
	{key: "notice", kind: kString},
}

var unitSchema = schema{
	{key: "id", kind: kString, required: true},
	{key: "name", kind: kString, required: true},
	{key: "type", kind: kEnum, enum: EnumUnitType, required: true},
	{key: "parent", kind: kRef},
	{key: "code", kind: kString},
	{key: "valid_from", kind: kDate},
	{key: "valid_to", kind: kDate},
	{key: "successors", kind: kList, elem: listOf(field{kind: kSuccessor})},
	{key: "parents", kind: kList, elem: listOf(field{kind: kMapping, fields: []field{
		{key: "unit", kind: kRef, required: true},
		{key: "from", kind: kDate},
		{key: "to", kind: kDate},
	}})},
	fieldSources,
	fieldPrivate,
}

var establishmentSchema = schema{
	{key: "id", kind: kString},
	{key: "name", kind: kString, required: true},
	{key: "sort_name", kind: kString},
	{key: "legal_form", kind: kEnum, enum: EnumLegalForm},
	{key: "scale", kind: kEnum, enum: EnumScale},
	{key: "sectors", kind: kList, elem: listOf(field{kind: kString})},
	{key: "address", kind: kMapping, required: true, fields: []field{
		{key: "street", kind: kString},
		{key: "hamlet", kind: kString},
		{key: "unit", kind: kRef, required: true, unless: addressNameKeys, silent: diag.M(
			"ghi id của đơn vị (unit: …) hoặc tên của đơn vị (commune, district, province); khi nguồn không nêu xã, huyện, ghi id hoặc tên của tỉnh",
			"write the unit's id (unit: …) or its names (commune, district, province); when the source names no commune or district, write the province's id or name")},
		{key: "current_unit", kind: kRef},
		{key: "commune", kind: kString},
		{key: "district", kind: kString},
		{key: "province", kind: kString},
	}},
	{key: "contact", kind: kMapping, fields: []field{
		{key: "phone", kind: kString},
		{key: "email", kind: kString},
		{key: "website", kind: kString},
		{key: "public", kind: kBool},
	}},
	{key: "founded", kind: kYear},
	{key: "description", kind: kMarkdown},
	fieldPhotos,
	fieldSources,
	fieldPrivate,
}

var productSchema = schema{
	{key: "id", kind: kString},
	{key: "name", kind: kString, required: true},
	{key: "establishment", kind: kRef, required: true, silent: diag.M(
		"khi nguồn không nêu cơ sở sản xuất, đừng tạo hồ sơ sản phẩm: ghi sản phẩm trong awards của vòng bình chọn với name, owner và unit",
		"when the source does not name the maker, do not write a product record: write the product in the round's awards with name, owner and unit")},
	{key: "group", kind: kEnum, enum: EnumGroup},
	{key: "description", kind: kMarkdown},
	{key: "specs", kind: kLabels},
	{key: "price", kind: kMapping, fields: []field{
		{key: "amount", kind: kAmount, required: true},
		{key: "unit", kind: kString},
		{key: "as_of", kind: kDate},
	}},
	fieldPhotos,
	fieldSources,
	fieldPrivate,
}

var roundSchema = schema{
	{key: "id", kind: kString},
	{key: "scheme", kind: kEnum, enum: EnumScheme, required: true},
	{key: "level", kind: kEnum, enum: EnumLevel, required: true},
	{key: "region", kind: kEnum, enum: EnumRegion},
	{key: "year", kind: kYear, required: true},
	{key: "title", kind: kString},
	{key: "round", kind: kInt},
	{key: "status", kind: kEnum, enum: EnumRoundStatus},
	{key: "organiser", kind: kString},
	fieldDecision,
	{key: "judging", kind: kMapping, fields: spanFields},
	{key: "entries_count", kind: kCount},
	{key: "entrants_count", kind: kCount},
	{key: "entries_by_group", kind: kCounts, enum: EnumGroup},
	{key: "planned_count", kind: kCount},
	{key: "prizes", kind: kCounts},
	{key: "reported_count", kind: kCount},
	{key: "reported_by_stars", kind: kCounts, enum: EnumStars},
	{key: "owners_count", kind: kCount},
	{key: "description", kind: kMarkdown},
	{key: "awards", kind: kList, required: true, elem: listOf(field{kind: kMapping, fields: []field{
		{key: "product", kind: kRef},
		{key: "name", kind: kString},
		{key: "owner", kind: kString},
		{key: "unit", kind: kUnit, fields: unitNameFields},
		{key: "grade", kind: kString},
		{key: "score", kind: kFloat},
		{key: "stars", kind: kInt},
		{key: "valid_until", kind: kDate},
		{key: "certificate", kind: kString},
	}})},
	{key: "next_level", kind: kList, elem: listOf(field{kind: kRef})},
	fieldSources,
	fieldPrivate,
}

var projectSchema = schema{
	{key: "id", kind: kString},
	{key: "title", kind: kString, required: true},
	{key: "year", kind: kYear, required: true, silent: diag.M(
		"ghi năm kế hoạch (năm của nguồn kinh phí); khi nguồn chỉ nêu năm nghiệm thu, ghi năm đó; khi nguồn không nêu năm nào, ghi năm của bài viết đưa tin, ví dụ year: 2021",
		"write the plan year (the year of the funds); when the source gives only the year of acceptance, write that year; when it gives no year, write the year of the article that reports it, e.g. year: 2021")},
	{key: "programme", kind: kRef},
	{key: "funding_source", kind: kEnum, enum: EnumFundingSource},
	{key: "type", kind: kEnum, enum: EnumProjectType},
	{key: "activity", kind: kEnum, enum: EnumActivity, required: true, silent: diag.M(
		"khi nguồn không nêu nội dung hỗ trợ, ghi activity: khac",
		"when the source does not say what was supported, write activity: khac")},
	{key: "budget", kind: kMoney},
	{key: "counterpart", kind: kMoney},
	{key: "total_cost", kind: kMoney},
	{key: "budget_shared", kind: kMapping, fields: []field{
		{key: "amount", kind: kAmount, required: true},
		{key: "approx", kind: kEnum, enum: EnumApprox},
		{key: "stage", kind: kEnum, enum: EnumStage},
		{key: "with", kind: kList, required: true, elem: listOf(field{kind: kRef})},
	}},
	fieldDecision,
	{key: "milestones", kind: kList, elem: listOf(field{kind: kMapping, fields: []field{
		{key: "status", kind: kEnum, enum: EnumStatus, required: true},
		{key: "date", kind: kDate},
		{key: "note", kind: kString},
	}})},
	{key: "results", kind: kList, elem: listOf(field{kind: kMarkdown})},
	{key: "unit", kind: kUnit, fields: unitNameFields},
	{key: "beneficiaries", kind: kList, elem: listOf(field{kind: kMapping, fields: []field{
		{key: "establishment", kind: kRef, required: true},
		{key: "amount", kind: kMoney},
		{key: "equipment", kind: kString},
	}})},
	{key: "beneficiaries_count", kind: kInt},
	{key: "status", kind: kEnum, enum: EnumStatus},
	{key: "summary", kind: kMarkdown},
	fieldSources,
	fieldPrivate,
}

var programmeSchema = schema{
	{key: "id", kind: kString},
	{key: "name", kind: kString, required: true},
	{key: "scope", kind: kEnum, enum: EnumScope},
	{key: "from_year", kind: kYear},
	{key: "to_year", kind: kYear},
	fieldDecision,
	{key: "priorities", kind: kList, elem: listOf(field{kind: kMarkdown})},
	{key: "summary", kind: kMarkdown},
	fieldSources,
	fieldPrivate,
}

var reportSchema = schema{
	{key: "id", kind: kString},
	{key: "year", kind: kYear},
	{key: "period", kind: kMapping, fields: []field{
		{key: "from", kind: kYear, required: true},
		{key: "to", kind: kYear, required: true},
	}},
	{key: "unit", kind: kUnit, fields: unitNameFields},
	{key: "title", kind: kString},
	fieldDecision,
	{key: "reported", kind: kReported},
	{key: "shares", kind: kList, elem: listOf(field{kind: kMapping, fields: []field{
		{key: "metric", kind: kEnum, enum: EnumMetric, required: true},
		{key: "of", kind: kString, required: true},
		{key: "percent", kind: kFloat, required: true},
	}})},
	{key: "notes", kind: kMarkdown},
	fieldSources,
	fieldPrivate,
}

var newsSchema = schema{
	{key: "title", kind: kString, required: true},
	{key: "date", kind: kTime, required: true, silent: diag.M(
		"ghi ngày đăng của bài gốc, ví dụ date: 2021-08-17; khi bài gốc không ghi ngày, ghi ngày bài được đăng trên trang này",
		"write the date the original article was published, e.g. date: 2021-08-17; when it gives none, write the day the article is published on this site")},
	{key: "author", kind: kString},
	{key: "source", kind: kMapping, fields: linkFields},
	{key: "summary", kind: kString},
	{key: "image", kind: kPhoto, fields: photoFields},
	{key: "tags", kind: kList, elem: listOf(field{kind: kString})},
	{key: "related", kind: kList, elem: listOf(field{kind: kRef})},
	{key: "draft", kind: kBool},
	{key: "publish_date", kind: kTime},
	{key: "expiry_date", kind: kTime},
}

var pageSchema = schema{
	{key: "title", kind: kString, required: true},
	{key: "date", kind: kTime},
	{key: "summary", kind: kString},
	{key: "menu", kind: kInt},
	{key: "draft", kind: kBool},
	{key: "publish_date", kind: kTime},
	{key: "expiry_date", kind: kTime},
}

// quantityFields are the keys of a reported figure written as a mapping;
// value and amount are synonyms.
var quantityFields = []field{
	{key: "value", kind: kInt},
	{key: "amount", kind: kInt},
	{key: "approx", kind: kEnum, enum: EnumApprox},
	{key: "stage", kind: kEnum, enum: EnumStage},
}

// moneyFields are the keys of a money value written as a mapping.
var moneyFields = []field{
	{key: "amount", kind: kAmount, required: true},
	{key: "approx", kind: kEnum, enum: EnumApprox},
	{key: "stage", kind: kEnum, enum: EnumStage},
}

// successorFields are the keys of a successor written as a mapping.
var successorFields = []field{
	{key: "unit", kind: kRef, required: true},
	{key: "partial", kind: kBool},
}

// addressNameKeys are the keys of an address or a unit written by names,
// from the commune up.
var addressNameKeys = []string{"commune", "district", "province"}

// unitNameFields are the keys of a unit written by names ({commune,
// district, province}) instead of its id.
var unitNameFields = []field{
	{key: "commune", kind: kString},
	{key: "district", kind: kString},
	{key: "province", kind: kString},
}
