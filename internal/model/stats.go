package model

// Stats are the figures derived from the detailed records, computed once by
// Build for every page, chart and export.
type Stats struct {
	// Years are the years that have projects, recognitions or reports,
	// oldest first.
	Years []*YearStats
	// All sums every year (per stage, never adding stages together).
	All YearStats
	// OCOPValid counts the OCOP certificates still valid on the build date,
	// by stars (3, 4, 5), with their recognitions.
	OCOPValid []StarCount
}

// YearStats are one year's figures. In All, Year is 0.
type YearStats struct {
	Year int
	// Funding is the khuyến công funding (project budgets) of the year, one
	// entry per budget stage present, in stage order (de_nghi, phe_duyet,
	// giai_ngan, quyet_toan).
	Funding []StageFunding
	// Projects is the number of projects (cancelled ones, status huy, are
	// left out of every figure).
	Projects int
	// EstablishmentsSupported counts distinct establishments: each named
	// beneficiary once however many projects it had, plus the unnamed
	// recipients of projects that give beneficiaries_count.
	EstablishmentsSupported int
	// NamedSupported is the distinct named beneficiaries alone.
	NamedSupported int
	// AvgSupport is the funding of the main stage (Funding[Main]) divided by
	// EstablishmentsSupported, 0 when either is 0.
	AvgSupport int64
	// Main is the index in Funding of the stage headline figures use:
	// phe_duyet when present, else the first.
	Main int
	// Recognitions of rounds held this year.
	Recognitions RecognitionStats
	// Report is the year's official report, nil when none; Reconciled pairs
	// every reported metric with the computed figure.
	Report     *Report
	Reconciled []Reconciled
}

// StageFunding is funding of one budget stage, broken down.
type StageFunding struct {
	Stage string
	Total int64
	// BySource, ByActivity and ByType use the enum keys, in the data
	// contract's order, leaving out zero entries.
	BySource   []Amount
	ByActivity []Amount
	ByType     []Amount
	// ByUnit splits each project's budget by the address unit (at the time
	// of the record) of its named beneficiaries, in proportion to their
	// named amounts when all have one, else equally; funding of projects
	// without named beneficiaries is under the key "" (unit unknown).
	// Recipients counted but not named (beneficiaries_count above the named
	// ones) take their share under the unknown unit too: the budget left
	// over the named amounts, or their equal shares. Shares are whole đồng
	// adding up to each budget exactly. Sorted by amount, largest first,
	// then unit name and id, the unknown unit last.
	ByUnit []UnitAmount
}

// Amount is a figure under an enum key.
type Amount struct {
	Key    string
	Amount int64
}

// UnitAmount is a figure for one unit (nil: not known).
type UnitAmount struct {
	Unit   *Unit
	Amount int64
}

// RecognitionStats count recognitions (awards listed in rounds).
type RecognitionStats struct {
	Total int
	// ByKey counts by "scheme/level" ("cnnt/tinh", "ocop/tinh", …), by
	// "group/<group>" ("group/" when the product has no group) and by
	// "unit/<unit id>"; Keys lists them in display order: scheme/level in
	// the data contract's order, groups likewise, units by count (largest
	// first) then name. A unit counts the awards of products whose
	// establishment's address unit, as recorded, is that unit or one below
	// it: the province counts every award, so unit counts of different
	// levels are not to be added together.
	ByKey map[string]int
	Keys  []string
	// Reported sums the rounds' reported_count by "scheme/level" where given.
	Reported map[string]int
}

// StarCount is the number of valid OCOP certificates with a given number of
// stars.
type StarCount struct {
	Stars  int
	Count  int
	Awards []*Recognition
}

// Reconciled is a reported figure beside the one computed from the detailed
// records.
type Reconciled struct {
	Metric   string
	Reported Quantity
	// Computed is the figure from the detailed records; HasComputed is false
	// when the records cannot give it (e.g. fairs, study tours).
	Computed    int64
	HasComputed bool
	// Diff is Reported.Value - Computed (only when HasComputed).
	Diff int64
	// Exceeds is true when the computed figure exceeds the reported one
	// beyond its approx qualifier; Build then also warns.
	Exceeds bool
}
