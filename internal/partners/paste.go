package partners

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

var (
	// "LEAD PARTNER : Braga - Portugal", "Lead partner: Genk – Belgium"
	leadPrefix = regexp.MustCompile(`(?i)^\s*lead\s*partner\s*[:：-]\s*`)
	// bullets the URBACT site and word processors use
	bulletPrefix = regexp.MustCompile(`^\s*(?:[•·▪◦‣∙*–—-]|\d+[.)])\s*`)
	// a heading line such as "PARTNERS :" with nothing after the colon
	headingLine = regexp.MustCompile(`^[^:]*:\s*$`)
	// "City - Country": the last spaced dash separates the country
	cityCountry = regexp.MustCompile(`^(.*\S)\s+[-–—]\s+(\S.*)$`)
)

// ParsePaste reads partner lines as the URBACT site lists them, one partner
// per line: "LEAD PARTNER : Braga - Portugal", "• Varna - Bulgaria" or just
// "Varna - Bulgaria". Blank lines and headings ("Partners:") are skipped.
func ParsePaste(source, text string) ([]Record, []error) {
	var records []Record
	var problems []error
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		lineNo := i + 1
		line = strings.TrimSpace(line)
		if line == "" || headingLine.MatchString(line) {
			continue
		}
		r := Record{Line: lineNo, Values: map[string]string{}, Columns: map[string]int{}}
		if loc := leadPrefix.FindStringIndex(line); loc != nil {
			r.Values["role"] = "Lead partner"
			line = line[loc[1]:]
		} else {
			line = bulletPrefix.ReplaceAllString(line, "")
		}
		name := line
		if m := cityCountry.FindStringSubmatch(line); m != nil {
			name = m[1]
			r.Values["country"] = strings.TrimSpace(m[2])
		}
		name = strings.TrimSpace(name)
		if name == "" {
			problems = append(problems, &tabular.FileError{File: source, Line: lineNo, Msg: fmt.Sprintf("%q names no city", line), Hint: "write one partner per line, like • Varna - Bulgaria"})
			continue
		}
		r.Values["name"] = name
		records = append(records, r)
	}
	if len(records) == 0 && len(problems) == 0 {
		problems = append(problems, &tabular.FileError{File: source, Msg: "holds no partner lines", Hint: "paste lines like LEAD PARTNER : Braga - Portugal and • Varna - Bulgaria"})
	}
	return records, problems
}
