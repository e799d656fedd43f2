package gazetteer

import (
	"fmt"
	"strings"
	"testing"
)

func TestNewSite(t *testing.T) {
	tests := []struct {
		values []string
		want   string // each value's unit or problem; then the site's provinces
	}{
		{[]string{"Tuyên Quang"}, "tuyen-quang-2025 → tuyen-quang-2025"},
		{[]string{"tuyen quang"}, "tuyen-quang-2025 → tuyen-quang-2025"},
		{[]string{"tỉnh Tuyên Quang"}, "tuyen-quang-2025 → tuyen-quang-2025"},
		{[]string{"08"}, "tuyen-quang-2025 → tuyen-quang-2025"},
		{[]string{"8"}, "tuyen-quang-2025 → tuyen-quang-2025"},
		{[]string{"TP HCM"}, "ho-chi-minh-2025 → ho-chi-minh-2025"},
		{[]string{"Thành phố Hồ Chí Minh"}, "ho-chi-minh-2025 → ho-chi-minh-2025"},
		{[]string{"Hà Giang"}, "tuyen-quang-2025 (tỉnh Hà Giang không còn từ 01/07/2025, nay thuộc tỉnh Tuyên Quang: trang gồm cả tỉnh Tuyên Quang) → tuyen-quang-2025"},
		{[]string{"02"}, "tuyen-quang-2025 (mã 02 là của tỉnh Hà Giang trước 01/07/2025, nay thuộc tỉnh Tuyên Quang (mã 08): trang gồm cả tỉnh Tuyên Quang) → tuyen-quang-2025"},
		{[]string{"91"}, "an-giang-2025 → an-giang-2025"},
		{[]string{"Kiên Giang", "An Giang"}, "an-giang-2025 (tỉnh Kiên Giang không còn từ 01/07/2025, nay thuộc tỉnh An Giang: trang gồm cả tỉnh An Giang), an-giang-2025 → an-giang-2025"},
		{[]string{"An Giang", "Tuyên Quang"}, "an-giang-2025, tuyen-quang-2025 → tuyen-quang-2025 an-giang-2025"},
		{[]string{"all"}, "viet-nam → all"},
		{[]string{"Tuyen Quan"}, `không có tỉnh, thành phố nào tên "Tuyen Quan" → `},
		{[]string{"99"}, `không có tỉnh, thành phố nào mã "99"; xem mã bằng lệnh: khuyencong units find TÊN-TỈNH → `},
		{[]string{""}, `province: chưa ghi tên hay mã tỉnh; ví dụ: province: Tuyên Quang, hoặc province: all cho cả nước → `},
	}
	for _, tc := range tests {
		s, rs := NewSite(tc.values)
		var parts []string
		for _, r := range rs {
			p := ""
			if r.Unit != nil {
				p = r.Unit.ID
				for _, n := range r.Notes {
					p += " (" + n.Vi + ")"
				}
			} else {
				p = r.Msg.Vi
			}
			parts = append(parts, p)
		}
		got := strings.Join(parts, ", ") + " → "
		if s.All() {
			got += "all"
		} else {
			got += ids(s.Provinces())
		}
		if got != tc.want {
			t.Errorf("NewSite(%q):\n got %s\nwant %s", tc.values, got, tc.want)
		}
	}
}

