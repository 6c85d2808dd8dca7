// Package pdfdoc starts the PDF documents the app writes (matrix, survey
// report, later grids and the study) in one house style: A4, embedded
// fonts that print every European name, and "Page N of M" footers.
package pdfdoc

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"

	"github.com/aoce-desktop/aoce-desktop/internal/paper"
)

// Fonts are the TrueType fonts a PDF embeds, so that every European name
// (Gdańsk, Iași, Ķekava) prints; the GUI passes its theme's font.
type Fonts struct{ Regular, Bold []byte }

// Font family names to pass to SetFont.
const Body = "body"

// New starts a document on the app's paper (package paper), "P"
// (portrait) or "L" (landscape), with the fonts registered as Body and a
// footer naming footerTitle and the page, as the other exports' footers.
func New(orientation, title, footerTitle string, fonts Fonts) *fpdf.Fpdf {
	w, h := paper.Default().MM()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetTitle(title, true)
	pdf.SetCreator("AoCE Desktop", true)
	pdf.AddUTF8FontFromBytes(Body, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(Body, "B", fonts.Bold)
	pdf.SetMargins(10, 10, 10)
	pdf.SetAutoPageBreak(false, 10)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-9)
		pdf.SetFont(Body, "", 8)
		pdf.CellFormat(0, 5, fmt.Sprintf("%s — Page %d of {nb}", footerTitle, pdf.PageNo()), "", 0, "R", false, 0, "")
	})
	return pdf
}

// FitWidth shortens text with an ellipsis until it fits width millimetres
// in the current font.
func FitWidth(p *fpdf.Fpdf, text string, width float64) string {
	if p.GetStringWidth(text) <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && p.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
