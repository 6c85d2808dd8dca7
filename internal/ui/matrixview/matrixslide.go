package matrixview

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

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
	title := widgets.SlideText(o.title, 40, true)
	subtitle := widgets.SlideText(slideSubtitle(m, o.theme), 26, false)
	head := container.NewVBox(title, subtitle, widgets.LegendWith(widgets.SlideInk, 1.5))
	headH := head.MinSize().Height + 16
	gridH := size.Height - headH - 2*margin
	gridW := size.Width - 2*margin
	headerW := gridW * 0.27
	colW := (gridW - headerW) / float32(cols)
	rowH := gridH / float32(len(rows)+1)

	objs := []fyne.CanvasObject{canvas.NewRectangle(widgets.SlidePaper)}
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
		place(widgets.CellBox(widgets.FitText(p.Name, colW, headSize), "", widgets.SlideInk, color.Transparent, headSize, true), headerW+float32(c)*colW, 0, colW, rowH)
	}
	place(widgets.CellBox("Outside", "", widgets.SlideInk, color.Transparent, headSize, true), headerW+float32(cols-1)*colW, 0, colW, rowH)
	for r, dr := range rows {
		y := float32(r+1) * rowH
		if dr.row == nil {
			band := widgets.RowLabel(widgets.NumberedTitle(dr.theme.Number, dr.theme.Title), widgets.SlideBand, gridW, headSize, true)
			place(band, 0, y, gridW, rowH)
			continue
		}
		place(widgets.RowLabel(widgets.NumberedTitle(dr.row.SubTheme.Number, dr.row.SubTheme.Title), color.Transparent, headerW, rowLabelSize, false), 0, y, headerW, rowH)
		for c, p := range m.Partners {
			cell := m.Cell(p.ID, dr.row.SubTheme.ID)
			fill, ink := widgets.StateColours(cell.State)
			if ink == nil {
				ink, fill = widgets.SlideInk, color.Transparent
			}
			names := ""
			if rowH > 90 {
				names = practiceNames(cell.Practices)
			}
			place(widgets.CellBox(matrix.Symbol(cell.State), names, ink, fill, textSize, true), headerW+float32(c)*colW, y, colW, rowH)
			if dim := o.dimmed(p.ID, dr.row.SubTheme.ID); dim {
				place(canvas.NewRectangle(widgets.SlideDim), headerW+float32(c)*colW, y, colW, rowH)
			}
		}
		outside := ""
		if n := len(m.Outside(dr.row.SubTheme.ID)); n > 0 {
			outside = "●"
			if rowH > 90 {
				outside = practiceNames(m.Outside(dr.row.SubTheme.ID))
			}
		}
		place(widgets.CellBox(outside, "", widgets.SlideInk, color.Transparent, textSize*0.7, false), headerW+float32(cols-1)*colW, y, colW, rowH)
	}
	for r := 0; r <= len(rows)+1; r++ { // rules between rows
		line := canvas.NewLine(widgets.SlideRule)
		line.StrokeWidth = 1
		place(line, 0, float32(r)*rowH, gridW, 0)
	}
	if o.highlightCol != "" {
		for c, p := range m.Partners {
			if p.ID == o.highlightCol {
				place(widgets.Frame(), headerW+float32(c)*colW, 0, colW, float32(len(rows)+1)*rowH)
			}
		}
	}
	for r, dr := range rows {
		if dr.row != nil && dr.row.SubTheme.ID == o.highlightRow {
			place(widgets.Frame(), 0, float32(r+1)*rowH, gridW, rowH)
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
	return "Good practices and knowledge needs — theme " + widgets.NumberedTitle(th.Number, th.Title)
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
		names += widgets.Truncate(gp.Title, 18)
	}
	return names
}

// RenderMatrixPNG draws the whole matrix as a 1920×1080 slide.
func RenderMatrixPNG(m *matrix.Matrix, title string) image.Image {
	return widgets.RenderSlide(func() fyne.CanvasObject {
		return matrixSlide(m, slideOptions{title: title, theme: -1}, widgets.SlideSize)
	})
}
