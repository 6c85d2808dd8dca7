package widgets

import "testing"

// Dates and periods are shown in the chosen format; in words compactly.
func TestDatesInEachFormat(t *testing.T) {
	t.Cleanup(func() { SetDateFormat(DateWords) })
	cases := []struct {
		f                 DateFormat
		start, end, wants string
	}{
		{DateWords, "2024-03-04", "2024-03-08", "4–8 Mar 2024"},
		{DateWords, "2023-11-01", "2025-10-31", "1 Nov 2023 – 31 Oct 2025"},
		{DateWords, "2025-09-01", "2025-10-31", "September–October 2025"},
		{DateDots, "2024-03-04", "2024-03-08", "04.03.2024 – 08.03.2024"},
		{DateDots, "2023-06-01", "", "01.06.2023"},
		{DateISO, "", "2023-06-01", "until 2023-06-01"},
		{DateISO, "", "", "dates not set"},
	}
	for _, c := range cases {
		SetDateFormat(c.f)
		if got := DateRange(c.start, c.end); got != c.wants {
			t.Errorf("%s: %s…%s shows %q, want %q", c.f, c.start, c.end, got, c.wants)
		}
	}
	if SetDateFormat("Jan 2") || CurrentDateFormat() != DateISO {
		t.Error("an unknown format was taken")
	}
	if ISODate("soon") != "soon" || ISODate("2023-06-01") != "2023-06-01" {
		t.Error("ISODate")
	}
}
