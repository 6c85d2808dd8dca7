// Package text holds the small string helpers every layer needs when it
// shows user text in a bounded space.
package text

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Truncate shortens s to at most n characters (runes), ending with "…"
// when it had to cut.
func Truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:max(n-1, 0)]) + "…"
	}
	return s
}

// OneLine joins s's lines and runs of spaces into single spaces.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Count is n with the noun that goes with it: "1 partner", "2 partners",
// "0 partners"; many is the plural, as English has several ("1 person",
// "3 people").
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Money writes an amount as every export shows it: grouped thousands,
// cents only where there are any, and the currency — "12,000 EUR",
// "1,500.50 EUR".
func Money(amount float64, currency string) string {
	cents := int64(math.Round(math.Abs(amount) * 100))
	whole := strconv.FormatInt(cents/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if amount < 0 && cents > 0 {
		whole = "−" + whole
	}
	if cents%100 != 0 {
		whole += fmt.Sprintf(".%02d", cents%100)
	}
	return strings.TrimSpace(whole + " " + currency)
}

// AndList joins names as English writes a list: "Genk", "Genk and
// Aarhus", "Genk, Aarhus and Breda".
func AndList(names []string) string {
	if n := len(names); n > 1 {
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return strings.Join(names, "")
}
