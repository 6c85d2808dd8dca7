package doc

import "strings"

// docxPages estimates on which page Word and LibreOffice put each heading
// of the DOCX, for the contents' cached page numbers: it walks the blocks
// as docxBody writes them, with the styles' sizes and spacing
// (docx_parts.go) and the metrics of the font the file names (Carlito
// for Calibri, Liberation Sans for Arial). Our PDF cannot give these
// numbers: it sets its own font, margins and spacing, and lays out on
// other pages.
func docxPages(d Document) []int {
	p := &docxPager{d: d, font: d.Layout.font(), page: 1}
	p.landscape = d.titleLandscape()
	if t := clean(d.Title); t != "" {
		p.text(t, 26, true, 0, 120, 0, false)
	}
	if s := clean(d.Subtitle); s != "" {
		p.text(s, 14, false, 0, 480, 0, false)
	}
	for i, b := range d.Blocks {
		if _, ok := b.(PageBreak); ok && i+1 < len(d.Blocks) && d.Layout.landscapeAt(d.Blocks, i+1) != p.landscape {
			continue
		}
		if want := d.Layout.landscapeAt(d.Blocks, i); want != p.landscape {
			p.newPage(true)
			p.landscape = want
		}
		switch b := b.(type) {
		case Heading:
			p.heading(d.Blocks, i)
		case Paragraph:
			p.text(runsText(b.Runs), docxBodySize, false, 0, 120, 0, false)
		case List:
			for j, item := range b.Items {
				after := 0 // contextual spacing: none between the items
				if j == len(b.Items)-1 {
					after = 60
				}
				p.text(runsText(item), docxBodySize, false, 0, after, 720, false)
			}
		case Table:
			p.table(b)
		case TableOfContents:
			p.text(b.Heading(), docxHeadingSizes[1], true, 360, 120, 0, true)
			for _, e := range outline(p.d) {
				if !e.inContents() {
					continue
				}
				after := 40
				if e.Level == 1 {
					after = 60
				}
				p.text(e.Text, docxBodySize, e.Level == 1, 0, after, 0, false)
			}
		case PageBreak:
			p.newPage(true)
		}
	}
	return p.pages
}

// The styles' sizes in points (docx_parts.go).
const docxBodySize = 10.5

var docxHeadingSizes = [4]float64{0, 16, 13, 11.5}

// docxPager follows the pages in twentieths of a point.
type docxPager struct {
	d         Document
	font      Font
	landscape bool
	page, y   int
	after     int   // the spacing after the previous paragraph
	hardTop   bool  // the page began at a page or section break, where spacing before counts
	pages     []int // the headings' pages so far
}

func (p *docxPager) size() (w, h int) {
	w, h = p.d.Layout.paper().Twips()
	if p.landscape {
		return h, w
	}
	return w, h
}

func (p *docxPager) textWidth() int  { w, _ := p.size(); return w - 2*pageMargin }
func (p *docxPager) textHeight() int { _, h := p.size(); return h - 2*pageMargin }

// newPage starts a page: at a break (hard) a paragraph's spacing before
// stays, at the foot of a full page it goes.
func (p *docxPager) newPage(hard bool) { p.page++; p.y, p.after, p.hardTop = 0, 0, hard }

// gap is the space between the previous paragraph and one with spacing
// before: the larger of the two, as LibreOffice sets DOCX files, and none
// at the top of a page that filled up.
func (p *docxPager) gap(before int) int {
	if p.y == 0 && !p.hardTop {
		return 0
	}
	return max(p.after, before)
}

// lineHeight is one line of size points at a line spacing factor: the
// font's own line (ascent, descent and gap) times the factor.
func (p *docxPager) lineHeight(size, factor float64) int {
	return int(size*p.font.lineEm()*factor*20 + 0.5)
}

// lines is how many lines text takes at size over width.
func (p *docxPager) lines(text string, size float64, bold bool, width int) int {
	in := p.font.widthsIn(size)
	return wrappedLines(text, float64(width), func(s string, b bool) float64 { return 20 * in(s, b) }, bold)
}

