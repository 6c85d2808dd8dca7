package ui

import (
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

// Slide colours: dark text on white reads best on projectors and prints.
var (
	slidePaper  = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	slideInk    = color.NRGBA{0x11, 0x11, 0x11, 0xFF}
	slideRule   = color.NRGBA{0xC8, 0xC8, 0xC8, 0xFF}
	slideBand   = color.NRGBA{0xE8, 0xE8, 0xE8, 0xFF}
	slideDim    = color.NRGBA{0xFF, 0xFF, 0xFF, 0xB0}
	slideAccent = color.NRGBA{0xD5, 0x5E, 0x00, 0xFF} // vermillion: highlight frame
)

// slideSize is a 1080p projector.
var slideSize = fyne.NewSize(1920, 1080)

// slideOptions choose what a matrix slide shows.
type slideOptions struct {
	title        string
	theme        int    // index into the matrix's themes; -1 for all
	highlightRow string // sub-theme id, or ""
	highlightCol string // partner id, or ""
}

// matrixSlide draws the matrix for a projector: large type, colour plus
// symbol, no editing chrome. The same drawing makes the PNG export.
func matrixSlide(m *matrix.Matrix, o slideOptions, size fyne.Size) fyne.CanvasObject {
	rows := slideRows(m, o.theme)
	cols := len(m.Partners) + 1
	margin := float32(36)
	title := slideText(o.title, 40, true)
	subtitle := slideText(slideSubtitle(m, o.theme), 26, false)
	head := container.NewVBox(title, subtitle, legendWith(slideInk, 1.5))
	headH := head.MinSize().Height + 16
	gridH := size.Height - headH - 2*margin
	gridW := size.Width - 2*margin
	headerW := gridW * 0.27
	colW := (gridW - headerW) / float32(cols)
	rowH := gridH / float32(len(rows)+1)

	objs := []fyne.CanvasObject{canvas.NewRectangle(slidePaper)}
	objs[0].Resize(size)
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(margin+x, margin+headH+y))
		o.Resize(fyne.NewSize(w, h))
		objs = append(objs, o)
	}
	head.Move(fyne.NewPos(margin, margin))
	head.Resize(fyne.NewSize(gridW, headH))
	objs = append(objs, head)

	textSize := min(rowH*0.45, 34)
	headSize := min(max(rowH*0.42, 17), 24)
	rowLabelSize := min(max(rowH*0.36, 15), 24)
	for c, p := range m.Partners {
		place(cellBox(fitText(p.Name, colW, headSize), "", slideInk, color.Transparent, headSize, true), headerW+float32(c)*colW, 0, colW, rowH)
	}
	place(cellBox("Outside", "", slideInk, color.Transparent, headSize, true), headerW+float32(cols-1)*colW, 0, colW, rowH)
	for r, dr := range rows {
		y := float32(r+1) * rowH
		if dr.row == nil {
			band := rowLabel(numberedTitle(dr.theme.Number, dr.theme.Title), slideBand, gridW, headSize, true)
			place(band, 0, y, gridW, rowH)
			continue
		}
		place(rowLabel(numberedTitle(dr.row.SubTheme.Number, dr.row.SubTheme.Title), color.Transparent, headerW, rowLabelSize, false), 0, y, headerW, rowH)
		for c, p := range m.Partners {
			cell := m.Cell(p.ID, dr.row.SubTheme.ID)
			fill, ink := stateColours(cell.State)
			if ink == nil {
				ink, fill = slideInk, color.Transparent
			}
			names := ""
			if rowH > 90 {
				names = practiceNames(cell.Practices)
			}
			place(cellBox(matrix.Symbol(cell.State), names, ink, fill, textSize, true), headerW+float32(c)*colW, y, colW, rowH)
			if dim := o.dimmed(p.ID, dr.row.SubTheme.ID); dim {
				place(canvas.NewRectangle(slideDim), headerW+float32(c)*colW, y, colW, rowH)
			}
		}
		outside := ""
		if n := len(m.Outside(dr.row.SubTheme.ID)); n > 0 {
			outside = "●"
			if rowH > 90 {
				outside = practiceNames(m.Outside(dr.row.SubTheme.ID))
			}
		}
		place(cellBox(outside, "", slideInk, color.Transparent, textSize*0.7, false), headerW+float32(cols-1)*colW, y, colW, rowH)
	}
	for r := 0; r <= len(rows)+1; r++ { // rules between rows
		line := canvas.NewLine(slideRule)
		line.StrokeWidth = 1
		place(line, 0, float32(r)*rowH, gridW, 0)
	}
	if o.highlightCol != "" {
		for c, p := range m.Partners {
			if p.ID == o.highlightCol {
				place(frame(), headerW+float32(c)*colW, 0, colW, float32(len(rows)+1)*rowH)
			}
		}
	}
	for r, dr := range rows {
		if dr.row != nil && dr.row.SubTheme.ID == o.highlightRow {
			place(frame(), 0, float32(r+1)*rowH, gridW, rowH)
		}
	}
	return container.NewWithoutLayout(objs...)
}

