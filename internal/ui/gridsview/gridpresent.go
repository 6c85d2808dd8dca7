package gridsview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Present shows the meeting's grids full screen for the room, one partner
// at a time: ← → step through the partners with a grid, Esc leaves. Rows
// not saved yet are not shown (the room sees what is stored).
func (v *gridsView) Present() {
	m := v.selectedMeeting()
	if m.ID == "" || v.sh.Window().Canvas().Overlays().Top() != nil {
		return
	}
	sheet, err := grids.Load(v.sh.Ctx(), v.sh.Store(), v.sh.Network(), m)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	if len(sheet.Partners) == 0 {
		v.sh.ShowMessage("Nothing to present", "No partner has a saved grid for "+m.Title+" yet.")
		return
	}
	v.sh.PresentSlides(len(sheet.Partners), func(i int, size fyne.Size) fyne.CanvasObject { return gridSlide(sheet, i, size) })
}

// gridSlide is one partner's grid in large type on white.
func gridSlide(sheet grids.Sheet, index int, size fyne.Size) fyne.CanvasObject {
	pg := sheet.Partners[index]
	scale := size.Width / widgets.SlideSize.Width
	box := container.NewVBox(
		widgets.SlideText(fmt.Sprintf("%s · %d / %d", sheet.Title(), index+1, len(sheet.Partners)), 24*scale, false),
		widgets.SlideText(pg.Heading(), 56*scale, true))
	for _, r := range pg.Rows {
		for _, line := range widgets.WrapText(r.Learning, size.Width-160*scale, 34*scale, 2) {
			box.Add(widgets.SlideText(line, 34*scale, true))
		}
		detail := ""
		if r.Relevance > 0 {
			detail = fmt.Sprintf("relevance %d/5", r.Relevance)
		}
		if r.Action != "" {
			if detail != "" {
				detail += " · "
			}
			detail += "next: " + r.Action
			if r.ActionWho != "" || r.ActionBy != "" {
				detail += " (" + r.ActionWho + ", " + r.ActionBy + ")"
			}
		}
		for _, line := range widgets.WrapText(detail, size.Width-160*scale, 26*scale, 2) {
			box.Add(widgets.SlideText(line, 26*scale, false))
		}
		box.Add(layout.NewSpacer())
	}
	return container.NewStack(widgets.Paper(), container.New(layout.NewCustomPaddedLayout(60*scale, 60*scale, 80*scale, 80*scale), box))
}
