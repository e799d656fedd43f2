// Package model is the second stage of the pipeline: it turns the YAML
// nodes and Markdown documents read by package load into typed records,
// checks them against the data contract (docs/du-lieu.md), resolves every
// reference between them and computes the derived figures once, for every
// page, chart, feed, search index and export rendered later.
//
// Private fields (a record's `private` list, and contact details not marked
// public) are removed here: later stages cannot publish what they are not
// given. Unpublished items (drafts, future and expired articles) are
// removed here too unless the options ask to keep them.
package model

import (
	"time"

	"github.com/khuyencong/khuyencong/internal/diag"
	"github.com/khuyencong/khuyencong/internal/gazetteer"
)

// Options says how to build the model.
type Options struct {
	// Now is the build date: OCOP validity and publish/expiry dates are
	// judged against it. Zero means time.Now().
	Now time.Time
	// Drafts keeps articles marked draft; Future keeps articles whose
	// publish_date is after Now (and those already expired).
	Drafts bool
	Future bool
}

// Model is the whole programme, typed and resolved.
type Model struct {
	Site Site
	// Now is the build date the model was judged against.
	Now time.Time

	// Every collection is sorted for output: people and products in
	// Vietnamese name order, projects by year (newest first) then title,
	// rounds by year (newest first), level and region, news newest first.
	//
	// Units are those that have a page: the units of data/units.yaml, and
	// the built-in units records refer to with the units above them. The
	// units their history names (what they merged into or were formed
	// from) are reached through Successors, FormedFrom and Parent only.
	Units          []*Unit
	Establishments []*Establishment
	Products       []*Product
	Rounds         []*Round
	Projects       []*Project
	Programmes     []*Programme
	Reports        []*Report
	News           []*Article
	Pages          []*Article
	// Assets are the files under content/ copied as they are (slash paths
	// relative to content/).
	Assets []string

	// Lookup by id, one map per collection.
	UnitByID          map[string]*Unit
	EstablishmentByID map[string]*Establishment
	ProductByID       map[string]*Product
	RoundByID         map[string]*Round
	ProjectByID       map[string]*Project
	ProgrammeByID     map[string]*Programme
	ReportByID        map[string]*Report

	// Tags maps each news tag to its articles (newest first); TagNames are
	// the tags in Vietnamese order.
	Tags     map[string][]*Article
	TagNames []string

	Stats Stats

	// builtin is the built-in gazetteer of site.yaml's province:, nil when
	// the site names none (builtin.go).
	builtin *gazetteer.Site
}

// Date is a calendar date known to a year, a month or a day.
type Date struct {
	Year, Month, Day int // Month and Day are 0 when not known
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Year == 0 }

// Time returns the date at midnight UTC, taking the first of an unknown
// month or day.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Money is an amount of đồng as recorded or reported.
type Money struct {
	Amount int64
	// Approx is the qualifier of a rounded published figure: "" (exact),
	// "gan", "khoang", "hon", "tren", "duoi".
	Approx string
	// Stage is "de_nghi", "phe_duyet" (default), "giai_ngan" or
	// "quyet_toan". Sums never add different stages together.
	Stage string
	Set   bool
}

// Quantity is a reported figure: money or a count, with its qualifier.
type Quantity struct {
	Value  int64
	Approx string
	// Money is true for amounts of đồng, false for counts.
	Money bool
	// Decimal is true for a figure with decimals (a leverage ratio), held
	// in Float instead of Value.
	Decimal bool
	Float   float64
	Stage   string
	Set     bool
	// Pos is where the figure is written (the metric's key in a report),
	// for warnings about it; zero when not known.
	Pos diag.Pos
}

// Source is where the facts of a record came from.
type Source struct {
	Title, URL, Publisher string
	Date                  Date
}

// Photo is an image under content/.
type Photo struct {
	// File is a slash path relative to content/.
	File    string
	Caption string
	Credit  string
	// Alt defaults to Caption.
	Alt string
	// Pos is the photo's file line in the record or front matter, where
	// problems with the image itself are reported; zero when not known.
	Pos diag.Pos
}

