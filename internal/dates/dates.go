// Package dates reads the calendar dates people type: the ISO form
// 2023-06-01 and the European day-first forms 1.6.2023, 01/06/2023 and
// 1-6-2023. Dates are stored as YYYY-MM-DD; Show writes one back in a form
// nobody reads the wrong way round ("1 Jun 2023").
package dates

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ISO is the stored form.
const ISO = "2006-01-02"

// ErrFormat is returned for text that is not a date in an accepted form.
var ErrFormat = errors.New("write the date as 1.6.2023, 01/06/2023 or 2023-06-01 (day first)")

// Parse reads s as a date and returns it as YYYY-MM-DD. Day-first forms
// separate day, month and a four-digit year by '.', '/' or '-'; the ISO
// form starts with the four-digit year. Impossible dates (31.2.2023) are
// refused.
func Parse(s string) (string, error) {
	t, err := ParseTime(s)
	if err != nil {
		return "", err
	}
	return t.Format(ISO), nil
}

// ParseTime is Parse returning the date as midnight UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(parts) != 3 || strings.Count(s, string(sepOf(s))) != 2 {
		return time.Time{}, fmt.Errorf("%q: %w", s, ErrFormat)
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || v < 0 {
			return time.Time{}, fmt.Errorf("%q: %w", s, ErrFormat)
		}
		n[i] = v
	}
	var y, m, d int
	switch {
	case len(strings.TrimSpace(parts[0])) == 4 && sepOf(s) == '-':
		y, m, d = n[0], n[1], n[2]
	case len(strings.TrimSpace(parts[2])) == 4:
		d, m, y = n[0], n[1], n[2]
	default:
		return time.Time{}, fmt.Errorf("%q: %w", s, ErrFormat)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || t.Month() != time.Month(m) {
		return time.Time{}, fmt.Errorf("%q is not a day of the calendar", s)
	}
	return t, nil
}

// sepOf is the first separator in s, or 0.
func sepOf(s string) rune {
	for _, r := range s {
		if r == '.' || r == '/' || r == '-' {
			return r
		}
	}
	return 0
}

// Show writes a stored YYYY-MM-DD date so that it cannot be misread:
// "1 Jun 2023". Anything else comes back as it is.
func Show(iso string) string {
	t, err := time.Parse(ISO, iso)
	if err != nil {
		return iso
	}
	return t.Format("2 Jan 2006")
}

// Optional is a validator for a date field that may stay empty: nil for
// "" or a date Parse takes, Parse's error otherwise.
func Optional(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := Parse(s)
	return err
}

// ISOOrEmpty is s as YYYY-MM-DD, or "" when it is empty or no date (a
// field Optional has validated).
func ISOOrEmpty(s string) string {
	iso, err := Parse(s)
	if err != nil {
		return ""
	}
	return iso
}
