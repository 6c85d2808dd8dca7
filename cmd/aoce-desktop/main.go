// Command aoce-desktop is the AoCE Desktop app: with no arguments it opens
// the window; with a sub-command it works headless on the same data.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
