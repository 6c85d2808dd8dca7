package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// A date field shows the stored date in the chosen format and reads that
// format back, as well as the European and ISO forms.
func TestDateEntryShowsAndTakesTheChosenFormat(t *testing.T) {
	test.NewTempApp(t)
	was := CurrentDateFormat()
	t.Cleanup(func() { SetDateFormat(was) })
	for _, c := range []struct {
		format    DateFormat
		shown, ph string
		typed     []string
	}{
		{DateDots, "01.06.2023", "e.g. 01.06.2023", []string{"01.06.2023", "1.6.2023", "2023-06-01"}},
		{DateWords, "1 Jun 2023", "e.g. 1 Jun 2023", []string{"1 Jun 2023", "01/06/2023"}},
		{DateISO, "2023-06-01", "e.g. 2023-06-01", []string{"2023-06-01", "1-6-2023"}},
	} {
		SetDateFormat(c.format)
		e := NewDateEntry("")
		e.SetISO("2023-06-01")
		if e.Text != c.shown || e.PlaceHolder != c.ph {
			t.Errorf("%s: shows %q with placeholder %q", c.format, e.Text, e.PlaceHolder)
		}
		for _, typed := range c.typed {
			e.SetText(typed)
			if e.Validate() != nil || e.ISO() != "2023-06-01" {
				t.Errorf("%s: %q read as %q (%v)", c.format, typed, e.ISO(), e.Validate())
			}
		}
	}
	e := NewDateEntry("")
	e.SetText("31.2.2023")
	if e.Validate() == nil || e.ISO() != "31.2.2023" {
		t.Errorf("an impossible date: %v, kept as %q", e.Validate(), e.ISO())
	}
	e.SetText("")
	if e.Validate() != nil || e.ISO() != "" {
		t.Error("an empty date field is not valid and empty")
	}
}
