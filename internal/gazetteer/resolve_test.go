package gazetteer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/khuyencong/khuyencong/internal/golden"
)

func TestMain(m *testing.M) { os.Exit(golden.Main(m)) }

// show writes a result as the tests compare it.
func show(r Result, lang string) string {
	var b strings.Builder
	if r.Unit != nil {
		fmt.Fprintf(&b, "unit: %s", r.Unit.ID)
		if r.Outside {
			b.WriteString(" (outside)")
		}
	} else {
		fmt.Fprintf(&b, "%s: %s", r.Part.Field(), r.Msg.Text(lang))
	}
	for _, c := range r.Candidates {
		fmt.Fprintf(&b, "\n  - %s", c.Msg.Text(lang))
	}
	if r.More > 0 {
		fmt.Fprintf(&b, "\n  + %d", r.More)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "\n  note: %s", n.Text(lang))
	}
	return b.String()
}

type resolveCase struct {
	site                        string // province: values, comma-separated; "" for the whole country
	commune, district, province string
	want                        string // the unit's id, or the part that fails
}

// resolveCases are addresses as officers and articles write them.
var resolveCases = []resolveCase{
	// Type words and diacritics optional; the era by the district.
	{"Tuyên Quang", "xã Yên Nguyên", "huyện Chiêm Hóa", "tỉnh Tuyên Quang", "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
	{"Tuyên Quang", "Yên Nguyên", "", "", "xa-yen-nguyen-tuyen-quang-2025"},
	{"Tuyên Quang", "xã Yên Nguyên", "", "Tuyên Quang", "xa-yen-nguyen-tuyen-quang-2025"},
	{"Tuyên Quang", "yen nguyen", "chiem hoa", "", "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
	{"Tuyên Quang", "X. Yên Nguyên", "H. Chiêm Hoá", "", "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
	{"Tuyên Quang", "Yên Nguyên", "Chiem Hóa", "", "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
	{"Tuyên Quang", "YÊN NGUYÊN", "CHIÊM HÓA", "TUYÊN QUANG", "xa-yen-nguyen-huyen-chiem-hoa-tuyen-quang"},
	{"Tuyên Quang", "Ye\u0302n Nguye\u0302n", "", "", "xa-yen-nguyen-tuyen-quang-2025"},
	{"Tuyên Quang", "phường Mỹ Lâm", "TP Tuyên Quang", "", "phuong-my-lam-tp-tuyen-quang-tuyen-quang"},
	{"Tuyên Quang", "Mỹ Lâm", "thành phố Tuyên Quang", "Tuyên Quang", "phuong-my-lam-tp-tuyen-quang-tuyen-quang"},
	{"Tuyên Quang", "P. Mỹ Lâm", "tp. Tuyên Quang", "", "phuong-my-lam-tp-tuyen-quang-tuyen-quang"},
	{"Tuyên Quang", "phường Mỹ Lâm", "", "", "phuong-my-lam-tuyen-quang-2025"},
	{"Tuyên Quang", "", "Chiêm Hóa", "", "huyen-chiem-hoa-tuyen-quang"},
	{"Tuyên Quang", "", "", "Tuyên Quang", "tuyen-quang-2025"},
	{"Tuyên Quang", "", "", "08", "tuyen-quang-2025"},
	// Former Hà Giang, now part of Tuyên Quang.
	{"Tuyên Quang", "Việt Quang", "Bắc Quang", "Hà Giang", "tt-viet-quang-huyen-bac-quang-ha-giang"},
	{"Tuyên Quang", "TT Việt Quang", "H.Bắc Quang", "Tuyên Quang", "tt-viet-quang-huyen-bac-quang-ha-giang"},
	{"Tuyên Quang", "Bạch Ngọc", "", "Hà Giang", "xa-bach-ngoc-tuyen-quang-2025"},
	{"Tuyên Quang", "", "", "Hà Giang", "ha-giang"},
	{"Tuyên Quang", "Xà Phìn", "Đồng Văn", "", "xa-xa-phin-huyen-dong-van-ha-giang"},
	// Unknown, misplaced, misspelt.
	{"Tuyên Quang", "Yên Nguyên", "Hàm Yên", "", "commune"},
	{"Tuyên Quang", "Yen Nguyn", "", "", "commune"},
	{"Tuyên Quang", "xã Mỹ Lâm", "", "", "commune"},
	{"Tuyên Quang", "Tân Phú", "", "", "commune"},
	{"Tuyên Quang", "", "Chiêm Hòa", "", "district"},
	{"Tuyên Quang", "Yên Nguyên", "Chiêm Hóa", "Hà Nội", "district"},
	{"Tuyên Quang", "Yên Nguyên", "", "Tuyen Quan", "province"},
	{"Tuyên Quang", "Thuận Hòa", "", "Thừa Thiên Huế", "commune"},
	{"Tuyên Quang", "", "", "", ""},
	// Outside the site.
	{"Tuyên Quang", "Bến Nghé", "Q.1", "TP HCM", "phuong-ben-nghe-quan-1-ho-chi-minh"},
	// Numbers, abbreviations, other names of provinces.
	{"", "P1", "Q3", "Hồ Chí Minh", "phuong-1-quan-3-ho-chi-minh"},
	{"", "Phường 1", "Quận 3", "Thành phố Hồ Chí Minh", "phuong-1-quan-3-ho-chi-minh"},
	{"", "phường 01", "quận 03", "TP.HCM", "phuong-1-quan-3-ho-chi-minh"},
	{"", "Côn Đảo", "", "TP.HCM", "dac-khu-con-dao-ho-chi-minh-2025"},
	{"", "", "Côn Đảo", "Bà Rịa - Vũng Tàu", "huyen-con-dao-ba-ria-vung-tau"},
	{"", "", "Côn Đảo", "BRVT", "huyen-con-dao-ba-ria-vung-tau"},
	{"", "", "Phong Điền", "Thừa Thiên Huế", "tx-phong-dien-hue"},
	{"", "", "Cư M'gar", "Đắc Lắc", "huyen-cu-mgar-dak-lak"},
	{"", "", "Cu Mgar", "Daklak", "huyen-cu-mgar-dak-lak"},
	{"", "", "Quan Hóa", "Thanh Hóa", "huyen-quan-hoa-thanh-hoa"},
	{"", "Hòa Bình", "", "", "commune"},
	{"", "", "", "Hoà Bình", "hoa-binh"},
	{"", "", "", "Hòa Bình", "hoa-binh"},
	// Names that differ only by diacritics, or not at all.
	{"", "Phú Thạnh", "Phú Tân", "An Giang", "xa-phu-thanh-30427-huyen-phu-tan-an-giang"},
	{"", "Phu Thạnh", "Phú Tân", "An Giang", "xa-phu-thanh-30427-huyen-phu-tan-an-giang"},
	{"", "Phu Thanh", "Phu Tan", "An Giang", "commune"},
	{"", "Tân Phú", "", "", "commune"},
	{"", "", "Kỳ Anh", "Hà Tĩnh", "district"},
	{"", "", "thị xã Kỳ Anh", "Hà Tĩnh", "tx-ky-anh-ha-tinh"},
	{"", "Đông Khê", "TP Thanh Hóa", "Thanh Hóa", "commune"},
	// Two former provinces in one site.
	{"An Giang", "Tân Phú", "Châu Thành", "", "district"},
	{"An Giang", "Tân Phú", "Châu Thành", "An Giang", "xa-tan-phu-huyen-chau-thanh-an-giang"},
	{"An Giang", "Tri Tôn", "", "", "xa-tri-ton-an-giang-2025"},
	{"An Giang", "thị trấn Tri Tôn", "", "", "commune"},
	{"An Giang", "Phú Quốc", "", "", "dac-khu-phu-quoc-an-giang-2025"},
	// Several provinces.
	{"Tuyên Quang, An Giang", "Tân Phú", "", "", "commune"},
	{"Tuyên Quang, An Giang", "Yên Nguyên", "", "", "xa-yen-nguyen-tuyen-quang-2025"},
}

func siteOf(t *testing.T, values string) *Site {
	t.Helper()
	if values == "" {
		return WholeCountry()
	}
	s, rs := NewSite(strings.Split(values, ", "))
	for _, r := range rs {
		if r.Unit == nil {
			t.Fatalf("site %s: %s", values, r.Msg.Vi)
		}
	}
	return s
}

func TestResolve(t *testing.T) {
	var out strings.Builder
	for _, tc := range resolveCases {
		r := siteOf(t, tc.site).Resolve(tc.commune, tc.district, tc.province)
		got := r.Part.Field()
		if r.Problem == Found {
			got = r.Unit.ID
		}
		if got != tc.want {
			t.Errorf("site %q: Resolve(%q, %q, %q) = %s, want %s\n%s", tc.site, tc.commune, tc.district, tc.province, got, tc.want, show(r, "vi"))
		}
		if (r.Unit != nil) != (r.Problem == Found) {
			t.Errorf("Resolve(%q, %q, %q): unit %v with problem %d", tc.commune, tc.district, tc.province, r.Unit, r.Problem)
		}
		fmt.Fprintf(&out, "site %q: %q, %q, %q\n%s\n%s\n\n", tc.site, tc.commune, tc.district, tc.province, show(r, "vi"), show(r, "en"))
	}
	golden.CheckString(t, "resolve.txt", out.String())
}
