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

	// Tags maps each news tag to its articles (newest first); TagNames are
	// the tags in Vietnamese order.
	Tags     map[string][]*Article
	TagNames []string

	Stats Stats
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
	Stage string
	Set   bool
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
	// Type is "tinh", "thanh_pho_tw", "thanh_pho", "thi_xa", "huyen",
	// "quan", "phuong", "xa", "thi_tran" or "dac_khu".
	Type      string
	Parent    *Unit
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

	// Establishments and Products are those whose address unit (as
	// recorded, or today's) is this unit or one below it.
	Establishments []*Establishment
	Products       []*Product
	Pos            diag.Pos
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
	// may exceed the awards listed.
	ReportedCount    int
	HasReportedCount bool
	Awards           []*Recognition
	Sources          []Source
	News             []*Article
	Pos              diag.Pos
}

// Decision is an official decision.
type Decision struct {
	Number, Title, URL string
	Date               Date
}

// Recognition is one award of a round to a product.
type Recognition struct {
	Round   *Round
	Product *Product
	Score   float64
	// Stars is 3–5 for OCOP, 0 otherwise.
	Stars int
	// ValidUntil is set for OCOP (default: decision date + 36 months).
	ValidUntil  Date
	Certificate string
	Pos         diag.Pos
}

// Project is a support project (đề án khuyến công) or activity.
type Project struct {
	ID, Title string
	Year      int
	Programme *Programme
	// FundingSource is "kcqg", "kcdp" or "khac".
	FundingSource string
	// Type is "nhom", "diem" or "don" (default).
	Type string
	// Activity is one of the activities of the data contract.
	Activity    string
	Budget      Money
	Counterpart Money
	// Beneficiaries are the named recipients.
	Beneficiaries []Beneficiary
	// BeneficiariesCount is the number of recipients as written, 0 when
	// not given; Recipients is the larger of it and the named ones.
	BeneficiariesCount int
	Recipients         int
	// Status is "de_xuat", "phe_duyet", "thuc_hien", "nghiem_thu",
	// "quyet_toan", "huy" or "".
	Status  string
	Summary Markdown
	Sources []Source
	// Units are the distinct address units (as recorded) of the named
	// beneficiaries.
	Units []*Unit
	News  []*Article
	Pos   diag.Pos
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
	Pos        diag.Pos
}

// Report holds the figures officially reported for one year.
type Report struct {
	Year int
	// Reported maps a metric (see ReportMetrics) to its figure.
	Reported map[string]Quantity
	Notes    Markdown
	Sources  []Source
	Pos      diag.Pos
}

// ReportMetrics lists the metrics a report may give, in display order.
var ReportMetrics = []string{
	"establishments_supported",
	"funding_total",
	"funding_kcqg",
	"funding_kcdp",
	"projects",
	"cnnt_tinh",
	"cnnt_khu_vuc",
	"cnnt_quoc_gia",
	"ocop",
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
}
