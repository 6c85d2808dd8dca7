package widgets

import (
	"fmt"
	"sync/atomic"
	"time"
)

// DateFormat is how dates are shown on screen, one of DateFormats; the
// user chooses it in Settings.
type DateFormat string

// The date formats offered, as Go layouts: "1 Jun 2023", "01.06.2023",
// "2023-06-01". Date fields (DateEntry) show and take the chosen one.
const (
	DateWords DateFormat = "2 Jan 2006"
	DateDots  DateFormat = "02.01.2006"
	DateISO   DateFormat = "2006-01-02"
)

// DateFormats are the choices of Settings, in the order offered.
var DateFormats = []DateFormat{DateWords, DateDots, DateISO}

// Example is the format shown on a sample date, as Settings offers it.
func (f DateFormat) Example() string {
	return time.Date(2023, time.June, 1, 0, 0, 0, 0, time.UTC).Format(string(f))
}

var dateFormat atomic.Value // DateFormat

// SetDateFormat makes f the format of every date shown from now on; an
// unknown format is refused (the shown one stays) and reported false.
func SetDateFormat(f DateFormat) bool {
	for _, known := range DateFormats {
		if f == known {
			dateFormat.Store(f)
			return true
		}
	}
	return false
}

// CurrentDateFormat is the format dates are shown in.
func CurrentDateFormat() DateFormat {
	if f, ok := dateFormat.Load().(DateFormat); ok {
		return f
	}
	return DateWords
}

// Date shows t in the chosen format.
func Date(t time.Time) string { return t.Format(string(CurrentDateFormat())) }

// DateTime shows t's date in the chosen format and its time of day.
func DateTime(t time.Time) string { return Date(t) + " " + t.Format("15:04") }

// ISODate shows a stored YYYY-MM-DD date in the chosen format; text that
// is no such date is shown as it is.
func ISODate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return Date(t)
}

// DateRange shows a period from stored ISO dates: in words compactly
// ("4–8 Mar 2024", "June 2023", "January–June 2023"), in the other
// formats as "01.06.2023 – 30.06.2023".
func DateRange(start, end string) string {
	s, err1 := time.Parse("2006-01-02", start)
	e, err2 := time.Parse("2006-01-02", end)
	words := CurrentDateFormat() == DateWords
	switch {
	case err1 != nil && err2 != nil:
		return "dates not set"
	case err2 != nil || s.Equal(e):
		return Date(s)
	case err1 != nil:
		return "until " + Date(e)
	case !words:
	case s.Day() == 1 && e.AddDate(0, 0, 1).Day() == 1 && s.Year() == e.Year():
		if s.Month() == e.Month() {
			return s.Format("January 2006")
		}
		return s.Format("January") + "–" + e.Format("January 2006") // a whole-month period
	case s.Year() == e.Year() && s.Month() == e.Month():
		return fmt.Sprintf("%d–%s", s.Day(), Date(e))
	}
	return Date(s) + " – " + Date(e)
}
