package model

// Stats are the figures derived from the detailed records, computed once by
// Build for every page, chart and export.
//
// A page states only what the records say: a budget that was not
// published is counted apart (Unpublished), never as 0; one amount shared
// by several projects counts once, for the group, and is never divided; a
// breakdown lists only amounts recorded at its level, and the rest under
// its own key (KeyUnallocated, or a nil unit).
type Stats struct {
	// Years are the years that have projects, recognitions or a report of
	// the site's area, oldest first.
	Years []*YearStats
	// All sums every year (per stage, never adding stages together).
	All YearStats
	// OCOPValid counts the OCOP certificates still valid on the build date,
	// by stars (3, 4, 5), with their recognitions.
	OCOPValid []StarCount
	// Reports pairs every report with the figures of the records of the
	// same unit and period, in the order of Model.Reports.
	Reports []*ReportStats
}

// Keys of the breakdowns of funding besides the enum keys.
const (
	// KeyUnknown is the funding source of projects whose source was not
	// given ("không rõ nguồn").
	KeyUnknown = ""
	// KeyUnallocated holds the amounts that cannot be put under one key:
	// a shared amount of projects of different sources, activities or
	// types ("không phân bổ được").
	KeyUnallocated = "*"
)

// YearStats are the figures of the records of one year, or of a span of
// years and an area (a report's scope). In All, Year, From and To are 0.
type YearStats struct {
	Year int
	// From and To are the years covered (both Year for one year).
	From, To int
	// Funding is the khuyến công funding (project budgets and shared
	// amounts) of the year, one entry per budget stage present, in stage
	// order (de_nghi, phe_duyet, giai_ngan, quyet_toan).
	Funding []StageFunding
	// Projects is the number of projects (cancelled ones, status huy, are
	// left out of every figure).
	Projects int
	// Unpublished counts the projects whose funding was not published:
	// no budget and no shared amount. SharedOutside counts projects of a
	// shared amount that also covers projects outside these figures (of
	// another year or area), which cannot be counted here.
	Unpublished, SharedOutside int
	// EstablishmentsSupported counts distinct establishments: each named
	// beneficiary once however many projects it had, plus the unnamed
	// recipients of projects that give beneficiaries_count.
	EstablishmentsSupported int
	// NamedSupported is the distinct named beneficiaries alone.
	NamedSupported int
	// RecipientsUnknown counts the projects that name no beneficiary and
	// give no count of them: the establishments supported may be more.
	RecipientsUnknown int
	// AvgSupport is the funding of the main stage (Funding[Main]) divided by
	// EstablishmentsSupported; 0 when it cannot be had from complete
	// figures (a budget not published, recipients not known, several
	// stages).
	AvgSupport int64
	// Main is the index in Funding of the stage headline figures use:
	// phe_duyet when present, else the first.
	Main int
	// Costs are the counterpart and whole investment of the main stage.
	Costs Costs
	// Accepted counts the projects with an acceptance (nghiem_thu)
	// milestone dated in the years; HasAccepted is false when no project
	// has a dated one.
	Accepted    int
	HasAccepted bool
	// DemoModels counts the projects building demonstration models.
	DemoModels int
	// Entries sums the entries of the rounds that give them;
	// EntriesRounds counts those rounds.
	Entries       int64
	EntriesRounds int
	// Recognitions of rounds held in the years.
	Recognitions RecognitionStats
	// Report is the year's official report of the site's area, nil when
	// none (the first one when the year has several); Reconciled pairs
	// every reported metric with the computed figure.
	Report     *Report
	Reconciled []Reconciled
	// Reports are every report of the site's area and this one year, the
	// first being Report.
	Reports []*ReportStats
}

// StageFunding is funding of one budget stage, broken down.
type StageFunding struct {
	Stage string
	Total int64
	// Projects counts the projects whose own budget is of this stage;
	// Shared the shared amounts of this stage (each once).
	Projects, Shared int
	// BySource, ByActivity and ByType use the enum keys, in the data
	// contract's order, leaving out zero entries; KeyUnknown (source not
	// given) and KeyUnallocated (a shared amount over several keys) last.
	BySource   []Amount
	ByActivity []Amount
	ByType     []Amount
	// ByUnit lists the amounts recorded at the level of the units directly
	// below the site's area (the districts of a province): a project's
	// budget goes to its unit when it has one, else to the area of its
	// named beneficiaries when they are all in one; the amounts named for
	// beneficiaries go to theirs. Everything else is under the nil unit
	// (not allocated), never split. Sorted by amount, largest first, then
	// unit name and id, the nil unit last.
	ByUnit []UnitAmount
}

