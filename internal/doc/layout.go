package doc

import (
	"fmt"
	"strings"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Layout is how a document is set on paper, the same for every writer:
// the paper size and the font the DOCX and HTML name (the PDF embeds its
// own and measures with it). The zero Layout is A4 in Calibri.
type Layout struct {
	Paper Paper
	Font  Font
}

// Paper is a page size.
type Paper string

// The paper sizes: A4 by default, US Letter as a setting.
const (
	A4     Paper = "A4"
	Letter Paper = "Letter"
)

// Papers are the paper sizes a user may choose, default first.
var Papers = []Paper{A4, Letter}

// Font is a font family Word has and LibreOffice replaces by a metric
// twin, so a file lays out alike in both: Calibri (Carlito) and Arial
// (Liberation Sans).
type Font string

// The fonts a document may name: Calibri by default, as the XLSX files.
const (
	Calibri Font = "Calibri"
	Arial   Font = "Arial"
)

// defaults is what a Document's empty Layout fields take: the user's
// choice of paper (File → Settings…, or the command line's --paper) is
// one for the whole app, as the date format is.
var defaults atomic.Pointer[Layout]

// SetDefaults sets the paper and font of every document whose Layout
// leaves them empty; an empty field here means A4, Calibri.
func SetDefaults(l Layout) { defaults.Store(&l) }

// Defaults are what SetDefaults set last.
func Defaults() Layout {
	if d := defaults.Load(); d != nil {
		return *d
	}
	return Layout{}
}

func (l Layout) paper() Paper {
	if l.Paper == "" {
		if d := defaults.Load(); d != nil {
			l.Paper = d.Paper
		}
	}
	if l.Paper == Letter {
		return Letter
	}
	return A4
}

func (l Layout) font() Font {
	if l.Font == "" {
		if d := defaults.Load(); d != nil {
			l.Font = d.Font
		}
	}
	if l.Font == Arial {
		return Arial
	}
	return Calibri
}

// ParsePaper reads a paper size as a user types it ("a4", "letter").
func ParsePaper(s string) (Paper, error) {
	for _, p := range Papers {
		if strings.EqualFold(s, string(p)) {
			return p, nil
		}
	}
	return "", fmt.Errorf("unknown paper size %q: use A4 or Letter", s)
}

// sizeMM is the portrait page's width and height in millimetres.
func (p Paper) sizeMM() (w, h float64) {
	if p == Letter {
		return 215.9, 279.4
	}
	return 210, 297
}

// sizeTwips is the portrait page's width and height in twentieths of a point.
func (p Paper) sizeTwips() (w, h int) {
	if p == Letter {
		return 12240, 15840
	}
	return 11906, 16838
}

// metricIndex finds a rune's place in the generated width tables.
var metricIndex = func() map[rune]int {
	m := make(map[rune]int, len(metricRunes))
	for i, r := range metricRunes {
		m[r] = i
	}
	return m
}()

// lineEm is the font's single line (ascent, descent and line gap) in ems:
// Carlito's as Calibri's, Liberation Sans's as Arial's.
func (f Font) lineEm() float64 {
	if f == Arial {
		return 1.149
	}
	return 1.22
}

// widthsIn measures text in points as the font sets it at size points,
// from the advance widths of its metric twin (metrics_table.go). A letter
// the tables lack counts as its base letter, or as wide as an "m", so the
// estimate errs on the wide side.
func (f Font) widthsIn(size float64) measure {
	regular, bold := calibriRegular, calibriBold
	if f == Arial {
		regular, bold = arialRegular, arialBold
	}
	wide := metricIndex['m']
	return func(text string, isBold bool) float64 {
		table := regular
		if isBold {
			table = bold
		}
		sum := 0
		for _, r := range text {
			if unicode.IsSpace(r) {
				r = ' '
			}
			i, ok := metricIndex[r]
			if !ok && unicode.IsLetter(r) {
				i, ok = metricIndex[[]rune(norm.NFD.String(string(r)))[0]]
			}
			if !ok || table[i] < 0 {
				i = wide
			}
			sum += int(table[i])
		}
		return float64(sum) * size / 1000
	}
}

// landscapeTableSize is the type size at which the orientation rule
// measures a table: the DOCX's table text size.
func landscapeTableSize(t Table) float64 {
	if isDense(t) {
		return docxDenseSize
	}
	return docxTableSize
}

// needsLandscape tells whether a table cannot fit a portrait page: its
// columns' longest words (at its type size, in the layout's font) do not
// fit between the margins, or it has the columns of a paper form
// (wideColumns), which partners expect across a landscape page. The
// rule is the same for every writer, so DOCX, PDF and HTML turn the same
// pages.
func (l Layout) needsLandscape(t Table) bool {
	if isWide(t) {
		return true
	}
	w, _ := l.paper().sizeTwips()
	size := landscapeTableSize(t)
	in := l.font().widthsIn(size)
	twips := func(text string, bold bool) float64 { return 20 * in(text, bold) }
	_, fits := columnWidths(t, float64(w-2*pageMargin), docxCellPad, twips)
	return !fits
}

// landscapeAt tells whether block i belongs on a landscape page: a table
// that needs one, the headings right before it, which must not be left
// behind on the previous portrait page, and the one paragraph or list
// right after it (a total, a note), which would otherwise take a
// portrait page of its own between two landscape ones.
func (l Layout) landscapeAt(blocks []Block, i int) bool {
	switch blocks[i].(type) {
	case Paragraph, List:
		if i > 0 {
			if t, ok := blocks[i-1].(Table); ok && l.needsLandscape(t) {
				return true
			}
		}
	}
	for ; i < len(blocks); i++ {
		switch b := blocks[i].(type) {
		case Table:
			return l.needsLandscape(b)
		case Heading:
			continue
		default:
			return false
		}
	}
	return false
}

// wrappedLines counts the lines text takes in a column width wide (in
// the unit of width), breaking at spaces as the writers do.
func wrappedLines(text string, width float64, in measure, bold bool) int {
	lines := 0
	for _, para := range strings.Split(clean(text), "\n") {
		lines++
		x := 0.0
		space := in(" ", bold)
		for _, w := range strings.Fields(para) {
			ww := in(w, bold)
			if x > 0 && x+space+ww > width {
				lines++
				x = 0
			}
			if x > 0 {
				x += space
			}
			x += ww
		}
	}
	return lines
}
