// Package partners holds the rules for partner records: the fields and their
// validation, European number formats, and importing partner lists.
package partners

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// dropSeparators removes the group and decimal marks once the split is known.
var dropSeparators = strings.NewReplacer(".", "", ",", "")

// cleanNumber drops spaces (including no-break and thin spaces) and
// apostrophes used as thousands separators, and a trailing percent sign.
func cleanNumber(s string) (string, bool) {
	s = strings.TrimSpace(s)
	percent := strings.HasSuffix(s, "%")
	s = strings.TrimSuffix(s, "%")
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\'' || r == '’' || r == '\u202f' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
	return s, percent
}

// ParseWholeNumber reads a count written the European or English way:
// "67.614", "67 614", "67,614" and "67614" are all 67614. A decimal part
// other than zeros is refused, as are words and negative numbers.
func ParseWholeNumber(s string) (int64, error) {
	c, _ := cleanNumber(s)
	if c == "" {
		return 0, errors.New("enter a number")
	}
	intPart, frac := splitDecimal(c, true)
	if strings.Trim(frac, "0") != "" {
		return 0, errors.New("enter a whole number")
	}
	digits := dropSeparators.Replace(intPart)
	if digits == "" || strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		if strings.HasPrefix(c, "-") {
			return 0, errors.New("cannot be negative")
		}
		return 0, errors.New("enter a whole number, like 67614 or 67.614")
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, errors.New("number too large")
	}
	return n, nil
}

// ParsePercent reads a rate between 0 and 100: "38,1 %", "38.1", "3,03".
func ParsePercent(s string) (float64, error) {
	c, _ := cleanNumber(s)
	if c == "" {
		return 0, errors.New("enter a percentage")
	}
	intPart, frac := splitDecimal(c, false)
	intPart = dropSeparators.Replace(intPart)
	v, err := strconv.ParseFloat(intPart+"."+frac, 64)
	if err != nil || strings.ContainsAny(c, "eE") {
		return 0, errors.New("enter a percentage, like 38,1 or 38.1")
	}
	if v < 0 || v > 100 {
		return 0, errors.New("must be between 0 and 100")
	}
	return v, nil
}

// splitDecimal splits a number at its decimal separator. With both "." and
// "," the last one is decimal. With one kind only: for whole numbers it is a
// thousands separator when every group after it has three digits; for rates
// a single separator is decimal.
func splitDecimal(c string, whole bool) (intPart, frac string) {
	last := strings.LastIndexAny(c, ".,")
	if last < 0 {
		return c, ""
	}
	if strings.Contains(c, ".") && strings.Contains(c, ",") {
		return c[:last], c[last+1:]
	}
	sep := c[last : last+1]
	groups := strings.Split(c, sep)
	if whole || len(groups) > 2 {
		thousands := len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			thousands = thousands && len(g) == 3
		}
		if thousands {
			return c, ""
		}
	}
	return c[:last], c[last+1:]
}

// FormatWholeNumber writes a count with thin spaces between thousands,
// readable in every European locale: 67 614.
func FormatWholeNumber(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FormatPercent writes a rate without trailing zeros: 38.1, 3.03.
func FormatPercent(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
