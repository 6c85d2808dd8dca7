//go:build unix

package live

import (
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// usage measures this process's CPU time over a span, its peak RSS
// (Linux's VmHWM: the high-water mark since the process started) and how
// much CPU the other processes of the machine took meanwhile (/proc/stat).
type usage struct {
	start             time.Time
	cpu               time.Duration
	machine, machIdle float64 // jiffies of all CPUs, and of them idle
}

func startUsage() usage {
	u := usage{start: time.Now(), cpu: cpuTime()}
	u.machine, u.machIdle = machineJiffies()
	return u
}

// machineJiffies reads the first line of /proc/stat (0, 0 when unknown).
func machineJiffies() (total, idle float64) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	for i, f := range strings.Fields(line)[1:] {
		n, _ := strconv.ParseFloat(f, 64)
		total += n
		if i == 3 || i == 4 { // idle, iowait
			idle += n
		}
	}
	return total, idle
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var vmHWM = regexp.MustCompile(`VmHWM:\s+(\d+) kB`)

// stop reports the span, and the cores the other processes used in it on
// average (-1 when unknown).
func (u usage) stop() (string, float64) {
	wall, cpu := time.Since(u.start), cpuTime()-u.cpu
	others := -1.0
	if total, idle := machineJiffies(); total > u.machine {
		busy := (total - u.machine - (idle - u.machIdle)) / (total - u.machine) * float64(runtime.NumCPU())
		others = max(0, busy-cpu.Seconds()/wall.Seconds())
	}
	peak := "peak RSS unknown (no /proc)"
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		if m := vmHWM.FindSubmatch(b); m != nil {
			kb, _ := strconv.Atoi(string(m[1]))
			peak = fmt.Sprintf("peak RSS %d MB", kb/1024)
		}
	}
	return fmt.Sprintf("CPU %v over %v (%.2f cores of %d), %s; other processes used %.2f cores meanwhile", cpu.Round(time.Millisecond),
		wall.Round(time.Millisecond), cpu.Seconds()/wall.Seconds(), runtime.NumCPU(), peak, others), others
}
