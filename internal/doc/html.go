package doc

import (
	"bufio"
	"html"
	"io"
	"strconv"
	"strings"
)

// htmlStyle is the whole style sheet: the file must open anywhere with
// no other resource, and print on A4 with fills kept and table headers
// repeated.
const htmlStyle = `body{font-family:{{font}},sans-serif;font-size:11pt;line-height:1.45;max-width:60em;margin:2em auto;padding:0 1em;color:#111}
h1,h2,h3{line-height:1.2;break-after:avoid}
h1{font-size:1.8em;border-bottom:2px solid #0072B2;padding-bottom:.2em}
h2{font-size:1.4em}h3{font-size:1.15em}
.title{font-size:2.2em;font-weight:bold;margin:0;color:#0B4F8A}.subtitle{font-size:1.2em;color:#444}
nav.toc ul{list-style:none;padding-left:0}
nav.toc li.level-2{padding-left:1.5em}nav.toc li.level-3{padding-left:3em}
nav.toc a{text-decoration:none;color:#0b4f8a}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%}
caption{font-weight:bold;text-align:left;padding:.3em 0}
th,td{border:1px solid #888;padding:.25em .4em;vertical-align:top;text-align:left}
th{background:#DCE6F0}
table.wide{font-size:8pt}
table.wide th,table.wide td{padding:.15em .2em}
ul.legend{list-style:none;padding-left:0;display:flex;flex-wrap:wrap;gap:.4em 1.5em;margin-top:0}
.note{display:block;font-weight:normal;margin-top:.2em}
.swatch{display:inline-block;width:1em;height:1em;border:1px solid #555;vertical-align:-.15em;margin-right:.4em}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:{{paper}};margin:18mm}
@page wide{size:{{paper}} landscape}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}
thead{display:table-header-group}tr{break-inside:avoid}
.wide-section{page:wide}a{color:inherit}}`

