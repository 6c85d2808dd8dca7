package testkit

import "testing"

// The sampler sees memory the function holds: a test of memory that
// cannot see 100 MB would pass whatever the reader does.
func TestPeakMemorySeesAnAllocation(t *testing.T) {
	var keep []byte
	peak := PeakMemory(func() {
		keep = make([]byte, 100<<20)
		for i := range keep {
			keep[i] = 1
		}
	})
	if peak < 100<<20 {
		t.Fatalf("peak %d MB, want at least 100", peak>>20)
	}
	_ = keep[0]
}