// dimmed tells whether a cell fades back because another row or column is highlighted.
func (o slideOptions) dimmed(partnerID, subThemeID string) bool {
	if o.highlightCol == "" && o.highlightRow == "" {
		return false
	}
	return partnerID != o.highlightCol && subThemeID != o.highlightRow
}

func frame() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeColor, r.StrokeWidth = slideAccent, 5
	return r
}

func slideRows(m *matrix.Matrix, themeIndex int) []displayRow {
	var rows []displayRow
	for i := range m.Rows {
		r := &m.Rows[i]
		if themeIndex >= 0 && (themeIndex >= len(m.Themes) || r.Theme.ID != m.Themes[themeIndex].ID) {
			continue
		}
		if len(rows) == 0 || rows[len(rows)-1].theme.ID != r.Theme.ID {
			rows = append(rows, displayRow{theme: r.Theme})
		}
		rows = append(rows, displayRow{theme: r.Theme, row: r})
	}
	return rows
}

func slideSubtitle(m *matrix.Matrix, themeIndex int) string {
	if themeIndex < 0 || themeIndex >= len(m.Themes) {
		return "Good practices and knowledge needs — all themes"
	}
	th := m.Themes[themeIndex]
	return "Good practices and knowledge needs — theme " + numberedTitle(th.Number, th.Title)
}

func practiceNames(gps []data.GoodPractice) string {
	names := ""
	for i, gp := range gps {
		if i == 2 {
			return names + "\n+ more"
		}
		if i > 0 {
			names += "\n"
		}
		names += truncate(gp.Title, 18)
	}
	return names
}

// rowLabel is left-aligned text cut to fit width, on a fill.
func rowLabel(text string, fill color.Color, width, size float32, bold bool) fyne.CanvasObject {
	t := slideText(fitText(text, width-16, size), size, bold)
	return container.NewStack(canvas.NewRectangle(fill), container.New(layout.NewCustomPaddedLayout(0, 0, 8, 0), container.NewVBox(layout.NewSpacer(), t, layout.NewSpacer())))
}

// fitText cuts text to about what fits in width at a type size (average
// glyph width is up to 0.6 of the size, bold included, for the theme's sans serif).
func fitText(text string, width, size float32) string {
	return truncate(text, max(int(width/(size*0.6)), 4))
}

// wrapText breaks text into at most maxLines lines that fit width at
// size (the last one shortened with an ellipsis when text is longer).
func wrapText(text string, width, size float32, maxLines int) []string {
	perLine := max(int(width/(size*0.6)), 4)
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= perLine:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	lines = append(lines, line)
	if len(lines) > maxLines {
		lines = append(lines[:maxLines-1], truncate(strings.Join(lines[maxLines-1:], " "), perLine))
	}
	for i, l := range lines {
		lines[i] = truncate(l, perLine)
	}
	return lines
}

// cellBox is a filled box with a main text and optional small lines.
func cellBox(main, small string, ink, fill color.Color, size float32, bold bool) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	t := canvas.NewText(main, ink)
	t.TextSize, t.TextStyle.Bold = size, bold
	t.Alignment = fyne.TextAlignCenter
	content := container.NewVBox(t)
	for _, line := range splitLines(small) {
		st := canvas.NewText(line, ink)
		st.TextSize = max(size*0.5, 13)
		st.Alignment = fyne.TextAlignCenter
		content.Add(st)
	}
	return container.NewStack(bg, container.NewCenter(content))
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func slideText(s string, size float32, bold bool) *canvas.Text {
	t := canvas.NewText(s, slideInk)
	t.TextSize, t.TextStyle.Bold = size, bold
	return t
}

// RenderMatrixPNG draws the whole matrix as a 1920×1080 slide.
func RenderMatrixPNG(m *matrix.Matrix, title string) image.Image {
	return renderSlide(func() fyne.CanvasObject { return matrixSlide(m, slideOptions{title: title, theme: -1}, slideSize) })
}

// renderSlide draws a slide at 1920×1080 off screen, with Fyne's software
// driver when there is no window (the command line).
func renderSlide(build func() fyne.CanvasObject) image.Image {
	if fyne.CurrentApp() == nil {
		test.NewApp()
	}
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(build())
	c.Resize(slideSize)
	return c.Capture()
}

func paper() fyne.CanvasObject { return canvas.NewRectangle(slidePaper) }
