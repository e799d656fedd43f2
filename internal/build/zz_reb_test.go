package build

import (
	"fmt"
	"os"
	"runtime/pprof"
	"testing"
	"time"
)

func TestZZRebuild(t *testing.T) {
	site := os.Getenv("ZZSITE")
	if site == "" {
		t.Skip()
	}
	out := os.Getenv("ZZOUT")
	if os.Getenv("ZZCOLD") == "" {
		Build(site, BuildOptions{Output: out, Now: buildDate})
	}
	f, _ := os.Create(os.Getenv("ZZPROF"))
	pprof.StartCPUProfile(f)
	for i := 0; i < 3; i++ {
		if os.Getenv("ZZCOLD") != "" {
			os.RemoveAll(out)
		}
		if a := os.Getenv("ZZEDIT"); a != "" {
			f, _ := os.OpenFile(a, os.O_APPEND|os.O_WRONLY, 0)
			fmt.Fprintf(f, "\nSửa lần %d.\n", i)
			f.Close()
		}
		c, w := zzcpu(), time.Now()
		res, d := Build(site, BuildOptions{Output: out, Now: buildDate})
		t.Logf("build cpu %v wall %v written %d reused %d %v", zzcpu()-c, time.Since(w), res.Written, res.Reused, d.HasErrors())
		for _, s := range res.Stages {
			t.Logf("  %s %v", s.Name, s.Elapsed)
		}
	}
	pprof.StopCPUProfile()
	f.Close()
}
