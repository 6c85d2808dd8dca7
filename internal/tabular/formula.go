package tabular

import "strings"

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (CSV injection).
const formulaStarts = "=+-@\t\r"

// SafeCell neutralises text that a spreadsheet would run as a formula by
// putting an apostrophe in front, which Excel and LibreOffice show as text.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		return "'" + s
	}
	return s
}

// UnsafeCell undoes SafeCell when reading our own exports back.
func UnsafeCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStarts, rune(s[1])) {
		return s[1:]
	}
	return s
}
