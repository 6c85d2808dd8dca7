package doc

import (
	"strconv"
	"strings"
)

// pageMargin is every page's margin in twentieths of a point: 2 cm.
const pageMargin = 1134

// docxBody builds word/document.xml block by block.
type docxBody struct {
	b            strings.Builder
	d            Document
	toc          []entry
	heads        int   // headings written so far
	orderedLists int   // numbered lists so far, each with its own numId
	landscape    bool  // orientation of the section being written
	tocPages     []int // the headings' pages as docxPages expects them, the contents' cached numbers
}

func newDocxBody(d Document, tocPages []int) *docxBody {
	x := &docxBody{d: d, toc: outline(d), tocPages: tocPages}
	x.landscape = d.titleLandscape()
	x.b.WriteString(xmlDecl + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	if t := clean(d.Title); t != "" {
		x.para("Title", docxRun(t, ""))
	}
	if s := clean(d.Subtitle); s != "" {
		x.para("Subtitle", docxRun(s, ""))
	}
	return x
}

// document closes the body with the last section's properties.
func (x *docxBody) document() string {
	return x.b.String() + x.sectionProps() + `</w:body></w:document>`
}

// pageSize is the current section's page in twentieths of a point.
func (x *docxBody) pageSize() (w, h int) {
	w, h = x.d.Layout.paper().Twips()
	if x.landscape {
		return h, w
	}
	return w, h
}

// sectionProps is the current section's page: the layout's paper,
// portrait or landscape, with the numbered footer (every section names
// it, or a new one would have none).
func (x *docxBody) sectionProps() string {
	w, h := x.pageSize()
	size := `<w:pgSz w:w="` + strconv.Itoa(w) + `" w:h="` + strconv.Itoa(h) + `"/>`
	if x.landscape {
		size = `<w:pgSz w:w="` + strconv.Itoa(w) + `" w:h="` + strconv.Itoa(h) + `" w:orient="landscape"/>`
	}
	m := strconv.Itoa(pageMargin)
	return `<w:sectPr><w:footerReference w:type="default" r:id="` + footerRel + `"/>` + size +
		`<w:pgMar w:top="` + m + `" w:right="` + m + `" w:bottom="` + m + `" w:left="` + m + `" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`
}

// textWidth is the width between the margins of the current section.
func (x *docxBody) textWidth() int {
	w, _ := x.pageSize()
	return w - 2*pageMargin
}

// textHeight is the height between the margins of the current section.
func (x *docxBody) textHeight() int {
	_, h := x.pageSize()
	return h - 2*pageMargin
}

// para writes a paragraph in a style; content is runs' XML.
func (x *docxBody) para(style, content string) {
	x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + content + `</w:p>`)
}

func (x *docxBody) block(blocks []Block, i int, b Block) {
	// A section break starts a page already: a page break right before
	// one would leave a blank page.
	if _, ok := b.(PageBreak); ok && i+1 < len(blocks) && x.d.Layout.landscapeAt(blocks, i+1) != x.landscape {
		return
	}
	// A change of orientation ends the section before this block: Word
	// keeps a section's properties in the paragraph that ends it.
	if want := x.d.Layout.landscapeAt(blocks, i); want != x.landscape {
		x.b.WriteString(`<w:p><w:pPr>` + x.sectionProps() + `</w:pPr></w:p>`)
		x.landscape = want
	}
	switch b := b.(type) {
	case Heading:
		x.heading()
	case Paragraph:
		x.para("Normal", docxRuns(b.Runs))
	case List:
		x.list(b)
	case Table:
		x.table(b)
	case TableOfContents:
		x.contents(b.Heading())
	case PageBreak:
		x.b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	}
}

