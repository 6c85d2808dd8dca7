package doc

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strings"
)

// WriteDOCX writes a Word document: real Heading 1–3 styles with outline
// levels, a TOC field where TableOfContents stands (its cached result
// lists the headings; Word fills in page numbers when it updates the
// field on opening), lists, tables with a repeated header row, fills and
// text colours, legends, captions, page breaks, wide tables on landscape
// pages, A4 pages numbered in the footer.
//
// The package is written here rather than with godocx: godocx has no
// complex fields (its fldChar is a TODO), no footer parts and no way to
// set updateFields, which are what a working TOC and page numbers need.
func WriteDOCX(w io.Writer, d Document) error {
	d = groupTables(d)
	var tocPages []int
	if hasContents(d) {
		tocPages = docxPages(d)
	}
	body := newDocxBody(d, tocPages)
	for i, b := range d.Blocks {
		body.block(d.Blocks, i, b)
	}
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", packageRelsXML},
		{"docProps/core.xml", coreXML(d.Title)},
		{"word/_rels/document.xml.rels", documentRelsXML},
		{"word/document.xml", body.document()},
		{"word/styles.xml", stylesXML(d.Layout.font())},
		{"word/settings.xml", settingsXML},
		{"word/numbering.xml", numberingXML(body.orderedLists)},
		{"word/footer1.xml", footerXML(d.Title)},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.content); err != nil {
			return err
		}
	}
	return zw.Close()
}

// hasContents tells whether d has a table of contents to number.
func hasContents(d Document) bool {
	for _, b := range d.Blocks {
		if _, ok := b.(TableOfContents); ok {
			return true
		}
	}
	return false
}

// xmlEsc escapes text for XML content or a quoted attribute, after
// dropping the characters XML forbids.
func xmlEsc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(clean(s)))
	return b.String()
}

// docxRun is one run of text with run properties rPr (inner XML); line
// breaks, tabs and hyphens between digits become Word's own elements.
func docxRun(text, rPr string) string {
	text = clean(text)
	if text == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("<w:r>")
	if rPr != "" {
		b.WriteString("<w:rPr>" + rPr + "</w:rPr>")
	}
	start := 0
	flush := func(end int) {
		if end > start {
			b.WriteString(`<w:t xml:space="preserve">` + xmlEsc(text[start:end]) + `</w:t>`)
		}
		start = end + 1
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			flush(i)
			b.WriteString("<w:br/>")
		case '\t':
			flush(i)
			b.WriteString("<w:tab/>")
		case '-':
			// A date or a number range does not break at its hyphens:
			// 2025-06-30 would otherwise end a line as "2025-06-".
			if i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
				flush(i)
				b.WriteString("<w:noBreakHyphen/>")
			}
		}
	}
	flush(len(text))
	b.WriteString("</w:r>")
	return b.String()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// runProps is the inner XML of a run's properties, in schema order.
func runProps(bold, italic bool, colour string) string {
	var s string
	if bold {
		s += "<w:b/><w:bCs/>"
	}
	if italic {
		s += "<w:i/><w:iCs/>"
	}
	if c, ok := hexColour(colour); ok {
		s += `<w:color w:val="` + c + `"/>`
	}
	return s
}
