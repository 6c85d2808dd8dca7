//go:build unix

package live

import (
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"syscall"
	"time"
)

// usage measures this process's CPU time over a span and its peak RSS
// (Linux's VmHWM: the high-water mark since the process started).
type usage struct {
	start time.Time
	cpu   time.Duration
}

func startUsage() usage { return usage{start: time.Now(), cpu: cpuTime()} }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var vmHWM = regexp.MustCompile(`VmHWM:\s+(\d+) kB`)

func (u usage) stop() string {
	wall, cpu := time.Since(u.start), cpuTime()-u.cpu
	peak := "peak RSS unknown (no /proc)"
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		if m := vmHWM.FindSubmatch(b); m != nil {
			kb, _ := strconv.Atoi(string(m[1]))
			peak = fmt.Sprintf("peak RSS %d MB", kb/1024)
		}
	}
	return fmt.Sprintf("CPU %v over %v (%.2f cores of %d), %s", cpu.Round(time.Millisecond), wall.Round(time.Millisecond),
		cpu.Seconds()/wall.Seconds(), runtime.NumCPU(), peak)
}

// loadAverage is the machine's one-minute load average (0 when unknown).
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	var one float64
	fmt.Sscan(string(b), &one)
	return one
}
