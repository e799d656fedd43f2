package gazetteer

import (
	"sync"
	"testing"
)

// BenchmarkDecode measures loading the gazetteer: decoding units.txt into
// units with their ids, parents and successions (done once per process,
// on first use).
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		decode(data)
	}
}

// BenchmarkNameIndex measures building the index of names that Resolve and
// Lookup use (done once per process, on the first name looked up).
func BenchmarkNameIndex(b *testing.B) {
	get()
	b.ReportAllocs()
	for b.Loop() {
		indexOnce = sync.Once{}
		named("")
	}
}

// BenchmarkSiteUnits measures finding the units of a province site.
func BenchmarkSiteUnits(b *testing.B) {
	get()
	b.ReportAllocs()
	for b.Loop() {
		s, _ := NewSite([]string{"Tuyên Quang"})
		s.Units()
	}
}

// BenchmarkResolve measures resolving an address by names, the index
// built.
func BenchmarkResolve(b *testing.B) {
	s, _ := NewSite([]string{"Tuyên Quang"})
	s.Resolve("Yên Nguyên", "", "")
	b.ReportAllocs()
	for b.Loop() {
		s.Resolve("xã Yên Nguyên", "H. Chiêm Hóa", "")
		s.Resolve("Mỹ Lâm", "", "tỉnh Tuyên Quang")
	}
}

// BenchmarkResolveUnknown measures an address that names no unit: the
// path that looks for similar names.
func BenchmarkResolveUnknown(b *testing.B) {
	s, _ := NewSite([]string{"Tuyên Quang"})
	s.Resolve("Yên Nguyên", "", "")
	b.ReportAllocs()
	for b.Loop() {
		s.Resolve("Yen Nguyn", "", "")
	}
}

// BenchmarkSiteFirstUse measures what a build of a site that names its
// province pays for the gazetteer, once per process: decoding it, the
// maps by id and by code (a site whose units.yaml stands for built-in
// units, as the example site's does), the index of names (a site that
// writes addresses by names) and the site's units.
func BenchmarkSiteFirstUse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadOnce, loaded, indexOnce = sync.Once{}, nil, sync.Once{}
		ByID("an-giang")
		ByCode(Former, "883")
		s, _ := NewSite([]string{"An Giang"})
		s.Resolve("Tri Tôn", "Tri Tôn", "")
		s.Knows(ByID("an-giang-2025"))
	}
}
