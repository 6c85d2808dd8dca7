//go:build unix

package partners

import "syscall"

// cpuSeconds is the CPU time (user and system) this process has used. On
// a machine shared with other builds a benchmark's wall time says more
// about the neighbours than about the code; its CPU time does not.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
