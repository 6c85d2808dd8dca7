package text

import "testing"

func TestTruncateAndOneLine(t *testing.T) {
	if got := Truncate("Gdańsk", 4); got != "Gda…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("Iași", 4); got != "Iași" {
		t.Errorf("Truncate kept = %q", got)
	}
	if got := OneLine(" a\n b\t c "); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
}

func TestCountAgreesWithItsNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0 partners", 1: "1 partner", 2: "2 partners", 21: "21 partners"} {
		if got := Count(n, "partner", "partners"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMoneyIsWrittenOneWay(t *testing.T) {
	for v, want := range map[float64]string{0: "0 EUR", 950: "950 EUR", 12000: "12,000 EUR", 1500.5: "1,500.50 EUR", 1234567.891: "1,234,567.89 EUR"} {
		if got := Money(v, "EUR"); got != want {
			t.Errorf("Money(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestAndList(t *testing.T) {
	for want, names := range map[string][]string{"": nil, "Genk": {"Genk"}, "Genk and Aarhus": {"Genk", "Aarhus"}, "Genk, Aarhus and Breda": {"Genk", "Aarhus", "Breda"}} {
		if got := AndList(names); got != want {
			t.Errorf("%q: %q, want %q", names, got, want)
		}
	}
}
