package survey

import (
	"strconv"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/palette"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// scaleColour is the colour of value i of n, the presenter's (palette).
func scaleColour(i, n int) (int, int, int) {
	c := palette.ScaleColour(i, n)
	return int(c.R), int(c.G), int(c.B)
}

// distributionFigures say how many gave each value, then the mean,
// median and answers: the DOCX table's row in words, as two lines (the
// counts, the statistics) that each wrap on their own.
func distributionFigures(st StatementResult, values []string) []string {
	if st.Count == 0 {
		return []string{"no answers"}
	}
	var parts []string
	for _, v := range values {
		parts = append(parts, v+": "+strconv.Itoa(st.Values[v]))
	}
	return []string{strings.Join(parts, " · "), st.Figures().English()}
}

// distributions draws each statement as the screens do: a bar stacked by
// how many gave each value, lowest first, the mean marked on it, and the
// counts written beside it.
func (r *reportWriter) distributions(statements []StatementResult) {
	values := statementValues(statements)
	for _, st := range statements {
		r.distribution(st, values)
	}
}

func (r *reportWriter) distribution(st StatementResult, values []string) {
	p := r.pdf
	p.SetFont(pdfdoc.Body, "", 9)
	left, _, right, _ := p.GetMargins()
	pageW, _ := p.GetPageSize()
	figuresX := left + reportLabelW + reportBarW + 3
	figuresW := pageW - right - figuresX
	lines := pdfdoc.SplitText(p, st.Label, reportLabelW-2)
	var figures []string
	for _, line := range distributionFigures(st, values) {
		figures = append(figures, pdfdoc.SplitText(p, line, figuresW)...)
	}
	h := max(reportRowH, float64(max(len(lines), len(figures)))*reportLineH+reportRowH-reportLineH)
	if p.GetY()+h > r.bottom() {
		r.newPage()
	}
	y := p.GetY()
	for i, line := range lines {
		p.SetXY(left, y+float64(i)*reportLineH+(reportRowH-reportLineH)/2)
		p.CellFormat(reportLabelW, reportLineH, line, "", 0, "L", false, 0, "")
	}
	x := left + reportLabelW
	p.SetFillColor(reportTrack[0], reportTrack[1], reportTrack[2])
	p.Rect(x, y+1.2, reportBarW, reportRowH-2.4, "F")
	if st.Count > 0 {
		at := x
		for i, v := range values {
			w := reportBarW * float64(st.Values[v]) / float64(st.Count)
			if w > 0 {
				p.SetFillColor(scaleColour(i, len(values)))
				p.Rect(at, y+1.2, w, reportRowH-2.4, "F")
			}
			at += w
		}
		if len(values) > 1 { // the mean, where it falls between the lowest and highest value
			lo, _ := strconv.Atoi(values[0])
			hi, _ := strconv.Atoi(values[len(values)-1])
			mean := x + reportBarW*(st.Mean-float64(lo))/float64(max(hi-lo, 1))
			p.SetFillColor(0, 0, 0)
			p.Rect(mean-0.35, y+0.4, 0.7, reportRowH-0.8, "F")
		}
	}
	for i, line := range figures {
		p.SetXY(figuresX, y+float64(i)*reportLineH+(reportRowH-reportLineH)/2)
		p.CellFormat(figuresW, reportLineH, line, "", 0, "L", false, 0, "")
	}
	p.SetY(y + h)
}
