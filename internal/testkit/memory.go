package testkit

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// PeakMemory runs fn and returns the most memory the Go runtime held
// from the system while it ran (mapped minus released, sampled every
// millisecond), above what it held before: the in-process stand-in for
// the peak RSS `/usr/bin/time -v` reports for a command.
func PeakMemory(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	held := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64() - sample[1].Value.Uint64()
	}
	base := held()
	peak := base
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, held())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	peak = max(peak, held())
	return peak - base
}
