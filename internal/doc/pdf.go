package doc

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// WritePDF writes the document on A4 pages numbered "Page N of M": the
// title, the contents as an index of headings with their page numbers and
// links to them, the headings as PDF bookmarks too, and wide tables on
// landscape pages.
//
// The index needs pages not yet laid out, so the document is laid out
// again until the headings' pages stop moving (twice, normally): the
// first pass already draws the index with the same lines, only without
// numbers, so the index's own length is counted.
func WritePDF(w io.Writer, d Document, fonts pdfdoc.Fonts) error {
	r, err := layoutPDF(d, fonts)
	if err != nil {
		return err
	}
	return r.pdf.Output(w)
}

// layoutPDF lays the document out until its headings' pages settle; the
// DOCX's contents take their page numbers from it too.
func layoutPDF(d Document, fonts pdfdoc.Fonts) (*pdfRender, error) {
	d = groupTables(d)
	var pages []int
	for pass := 1; ; pass++ {
		r := newPDFRender(d, fonts, pages)
		r.render()
		if err := r.pdf.Error(); err != nil {
			return nil, err
		}
		if len(r.pages) == 0 || pass > 1 && slices.Equal(r.pages, pages) || pass == 3 {
			return r, nil
		}
		pages = r.pages
	}
}

// Page layout in millimetres and points.
const (
	pdfMargin   = 18.0
	pdfBodySize = 10.0 // points
	pdfBodyLine = 5.0
	ptToMM      = 25.4 / 72
)

var (
	inkBlack   = "101010"
	inkHeading = "0B4F8A"
	inkMuted   = "555555"
	fillHeader = "DCE6F0"
)

// pdfRender lays the document out once.
type pdfRender struct {
	pdf       *fpdf.Fpdf
	d         Document
	toc       []entry
	known     []int // the headings' pages found by the previous pass; nil on the first
	pages     []int // the headings' pages in this pass
	links     []int // internal link of each heading, for the index
	landscape bool  // orientation the next page gets
	newPage   bool  // the next thing drawn starts a page
	lastLevel int   // bookmark level of the previous heading
	title     string
}

func newPDFRender(d Document, fonts pdfdoc.Fonts, known []int) *pdfRender {
	title := clean(d.Title)
	pdf := pdfdoc.New("P", title, title, fonts)
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont(pdfdoc.Body, "", 8)
		pdf.SetTextColor(rgb(inkMuted))
		lead := ""
		if title != "" {
			lead = pdfdoc.FitWidth(pdf, title, 120) + " — "
		}
		pdf.CellFormat(0, 5, fmt.Sprintf("%sPage %d of {nb}", lead, pdf.PageNo()), "", 0, "R", false, 0, "")
	})
	r := &pdfRender{pdf: pdf, d: d, toc: outline(d), known: known, newPage: true, title: title}
	r.landscape = d.titleLandscape()
	for range r.toc {
		r.links = append(r.links, pdf.AddLink())
	}
	r.pages = make([]int, len(r.toc))
	return r
}

func (r *pdfRender) render() {
	r.titleBlock()
	heads := 0
	for i, b := range r.d.Blocks {
		if want := r.d.Layout.landscapeAt(r.d.Blocks, i); want != r.landscape {
			r.landscape, r.newPage = want, true
		}
		switch b := b.(type) {
		case Heading:
			follow := 3 * pdfBodyLine // the first lines of a paragraph
			if i+1 < len(r.d.Blocks) {
				if t, ok := r.d.Blocks[i+1].(Table); ok {
					follow = r.tableStart(t)
				}
			}
			r.heading(heads, follow)
			heads++
		case Paragraph:
			r.flow(b.Runs, r.left(), r.width(), pdfBodySize, pdfBodyLine, inkBlack)
			r.space(2.5)
		case List:
			r.list(b)
		case Table:
			r.table(b)
		case TableOfContents:
			r.contents(b.Heading())
		case PageBreak:
			r.newPage = true // lazily, so that a break next to a change of orientation adds no blank page
		}
	}
	if r.pdf.PageNo() == 0 {
		r.room(0)
	}
}

func (r *pdfRender) left() float64 { return pdfMargin }

// pageSize is the size of the page being drawn on, or of the next one
// when a new page is pending: a change of orientation always makes one
// pending, so r.landscape is right for both.
func (r *pdfRender) pageSize() (w, h float64) {
	w, h = r.d.Layout.paper().MM()
	if r.landscape {
		return h, w
	}
	return w, h
}

func (r *pdfRender) width() float64 {
	w, _ := r.pageSize()
	return w - 2*pdfMargin
}

func (r *pdfRender) bottom() float64 {
	_, h := r.pageSize()
	return h - pdfMargin
}

func (r *pdfRender) atTop() bool { return r.pdf.GetY() <= pdfMargin+0.01 }

