package widgets

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
)

// docPreviewRows caps a table's rows on screen: a preview, not the print.
const docPreviewRows = 60

// DocView draws document blocks on screen as they will print: headings,
// styled paragraphs, lists and tables with their fills. The editor's live
// preview and the generated blocks both use it.
func DocView(blocks []doc.Block) fyne.CanvasObject {
	box := container.NewVBox()
	for _, b := range blocks {
		switch b := b.(type) {
		case doc.Heading:
			style := widget.RichTextStyleHeading
			if b.Level > 1 {
				style = widget.RichTextStyleSubHeading
			}
			box.Add(widget.NewRichText(&widget.TextSegment{Text: b.Text, Style: style}))
		case doc.Paragraph:
			box.Add(richRuns(b.Runs, ""))
		case doc.List:
			for i, item := range b.Items {
				marker := "•  "
				if b.Ordered {
					marker = strconv.Itoa(i+1) + ".  "
				}
				box.Add(richRuns(item, marker))
			}
		case doc.Table:
			box.Add(tableView(b))
		case doc.TableOfContents:
			box.Add(widget.NewRichText(&widget.TextSegment{Text: b.Heading(), Style: widget.RichTextStyleHeading}))
			note := widget.NewLabelWithStyle("[Every heading with its page, made when the study is exported]", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
			note.Wrapping = fyne.TextWrapWord
			box.Add(note)
		case doc.PageBreak:
			box.Add(widget.NewSeparator())
		}
	}
	return box
}

// richRuns is a wrapped paragraph of styled runs, after an optional marker.
func richRuns(runs []doc.Run, marker string) *widget.RichText {
	var segs []widget.RichTextSegment
	if marker != "" {
		segs = append(segs, &widget.TextSegment{Text: marker, Style: widget.RichTextStyleInline})
	}
	for _, r := range runs {
		style := widget.RichTextStyleInline
		style.TextStyle = fyne.TextStyle{Bold: r.Bold, Italic: r.Italic}
		// A line break inside a paragraph is a "\n" in its run.
		for i, line := range strings.Split(r.Text, "\n") {
			if i > 0 {
				segs = append(segs, &widget.TextSegment{Text: "", Style: widget.RichTextStyleParagraph})
			}
			segs = append(segs, &widget.TextSegment{Text: line, Style: style})
		}
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// tableView is a table as a grid of filled cells, caption above, legend below.
func tableView(t doc.Table) fyne.CanvasObject {
	box := container.NewVBox()
	if t.Caption != "" {
		box.Add(widget.NewLabelWithStyle(t.Caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	cols := len(t.Header)
	if cols == 0 && len(t.Rows) > 0 {
		cols = len(t.Rows[0])
	}
	grid := container.NewGridWithColumns(max(cols, 1))
	for _, h := range t.Header {
		grid.Add(docCell(doc.Cell{Text: h, Bold: true, Fill: "DCE6F0", Ink: "111111"}))
	}
	for i, row := range t.Rows {
		if i == docPreviewRows {
			box.Add(grid)
			box.Add(widget.NewLabel("… and " + strconv.Itoa(len(t.Rows)-docPreviewRows) + " more rows in the export."))
			return box
		}
		for c := 0; c < cols; c++ {
			cell := doc.Cell{}
			if c < len(row) {
				cell = row[c]
			}
			grid.Add(docCell(cell))
		}
	}
	box.Add(grid)
	for _, l := range t.Legend {
		swatch := canvas.NewRectangle(hexColour(l.Fill, color.Transparent))
		swatch.SetMinSize(fyne.NewSize(18, 18))
		box.Add(container.NewHBox(container.NewCenter(swatch), widget.NewLabel(l.Label)))
	}
	return box
}

// docCell is one cell: its fill, and its text in its ink, cut to fit.
func docCell(c doc.Cell) fyne.CanvasObject {
	bg := canvas.NewRectangle(hexColour(c.Fill, color.Transparent))
	bg.StrokeColor, bg.StrokeWidth = color.NRGBA{0x80, 0x80, 0x80, 0x80}, 1
	ink := theme.Color(theme.ColorNameForeground)
	if c.Fill != "" {
		ink = hexColour(c.Ink, color.NRGBA{0x11, 0x11, 0x11, 0xFF})
	}
	lines := container.NewVBox()
	for _, l := range strings.Split(Truncate(c.Text, 160), "\n") {
		t := canvas.NewText(Truncate(l, 28), ink)
		t.TextStyle.Bold = c.Bold
		t.TextSize = 12
		lines.Add(t)
	}
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(2, 2, 4, 4), lines))
}

// hexColour reads a cell colour, or gives fallback.
func hexColour(s string, fallback color.Color) color.Color {
	if c, ok := doc.Colour(s); ok {
		return c
	}
	return fallback
}