// text sets a paragraph; keep keeps its lines together (and with what
// follows, for headings, which heading handles).
func (p *docxPager) text(s string, size float64, bold bool, before, after, indent int, keep bool) {
	n := p.lines(s, size, bold, p.textWidth()-indent)
	line := p.lineHeight(size, 1.1)
	p.y += p.gap(before)
	if keep && p.y+n*line > p.textHeight() && p.y > 0 {
		p.newPage(false)
	}
	for range n {
		if p.y+line > p.textHeight() {
			p.newPage(false)
		}
		p.y += line
		p.hardTop = false
	}
	p.after = after
}

// heading sets heading i with the start of what follows it on its page.
func (p *docxPager) heading(blocks []Block, i int) {
	level := headingLevel(blocks[i].(Heading))
	e := outline(Document{Blocks: []Block{blocks[i]}})[0]
	size := docxHeadingSizes[level]
	before := []int{0, 360, 280, 200}[level]
	h := p.lines(e.Text, size, true, p.textWidth())*p.lineHeight(size, 1.1) + p.gap(before)
	next := 120 + p.lineHeight(docxBodySize, 1.1) // keep with next: its first line
	if i+1 < len(blocks) {
		switch b := blocks[i+1].(type) {
		case Table:
			next = p.tableStart(b)
		case Heading:
			next = 0 // that heading keeps itself with what follows
		}
	}
	if p.y > 0 && p.y+h+next > p.textHeight() {
		p.newPage(false)
	}
	p.pages = append(p.pages, p.page)
	p.text(e.Text, size, true, before, 120, 0, true)
}

// tableStart is the height of a table's caption, header and first row.
func (p *docxPager) tableStart(t Table) int {
	rows, header, caption := p.tableRows(t)
	h := header + caption
	if len(rows) > 0 {
		h += rows[0]
	}
	return h
}

// tableRows are the heights of a table's rows, its header row and its caption.
func (p *docxPager) tableRows(t Table) (rows []int, header, caption int) {
	size := docxTableSize
	if isDense(t) {
		size = docxDenseSize
	}
	shares, fitted := docxColumns(t, p.textWidth(), size, p.font)
	widths := make([]int, len(shares))
	for i, w := range shares {
		widths[i] = int(w)
	}
	tall := docxRowHeight(p.font, fitted, widths)
	hdr := make([]Cell, columns(t))
	for i := range hdr {
		hdr[i] = Cell{Text: headerAt(t, i), Bold: true}
	}
	header = tall(hdr)
	for _, r := range t.Rows {
		rows = append(rows, tall(r))
	}
	if c := clean(t.Caption); c != "" {
		caption = p.gap(120) + p.lineHeight(9.5, 1.1) + 60
	}
	return rows, header, caption
}

// table sets a table: rows whole, the header again on each new page, the
// legend paragraph after it.
func (p *docxPager) table(t Table) {
	if columns(t) == 0 {
		return
	}
	rows, header, caption := p.tableRows(t)
	start := caption + header
	if len(rows) > 0 {
		start += rows[0]
	}
	if caption == 0 {
		start += p.gap(0)
	}
	if p.y > 0 && p.y+start > p.textHeight() {
		p.newPage(false)
		rows, header, caption = p.tableRows(t)
	}
	if caption == 0 {
		p.y += p.gap(0)
	}
	p.y += caption + header
	for _, h := range rows {
		if p.y+h > p.textHeight() && p.y > header {
			p.newPage(false)
			p.y = header
		}
		p.y += h
	}
	p.after, p.hardTop = 0, false
	p.text(legendText(t.Legend), 9, false, 60, 240, 0, false)
}

func runsText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func legendText(items []LegendItem) string {
	var b strings.Builder
	for _, li := range items {
		b.WriteString("■ " + li.Label + "      ")
	}
	return b.String()
}