// Markdown is the source text of a Markdown field; package render turns it
// into HTML.
type Markdown string

// Site holds data/site.yaml.
type Site struct {
	Title       string
	Description string
	BaseURL     string
	// Language is "vi" (default) or "en".
	Language string
	// I18n overrides interface strings by key.
	I18n      map[string]string
	Publisher Publisher
	// Area is the unit the site reports on; nil when not given.
	Area *Unit
	// Paginate is the number of articles on a page of the news list and
	// of entries on a page of a facet value (`paginate:`, at least 1;
	// DefaultPaginate when not given). Read it with PerPage.
	Paginate int
	Menu     []MenuItem
	// UnsafeHTML lets Markdown fields render raw HTML (`markdown:
	// {unsafe_html: true}` in site.yaml); off by default.
	UnsafeHTML bool
	// Notice is a line every page shows above its content, such as "the
	// data of this site is illustrative" (`notice:` in site.yaml).
	Notice string
	// License is the licence of the open data (`license: {name, url}`).
	License Link
	Pos     diag.Pos
}

// DefaultPaginate is Site.Paginate when site.yaml does not set it.
const DefaultPaginate = 20

// PerPage returns the site's paginate, DefaultPaginate when it is not set
// (a Site made by hand rather than read from site.yaml).
func (s *Site) PerPage() int {
	if s.Paginate <= 0 {
		return DefaultPaginate
	}
	return s.Paginate
}

// Publisher is the body that publishes the site.
type Publisher struct {
	Name, Parent, Address, Phone, Email, Website string
}

// MenuItem is one entry of the main menu.
type MenuItem struct {
	Title string
	// URL is site-relative ("/san-pham/") or absolute ("https://…").
	URL string
}

// Link is a titled URL.
type Link struct {
	Name, URL string
}

// Unit is an administrative unit of the gazetteer.
type Unit struct {
	ID, Name string
	// Type is "quoc_gia", "tinh", "thanh_pho_tw", "thanh_pho", "thi_xa",
	// "huyen", "quan", "phuong", "xa", "thi_tran" or "dac_khu".
	Type   string
	Parent *Unit
	// Parents are the units above it over time, when that changed (a
	// district of one province until a date, of another from the next
	// day); Parent is the one written as the short form, or the last.
	Parents   []UnitParent
	Children  []*Unit
	Code      string
	ValidFrom Date
	ValidTo   Date
	// Successors are the units that replaced this one.
	Successors []Successor
	// Current is today's unit (as of the build date): the unit itself while
	// it is valid, else the single successor reached through one-to-one
	// (non-partial) successions; nil when the mapping is not one-to-one.
	Current *Unit

	// FormedFrom are the units that list this one among their successors
	// (derived): the units it was formed from, or that merged into it.
	FormedFrom []*Unit

	// Establishments and Products are those whose address unit (as
	// recorded, or today's) is this unit or one below it.
	Establishments []*Establishment
	Products       []*Product
	News           []*Article
	// Builtin is true for a unit made from the built-in gazetteer: the
	// country (viet-nam) when the site's units.yaml does not write it, and
	// the units of a site that names its province (builtin.go).
	Builtin bool
	Pos     diag.Pos
}

// UnitParent is the unit above a unit over a span of time; From and To are
// open when zero.
type UnitParent struct {
	Unit     *Unit
	From, To Date
}

// Successor is a unit that replaced another, wholly or in part.
type Successor struct {
	Unit    *Unit
	Partial bool
}

// Valid reports whether the unit exists on date t.
func (u *Unit) Valid(t time.Time) bool {
	if !u.ValidFrom.IsZero() && t.Before(u.ValidFrom.Time()) {
		return false
	}
	if !u.ValidTo.IsZero() && t.After(u.ValidTo.Time()) {
		return false
	}
	return true
}

