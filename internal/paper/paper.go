// Package paper is the page size every paged export is set on — DOCX,
// PDF, HTML print, the XLSX print setup: A4 by default, US Letter as the
// user's choice (File → Settings…, or the command line's --paper), one
// for the whole app as the date format is.
package paper

import (
	"fmt"
	"strings"
	"sync/atomic"
)

// Size is a paper size.
type Size string

// The sizes a user may choose.
const (
	A4     Size = "A4"
	Letter Size = "Letter"
)

// Sizes are the sizes a user may choose, default first.
var Sizes = []Size{A4, Letter}

var chosen atomic.Pointer[Size]

// SetDefault sets the size of every export that names none; "" means A4.
func SetDefault(s Size) { chosen.Store(&s) }

// Chosen is what SetDefault set last, "" when nothing was.
func Chosen() Size {
	if s := chosen.Load(); s != nil {
		return *s
	}
	return ""
}

// Default is the size exports are set on: the chosen one, or A4.
func Default() Size { return Chosen().Or() }

// Or is the size itself, or the default size when s is empty or unknown.
func (s Size) Or() Size {
	if s == "" {
		s = Chosen()
	}
	if s == Letter {
		return Letter
	}
	return A4
}

// Parse reads a paper size as a user types it ("a4", "letter").
func Parse(s string) (Size, error) {
	for _, p := range Sizes {
		if strings.EqualFold(s, string(p)) {
			return p, nil
		}
	}
	return "", fmt.Errorf("unknown paper size %q: use A4 or Letter", s)
}

// MM is the portrait page's width and height in millimetres.
func (s Size) MM() (w, h float64) {
	if s == Letter {
		return 215.9, 279.4
	}
	return 210, 297
}

// Twips is the portrait page's width and height in twentieths of a point.
func (s Size) Twips() (w, h int) {
	if s == Letter {
		return 12240, 15840
	}
	return 11906, 16838
}

// ExcelCode is the size's number in a spreadsheet's page setup (ECMA-376
// paperSize: 1 Letter, 9 A4).
func (s Size) ExcelCode() int {
	if s == Letter {
		return 1
	}
	return 9
}
