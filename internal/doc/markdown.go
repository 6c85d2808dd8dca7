package doc

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// WriteMarkdown writes the document as GitHub-flavoured Markdown: ATX
// headings, emphasis, lists, pipe tables, the contents as links to the
// headings' anchors and each legend as a list. Cell fills have no
// Markdown form; the cells keep their text (the matrix's symbols).
func WriteMarkdown(w io.Writer, d Document) error {
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw, toc: outline(d)}
	m.title(d)
	for _, b := range d.Blocks {
		m.block(b)
	}
	return bw.Flush()
}

type mdWriter struct {
	w     *bufio.Writer
	toc   []entry
	heads int // headings written so far
}

func (m *mdWriter) title(d Document) {
	if t := clean(d.Title); t != "" {
		m.w.WriteString("# " + mdInline(t) + "\n\n")
	}
	if s := clean(d.Subtitle); s != "" {
		m.w.WriteString("*" + mdInline(s) + "*\n\n")
	}
}

func (m *mdWriter) block(b Block) {
	switch b := b.(type) {
	case Heading:
		e := m.toc[m.heads]
		m.heads++
		m.w.WriteString(strings.Repeat("#", e.Level) + " " + mdInline(e.Text) + "\n\n")
	case Paragraph:
		if text := mdRuns(b.Runs); text != "" {
			m.w.WriteString(text + "\n\n")
		}
	case List:
		m.list(b)
	case Table:
		m.table(b)
	case TableOfContents:
		m.contents(b.Heading())
	}
}

func (m *mdWriter) list(l List) {
	for i, item := range l.Items {
		marker := "- "
		if l.Ordered {
			marker = strconv.Itoa(i+1) + ". "
		}
		// Continuation lines of an item are indented under its text.
		text := strings.ReplaceAll(mdRuns(item), "\n", "\n"+strings.Repeat(" ", len(marker)))
		m.w.WriteString(marker + text + "\n")
	}
	m.w.WriteString("\n")
}

func (m *mdWriter) contents(title string) {
	m.w.WriteString("**" + mdInline(title) + "**\n\n") // not a heading: the contents do not list themselves
	for _, e := range m.toc {
		if !e.inContents() {
			continue
		}
		m.w.WriteString(strings.Repeat("  ", e.Level-1) + "- [" + mdInline(e.Text) + "](#" + e.ID + ")\n")
	}
	m.w.WriteString("\n")
}

func (m *mdWriter) table(t Table) {
	n := columns(t)
	if n == 0 {
		return
	}
	if c := clean(t.Caption); c != "" {
		m.w.WriteString("**" + mdInline(c) + "**\n\n")
	}
	head := make([]string, n)
	for i := range head {
		head[i] = mdCell(headerAt(t, i), false)
	}
	m.row(head)
	m.row(slicesRepeat("---", n))
	for _, r := range t.Rows {
		cells := make([]string, n)
		for i := range cells {
			c := cellAt(r, i)
			cells[i] = mdCell(c.Text, c.Bold)
			if c.Note != "" {
				cells[i] += "<br>" + mdCell(c.Note, false)
			}
		}
		m.row(cells)
	}
	m.w.WriteString("\n")
	for _, li := range t.Legend {
		m.w.WriteString("- " + mdInline(clean(li.Label)))
		if fill, ok := hexColour(li.Fill); ok {
			m.w.WriteString(" (#" + fill + ")")
		}
		m.w.WriteString("\n")
	}
	if len(t.Legend) > 0 {
		m.w.WriteString("\n")
	}
}

func (m *mdWriter) row(cells []string) {
	m.w.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// mdCell writes a table cell: mdInline escapes the pipe that would end
// the cell, and a newline, which would end the row, becomes <br>.
func mdCell(text string, bold bool) string {
	text = mdInline(clean(text))
	text = strings.ReplaceAll(strings.TrimSpace(text), "\n", "<br>")
	if bold && text != "" {
		text = "**" + text + "**"
	}
	return text
}

// mdRuns writes runs with emphasis; a newline inside becomes a hard
// line break (a backslash at the end of the line).
func mdRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		text := mdInline(clean(r.Text))
		mark := ""
		switch {
		case r.Bold && r.Italic:
			mark = "***"
		case r.Bold:
			mark = "**"
		case r.Italic:
			mark = "*"
		}
		// Emphasis must hug its text: "** x **" is not bold, so the
		// spaces go outside the markers.
		core := strings.TrimSpace(text)
		if mark == "" || core == "" {
			b.WriteString(text)
			continue
		}
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		b.WriteString(lead + mark + core + mark + trail)
	}
	return strings.ReplaceAll(strings.TrimSpace(b.String()), "\n", "\\\n")
}

// mdInline escapes text so that it reads as text: the characters that
// start emphasis, links, code, HTML or entities anywhere, and those that
// start a block (heading, quote, list, numbered list) at a line's start.
func mdInline(text string) string {
	var b strings.Builder
	lineStart := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case strings.IndexByte("\\`*_[]<>&|~!#", c) >= 0:
			b.WriteByte('\\')
		case lineStart && strings.IndexByte(">-+=", c) >= 0:
			b.WriteByte('\\')
		case lineStart && c >= '0' && c <= '9':
			// "1. " at a line's start would be a list item: escape its dot.
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j < len(text) && (text[j] == '.' || text[j] == ')') {
				b.WriteString(text[i:j] + "\\")
				i, c = j, text[j]
			}
		}
		b.WriteByte(c)
		lineStart = c == '\n' || (lineStart && (c == ' ' || c == '\t'))
	}
	return b.String()
}