// Establishment is a rural industrial establishment (cơ sở CNNT).
type Establishment struct {
	ID, Name string
	// SortName is the name without its legal-form prefix, for sorting and
	// for the index letter.
	SortName  string
	LegalForm string
	Scale     string
	Sectors   []string
	Address   Address
	// Contact is empty unless contact.public is true and the record does
	// not list contact as private.
	Contact     Contact
	Founded     int
	Description Markdown
	Photos      []Photo
	Sources     []Source

	// Derived.
	Products     []*Product
	Support      []Support
	Recognitions []*Recognition
	News         []*Article
	Pos          diag.Pos
}

// Address is where an establishment is.
type Address struct {
	Street, Hamlet string
	// Unit is the unit as recorded; Current is today's unit (nil when the
	// succession is not one-to-one; equal to Unit while Unit is valid).
	Unit    *Unit
	Current *Unit
}

// Contact holds public contact details.
type Contact struct {
	Phone, Email, Website string
}

// Support is one project's support to one establishment.
type Support struct {
	Project *Project
	// Amount is the amount named for this establishment, when given.
	Amount    Money
	Equipment string
}

// Product is a rural industrial product.
type Product struct {
	ID, Name      string
	Establishment *Establishment
	// Group is "che_bien", "tcmn", "co_khi" or "khac" ("" when not given).
	Group       string
	Description Markdown
	// Specs keeps the order written in the file.
	Specs   []Spec
	Price   Price
	Photos  []Photo
	Sources []Source

	// Derived: every recognition, oldest first; Path is the highest CNNT
	// level reached each year, in order up the levels.
	Recognitions []*Recognition
	News         []*Article
	Pos          diag.Pos

	// Derived with the figures. Path holds, for each year with a CNNT
	// award, the award at the highest level that year, oldest year first.
	// Levels holds, for each CNNT level reached, the first award at that
	// level (the oldest; the higher score within a year), in order up the
	// levels: huyen, tinh, khu_vuc, quoc_gia.
	Path   []*Recognition
	Levels []*Recognition
}

// Spec is one label and value of a product's specifications.
type Spec struct {
	Label, Value string
}

// Price is a product's price.
type Price struct {
	Amount int64
	Unit   string
	AsOf   Date
	Set    bool
}

// Round is a recognition round: a CNNT standout-product round or an OCOP
// decision.
type Round struct {
	ID string
	// Scheme is "cnnt" or "ocop".
	Scheme string
	// Level is "huyen", "tinh", "khu_vuc" or "quoc_gia".
	Level string
	// Region is "bac", "trung_tn" or "nam" for a regional round.
	Region   string
	Year     int
	Decision Decision
	// ReportedCount is the number recognised as officially reported, which
	// may exceed the awards listed; ReportedApprox its qualifier.
	ReportedCount    int
	HasReportedCount bool
	ReportedApprox   string
	// Title is the title written in the record, "" for the default one
	// (made in full words by the pages).
	Title string
	// Number is the round within its year ("đợt 2"), 0 when not given.
	Number int
	// Status is "dang_binh_chon" (entries received or being judged, no
	// result yet) or "da_cong_nhan" (the default).
	Status    string
	Organiser string
	// Judging is when the entries were judged.
	Judging Span
	// Entries and Entrants are the products entered and the
	// establishments that entered; Planned the number to be recognised,
	// announced before the result (never a recognised count); Owners the
	// OCOP owners (chủ thể). Each is unset when not written.
	Entries, Entrants, Planned, Owners Quantity
	// EntriesByGroup are the entries by product group, in the groups'
	// order; Prizes the prize structure by grade, as written;
	// ReportedByStars the OCOP products reported by stars (3, 4, 5).
	EntriesByGroup  []Count
	Prizes          []Count
	ReportedByStars []Count
	Description     Markdown
	// NextLevel are the products put forward to the next level's round.
	NextLevel []*Product
	Awards    []*Recognition
	Sources   []Source
	News      []*Article
	Pos       diag.Pos
}

// Judged reports whether the round has its result: false while it is
// being judged (status dang_binh_chon).
func (r *Round) Judged() bool { return r.Status != "dang_binh_chon" }

// Span is a span of dates, either end open when zero.
type Span struct {
	From, To Date
}

