package doc

import (
	"strings"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/aoce-desktop/aoce-desktop/internal/paper"
)

// Layout is how a document is set on paper, the same for every writer:
// the paper size and the font the DOCX and HTML name (the PDF embeds its
// own and measures with it). The zero Layout is A4 in Calibri.
type Layout struct {
	Paper Paper
	Font  Font
}

// Paper is a page size; package paper keeps the app's default.
type Paper = paper.Size

// The paper sizes: A4 by default, US Letter as a setting.
const (
	A4     = paper.A4
	Letter = paper.Letter
)

// Papers are the paper sizes a user may choose, default first.
var Papers = paper.Sizes

// Font is a font family Word has and LibreOffice replaces by a metric
// twin, so a file lays out alike in both: Calibri (Carlito) and Arial
// (Liberation Sans).
type Font string

// The fonts a document may name: Calibri by default, as the XLSX files.
const (
	Calibri Font = "Calibri"
	Arial   Font = "Arial"
)

// defaults is the font a Document's empty Layout takes; its paper is
// package paper's default, which every paged writer reads.
var defaults atomic.Pointer[Layout]

// SetDefaults sets the paper (of every paged export: package paper) and
// the font of every document whose Layout leaves them empty; an empty
// field here means A4, Calibri.
func SetDefaults(l Layout) {
	paper.SetDefault(l.Paper)
	defaults.Store(&Layout{Font: l.Font})
}

// Defaults are what SetDefaults set last.
func Defaults() Layout {
	l := Layout{Paper: paper.Chosen()}
	if d := defaults.Load(); d != nil {
		l.Font = d.Font
	}
	return l
}

func (l Layout) paper() Paper { return l.Paper.Or() }

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
func ParsePaper(s string) (Paper, error) { return paper.Parse(s) }

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
// pages; a writer of its own (the survey report's bars) asks Landscapes.
func (l Layout) needsLandscape(t Table) bool {
	if isWide(t) {
		return true
	}
	w, _ := l.paper().Twips()
	size := landscapeTableSize(t)
	in := l.font().widthsIn(size)
	twips := func(text string, bold bool) float64 { return 20 * in(text, bold) }
	_, fits := columnWidths(t, float64(w-2*pageMargin), docxCellPad, twips)
	return !fits
}

// Landscapes says of each of d's blocks whether it lies on a landscape
// page, as every paged writer of d lays it out (tables of one kind
// measured together): for a writer that draws the same content its own
// way, so that its pages turn where the DOCX's do.
func Landscapes(d Document) []bool {
	d = groupTables(d)
	out := make([]bool, len(d.Blocks))
	for i := range d.Blocks {
		out[i] = d.Layout.landscapeAt(d.Blocks, i)
	}
	return out
}

// TitleLandscape tells whether d's title lies on a landscape page: it goes
// on the page of d's first block, so a document that opens with a wide
// table (the action tables, a survey whose first question is wide) opens
// on a landscape page, title and all, in every paged writer of d.
func TitleLandscape(d Document) bool { return groupTables(d).titleLandscape() }

func (d Document) titleLandscape() bool {
	return len(d.Blocks) > 0 && d.Layout.landscapeAt(d.Blocks, 0)
}

// landscapeAt tells whether block i belongs on a landscape page: a table
// that needs one, the headings right before it and a heading's one lead
// paragraph (a survey question's figures), which must not be left behind
// on the previous portrait page, and the one paragraph or list right
// after it (a total, a note), which would otherwise take a portrait page
// of its own between two landscape ones.
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
		case Paragraph:
			if i > 0 && isHeading(blocks[i-1]) && i+1 < len(blocks) && !isHeading(blocks[i+1]) {
				continue
			}
			return false
		default:
			return false
		}
	}
	return false
}

func isHeading(b Block) bool {
	_, ok := b.(Heading)
	return ok
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
