package text

import "strings"

// SafeFileName keeps a title usable as a file name on every system.
func SafeFileName(title string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 32 {
			return '-'
		}
		return r
	}, title)
	return strings.TrimSpace(Truncate(OneLine(clean), 80))
}