// Count is a number under a key: a product group, a prize grade, a number
// of stars.
type Count struct {
	Key    string
	Value  int64
	Approx string
}

// Decision is an official decision.
type Decision struct {
	Number, Title, URL string
	// Issuer is who issued it, as written ("UBND tỉnh Tuyên Quang").
	Issuer string
	Date   Date
}

// IsZero reports whether nothing of the decision is known.
func (d Decision) IsZero() bool {
	return d.Number == "" && d.Title == "" && d.URL == "" && d.Issuer == "" && d.Date.IsZero()
}

// Recognition is one award of a round: to a product of the records, or
// (Product nil) to a product written in the round alone, by Name, Owner
// and Unit.
type Recognition struct {
	Round   *Round
	Product *Product
	// Name, Owner and Unit describe a product that has no record of its
	// own; empty when Product is set.
	Name, Owner string
	Unit        *Unit
	Score       float64
	// Grade is the prize grade: "a", "b", "c" or free text ("giải Nhất").
	Grade string
	// Stars is 3–5 for OCOP, 0 otherwise.
	Stars int
	// ValidUntil is the last day of an OCOP certificate (default: the
	// decision date + 36 months; unknown without a decision date).
	ValidUntil  Date
	Certificate string
	Pos         diag.Pos
}

// ProductName is the name of the product recognised.
func (r *Recognition) ProductName() string {
	if r.Product != nil {
		return r.Product.Name
	}
	return r.Name
}

