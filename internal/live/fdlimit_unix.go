//go:build unix

package live

import "syscall"

// fileLimit is how many files and connections the process may hold open
// (Go raises the soft limit to the hard one at start).
func fileLimit() int {
	var r syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r) != nil {
		return 0
	}
	return int(min(uint64(r.Cur), 1<<30))
}
