package export

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
)

// writeSlidesPDF draws the slides of p as a PDF, one 16:9 page per slide
// the size of the PPTX's: pictures over their boxes, text boxes broken
// into lines as the deck was fitted (wrapParagraph), fonts embedded.
func writeSlidesPDF(w io.Writer, p pptx.Presentation, fonts pdfdoc.Fonts) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pptx.SlideWidth, Ht: pptx.SlideHeight}})
	pdf.SetTitle(p.Title, true)
	pdf.SetAuthor(p.Author, true)
	pdf.SetCreator("AoCE Desktop", true)
	pdf.AddUTF8FontFromBytes(pdfdoc.Body, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(pdfdoc.Body, "B", fonts.Bold)
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	images := 0
	for _, s := range p.Slides {
		pdf.AddPage()
		if s.Background != "" {
			fillRect(pdf, pptx.Box{W: pptx.SlideWidth, H: pptx.SlideHeight}, s.Background)
		}
		for _, sh := range s.Shapes {
			switch sh := sh.(type) {
			case pptx.Picture:
				images++
				name := fmt.Sprintf("slide-image-%d", images)
				opt := fpdf.ImageOptions{ImageType: "PNG"}
				pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(sh.PNG))
				pdf.ImageOptions(name, sh.X, sh.Y, sh.W, sh.H, false, opt, 0, "")
			case pptx.TextBox:
				drawTextBox(pdf, sh)
			default: // the deck draws its grids as pictures for the PDF
				return fmt.Errorf("the PDF of slides cannot draw a %T", sh)
			}
		}
		if err := pdf.Error(); err != nil {
			return err
		}
	}
	return pdf.Output(w)
}

func drawTextBox(pdf *fpdf.Fpdf, t pptx.TextBox) {
	if t.Fill != "" {
		fillRect(pdf, t.Box, t.Fill)
	}
	y := t.Y
	for _, p := range t.Paragraphs {
		y += p.SpaceBefore
		r, g, b := rgb(p.Color)
		pdf.SetTextColor(r, g, b)
		align := "L"
		if p.Center {
			align = "C"
		}
		for i, line := range wrapParagraph(pdf, p, t.W) { // sets the paragraph's font
			if p.Bullet && i == 0 {
				pdf.SetXY(t.X, y)
				pdf.CellFormat(p.TextIndent(), p.LineHeight(), "•", "", 0, "L", false, 0, "")
			}
			pdf.SetXY(t.X+p.TextIndent(), y)
			pdf.CellFormat(t.W-p.TextIndent(), p.LineHeight(), line, "", 0, align, false, 0, "")
			y += p.LineHeight()
		}
	}
}

func fillRect(pdf *fpdf.Fpdf, box pptx.Box, color string) {
	r, g, b := rgb(color)
	pdf.SetFillColor(r, g, b)
	pdf.Rect(box.X, box.Y, box.W, box.H, "F")
}

// rgb reads an RRGGBB colour; "" is the slides' dark ink.
func rgb(hex string) (r, g, b int) {
	v, err := strconv.ParseUint(hex, 16, 32)
	if len(hex) != 6 || err != nil {
		v = 0x1F2937
	}
	return int(v >> 16), int(v >> 8 & 0xFF), int(v & 0xFF)
}