// WriteHTML writes one self-contained HTML5 page: inline style, headings
// with ids, the contents as links to them, tables with their fills. Every
// text is escaped, so markup in a partner's answers shows as text.
func WriteHTML(w io.Writer, d Document) error {
	d = groupTables(d)
	bw := bufio.NewWriter(w)
	h := &htmlWriter{w: bw, toc: outline(d), layout: d.Layout}
	title := clean(d.Title)
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	bw.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	bw.WriteString("<title>" + esc(title) + "</title>\n<style>\n" + strings.NewReplacer("{{font}}", htmlFonts(d.Layout.font()), "{{paper}}", string(d.Layout.paper())).Replace(htmlStyle) + "\n</style>\n</head>\n<body>\n")
	if title != "" {
		bw.WriteString("<header>\n<p class=\"title\">" + esc(title) + "</p>\n")
		if s := clean(d.Subtitle); s != "" {
			bw.WriteString("<p class=\"subtitle\">" + esc(s) + "</p>\n")
		}
		bw.WriteString("</header>\n")
	}
	for _, b := range d.Blocks {
		h.block(b)
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}

type htmlWriter struct {
	w      *bufio.Writer
	toc    []entry
	heads  int // headings written so far
	layout Layout
}

// htmlFonts names the document's font, then its metric twin, so a
// browser without it lays the page out alike.
func htmlFonts(f Font) string {
	if f == Arial {
		return `Arial,"Liberation Sans"`
	}
	return `Calibri,Carlito`
}

// htmlShares are a table's column widths as the DOCX has them (the same
// rule, the same font), as fractions of the table's width.
func (l Layout) htmlShares(t Table) []float64 {
	w, h := l.paper().Twips()
	if l.needsLandscape(t) {
		w = h
	}
	shares, _ := docxColumns(t, w-2*pageMargin, landscapeTableSize(t), l.font())
	sum := 0.0
	for _, s := range shares {
		sum += s
	}
	for i := range shares {
		shares[i] /= max(sum, 1)
	}
	return shares
}

// esc escapes text for element content and quoted attributes, after
// dropping the characters no HTML or XML file may hold.
func esc(s string) string { return html.EscapeString(clean(s)) }

func (h *htmlWriter) block(b Block) {
	switch b := b.(type) {
	case Heading:
		e := h.toc[h.heads]
		h.heads++
		n := strconv.Itoa(e.Level)
		h.w.WriteString("<h" + n + " id=\"" + esc(e.ID) + "\">" + esc(e.Text) + "</h" + n + ">\n")
	case Paragraph:
		h.w.WriteString("<p>" + htmlRuns(b.Runs) + "</p>\n")
	case List:
		tag := "ul"
		if b.Ordered {
			tag = "ol"
		}
		h.w.WriteString("<" + tag + ">\n")
		for _, item := range b.Items {
			h.w.WriteString("<li>" + htmlRuns(item) + "</li>\n")
		}
		h.w.WriteString("</" + tag + ">\n")
	case Table:
		h.table(b)
	case TableOfContents:
		h.contents(b.Heading())
	}
}

func (h *htmlWriter) contents(title string) {
	h.w.WriteString("<nav class=\"toc\" aria-label=\"" + esc(title) + "\">\n<h2>" + esc(title) + "</h2>\n<ul>\n")
	for _, e := range h.toc {
		if !e.inContents() {
			continue
		}
		h.w.WriteString("<li class=\"level-" + strconv.Itoa(e.Level) + "\"><a href=\"#" + esc(e.ID) + "\">" + esc(e.Text) + "</a></li>\n")
	}
	h.w.WriteString("</ul>\n</nav>\n")
}

func (h *htmlWriter) table(t Table) {
	n := columns(t)
	if n == 0 {
		return
	}
	class := ""
	wide := h.layout.needsLandscape(t)
	if wide {
		class = " class=\"wide\""
		h.w.WriteString("<section class=\"wide-section\">\n")
	}
	h.w.WriteString("<table" + class + ">\n")
	if c := clean(t.Caption); c != "" {
		h.w.WriteString("<caption>" + esc(c) + "</caption>\n")
	}
	h.w.WriteString("<colgroup>")
	for _, share := range h.layout.htmlShares(t) {
		h.w.WriteString("<col style=\"width:" + strconv.FormatFloat(share*100, 'f', 2, 64) + "%\">")
	}
	h.w.WriteString("</colgroup>\n<thead><tr>")
	for i := range n {
		h.w.WriteString("<th scope=\"col\">" + esc(headerAt(t, i)) + "</th>")
	}
	h.w.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		h.w.WriteString("<tr>")
		for i := range n {
			h.cell(cellAt(r, i))
		}
		h.w.WriteString("</tr>\n")
	}
	h.w.WriteString("</tbody>\n</table>\n")
	if len(t.Legend) > 0 {
		h.w.WriteString("<ul class=\"legend\">\n")
		for _, li := range t.Legend {
			swatch := ""
			if fill, ok := hexColour(li.Fill); ok {
				swatch = "<span class=\"swatch\" style=\"background:#" + fill + "\"></span>"
			}
			h.w.WriteString("<li>" + swatch + esc(li.Label) + "</li>\n")
		}
		h.w.WriteString("</ul>\n")
	}
	if wide {
		h.w.WriteString("</section>\n")
	}
}

func (h *htmlWriter) cell(c Cell) {
	var style []string
	if fill, ok := hexColour(c.Fill); ok {
		style = append(style, "background:#"+fill)
	}
	if ink, ok := hexColour(c.Ink); ok {
		style = append(style, "color:#"+ink)
	}
	if c.Bold {
		style = append(style, "font-weight:bold")
	}
	if c.Right {
		style = append(style, "text-align:right")
	}
	attr := ""
	if len(style) > 0 {
		attr = " style=\"" + strings.Join(style, ";") + "\""
	}
	note := ""
	if n := clean(c.Note); n != "" {
		note = "<span class=\"note\">" + htmlLines(n) + "</span>"
	}
	h.w.WriteString("<td" + attr + ">" + htmlLines(c.Text) + note + "</td>")
}

// htmlRuns writes runs as escaped text in <strong> and <em>.
func htmlRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		text := htmlLines(r.Text)
		if r.Italic {
			text = "<em>" + text + "</em>"
		}
		if r.Bold {
			text = "<strong>" + text + "</strong>"
		}
		b.WriteString(text)
	}
	return b.String()
}

// htmlLines escapes text and keeps its line breaks.
func htmlLines(s string) string {
	return strings.ReplaceAll(esc(s), "\n", "<br>")
}
