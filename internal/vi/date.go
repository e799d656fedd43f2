package vi

import (
	"strconv"
	"time"
)

// The calendar names are the package's own, never the machine locale's.
var (
	weekdaysVI = [7]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
	weekdaysEN = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	monthsEN   = [13]string{"", "January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	monthsShortEN = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		"Aug", "Sep", "Oct", "Nov", "Dec"}
)

// The functions taking a time.Time use its calendar fields as they are:
// pass a time already in the zone the date belongs to.

// Date writes t as "17/08/2021".
func Date(t time.Time) string { return PartialDate(t.Year(), int(t.Month()), t.Day(), "vi") }

// DateIn writes t in the given language: "17/08/2021", in English
// "17 Aug 2021".
func DateIn(t time.Time, lang string) string {
	return PartialDate(t.Year(), int(t.Month()), t.Day(), lang)
}

// LongDate writes t with its weekday: "Thứ Ba, 17/08/2021".
func LongDate(t time.Time) string { return LongDateIn(t, "vi") }

// LongDateIn writes t with its weekday in the given language:
// "Thứ Ba, 17/08/2021", in English "Tuesday, 17 August 2021".
func LongDateIn(t time.Time, lang string) string {
	if isEN(lang) {
		return WeekdayName(t.Weekday(), lang) + ", " + FormalPartialDate(t.Year(), int(t.Month()), t.Day(), lang)
	}
	return WeekdayName(t.Weekday(), lang) + ", " + Date(t)
}

// FormalDate writes t as in the heading of an official document:
// "ngày 17 tháng 8 năm 2021".
func FormalDate(t time.Time) string {
	return FormalPartialDate(t.Year(), int(t.Month()), t.Day(), "vi")
}

// WeekdayName returns the name of a weekday: "Chủ Nhật", "Thứ Hai" … "Thứ
// Bảy"; in English "Sunday" … "Saturday".
func WeekdayName(d time.Weekday, lang string) string {
	if d < time.Sunday || d > time.Saturday {
		return ""
	}
	if isEN(lang) {
		return weekdaysEN[d]
	}
	return weekdaysVI[d]
}

// MonthName returns the name of month m (1–12) for running text:
// "tháng 8"; in English "August". It returns "" for any other m.
func MonthName(m int, lang string) string {
	if m < 1 || m > 12 {
		return ""
	}
	if isEN(lang) {
		return monthsEN[m]
	}
	return "tháng " + strconv.Itoa(m)
}

// PartialDate writes a date known to the day, the month or only the year
// (month and day 0 when not known), as in lists and tables:
//
//	vi: "17/08/2021", "08/2021", "2021"
//	en: "17 Aug 2021", "Aug 2021", "2021"
//
// A day without a month is ignored; year 0 gives "".
func PartialDate(year, month, day int, lang string) string {
	if year == 0 {
		return ""
	}
	y := strconv.Itoa(year)
	if month < 1 || month > 12 {
		return y
	}
	if isEN(lang) {
		if day < 1 {
			return monthsShortEN[month] + " " + y
		}
		return strconv.Itoa(day) + " " + monthsShortEN[month] + " " + y
	}
	if day < 1 {
		return two(month) + "/" + y
	}
	return two(day) + "/" + two(month) + "/" + y
}

// FormalPartialDate writes a date known to the day, the month or only the
// year in words:
//
//	vi: "ngày 17 tháng 8 năm 2021", "tháng 8 năm 2021", "năm 2021"
//	en: "17 August 2021", "August 2021", "2021"
//
// A day without a month is ignored; year 0 gives "".
func FormalPartialDate(year, month, day int, lang string) string {
	if year == 0 {
		return ""
	}
	y := strconv.Itoa(year)
	en := isEN(lang)
	switch {
	case month < 1 || month > 12:
		if en {
			return y
		}
		return "năm " + y
	case day < 1:
		if en {
			return monthsEN[month] + " " + y
		}
		return "tháng " + strconv.Itoa(month) + " năm " + y
	}
	if en {
		return strconv.Itoa(day) + " " + monthsEN[month] + " " + y
	}
	return "ngày " + strconv.Itoa(day) + " tháng " + strconv.Itoa(month) + " năm " + y
}

// ISODate writes a date known to the day, the month or the year in the
// form the HTML datetime attribute and open data take: "2021-08-17",
// "2021-08", "2021". Year 0 gives "".
func ISODate(year, month, day int) string {
	if year == 0 {
		return ""
	}
	y := strconv.Itoa(year)
	for year > 0 && len(y) < 4 {
		y = "0" + y
	}
	if month < 1 || month > 12 {
		return y
	}
	if day < 1 {
		return y + "-" + two(month)
	}
	return y + "-" + two(month) + "-" + two(day)
}

// two writes n with at least two digits.
func two(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
