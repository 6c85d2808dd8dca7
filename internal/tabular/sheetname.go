package tabular

import "strings"

// SheetName makes a name (a partner's, a question's) a valid XLSX sheet
// name: at most 31 characters and none of []:*?/\.
func SheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}
