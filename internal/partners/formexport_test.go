package partners

// The form's layout, for the form tests (package partners_test, which
// needs the demo network and so cannot be this package).
const (
	FormSheet   = formSheet
	IDSheet     = idSheet
	CountryList = countryList
	FirstField  = firstField
)

var Shown = shown
