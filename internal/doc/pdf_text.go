package doc

import (
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// italicSkew slants italic words: the house fonts have no italic face,
// so an oblique is drawn by skewing the regular one.
const italicSkew = 12.0

// flow lays runs out as wrapped lines between x0 and x0+width, word by
// word, so that bold and italic runs share lines; a new line that does
// not fit starts a new page.
func (r *pdfRender) flow(runs []Run, x0, width, size, lineH float64, ink string) {
	p := r.pdf
	y := r.room(lineH)
	x := x0
	newLine := func() {
		p.SetY(y + lineH)
		y, x = r.room(lineH), x0
	}
	p.SetTextColor(rgb(ink))
	spaceWaits := false // white space seen since the last word
	for _, run := range runs {
		style := ""
		if run.Bold {
			style = "B"
		}
		p.SetFont(pdfdoc.Body, style, size)
		space := p.GetStringWidth(" ")
		text := clean(run.Text)
		for text != "" {
			switch text[0] {
			case '\n':
				newLine()
				spaceWaits, text = false, text[1:]
				continue
			case ' ', '\t':
				spaceWaits, text = true, text[1:]
				continue
			}
			end := strings.IndexAny(text, " \t\n")
			if end < 0 {
				end = len(text)
			}
			word := text[:end]
			text = text[end:]
			for word != "" {
				gap := 0.0
				if spaceWaits && x > x0 {
					gap = space
				}
				w := p.GetStringWidth(word)
				if x > x0 && x+gap+w > x0+width {
					newLine()
					gap = 0
				}
				// A word longer than the line breaks at its last separator
				// that fits (an address), else where the line ends.
				piece := word
				if w > width {
					piece = pdfdoc.LongWordPrefix(p, word, width)
					w = p.GetStringWidth(piece)
				}
				r.word(piece, x+gap, baseline(y, lineH, size), run.Italic)
				x += gap + w
				word = word[len(piece):]
				spaceWaits = false
			}
		}
	}
	p.SetY(y + lineH)
}

// word draws one word at its baseline, slanted when italic.
func (r *pdfRender) word(text string, x, base float64, italic bool) {
	if !italic {
		r.pdf.Text(x, base, text)
		return
	}
	r.pdf.TransformBegin()
	r.pdf.TransformSkewX(italicSkew, x, base)
	r.pdf.Text(x, base, text)
	r.pdf.TransformEnd()
}
