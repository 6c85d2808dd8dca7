package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// SlideView shows a slide drawn for its current size, drawn again when
// the size changes or it is refreshed.
type SlideView struct {
	widget.BaseWidget
	render func(fyne.Size) fyne.CanvasObject
}

func NewSlideView(render func(fyne.Size) fyne.CanvasObject) *SlideView {
	s := &SlideView{render: render}
	s.ExtendBaseWidget(s)
	return s
}

func (s *SlideView) CreateRenderer() fyne.WidgetRenderer { return &slideRenderer{view: s} }

type slideRenderer struct {
	view *SlideView
	obj  fyne.CanvasObject
	size fyne.Size
}

func (r *slideRenderer) Layout(size fyne.Size) {
	if size != r.size || r.obj == nil {
		r.size = size
		r.draw()
	}
}

func (r *slideRenderer) Refresh() {
	if r.size.Width > 0 {
		r.draw()
	}
	canvas.Refresh(r.view)
}

func (r *slideRenderer) draw() {
	r.obj = r.view.render(r.size)
	r.obj.Resize(r.size)
}

func (r *slideRenderer) MinSize() fyne.Size { return fyne.NewSize(640, 360) }

func (r *slideRenderer) Destroy() {}

func (r *slideRenderer) Objects() []fyne.CanvasObject {
	if r.obj == nil {
		return nil
	}
	return []fyne.CanvasObject{r.obj}
}
