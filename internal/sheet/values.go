package sheet

import (
	"strings"
	"time"
)

// The kinds of values a table's cells hold, besides a string (always
// text, even "=1+1"), an int or a float64 (a number), and nil (empty).
type (
	// Percent is a share from 0 to 1, shown as a percentage ("57.1%").
	Percent float64
	// Money is an amount in a currency, shown as the documents show it:
	// "12,000 EUR", "1,500.50 EUR" (text.Money).
	Money struct {
		Amount   float64
		Currency string // ISO 4217: "EUR"
	}
	// Date is a day, written as a date spreadsheets sort and filter
	// (shown as 2026-12-01).
	Date time.Time
	// DateTime is a moment, shown as 2026-12-01 09:30.
	DateTime time.Time
	// Sum, in a total row, is the sum of its column's visible rows: a
	// formula (SUBTOTAL, so a filter narrows it) with its value cached,
	// so a viewer that does not calculate shows it too. Currency makes
	// it an amount even where no row has one ("0 EUR", not "0.00").
	Sum struct{ Currency string }
	// Filled is text on a coloured ground in bold ink (RRGGBB), as the
	// matrix colours its cells.
	Filled struct {
		Text, Fill, Ink string
	}
)

// EUR is an amount in euros.
func EUR(amount float64) Money { return Money{amount, "EUR"} }

// When reads a date or a date and time as people's files write them
// (2024-01-26, 2024-01-26 10:15, 2024-01-26T10:15:00Z) as a Date or a
// DateTime; anything else stays the text it is, so nothing is lost.
func When(s string) any {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return Date(t)
	}
	layouts := []string{time.DateTime, "2006-01-02 15:04", time.RFC3339, "2006-01-02T15:04:05", "2006/01/02 15:04:05",
		"2006/01/02 3:04:05 PM MST", "2006/01/02 3:04:05 PM"} // the last two: Google Forms
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return DateTime(t)
		}
	}
	return s
}
