package widgets

import (
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/dates"
)

// DateEntry is the one field for a calendar date: it shows a stored
// YYYY-MM-DD date in the format chosen in Settings, and takes that format
// as well as the forms internal/dates reads (1.6.2023, 01/06/2023,
// 2023-06-01). Every date field of the app is one, so the setting holds
// everywhere.
type DateEntry struct{ Entry }

// NewDateEntry is an empty date field; hint follows the example in the
// placeholder ("to show it on the roadmap"), "" for none. Empty is valid:
// a field that must be filled says so where it is stored.
func NewDateEntry(hint string) *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	ph := "e.g. " + CurrentDateFormat().Example()
	if hint != "" {
		ph += ", " + hint
	}
	e.SetPlaceHolder(ph)
	e.Validator = func(s string) error {
		_, err := ParseDate(s)
		return err
	}
	return e
}

// SetISO shows the stored date iso in the chosen format ("" empties it).
func (e *DateEntry) SetISO(iso string) { e.SetText(ISODate(iso)) }

// ISO is the date typed, as stored (YYYY-MM-DD), "" when empty. Text that
// is no date comes back as typed, so the store refuses it by name rather
// than the date being dropped.
func (e *DateEntry) ISO() string {
	iso, err := ParseDate(e.Text)
	if err != nil {
		return strings.TrimSpace(e.Text)
	}
	return iso
}

// ParseDate reads a typed date as YYYY-MM-DD: in the chosen format, or
// in any form internal/dates reads; "" for no text.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if t, err := time.Parse(string(CurrentDateFormat()), s); err == nil {
		return t.Format(dates.ISO), nil
	}
	return dates.Parse(s)
}
