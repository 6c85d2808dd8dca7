package study

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
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
