package build

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

func TestZZMem(t *testing.T) {
	site := os.Getenv("ZZSITE")
	if site == "" {
		t.Skip()
	}
	out := os.Getenv("ZZOUT")
	os.RemoveAll(out)
	if os.Getenv("ZZWARM") != "" {
		Build(site, BuildOptions{Output: out, Now: buildDate})
	}
	stop := make(chan bool)
	var max uint64
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > max+20<<20 {
				max = ms.HeapInuse
				f, _ := os.Create(os.Getenv("ZZPROF"))
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
		}
	}()
	res, _ := Build(site, BuildOptions{Output: out, Now: buildDate})
	close(stop)
	t.Logf("max heap inuse %d MB written %d", max>>20, res.Written)
}