// Costs are the counterpart funding and whole investment of the projects
// of one stage, each summed over the projects that give it (written or
// derived from the two others).
type Costs struct {
	Stage string
	// Counterpart is the sum over CounterpartProjects projects;
	// CounterpartMissing projects do not give it.
	Counterpart         int64
	CounterpartProjects int
	CounterpartMissing  int
	// Total is the whole investment over TotalProjects projects.
	Total         int64
	TotalProjects int
	TotalMissing  int
	// LeverageBudget and LeverageCounterpart sum the budgets and
	// counterparts of the projects that give both; the leverage is their
	// ratio.
	LeverageBudget, LeverageCounterpart int64
	LeverageProjects                    int
}

// Leverage is the counterpart per đồng of promotion funding, and false when
// no project gives both.
func (c Costs) Leverage() (float64, bool) {
	if c.LeverageBudget <= 0 || c.LeverageProjects == 0 {
		return 0, false
	}
	return float64(c.LeverageCounterpart) / float64(c.LeverageBudget), true
}

// Amount is a figure under an enum key.
type Amount struct {
	Key    string
	Amount int64
}

// UnitAmount is a figure for one unit (nil: not allocated to one).
type UnitAmount struct {
	Unit   *Unit
	Amount int64
}

// RecognitionStats count recognitions (awards listed in rounds, those of
// products without a record of their own included).
type RecognitionStats struct {
	Total int
	// ByKey counts by "scheme/level" ("cnnt/tinh", "ocop/tinh", …), by
	// "group/<group>" ("group/" when the product has no group or no
	// record), by "unit/<unit id>" and by "stars/<n>" (OCOP); Keys lists
	// them in display order: scheme/level in the data contract's order,
	// groups likewise, units by count (largest first) then name, stars
	// upward. A unit counts the awards of products whose address unit, as
	// recorded, is that unit or one below it: the province counts every
	// award, so unit counts of different levels are not to be added
	// together.
	ByKey map[string]int
	Keys  []string
	// Reported sums the rounds' reported_count by "scheme/level" where given.
	Reported map[string]int
	// Owners counts the distinct owners of OCOP products recognised.
	Owners int
}

// StarCount is the number of valid OCOP certificates with a given number of
// stars.
type StarCount struct {
	Stars  int
	Count  int
	Awards []*Recognition
}

// ReportStats are a report's figures beside those of the records of the
// same unit and period.
type ReportStats struct {
	Report *Report
	// Comparable is false when the records cannot be compared with the
	// report: its unit lies above the site's area (the whole country).
	Comparable bool
	// Figures are the records' figures of the report's unit and years; nil
	// when not Comparable.
	Figures    *YearStats
	Reconciled []Reconciled
}

// Reasons a reported figure has no computed counterpart.
const (
	// ReasonNotHeld: the records do not hold such figures (fairs, study
	// tours, establishments in the area, shares).
	ReasonNotHeld = "not-held"
	// ReasonNotEntered: no record of that kind has been entered for the
	// period (no award listed, no project, no budget).
	ReasonNotEntered = "not-entered"
	// ReasonOtherArea: the report is about a larger area than the site's.
	ReasonOtherArea = "other-area"
	// ReasonUnpublished: the projects of the scope have no published
	// funding.
	ReasonUnpublished = "unpublished"
	// ReasonShared: the funding of the scope's projects is part of shared
	// amounts that also cover projects outside it, and cannot be divided.
	ReasonShared = "shared"
)

// Reconciled is a reported figure beside the one computed from the detailed
// records.
type Reconciled struct {
	Metric   string
	Reported Quantity
	// Computed is the figure from the detailed records; HasComputed is false
	// when the records cannot give it, Reason saying why. Decimal figures
	// (leverage) are in ComputedFloat.
	Computed      int64
	ComputedFloat float64
	HasComputed   bool
	Reason        string
	// Missing counts the records the computed figure lacks (projects whose
	// budget was not published, …); the figure is then a lower bound.
	Missing int
	// Diff is Reported.Value - Computed (only when HasComputed, and not
	// for decimal figures).
	Diff int64
	// Exceeds is true when the computed figure exceeds the reported one
	// beyond its approx qualifier; Build then also warns.
	Exceeds bool
}
