//go:build !windows

package winconsole

// Attach does nothing outside Windows: the program has its terminal's output.
func Attach() {}
