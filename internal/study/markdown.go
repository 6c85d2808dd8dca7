package study

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// maxHeadingLevel is the deepest heading the document model has; deeper
// Markdown headings become bold paragraphs.
const maxHeadingLevel = 3

// maxListIndent caps how far nested list items are indented: the model has
// flat lists, and a hostile thousand-deep list must not grow its output
// with the square of its depth.
const maxListIndent = 6

// maxIndent is the deepest indentation the parser sees. goldmark's time
// grows with the square of list nesting (a 1 MB list nested 1,000 deep
// took 2.5 s); no study nests lists twenty deep, so deeper lines are
// brought back to this column and the parse stays linear.
const maxIndent = 40

// parse reads CommonMark with no extensions (what the editor promises);
// the nodes point into the returned source, not into body.
func parse(body string) (ast.Node, []byte) {
	src := capIndent([]byte(body))
	return goldmark.DefaultParser().Parse(text.NewReader(src)), src
}

// capIndent brings lines indented beyond maxIndent columns back to it.
func capIndent(src []byte) []byte {
	var out []byte // nil until a line needs changing
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n') + 1
		if end == 0 {
			end = len(src) - start
		}
		line := src[start : start+end]
		col, i := 0, 0
		for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
			if line[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
		}
		if col > maxIndent && out == nil {
			out = append(make([]byte, 0, len(src)), src[:start]...)
		}
		switch {
		case col > maxIndent:
			out = append(append(out, bytes.Repeat([]byte{' '}, maxIndent)...), line[i:]...)
		case out != nil:
			out = append(out, line...)
		}
		start += end
	}
	if out == nil {
		return src
	}
	return out
}

// Markdown turns a section's Markdown body into document blocks. Headings
// in the body are nested under the section's level: in a chapter (level 1)
// a "#" is a section (level 2). What the model has no place for — images,
// raw HTML, code — becomes plain text: nothing typed is dropped. A hard
// line break is a "\n" inside a run's text.
func Markdown(body string, level int) []doc.Block {
	root, src := parse(body)
	c := converter{src: src, level: level}
	c.children(root)
	return c.out
}

type converter struct {
	src   []byte
	level int
	out   []doc.Block
}

func (c *converter) children(n ast.Node) {
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		c.block(child)
	}
}

func (c *converter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		if runs := trimRuns(c.inline(n, style{})); len(runs) > 0 {
			c.out = append(c.out, heading(c.level+n.Level, runs))
		}
	case *ast.Paragraph, *ast.TextBlock:
		c.paragraph(c.inline(n, style{}))
	case *ast.List:
		var items [][]doc.Run
		c.listItems(n, 0, &items)
		if len(items) > 0 {
			c.out = append(c.out, doc.List{Ordered: n.IsOrdered(), Items: items})
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		if lit := literalLines(n, c.src); strings.Trim(lit, asciiSpace) != "" {
			c.out = append(c.out, doc.Text(lit)) // as typed: code keeps its indentation
		}
	case *ast.ThematicBreak:
		c.out = append(c.out, doc.Text("* * *"))
	default: // block quotes and anything else: their content, unmarked
		c.children(n)
	}
}

func (c *converter) paragraph(runs []doc.Run) {
	if runs = trimRuns(runs); len(runs) > 0 {
		c.out = append(c.out, doc.Paragraph{Runs: runs})
	}
}

// listItems flattens a list into items; a nested list's items follow their
// parent's, indented, and numbered when the nested list is ordered.
func (c *converter) listItems(list *ast.List, depth int, items *[][]doc.Run) {
	number := list.Start
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		var line []doc.Run
		if depth > 0 {
			marker := "– "
			if list.IsOrdered() {
				marker = fmt.Sprintf("%d. ", number)
			}
			line = []doc.Run{{Text: strings.Repeat("\u00a0\u00a0", min(depth, maxListIndent)) + marker}}
		}
		prefix := len(line)
		flush := func() {
			if len(trimRuns(line[prefix:])) > 0 {
				*items = append(*items, mergeRuns(line))
			}
			line = line[:prefix:prefix]
		}
		for child := item.FirstChild(); child != nil; child = child.NextSibling() {
			var runs []doc.Run
			switch child := child.(type) {
			case *ast.List:
				flush()
				c.listItems(child, depth+1, items)
				continue
			case *ast.Paragraph, *ast.TextBlock:
				runs = trimRuns(c.inline(child, style{}))
			default: // a code block, quote or heading inside an item: its text
				sub := converter{src: c.src, level: maxHeadingLevel}
				sub.block(child)
				runs = []doc.Run{{Text: blocksText(sub.out)}}
			}
			if len(line) > prefix && len(runs) > 0 {
				line = append(line, doc.Run{Text: " "})
			}
			line = append(line, runs...)
		}
		flush()
		number++
	}
}