// A province site knows its province as it is now, the former provinces
// merged into it with their districts and communes, and the units linked
// to those; nothing else.
func TestSiteUnits(t *testing.T) {
	s, _ := NewSite([]string{"Tuyên Quang"})
	counts := map[string]int{}
	for _, u := range s.Units() {
		counts[fmt.Sprintf("%v %d", u.Era, u.Level())]++
		if !s.Knows(u) {
			t.Errorf("Units lists %s, Knows does not", u.ID)
		}
	}
	ha, tq, cur := ByID("ha-giang"), ByID("tuyen-quang"), ByID("tuyen-quang-2025")
	want := map[string]int{
		"0 0": 1, // the country
		fmt.Sprintf("%v %d", Current, LevelProvince): 1,
		fmt.Sprintf("%v %d", Current, LevelCommune):  len(cur.Children),
		fmt.Sprintf("%v %d", Former, LevelProvince):  2,
		fmt.Sprintf("%v %d", Former, LevelDistrict):  len(ha.Children) + len(tq.Children),
	}
	communes := 0
	for _, d := range append(ha.Children, tq.Children...) {
		communes += len(d.Children)
	}
	want[fmt.Sprintf("%v %d", Former, LevelCommune)] = communes
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("units of a Tuyên Quang site: %v, want %v", counts, want)
	}
	for _, id := range []string{"viet-nam", "tuyen-quang-2025", "ha-giang", "tuyen-quang", "huyen-bac-quang-ha-giang", "xa-yen-nguyen-tuyen-quang-2025"} {
		if !s.Knows(ByID(id)) {
			t.Errorf("a Tuyên Quang site does not know %s", id)
		}
	}
	for _, id := range []string{"ha-noi", "ha-noi-2025", "an-giang-2025", "huyen-chau-thanh-an-giang"} {
		if s.Knows(ByID(id)) {
			t.Errorf("a Tuyên Quang site knows %s", id)
		}
	}
	if s.Area() != cur {
		t.Errorf("area %v", s.Area())
	}

	// Part of xã Tân Phú (An Giang) went to xã Tân Phú Trung of Đồng
	// Tháp: an An Giang site knows that commune and its province, to say
	// where the former one is now.
	ag, _ := NewSite([]string{"An Giang"})
	for _, id := range []string{"xa-tan-phu-trung-dong-thap-2025", "dong-thap-2025", "kien-giang", "dac-khu-phu-quoc-an-giang-2025"} {
		if !ag.Knows(ByID(id)) {
			t.Errorf("an An Giang site does not know %s", id)
		}
	}
	if ag.Knows(ByID("xa-tan-phu-dong-thap-2025")) {
		t.Error("an An Giang site knows all of Đồng Tháp")
	}
	two, _ := NewSite([]string{"An Giang", "Tuyên Quang"})
	if two.Area() != VietNam() || WholeCountry().Area() != VietNam() {
		t.Error("a site of several provinces reports on the country by default")
	}
	if n := len(WholeCountry().Units()); n != len(All()) {
		t.Errorf("the whole country has %d units", n)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		text, province string
		want           string
	}{
		{"yen nguyen", "", "xa-yen-nguyen-tuyen-quang-2025 xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
		{"Yên Nguyên", "Tuyên Quang", "xa-yen-nguyen-tuyen-quang-2025 xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
		{"Yên Nguyên", "An Giang", "similar: "},
		{"Yên Nguyên, Chiêm Hóa", "", "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
		{"Yên Nguyên, Hàm Yên", "", "similar: xa-yen-nguyen-tuyen-quang-2025 xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang xa-ban-nguyen-phu-tho-2025 xa-tien-nguyen-tuyen-quang-2025 xa-ban-nguyen-huyen-lam-thao-phu-tho xa-dien-nguyen-huyen-dien-chau-nghe-an"},
		{"xa-yen-nguyen-tuyen-quang-2025", "", "xa-yen-nguyen-tuyen-quang-2025"},
		{"02365", "", "xa-yen-nguyen-tuyen-quang-2025 xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
		{"91", "", "an-giang-2025 kien-giang"},
		{"TP Tuyên Quang", "", "tp-tuyen-quang-tuyen-quang"},
		{"Q.1", "HCM", "quan-1-ho-chi-minh"},
		{"Phu Thanh", "An Giang", "xa-phu-thanh-30433-huyen-phu-tan-an-giang xa-phu-thanh-30427-huyen-phu-tan-an-giang"},
		{"Phú Thạnh", "An Giang", "xa-phu-thanh-30427-huyen-phu-tan-an-giang"},
		{"Chiêm Hòa", "", "similar: xa-chiem-hoa-tuyen-quang-2025 huyen-chiem-hoa-tuyen-quang phuong-hiep-hoa-quang-ninh-2025 xa-chieng-hoa-son-la-2025 xa-hiep-hoa-bac-ninh-2025 xa-hiep-hoa-tay-ninh-2025"},
		{"Yen Nguyn", "Tuyen Quang", "similar: xa-yen-nguyen-tuyen-quang-2025 xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
		{"", "", ""},
		{"Yên Nguyên", "Tuyen Quan", "province problem"},
	}
	for _, tc := range tests {
		f := Lookup(tc.text, tc.province)
		got := ids(f.Units)
		if f.Similar {
			got = "similar: " + got
		}
		if f.ProvinceProblem != nil {
			got = "province problem"
		}
		if got != tc.want {
			t.Errorf("Lookup(%q, %q) = %s, want %s", tc.text, tc.province, got, tc.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tq, _ := NewSite([]string{"Tuyên Quang"})
	tests := []struct {
		site *Site
		id   string
		want string
	}{
		{tq, "xa-yen-nguyen", "xa-yen-nguyen-tuyen-quang-2025 xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
		{tq, "huyen-chiem-hoa", "huyen-chiem-hoa-tuyen-quang"},
		{tq, "tuyen-quang-2024", "tuyen-quang-2025"},
		{tq, "xa-yen-nguyen-chiem-hoa-tuyen-quang", "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
		{tq, "an-giang", ""},
		{WholeCountry(), "an-giang-2026", "an-giang-2025"},
	}
	for _, tc := range tests {
		if got := ids(tc.site.Suggest(tc.id, 5)); got != tc.want {
			t.Errorf("Suggest(%q) = %s, want %s", tc.id, got, tc.want)
		}
	}
}
