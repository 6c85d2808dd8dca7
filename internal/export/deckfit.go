package export

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
)

// The text slides' layout, in points on the 960 × 540 slide.
const (
	deckMargin   = 48.0
	deckTitleY   = 34.0
	deckBodyBot  = pptx.SlideHeight - 36
	deckAccent   = "1F4E79"
	deckMuted    = "4B5563"
	deckMinScale = 0.75 // type shrinks to three quarters before a slide is split
)

// textFitter measures text with the PDF's own fonts, so that what fits on
// a slide here fits in the PDF, and in the PPTX too: Arial, which the PPTX
// names, is narrower than Noto Sans.
type textFitter struct{ pdf *fpdf.Fpdf }

func newTextFitter(fonts pdfdoc.Fonts) *textFitter {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pptx.SlideWidth, Ht: pptx.SlideHeight}})
	pdf.AddUTF8FontFromBytes(pdfdoc.Body, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(pdfdoc.Body, "B", fonts.Bold)
	return &textFitter{pdf}
}

// lines are p's lines in a box width points wide, as the PDF breaks them.
func (f *textFitter) lines(p pptx.Paragraph, width float64) []string {
	return wrapParagraph(f.pdf, p, width)
}

// wrapParagraph breaks p's text into the lines that fit width (less its
// indent) in the PDF's font at p's size; each "\n" starts a line.
func wrapParagraph(pdf *fpdf.Fpdf, p pptx.Paragraph, width float64) []string {
	style := ""
	if p.Bold {
		style = "B"
	}
	pdf.SetFont(pdfdoc.Body, style, p.Size)
	var out []string
	for _, line := range strings.Split(p.Text, "\n") {
		if line == "" {
			out = append(out, "")
			continue
		}
		out = append(out, pdfdoc.SplitText(pdf, line, width-p.TextIndent())...)
	}
	return out
}

// height is how tall paragraphs are in a box width points wide.
func (f *textFitter) height(ps []pptx.Paragraph, width float64) float64 {
	h := 0.0
	for _, p := range ps {
		h += p.SpaceBefore + float64(len(f.lines(p, width)))*p.LineHeight()
	}
	return h
}

// textSlides lays items (groups of paragraphs kept together) out under a
// title and subtitle: on one slide with the type as large as fits, down to
// deckMinScale of its size; then over as many slides as they need, each
// after the first titled "(continued)".
func (f *textFitter) textSlides(title, subtitle string, items [][]pptx.Paragraph) []pptx.Slide {
	width := pptx.SlideWidth - 2*deckMargin
	for scale := 1.0; scale >= deckMinScale-1e-9; scale -= 0.05 {
		body := scaled(items, scale)
		if s, top := f.textSlide(title, subtitle); f.height(body, width) <= deckBodyBot-top {
			return []pptx.Slide{withBody(s, top, body)}
		}
	}
	var out []pptx.Slide
	var page []pptx.Paragraph
	flush := func() {
		s, top := f.textSlide(continued(title, len(out)), subtitle)
		out = append(out, withBody(s, top, page))
		page = nil
	}
	for _, item := range items {
		item = scaled([][]pptx.Paragraph{item}, deckMinScale)
		_, top := f.textSlide(continued(title, len(out)), subtitle)
		if len(page) > 0 && f.height(append(page, item...), width) > deckBodyBot-top {
			flush()
		}
		page = append(page, item...) // an item taller than a slide gets a slide of its own
	}
	flush()
	return out
}

func continued(title string, before int) string {
	if before == 0 {
		return title
	}
	return title + " (continued)"
}

// scaled is items' paragraphs in one list with their type and spacing scaled.
func scaled(items [][]pptx.Paragraph, scale float64) []pptx.Paragraph {
	var out []pptx.Paragraph
	for _, item := range items {
		for _, p := range item {
			p.Size, p.SpaceBefore, p.Indent = p.Size*scale, p.SpaceBefore*scale, p.Indent*scale
			out = append(out, p)
		}
	}
	return out
}

// textSlide is a text slide's band, title and subtitle; it returns where
// its body starts. The title's type shrinks until it fits one line, down
// to 24 points, and wraps below that.
func (f *textFitter) textSlide(title, subtitle string) (pptx.Slide, float64) {
	width := pptx.SlideWidth - 2*deckMargin
	head := pptx.Paragraph{Text: title, Size: 34, Bold: true}
	for head.Size > 24 && len(f.lines(head, width)) > 1 {
		head.Size -= 2
	}
	sub := pptx.Paragraph{Text: subtitle, Size: 20, Color: deckMuted, SpaceBefore: 6}
	headH, subH := f.height([]pptx.Paragraph{head}, width), f.height([]pptx.Paragraph{sub}, width)
	return pptx.Slide{Shapes: []pptx.Shape{
		pptx.TextBox{Box: pptx.Box{W: pptx.SlideWidth, H: 10}, Fill: deckAccent},
		pptx.TextBox{Box: pptx.Box{X: deckMargin, Y: deckTitleY, W: width, H: headH + subH}, Paragraphs: []pptx.Paragraph{head, sub}},
	}}, deckTitleY + headH + subH + 18
}

// withBody puts the body's paragraphs on the slide from top down.
func withBody(s pptx.Slide, top float64, body []pptx.Paragraph) pptx.Slide {
	s.Shapes = append(s.Shapes, pptx.TextBox{Box: pptx.Box{X: deckMargin, Y: top, W: pptx.SlideWidth - 2*deckMargin, H: deckBodyBot - top}, Paragraphs: body})
	return s
}
