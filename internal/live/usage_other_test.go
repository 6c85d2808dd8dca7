//go:build !unix

package live

import "time"

// usage is wall time only where there is no getrusage.
type usage struct{ start time.Time }

func startUsage() usage { return usage{start: time.Now()} }

func (u usage) stop() string { return "CPU and RSS not measured on this system" }

// loadAverage is unknown here.
func loadAverage() float64 { return 0 }
