// Command aoce-desktop is the AoCE Desktop app: with no arguments it opens
// the window; with a sub-command it works headless on the same data.
package main

import (
	"os"

	"github.com/aoce-desktop/aoce-desktop/internal/winconsole"
)

func main() {
	if !opensWindow(os.Args[1:]) {
		// On Windows, print a command's output in the console it was typed in.
		winconsole.Attach()
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
