//go:build !unix

package live

import "time"

// usage is wall time only where there is no getrusage.
type usage struct{ start time.Time }

func startUsage() usage { return usage{start: time.Now()} }

func (u usage) stop() (string, float64) { return "CPU and RSS not measured on this system", -1 }
