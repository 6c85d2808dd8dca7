// Package outline reads a network's themes typed as an indented outline,
// one line each: a theme flush left, its sub-themes indented under it.
//
//	1 Working with citizens
//	  1.1 Participatory budgets
//	  1.2 Neighbourhood councils
//	2 Green transition
//
// The numbers are optional: a line without one gets the next (1, 2 …; 1.1,
// 1.2 …). Bad lines are refused with their line number.
package outline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// number is a leading "1", "1.", "1.2" or "1.2." and the space after it.
var number = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?(?:\s+|$)`)

// Parse reads the outline into themes with their sub-themes, numbered and
// positioned in order, for network networkID. source names the text in
// the errors. Blank lines are skipped; an empty outline gives no themes.
func Parse(source, networkID, text string) ([]data.Theme, []error) {
	var themes []data.Theme
	var problems []error
	bad := func(line int, msg, hint string) {
		problems = append(problems, &tabular.FileError{File: source, Line: line, Msg: msg, Hint: hint})
	}
	for i, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		lineNo := i + 1
		if strings.TrimSpace(raw) == "" {
			continue
		}
		indented := raw[0] == ' ' || raw[0] == '\t'
		line := strings.TrimSpace(raw)
		num, title := "", line
		if m := number.FindStringSubmatch(line); m != nil {
			num, title = m[1], strings.TrimSpace(line[len(m[0]):])
		}
		if title == "" {
			bad(lineNo, fmt.Sprintf("%q has no title", line), "write a number and a title, like 1.1 Participatory budgets")
			continue
		}
		depth := strings.Count(num, ".") // 0: a theme's number, 1: a sub-theme's
		if num == "" {
			depth = 0
			if indented {
				depth = 1
			}
		}
		switch {
		case depth > 1:
			bad(lineNo, fmt.Sprintf("%q is a third level", line), "an outline has themes and their sub-themes only")
		case depth == 0 && indented:
			bad(lineNo, fmt.Sprintf("%q is indented but numbered as a theme", line), "write a theme flush left, or number the sub-theme like 1.1")
		case depth == 1 && !indented:
			bad(lineNo, fmt.Sprintf("%q is numbered as a sub-theme but not indented", line), "indent a sub-theme under its theme")
		case depth == 0:
			if num == "" {
				num = strconv.Itoa(len(themes) + 1)
			}
			for _, th := range themes {
				if th.Number == num {
					bad(lineNo, fmt.Sprintf("theme %s is numbered again", num), "give each theme its own number")
				}
			}
			themes = append(themes, data.Theme{NetworkID: networkID, Position: len(themes), Number: num, Title: title})
		case len(themes) == 0:
			bad(lineNo, fmt.Sprintf("%q comes before any theme", line), "write its theme on a line of its own above it, flush left")
		default:
			th := &themes[len(themes)-1]
			if num == "" {
				num = th.Number + "." + strconv.Itoa(len(th.SubThemes)+1)
			} else if !strings.HasPrefix(num, th.Number+".") {
				bad(lineNo, fmt.Sprintf("sub-theme %s is under theme %s", num, th.Number), "number it "+th.Number+".…, or move it under its theme")
				continue
			}
			for _, st := range th.SubThemes {
				if st.Number == num {
					bad(lineNo, fmt.Sprintf("sub-theme %s is numbered again", num), "give each sub-theme its own number")
				}
			}
			th.SubThemes = append(th.SubThemes, data.SubTheme{Position: len(th.SubThemes), Number: num, Title: title})
		}
	}
	return themes, problems
}
