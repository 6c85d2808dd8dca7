package main

import (
	"fmt"
	"io"
	"strings"
)

// groupCommands are the commands of the group named by the first word of
// name ("survey" → survey import, survey list …), itself included when
// it is a command ("sync"); none when no command starts with that word.
func groupCommands(name string) []command {
	group, _, _ := strings.Cut(name, " ")
	var out []command
	for _, c := range commands() {
		if first, _, _ := strings.Cut(c.name, " "); first == group {
			out = append(out, c)
		}
	}
	return out
}

// printCommands lists commands as the usage does.
func printCommands(w io.Writer, cmds []command) {
	for _, c := range cmds {
		fmt.Fprintf(w, "  aoce-desktop %-22s %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
}

// printGroupUsage answers "GROUP --help" (or a group's unknown command)
// with the group's commands.
func printGroupUsage(w io.Writer, cmds []command) {
	group, _, _ := strings.Cut(cmds[0].name, " ")
	fmt.Fprintf(w, "usage: aoce-desktop %s COMMAND [flags]\n\ncommands:\n", group)
	printCommands(w, cmds)
	fmt.Fprintf(w, "\n'aoce-desktop %s COMMAND --help' tells a command's flags.\n", group)
}