// heading writes the next heading inside a bookmark the contents link to.
func (x *docxBody) heading() {
	n := x.heads
	e := x.toc[n]
	x.heads++
	id := strconv.Itoa(n + 1)
	x.para("Heading"+strconv.Itoa(e.Level),
		`<w:bookmarkStart w:id="`+id+`" w:name="`+tocBookmark(n)+`"/>`+docxRun(e.Text, "")+`<w:bookmarkEnd w:id="`+id+`"/>`)
}

func tocBookmark(n int) string { return "_Toc" + strconv.Itoa(n+1) }

func docxRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(docxRun(r.Text, runProps(r.Bold, r.Italic, "")))
	}
	return b.String()
}

func (x *docxBody) list(l List) {
	numID := "1"
	if l.Ordered {
		x.orderedLists++
		numID = strconv.Itoa(x.orderedLists + 1)
	}
	for _, item := range l.Items {
		x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="` +
			numID + `"/></w:numPr></w:pPr>` + docxRuns(item) + `</w:p>`)
	}
}

// contents writes the TOC field. Its cached result lists the headings
// as links with the page numbers docxPages expects (PAGEREF fields),
// so LibreOffice and Word show numbers before any update; Word asks to
// update the field on opening (settings.xml) and then puts its own.
func (x *docxBody) contents(title string) {
	x.para("TOCHeading", docxRun(title, ""))
	begin := `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`
	end := `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	first, last := -1, -1
	for i, e := range x.toc {
		if e.inContents() {
			last = i
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 {
		x.para("TOC1", begin+end)
		return
	}
	tabs := `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="` + strconv.Itoa(x.textWidth()) + `"/></w:tabs>`
	for i, e := range x.toc {
		if !e.inContents() {
			continue
		}
		content := `<w:hyperlink w:anchor="` + tocBookmark(i) + `" w:history="1">` + docxRun(e.Text, "")
		if i < len(x.tocPages) && x.tocPages[i] > 0 {
			content += `<w:r><w:tab/></w:r>` + field(" PAGEREF "+tocBookmark(i)+` \h `, strconv.Itoa(x.tocPages[i]))
		}
		content += `</w:hyperlink>`
		if i == first {
			content = begin + content
		}
		if i == last {
			content += end
		}
		x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC` + strconv.Itoa(e.Level) + `"/>` + tabs + `</w:pPr>` + content + `</w:p>`)
	}
}

// field is a complex field with instruction instr and cached result.
func field(instr, result string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve">` + xmlEsc(instr) + `</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + docxRun(result, "") +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

func (x *docxBody) table(t Table) {
	n := columns(t)
	if n == 0 {
		return
	}
	if c := clean(t.Caption); c != "" {
		x.para("Caption", docxRun(c, "")) // the style keeps it with the table
	}
	textStyle, size := "TableText", docxTableSize
	if isDense(t) {
		textStyle, size = "WideTableText", docxDenseSize
	}
	font := x.d.Layout.font()
	shares, fitted := docxColumns(t, x.textWidth(), size, font)
	sizeProps := "" // the style's own size, unless the words needed a smaller one
	if fitted != size {
		sz := strconv.Itoa(int(fitted * 2)) // half-points
		sizeProps = `<w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/>`
	}
	widths := make([]int, n)
	x.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="StudyTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for i, w := range shares {
		widths[i] = int(w)
		x.b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(widths[i]) + `"/>`)
	}
	x.b.WriteString(`</w:tblGrid>`)
	rowTall := docxRowHeight(font, fitted, widths)
	// The header row repeats on every page the table runs over and keeps
	// with the first row.
	x.b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	for i := range n {
		x.cell(widths[i], textStyle, sizeProps, Cell{Text: headerAt(t, i), Fill: "DCE6F0", Bold: true}, true)
	}
	x.b.WriteString(`</w:tr>`)
	for ri, r := range t.Rows {
		// A row splits across pages only when it is taller than a page;
		// the last keeps with the legend under it.
		x.b.WriteString(`<w:tr>`)
		if rowTall(r) < x.textHeight() {
			x.b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		last := ri == len(t.Rows)-1 && len(t.Legend) > 0
		for i := range n {
			x.cell(widths[i], textStyle, sizeProps, cellAt(r, i), last)
		}
		x.b.WriteString(`</w:tr>`)
	}
	x.b.WriteString(`</w:tbl>`)
	// A paragraph always follows: Word merges tables that touch.
	x.para("Legend", legendRuns(t.Legend))
}

