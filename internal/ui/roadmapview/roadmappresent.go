package roadmapview

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// roadmapSlideMonths is how many months a roadmap slide shows: the half
// year a baseline study's roadmap table covers.
const roadmapSlideMonths = 6

// sectionFills tell the roadmap's sections apart on the projector (light
// tints of the Okabe–Ito palette, dark text stays readable on each).
var sectionFills = map[string]color.NRGBA{
	roadmap.SectionMeetings:   {0xCC, 0xE3, 0xF0, 0xFF},
	roadmap.SectionULG:        {0xD6, 0xEE, 0xE4, 0xFF},
	roadmap.SectionTesting:    {0xFA, 0xE8, 0xC8, 0xFF},
	roadmap.SectionPlan:       {0xF6, 0xF1, 0xC4, 0xFF},
	roadmap.SectionLeadExpert: {0xEC, 0xDC, 0xE8, 0xFF},
}

// Present shows the roadmap full screen, half a year per slide.
func (v *roadmapView) Present() {
	if len(v.r.Months) == 0 {
		v.sh.ShowMessage("Nothing to present", "The roadmap has no months yet: give the network or a meeting dates.")
		return
	}
	count := (len(v.r.Months) + roadmapSlideMonths - 1) / roadmapSlideMonths
	r := v.r
	v.sh.PresentSlides(count, func(i int, size fyne.Size) fyne.CanvasObject { return roadmapSlide(r, i, count, size) })
}

// roadmapSlide draws months [index*6, index*6+6) with the rows that have
// something in them, for the presenter.
func roadmapSlide(r roadmap.Roadmap, index, count int, size fyne.Size) fyne.CanvasObject {
	return roadmapSlideUnder(r, index, fmt.Sprintf("%d / %d · the arrow keys move between half years, Esc leaves", index+1, count), size)
}

// roadmapSlideUnder draws the slide with sub under its title.
func roadmapSlideUnder(r roadmap.Roadmap, index int, subtitle string, size fyne.Size) fyne.CanvasObject {
	from := index * roadmapSlideMonths
	to := min(from+roadmapSlideMonths, len(r.Months))
	var rows []roadmap.Row
	for _, row := range r.Rows {
		for _, cell := range row.Cells[from:to] {
			if len(cell) > 0 {
				rows = append(rows, row)
				break
			}
		}
	}
	scale := size.Width / widgets.SlideSize.Width
	margin := 36 * scale
	title := widgets.SlideText(fmt.Sprintf("Network roadmap · %s to %s", r.Months[from].Format("January 2006"), r.Months[to-1].Format("January 2006")), 40*scale, true)
	sub := widgets.SlideText(subtitle, 22*scale, false)
	head := container.NewVBox(title, sub)
	headH := head.MinSize().Height + 16*scale
	gridW, gridH := size.Width-2*margin, size.Height-headH-2*margin
	labelW := gridW * 0.25
	colW := (gridW - labelW) / roadmapSlideMonths
	rowH := gridH / float32(max(len(rows), 1)+1)
	text := min(22*scale, rowH*0.28)

	objs := []fyne.CanvasObject{widgets.Paper()}
	objs[0].Resize(size)
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(margin+x, margin+headH+y))
		o.Resize(fyne.NewSize(w-2, h-2))
		objs = append(objs, o)
	}
	head.Move(fyne.NewPos(margin, margin))
	head.Resize(fyne.NewSize(gridW, headH))
	objs = append(objs, head)
	for c := from; c < to; c++ {
		place(widgets.CellBox(r.Months[c].Format("Jan 2006"), "", widgets.SlideInk, widgets.SlideBand, text*1.1, true), labelW+float32(c-from)*colW, 0, colW, rowH)
	}
	if len(rows) == 0 {
		place(widgets.SlideText("Nothing is planned in these months.", 28*scale, false), 0, rowH, gridW, rowH)
	}
	for i, row := range rows {
		y := float32(i+1) * rowH
		fill := sectionFills[row.Section]
		place(widgets.RowLabel(row.Label, fill, labelW, text, true), 0, y, labelW, rowH)
		for c := from; c < to; c++ {
			lines := widgets.WrapText(shortTitles(row.Cells[c]), colW-12*scale, text*0.9, max(int(rowH/(text*1.3)), 1))
			place(roadmapCell(lines, fill, text*0.9, len(row.Cells[c]) > 0), float32(c-from)*colW+labelW, y, colW, rowH)
		}
	}
	return container.NewWithoutLayout(objs...)
}

// roadmapCell is a month's entries of a row: tinted when something is on.
func roadmapCell(lines []string, fill color.NRGBA, size float32, on bool) fyne.CanvasObject {
	bg := canvas.NewRectangle(widgets.SlidePaper)
	bg.StrokeColor, bg.StrokeWidth = widgets.SlideRule, 1
	if on {
		bg.FillColor = fill
	}
	box := container.NewVBox(layout.NewSpacer())
	for _, l := range lines {
		t := widgets.SlideText(l, size, false)
		t.Alignment = fyne.TextAlignCenter
		box.Add(t)
	}
	box.Add(layout.NewSpacer())
	return container.NewStack(bg, container.NewPadded(box))
}
