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