// Expired reports whether an OCOP certificate had ended by the day now:
// its last day (ValidUntil, to the precision it is known) is before now.
// A certificate of unknown validity is not taken as expired.
func (r *Recognition) Expired(now time.Time) bool {
	if r.ValidUntil.IsZero() {
		return false
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return lastDay(r.ValidUntil).Before(today)
}

// ExpiredFrom is the first day a certificate is no longer valid: the day
// after ValidUntil, to the same precision (the month after a month, the
// year after a year).
func (r *Recognition) ExpiredFrom() Date { return DayAfter(r.ValidUntil) }

// DayAfter returns the day after d, to the precision d is known: the
// month after a month, the year after a year; zero for zero.
func DayAfter(d Date) Date {
	switch {
	case d.IsZero():
		return Date{}
	case d.Month == 0:
		return Date{Year: d.Year + 1}
	case d.Day == 0:
		if d.Month == 12 {
			return Date{Year: d.Year + 1, Month: 1}
		}
		return Date{Year: d.Year, Month: d.Month + 1}
	}
	t := d.Time().AddDate(0, 0, 1)
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// Project is a support project (đề án khuyến công) or activity.
type Project struct {
	ID, Title string
	Year      int
	Programme *Programme
	// FundingSource is "kcqg", "kcdp", "khac", or "" when the source does
	// not say (shown as not known, summed apart).
	FundingSource string
	// Type is "nhom", "diem" or "don" (default).
	Type string
	// Activity is one of the activities of the data contract.
	Activity string
	// Budget is the khuyến công funding; not Set when it was not
	// published, or when the project is part of a shared budget.
	Budget      Money
	Counterpart Money
	// TotalCost is the whole investment (khuyến công, counterpart and
	// other money), not Set when not written.
	TotalCost Money
	// Shared is the one published amount of a group of projects, when
	// this project is one of them; the same value for every project of
	// the group.
	Shared   *SharedBudget
	Decision Decision
	// Milestones are the steps of the project, as written (oldest first
	// when dated).
	Milestones []Milestone
	// Results are short statements of outcomes.
	Results []Markdown
	// Unit is the area of the project when no beneficiary is named.
	Unit *Unit
	// Beneficiaries are the named recipients.
	Beneficiaries []Beneficiary
	// BeneficiariesCount is the number of recipients as written, 0 when
	// not given; Recipients is the larger of it and the named ones.
	BeneficiariesCount int
	Recipients         int
	// Status is "de_xuat", "phe_duyet", "thuc_hien", "nghiem_thu",
	// "quyet_toan", "huy" or "": as written, else the last milestone's.
	Status  string
	Summary Markdown
	Sources []Source
	// Units are the project's Unit, then the distinct address units (as
	// recorded) of the named beneficiaries.
	Units []*Unit
	News  []*Article
	Pos   diag.Pos
}

// SharedBudget is one published amount for several projects: it counts
// once, for the group, and is never divided among them.
type SharedBudget struct {
	Money
	// Projects are the projects of the group, the one that writes the
	// amount first, then the others in the order written.
	Projects []*Project
}

// Milestone is a step of a project: approved, accepted…
type Milestone struct {
	Status string
	Date   Date
	Note   string
}

// Beneficiary is a named recipient of a project.
type Beneficiary struct {
	Establishment *Establishment
	Amount        Money
	Equipment     string
}

// Programme is a khuyến công programme.
type Programme struct {
	ID, Name string
	// Scope is "quoc_gia" or "tinh".
	Scope      string
	FromYear   int
	ToYear     int
	Decision   Decision
	Priorities []Markdown
	Summary    Markdown
	Sources    []Source
	Projects   []*Project
	News       []*Article
	Pos        diag.Pos
}

// Report holds the figures officially reported for one year or a span of
// years, about one unit.
type Report struct {
	// ID is the id written, else made from the period, the unit (when not
	// the site's area) and the title: "2020", "2016-2020-viet-nam".
	ID string
	// Year is the year of a one-year report; From and To the years of a
	// report about several ("5 năm qua"), equal to Year for one year.
	Year     int
	From, To int
	// Unit is the area reported on; nil means the site's area.
	Unit     *Unit
	Title    string
	Decision Decision
	// Reported maps a metric (see ReportMetrics) to its figure.
	Reported map[string]Quantity
	// Shares are figures published as a percentage of another.
	Shares  []Share
	Notes   Markdown
	Sources []Source
	News    []*Article
	Pos     diag.Pos
}

// MultiYear reports whether the report covers several years.
func (r *Report) MultiYear() bool { return r.From != r.To }

// Share is a figure published as a percentage of another ("chiếm 35 %
// tổng kinh phí").
type Share struct {
	// Metric is a report metric; Of is a metric or free text.
	Metric, Of string
	Percent    float64
}

// ReportMetrics lists the metrics a report may give, in display order.
var ReportMetrics = []string{
	"establishments_supported",
	"funding_total",
	"funding_kcqg",
	"funding_kcdp",
	"counterpart_total",
	"investment_total",
	"leverage",
	"projects",
	"projects_accepted",
	"demo_models",
	"entries",
	"cnnt_tinh",
	"cnnt_khu_vuc",
	"cnnt_quoc_gia",
	"ocop",
	"ocop_3_sao",
	"ocop_4_sao",
	"ocop_5_sao",
	"ocop_owners",
	"ocop_in_force",
	"fairs",
	"study_tours",
	"establishments_in_area",
}

// Article is a news article (content/news) or a standalone page
// (content/pages).
type Article struct {
	// Slug is the URL slug (file or folder name, Vietnamese-aware slug).
	Slug    string
	Title   string
	Date    time.Time
	HasDate bool
	Author  string
	Source  Link
	Summary string
	Image   *Photo
	Tags    []string
	// Related are the records the article is about, resolved; the records
	// link back to it.
	Related []Ref
	Draft   bool
	Publish time.Time
	Expiry  time.Time
	// Menu is the menu weight of a standalone page (0: not in the menu).
	Menu int
	// Body is the Markdown body; BodyLine is the file line it starts on.
	Body     Markdown
	BodyLine int
	// Bundle is the folder of content/news/<slug>/index.md relative to
	// content/ ("news/<slug>"), "" for a plain file.
	Bundle string
	Pos    diag.Pos
}

// Ref is a reference to a record of any collection. Exactly one pointer is
// set.
type Ref struct {
	Establishment *Establishment
	Product       *Product
	Project       *Project
	Round         *Round
	Programme     *Programme
	Unit          *Unit
	Report        *Report
}
