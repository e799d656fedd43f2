package vi

import (
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		t                      time.Time
		date, long, formal     string
		dateEN, longEN, formEN string
	}{
		{day(2021, 8, 17), "17/08/2021", "Thứ Ba, 17/08/2021", "ngày 17 tháng 8 năm 2021",
			"17 Aug 2021", "Tuesday, 17 August 2021", "17 August 2021"},
		{day(2020, 8, 21), "21/08/2020", "Thứ Sáu, 21/08/2020", "ngày 21 tháng 8 năm 2020",
			"21 Aug 2020", "Friday, 21 August 2020", "21 August 2020"},
		{day(2025, 7, 1), "01/07/2025", "Thứ Ba, 01/07/2025", "ngày 1 tháng 7 năm 2025",
			"1 Jul 2025", "Tuesday, 1 July 2025", "1 July 2025"},
		{day(2024, 12, 29), "29/12/2024", "Chủ Nhật, 29/12/2024", "ngày 29 tháng 12 năm 2024",
			"29 Dec 2024", "Sunday, 29 December 2024", "29 December 2024"},
		{day(2024, 12, 30), "30/12/2024", "Thứ Hai, 30/12/2024", "ngày 30 tháng 12 năm 2024",
			"30 Dec 2024", "Monday, 30 December 2024", "30 December 2024"},
		{day(2025, 1, 1), "01/01/2025", "Thứ Tư, 01/01/2025", "ngày 1 tháng 1 năm 2025",
			"1 Jan 2025", "Wednesday, 1 January 2025", "1 January 2025"},
		{day(2025, 1, 2), "02/01/2025", "Thứ Năm, 02/01/2025", "ngày 2 tháng 1 năm 2025",
			"2 Jan 2025", "Thursday, 2 January 2025", "2 January 2025"},
		{day(2025, 1, 4), "04/01/2025", "Thứ Bảy, 04/01/2025", "ngày 4 tháng 1 năm 2025",
			"4 Jan 2025", "Saturday, 4 January 2025", "4 January 2025"},
		// The calendar fields of t are used as they are, in t's zone.
		{time.Date(2021, 8, 17, 23, 30, 0, 0, time.FixedZone("ICT", 7*3600)), "17/08/2021",
			"Thứ Ba, 17/08/2021", "ngày 17 tháng 8 năm 2021",
			"17 Aug 2021", "Tuesday, 17 August 2021", "17 August 2021"},
	}
	for _, tt := range tests {
		check := func(name, got, want string) {
			t.Helper()
			if got != want {
				t.Errorf("%s(%s) = %q, want %q", name, tt.t.Format(time.RFC3339), got, want)
			}
		}
		check("Date", Date(tt.t), tt.date)
		check("DateIn vi", DateIn(tt.t, "vi"), tt.date)
		check("LongDate", LongDate(tt.t), tt.long)
		check("FormalDate", FormalDate(tt.t), tt.formal)
		check("DateIn en", DateIn(tt.t, "en"), tt.dateEN)
		check("LongDateIn en", LongDateIn(tt.t, "en"), tt.longEN)
		check("FormalPartialDate en", FormalPartialDate(tt.t.Year(), int(tt.t.Month()), tt.t.Day(), "en"), tt.formEN)
	}
}

func TestPartialDates(t *testing.T) {
	tests := []struct {
		y, m, d           int
		short, formal     string
		shortEN, formalEN string
		iso               string
	}{
		{2021, 8, 17, "17/08/2021", "ngày 17 tháng 8 năm 2021", "17 Aug 2021", "17 August 2021", "2021-08-17"},
		{2021, 8, 0, "08/2021", "tháng 8 năm 2021", "Aug 2021", "August 2021", "2021-08"},
		{2021, 12, 0, "12/2021", "tháng 12 năm 2021", "Dec 2021", "December 2021", "2021-12"},
		{2021, 0, 0, "2021", "năm 2021", "2021", "2021", "2021"},
		{2021, 0, 5, "2021", "năm 2021", "2021", "2021", "2021"}, // a day without a month is ignored
		{2021, 13, 1, "2021", "năm 2021", "2021", "2021", "2021"},
		{0, 8, 17, "", "", "", "", ""},
		{999, 1, 2, "02/01/999", "ngày 2 tháng 1 năm 999", "2 Jan 999", "2 January 999", "0999-01-02"},
	}
	for _, tt := range tests {
		check := func(name, got, want string) {
			t.Helper()
			if got != want {
				t.Errorf("%s(%d, %d, %d) = %q, want %q", name, tt.y, tt.m, tt.d, got, want)
			}
		}
		check("PartialDate vi", PartialDate(tt.y, tt.m, tt.d, "vi"), tt.short)
		check("FormalPartialDate vi", FormalPartialDate(tt.y, tt.m, tt.d, "vi"), tt.formal)
		check("PartialDate en", PartialDate(tt.y, tt.m, tt.d, "en"), tt.shortEN)
		check("FormalPartialDate en", FormalPartialDate(tt.y, tt.m, tt.d, "en"), tt.formalEN)
		check("ISODate", ISODate(tt.y, tt.m, tt.d), tt.iso)
	}
}

func TestNames(t *testing.T) {
	wantVI := []string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
	wantEN := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := WeekdayName(d, "vi"); got != wantVI[d] {
			t.Errorf("WeekdayName(%d, vi) = %q, want %q", d, got, wantVI[d])
		}
		if got := WeekdayName(d, "en"); got != wantEN[d] {
			t.Errorf("WeekdayName(%d, en) = %q, want %q", d, got, wantEN[d])
		}
	}
	if got := WeekdayName(7, "vi"); got != "" {
		t.Errorf("WeekdayName(7) = %q, want \"\"", got)
	}
	months := []struct {
		m      int
		vi, en string
	}{
		{0, "", ""}, {1, "tháng 1", "January"}, {8, "tháng 8", "August"}, {12, "tháng 12", "December"}, {13, "", ""},
	}
	for _, tt := range months {
		if got := MonthName(tt.m, "vi"); got != tt.vi {
			t.Errorf("MonthName(%d, vi) = %q, want %q", tt.m, got, tt.vi)
		}
		if got := MonthName(tt.m, "en"); got != tt.en {
			t.Errorf("MonthName(%d, en) = %q, want %q", tt.m, got, tt.en)
		}
	}
}
