package dates

import "testing"

func TestParse(t *testing.T) {
	for in, want := range map[string]string{
		"1.6.2023": "2023-06-01", "01.06.2023": "2023-06-01", "01/06/2023": "2023-06-01", "1/6/2023": "2023-06-01",
		"2023-06-01": "2023-06-01", " 31.12.2024 ": "2024-12-31", "1-6-2023": "2023-06-01", "29.2.2024": "2024-02-29",
		"1.6.2023.": "2023-06-01",
	} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2023", "31.2.2023", "29.2.2023", "13/13/2023", "1.6.23", "2023/06/01", "1.6/2023", "a.b.2023", "2023-13-01", "0.6.2023", "1..2023"} {
		if got, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %q, want an error", in, got)
		}
	}
}

func TestShow(t *testing.T) {
	if got := Show("2023-06-01"); got != "1 Jun 2023" {
		t.Errorf("Show = %q", got)
	}
	if got := Show("soon"); got != "soon" {
		t.Errorf("Show(soon) = %q", got)
	}
}

func TestOptionalFieldsAndISOOrEmpty(t *testing.T) {
	if Optional("") != nil || Optional("  ") != nil || Optional("1.6.2023") != nil || Optional("31.2.2023") == nil {
		t.Fatal("Optional takes empty and real dates only")
	}
	if ISOOrEmpty("01/06/2023") != "2023-06-01" || ISOOrEmpty("") != "" || ISOOrEmpty("soon") != "" {
		t.Fatal("ISOOrEmpty")
	}
}
