package survey

import (
	"context"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/paper"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// Report layout in millimetres, on the app's paper in portrait.
const (
	reportLabelW  = 64.0
	reportBarW    = 62.0
	reportRowH    = 6.0
	reportLineH   = 4.2  // a wrapped label's line
	reportFoot    = 12.0 // under the last row: the margin and the footer
	reportMaxRows = 20   // words beyond the top 20 stay in the XLSX
)

// Bar colours: Okabe–Ito blue on a light track, readable in grayscale too.
var (
	reportBar   = [3]int{0x00, 0x72, 0xB2}
	reportTrack = [3]int{0xE6, 0xE6, 0xE6}
)

// WritePDF writes a report of a survey's results (everybody's, or one
// partner's): a title block, then each question with its chart — the bars
// the results screen shows, with their figures.
func WritePDF(ctx context.Context, s *data.Store, sv data.Survey, partnerID, partnerName string, w io.Writer, fonts pdfdoc.Fonts) error {
	res, err := LoadResults(ctx, s, sv, partnerID)
	if err != nil {
		return err
	}
	return writeReportPDF(res, sv, partnerName, w, fonts)
}

// writeReportPDF writes the report of results already loaded.
func writeReportPDF(res Results, sv data.Survey, partnerName string, w io.Writer, fonts pdfdoc.Fonts) error {
	pdf := pdfdoc.New("P", sv.Title+" — survey results", sv.Title, fonts)
	d := ReportDocument(res, sv, partnerName)
	r := &reportWriter{pdf: pdf, countsOnly: sv.CountsOnly, turns: sectionLandscapes(d), landscape: doc.TitleLandscape(d)}
	r.newPage() // the title on the first section's page, as in the DOCX
	r.titleBlock(sv, partnerName)
	if res.RespondentsByPartner != nil {
		r.partners(*res.RespondentsByPartner, sv.Respondents)
	}
	for _, q := range res.Questions {
		r.question(q)
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

type reportWriter struct {
	pdf        *fpdf.Fpdf
	countsOnly bool   // the survey holds counts per question only: no skipped to tell
	turns      []bool // each section's orientation in the DOCX report (landscape), in order
	section    int    // the sections written so far
	landscape  bool   // the page being written is landscape
}

// sectionLandscapes says of each section of the report (a question, or
// the respondents per partner, under its heading) whether the DOCX puts
// its results on a landscape page — doc's one rule, which our PDF follows.
func sectionLandscapes(d doc.Document) []bool {
	var out []bool
	for i, wide := range doc.Landscapes(d) {
		if _, ok := d.Blocks[i].(doc.Heading); ok {
			out = append(out, false)
		}
		if len(out) > 0 && wide {
			out[len(out)-1] = true
		}
	}
	return out
}

// turnPage starts the next section on a page of the orientation the
// DOCX report gives it, when the page being written has the other one.
func (r *reportWriter) turnPage() {
	want := r.section < len(r.turns) && r.turns[r.section]
	r.section++
	if want == r.landscape {
		return
	}
	r.landscape = want
	r.newPage()
}

// newPage starts a page of the orientation being written (fpdf's AddPage
// would go back to the document's portrait).
func (r *reportWriter) newPage() {
	orientation := "P"
	if r.landscape {
		orientation = "L"
	}
	w, h := paper.Default().MM()
	r.pdf.AddPageFormat(orientation, fpdf.SizeType{Wd: w, Ht: h})
}

// bottom is where the page's rows end.
func (r *reportWriter) bottom() float64 {
	_, h := r.pdf.GetPageSize()
	return h - reportFoot
}

func (r *reportWriter) titleBlock(sv data.Survey, partnerName string) {
	p := r.pdf
	p.SetFont(pdfdoc.Body, "B", 16)
	pdfdoc.WriteLines(p, 0, 8, sv.Title)
	p.SetFont(pdfdoc.Body, "", 10)
	pdfdoc.WriteLines(p, 0, 5, reportFacts(sv, partnerName))
	p.Ln(4)
}

// question writes one question; a question that does not fit the rest of
// the page starts a new one (unless it is longer than a page itself).
func (r *reportWriter) question(q QuestionResult) {
	r.chart(questionHeading(q), QuestionFacts(q, r.countsOnly), q)
}

// partners writes how many respondents answered from each partner.
func (r *reportWriter) partners(b PartnerBlock, respondents int) {
	r.chart("Respondents per partner", PartnerFacts(b, respondents), b.AsQuestion(respondents))
}

// chart writes a heading, a line of figures and q's results under them:
// its bars, or an open question's answers.
func (r *reportWriter) chart(heading, figures string, q QuestionResult) {
	p := r.pdf
	rows := ChartRows(q)
	if len(rows) > reportMaxRows {
		rows = rows[:reportMaxRows]
	}
	r.turnPage()
	need := 18 + float64(max(len(rows), 1))*reportRowH
	if p.GetY()+need > r.bottom() && p.GetY() > 40 {
		r.newPage()
	}
	p.SetFont(pdfdoc.Body, "B", 12)
	pdfdoc.WriteLines(p, 0, 6, heading)
	p.SetFont(pdfdoc.Body, "", 9)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(0, 5, figures, "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.Ln(1)
	if answers := openAnswerLines(q); len(answers) > 0 {
		r.answers(answers, moreAnswers(q))
		p.Ln(5)
		return
	}
	if len(rows) == 0 {
		p.CellFormat(0, reportRowH, "No answers.", "", 1, "L", false, 0, "")
	} else {
		r.columnHeads(resultsTable(q).Header)
	}
	if len(q.Statements) > 0 {
		r.distributions(q.Statements)
	} else {
		for _, row := range rows {
			r.bar(row)
		}
	}
	p.Ln(5)
}

// answers lists an open question's answers, each a wrapped paragraph
// that starts a page when it does not fit, and how many more there are.
func (r *reportWriter) answers(answers []string, more string) {
	p := r.pdf
	left, _, right, _ := p.GetMargins()
	w, _ := p.GetPageSize()
	p.SetFont(pdfdoc.Body, "", 9)
	for _, a := range answers {
		if h := float64(len(pdfdoc.SplitText(p, a, w-left-right-4))) * reportLineH; p.GetY()+h > r.bottom() {
			r.newPage()
		}
		p.SetX(left + 4)
		pdfdoc.WriteLines(p, 0, reportLineH, a)
		p.Ln(1.2)
	}
	if more != "" {
		p.SetTextColor(90, 90, 90)
		p.SetX(left + 4)
		pdfdoc.WriteLines(p, 0, reportLineH, more)
		p.SetTextColor(0, 0, 0)
	}
}

// columnHeads names, above the bars, what the label and the figures are:
// the DOCX table's headings.
func (r *reportWriter) columnHeads(header []string) {
	if len(header) == 0 {
		return
	}
	p := r.pdf
	left, _, _, _ := p.GetMargins()
	p.SetFont(pdfdoc.Body, "B", 8)
	p.SetTextColor(90, 90, 90)
	y := p.GetY()
	p.CellFormat(reportLabelW, 4.5, header[0], "", 0, "L", false, 0, "")
	p.SetXY(left+reportLabelW+reportBarW+3, y)
	p.CellFormat(0, 4.5, strings.Join(header[1:], " · "), "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
}

// bar draws one row: its label wrapped to the label column (a word is
// never cut), the bar and the figures beside the label's first line.
func (r *reportWriter) bar(row ChartRow) {
	p := r.pdf
	p.SetFont(pdfdoc.Body, "", 9)
	lines := pdfdoc.SplitText(p, row.Label, reportLabelW-2)
	h := max(reportRowH, float64(len(lines))*reportLineH+reportRowH-reportLineH)
	if p.GetY()+h > r.bottom() {
		r.newPage()
	}
	left, _, _, _ := p.GetMargins()
	y := p.GetY()
	for i, line := range lines {
		p.SetXY(left, y+float64(i)*reportLineH+(reportRowH-reportLineH)/2)
		p.CellFormat(reportLabelW, reportLineH, line, "", 0, "L", false, 0, "")
	}
	p.SetXY(left, y)
	x := left + reportLabelW
	p.SetFillColor(reportTrack[0], reportTrack[1], reportTrack[2])
	p.Rect(x, y+1.2, reportBarW, reportRowH-2.4, "F")
	if share := min(max(row.Share, 0), 1); share > 0 {
		p.SetFillColor(reportBar[0], reportBar[1], reportBar[2])
		p.Rect(x, y+1.2, reportBarW*share, reportRowH-2.4, "F")
	}
	p.SetX(x + reportBarW + 3)
	p.CellFormat(0, reportRowH, row.Figures.English(), "", 1, "L", false, 0, "")
	p.SetY(y + h)
}
