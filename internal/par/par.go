// Package par runs the independent steps of a stage on all cores. Each
// step writes only its own result, so the outcome does not depend on the
// order the steps run in, and output stays the same whatever GOMAXPROCS.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for every i below n, on runtime.GOMAXPROCS workers each
// taking the next i not yet taken, and returns when all calls have.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
