package doc

import (
	"math"
	"strings"
	"testing"
)

// Column widths: every column holds its longest word, the widths fill the
// page, a short column keeps its value on one line, and a table whose
// words cannot fit says so.
func TestColumnWidthsHoldTheLongestWord(t *testing.T) {
	width := Arial.widthsIn(9)
	long := strings.Repeat("a fairly long sentence of ordinary words ", 8)
	tab := Table{Header: []string{"Action", "Kind", "Responsibility", "Cost (EUR)"},
		Rows: [][]Cell{{{Text: long}, {Text: "Testing action"}, {Text: "Social Development Department"}, {Text: "12\u202f000"}}}}
	const total, pad = 500.0, 8.0
	got, fits := columnWidths(tab, total, pad, width)
	if !fits {
		t.Fatal("four columns on 500 points do not fit")
	}
	sum := 0.0
	for _, w := range got {
		sum += w
	}
	if math.Abs(sum-total) > 0.01 {
		t.Errorf("widths %v sum to %.2f, want %.0f", got, sum, total)
	}
	if got[2] < width("Responsibility", true)+pad || got[2] < width("Development", false)+pad {
		t.Errorf("Responsibility column %.1f is narrower than its longest word", got[2])
	}
	if got[1] < width("Testing action", false)+pad-0.01 {
		t.Errorf("Kind column %.1f wraps %q", got[1], "Testing action")
	}
	if got[0] <= got[2] {
		t.Errorf("the long text's column %.1f is not the widest: %v", got[0], got)
	}
	// Given widths are kept where the words allow it.
	tab.Widths = []float64{1, 1, 1, 1}
	if got, _ := columnWidths(tab, total, pad, width); got[0] < 124 || got[0] > 126 {
		t.Errorf("equal widths gave %v", got)
	}
	if _, fits := columnWidths(tab, 100, pad, width); fits {
		t.Error("four columns fit on 100 points")
	}
}

// The fonts' widths as LibreOffice sets their metric twins: an "m" is
// wider than an "i", bold wider than regular, accents cost nothing, and
// Calibri is narrower than Arial.
func TestFontWidths(t *testing.T) {
	for _, f := range []Font{Arial, Calibri} {
		w := f.widthsIn(10)
		if w("m", false) <= w("i", false) || w("Gdansk", true) <= w("Gdansk", false) || w("Gdańsk", false) != w("Gdansk", false) {
			t.Errorf("%s: widths m %.2f i %.2f, bold %.2f regular %.2f, Gdańsk %.2f", f, w("m", false), w("i", false), w("Gdansk", true), w("Gdansk", false), w("Gdańsk", false))
		}
	}
	// Liberation Sans: T 1251, e 1139, s 1024, t 569, i 455, n 1139, g 1139 of 2048 units at 10 pt.
	if got := Arial.widthsIn(10)("Testing", false); math.Abs(got-32.79) > 0.05 {
		t.Errorf("Testing in Arial at 10 pt is %.2f pt", got)
	}
	if a, c := Arial.widthsIn(10)("Participation", false), Calibri.widthsIn(10)("Participation", false); c >= a {
		t.Errorf("Participation: Calibri %.2f pt, Arial %.2f pt", c, a)
	}
}
