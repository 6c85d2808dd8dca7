package main

import (
	"fmt"
	"io"
)

func runGUI(args []string, stderr io.Writer) int {
	fmt.Fprintln(stderr, "GUI not yet built")
	return 1
}
