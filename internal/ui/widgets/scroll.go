package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// VScroll scrolls content up and down with the scroll bar's width kept free
// at its right. Fyne draws the bar over the content, and a hovered bar is
// as wide as a button's edge, so without the room it covers the right-hand
// buttons and the last letters of every row. Every vertical scroll of the
// app is made here, so that all of them keep it.
func VScroll(content fyne.CanvasObject) *container.Scroll {
	return container.NewVScroll(container.New(barRoom{}, content))
}

// Scroll scrolls both ways (a wide table must not widen the window), with
// the same room kept free for the vertical bar.
func Scroll(content fyne.CanvasObject) *container.Scroll {
	return container.NewScroll(container.New(barRoom{}, content))
}

// barRoom lays its one object out with the vertical scroll bar's width
// left free on the right.
type barRoom struct{}

func barWidth() float32 { return theme.Size(theme.SizeNameScrollBar) }

func (barRoom) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(fyne.Max(0, size.Width-barWidth()), size.Height))
	}
}

func (barRoom) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objects {
		min = min.Max(o.MinSize())
	}
	return min.AddWidthHeight(barWidth(), 0)
}

// SetScrolled puts content in s, a scroll made by VScroll or Scroll, in
// place of what it showed, keeping the bar's room.
func SetScrolled(s *container.Scroll, content fyne.CanvasObject) {
	if room, ok := s.Content.(*fyne.Container); ok {
		room.Objects = []fyne.CanvasObject{content}
	} else {
		s.Content = container.New(barRoom{}, content)
	}
	s.Refresh()
}