// room starts a new page when h millimetres do not fit on this one (or a
// page break is pending) and returns the y to draw at.
func (r *pdfRender) room(h float64) float64 {
	if r.newPage || r.pdf.PageNo() == 0 || (r.pdf.GetY()+h > r.bottom() && !r.atTop()) {
		orientation := "P"
		if r.landscape {
			orientation = "L"
		}
		w, h := r.d.Layout.paper().MM()
		r.pdf.AddPageFormat(orientation, fpdf.SizeType{Wd: w, Ht: h})
		r.pdf.SetY(pdfMargin)
		r.newPage = false
	}
	return r.pdf.GetY()
}

// space leaves a gap, unless at the top of a page.
func (r *pdfRender) space(h float64) {
	if !r.atTop() && !r.newPage {
		r.pdf.SetY(r.pdf.GetY() + h)
	}
}

func (r *pdfRender) titleBlock() {
	if r.title == "" {
		return
	}
	r.flow([]Run{{Text: r.title, Bold: true}}, r.left(), r.width(), 22, 10, inkHeading)
	if s := clean(r.d.Subtitle); s != "" {
		r.space(1)
		r.flow([]Run{{Text: s}}, r.left(), r.width(), 13, 6.5, inkMuted)
	}
	r.space(8)
}

var headingSizes = [4]float64{0, 17, 13.5, 11.5}

// heading draws heading n on the page that has room for it and for
// follow millimetres of what comes after it.
func (r *pdfRender) heading(n int, follow float64) {
	e := r.toc[n]
	size := headingSizes[e.Level]
	lineH := size * ptToMM * 1.4
	before := []float64{0, 7, 5, 3.5}[e.Level]
	// Keep the heading with the start of what follows it.
	r.room(before + lineH + 1.5 + follow)
	r.space(before)
	y := r.pdf.GetY()
	r.pages[n] = r.pdf.PageNo()
	r.pdf.SetLink(r.links[n], y, -1)
	r.bookmark(e.Text, e.Level, y)
	r.flow([]Run{{Text: e.Text, Bold: true}}, r.left(), r.width(), size, lineH, inkHeading)
	r.space(1.5)
}

// bookmark adds an entry to the PDF's outline; a level may only go one
// deeper than the previous, so a Heading 3 under a Heading 1 is lifted.
func (r *pdfRender) bookmark(text string, level int, y float64) {
	level = min(level-1, r.lastLevel+1)
	r.lastLevel = level
	r.pdf.Bookmark(text, level, y)
}

func (r *pdfRender) list(l List) {
	const indent = 7.0
	for i, item := range l.Items {
		marker := "•"
		if l.Ordered {
			marker = strconv.Itoa(i+1) + "."
		}
		y := r.room(pdfBodyLine)
		r.pdf.SetFont(pdfdoc.Body, "", pdfBodySize)
		r.pdf.SetTextColor(rgb(inkBlack))
		r.pdf.Text(r.left()+indent-1.5-r.pdf.GetStringWidth(marker), baseline(y, pdfBodyLine, pdfBodySize), marker)
		r.flow(item, r.left()+indent, r.width()-indent, pdfBodySize, pdfBodyLine, inkBlack)
		r.space(1)
	}
	r.space(1.5)
}

// contents draws the index: one line a heading, its text cut to fit so
// that every pass draws the same lines, dot leaders, the page number and
// a link to the heading.
func (r *pdfRender) contents(title string) {
	r.room(10 + 3*pdfBodyLine)
	r.bookmark(title, 1, r.pdf.GetY())
	r.flow([]Run{{Text: title, Bold: true}}, r.left(), r.width(), headingSizes[1], headingSizes[1]*ptToMM*1.4, inkHeading)
	r.space(2)
	const numberW = 8.0
	for i, e := range r.toc {
		if !e.inContents() {
			continue
		}
		lineH, style, size := 5.2, "", pdfBodySize
		if e.Level == 1 {
			lineH, style, size = 6.5, "B", 10.5
		}
		y := r.room(lineH)
		x := r.left() + float64(e.Level-1)*6
		p := r.pdf
		p.SetFont(pdfdoc.Body, style, size)
		p.SetTextColor(rgb(inkBlack))
		text := pdfdoc.FitWidth(p, e.Text, r.left()+r.width()-numberW-3-x)
		// The leaders go in the same string as the text, so that text
		// extraction reads the line as one.
		from, to := x+p.GetStringWidth(text+" "), r.left()+r.width()-numberW
		if dot := p.GetStringWidth(" ."); to > from {
			text += " " + strings.Repeat(" .", int((to-from)/dot))
		}
		base := baseline(y, lineH, size)
		p.Text(x, base, text)
		if r.known != nil {
			page := strconv.Itoa(r.known[i])
			p.Text(r.left()+r.width()-p.GetStringWidth(page), base, page)
		}
		p.Link(x, y, r.left()+r.width()-x, lineH, r.links[i])
		p.SetY(y + lineH)
	}
	r.space(4)
}

// baseline is where text of size points sits in a line of height lineH at y.
func baseline(y, lineH, size float64) float64 { return y + lineH/2 + size*ptToMM*0.35 }