// Table text sizes in points: the styles' (Table Text, Wide Table Text)
// and the smallest a table shrinks to so that its longest words fit.
const (
	docxTableSize = 9.0
	docxDenseSize = 7.0
	docxMinSize   = 6.0
)

// docxCellPad is what a column needs besides its longest word, in
// twentieths of a point: the table style's cell margins (70 a side) and
// slack for the borders, kerning and LibreOffice's rounding.
const docxCellPad = 2*70 + 60

// docxColumns lays a table's columns out over width (twentieths of a
// point) for the largest size, from size down, at which every word fits
// its column as the document's font (or its metric twin) sets it.
func docxColumns(t Table, width int, size float64, font Font) ([]float64, float64) {
	for ; ; size -= 0.5 {
		in := font.widthsIn(size)
		twips := func(text string, bold bool) float64 { return 20 * in(text, bold) * 1.03 }
		shares, fits := columnWidths(t, float64(width), docxCellPad, twips)
		if fits || size <= docxMinSize {
			return shares, size
		}
	}
}

// docxRowHeight estimates a row's height in twentieths of a point: its
// tallest cell's wrapped lines at single spacing, the cell margins and
// the border.
func docxRowHeight(font Font, size float64, widths []int) func([]Cell) int {
	in := font.widthsIn(size)
	twips := func(text string, bold bool) float64 { return 20 * in(text, bold) * 1.03 }
	return func(r []Cell) int {
		lines := 1
		for i, w := range widths {
			c := cellAt(r, i)
			width := float64(w - 2*70)
			n := wrappedLines(c.Text, width, twips, c.Bold)
			if c.Note != "" {
				n += wrappedLines(c.Note, width, twips, false)
			}
			lines = max(lines, n)
		}
		return int(float64(lines)*size*font.lineEm()*20) + 2*30 + 10
	}
}

// cell writes one cell: its text, and its note as a paragraph below in
// regular type. keep keeps the cell with what follows (the next row, or
// the legend after the last).
func (x *docxBody) cell(width int, style, sizeProps string, c Cell, keep bool) {
	x.b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
	if fill, ok := hexColour(c.Fill); ok {
		x.b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + fill + `"/>`)
	}
	x.b.WriteString(`</w:tcPr>`)
	pPr := `<w:pStyle w:val="` + style + `"/>`
	if keep {
		pPr += `<w:keepNext/>`
	}
	if c.Right {
		pPr += `<w:jc w:val="right"/>`
	}
	x.b.WriteString(`<w:p><w:pPr>` + pPr + `</w:pPr>` + docxRun(c.Text, runProps(c.Bold, false, c.Ink)+sizeProps) + `</w:p>`)
	if note := clean(c.Note); note != "" {
		x.b.WriteString(`<w:p><w:pPr>` + pPr + `<w:spacing w:before="40"/></w:pPr>` + docxRun(note, runProps(false, false, c.Ink)+sizeProps) + `</w:p>`)
	}
	x.b.WriteString(`</w:tc>`)
}

// legendRuns writes each legend item as a square in its colour and its label.
func legendRuns(items []LegendItem) string {
	var b strings.Builder
	for i, li := range items {
		if i > 0 {
			b.WriteString(docxRun("      ", ""))
		}
		if _, ok := hexColour(li.Fill); ok {
			b.WriteString(docxRun("■ ", runProps(false, false, li.Fill)+`<w:sz w:val="24"/><w:szCs w:val="24"/>`))
		}
		b.WriteString(docxRun(li.Label, ""))
	}
	return b.String()
}