type style struct{ bold, italic bool }

func (s style) run(text string) doc.Run { return doc.Run{Text: text, Bold: s.bold, Italic: s.italic} }

// inline turns a block's inline content into runs of one style each.
func (c *converter) inline(n ast.Node, st style) []doc.Run {
	var runs []doc.Run
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		switch child := child.(type) {
		case *ast.Text:
			runs = append(runs, st.run(textValue(child, c.src)))
			if child.HardLineBreak() {
				runs = append(runs, st.run("\n"))
			} else if child.SoftLineBreak() {
				runs = append(runs, st.run(" "))
			}
		case *ast.String:
			runs = append(runs, st.run(string(child.Value)))
		case *ast.Emphasis:
			inner := st
			if child.Level >= 2 {
				inner.bold = true
			} else {
				inner.italic = true
			}
			runs = append(runs, c.inline(child, inner)...)
		case *ast.Link:
			label := c.inline(child, st)
			runs = append(runs, label...)
			if dest := string(child.Destination); dest != "" && dest != runsText(label) {
				runs = append(runs, st.run(" ("+dest+")"))
			}
		case *ast.Image:
			alt := runsText(c.inline(child, style{}))
			runs = append(runs, st.run(strings.TrimSpace("[image: "+alt+" "+string(child.Destination))+"]"))
		case *ast.AutoLink:
			runs = append(runs, st.run(string(child.Label(c.src))))
		case *ast.RawHTML:
			runs = append(runs, st.run(string(child.Segments.Value(c.src))))
		default: // code spans and anything else: their text, unstyled beyond st
			runs = append(runs, c.inline(child, st)...)
		}
	}
	return mergeRuns(runs)
}

// textValue is a text node's text with backslash escapes and character
// references resolved (goldmark leaves that to its HTML writer); NUL
// becomes U+FFFD as CommonMark asks, so no writer meets it.
func textValue(t *ast.Text, src []byte) string {
	v := t.Value(src)
	if !t.IsRaw() {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
	}
	return strings.ReplaceAll(string(v), "\x00", "\uFFFD")
}

// literalLines is the source of a code or HTML block, line breaks kept.
func literalLines(n ast.Node, src []byte) string {
	var b bytes.Buffer
	b.Write(n.Lines().Value(src))
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(src))
	}
	return strings.ReplaceAll(strings.TrimRight(b.String(), "\n"), "\x00", "\uFFFD")
}

// mergeRuns joins neighbouring runs of one style and drops empty ones.
func mergeRuns(runs []doc.Run) []doc.Run {
	out := runs[:0:0]
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		if last := len(out) - 1; last >= 0 && out[last].Bold == r.Bold && out[last].Italic == r.Italic {
			out[last].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

// asciiSpace is what trimRuns removes; a no-break space is kept: it was typed.
const asciiSpace = " \t\n\v\f\r"

// trimRuns removes white space at both ends of a line of runs.
func trimRuns(runs []doc.Run) []doc.Run {
	runs = append([]doc.Run(nil), runs...)
	for len(runs) > 0 {
		if runs[0].Text = strings.TrimLeft(runs[0].Text, asciiSpace); runs[0].Text != "" {
			break
		}
		runs = runs[1:]
	}
	for len(runs) > 0 {
		last := len(runs) - 1
		if runs[last].Text = strings.TrimRight(runs[last].Text, asciiSpace); runs[last].Text != "" {
			break
		}
		runs = runs[:last]
	}
	return runs
}

// heading is a heading at level, or a bold paragraph below the deepest
// level the model has.
func heading(level int, runs []doc.Run) doc.Block {
	if level <= maxHeadingLevel {
		return doc.Heading{Level: level, Text: runsText(runs)}
	}
	bold := make([]doc.Run, len(runs))
	for i, r := range runs {
		bold[i] = doc.Run{Text: r.Text, Bold: true, Italic: r.Italic}
	}
	return doc.Paragraph{Runs: mergeRuns(bold)}
}

func runsText(runs []doc.Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// blocksText is the plain text of blocks, one block a line.
func blocksText(blocks []doc.Block) string {
	var lines []string
	for _, b := range blocks {
		switch b := b.(type) {
		case doc.Heading:
			lines = append(lines, b.Text)
		case doc.Paragraph:
			lines = append(lines, runsText(b.Runs))
		case doc.List:
			for _, item := range b.Items {
				lines = append(lines, runsText(item))
			}
		}
	}
	return strings.Join(lines, "\n")
}
