//go:build !unix

package live

// fileLimit is unknown here (Windows has no small descriptor table):
// the caps' own ceilings apply.
func fileLimit() int { return 0 }
