package surveys

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// present shows one question full screen; ← → step through the
// questions, Esc leaves.
func (r *surveyResults) present() {
	if r.sv.ID == "" || len(r.res.Questions) == 0 || r.sh.Window().Canvas().Overlays().Top() != nil {
		return
	}
	r.sh.PresentSlides(len(r.res.Questions), func(i int, size fyne.Size) fyne.CanvasObject { return questionSlide(r.res, i, size) })
}

// questionSlide is one question's results in large type on white.
func questionSlide(res survey.Results, index int, size fyne.Size) fyne.CanvasObject {
	q := res.Questions[index]
	scale := size.Width / widgets.SlideSize.Width * slideBodyScale(q)
	head := container.NewVBox(widgets.SlideText(fmt.Sprintf("%d / %d · %s", q.Position, len(res.Questions), res.Survey.Title), 22*scale/2, false))
	for _, line := range widgets.WrapText(q.Prompt, size.Width-96, 40*scale/2, 3) {
		head.Add(widgets.SlideText(line, 40*scale/2, true))
	}
	head.Add(widgets.SlideText(fmt.Sprintf("%s · %d answered", strings.ReplaceAll(q.Kind, "_", " "), q.Respondents), 22*scale/2, false))
	body := questionBody(q, scale)
	recolour(body)
	page := container.NewBorder(head, nil, nil, nil, body)
	return container.NewStack(widgets.Paper(), container.New(layout.NewCustomPaddedLayout(40, 40, 48, 48), page))
}

// slideBodyScale sizes the bars by how many there are: few bars fill the
// slide in large type, many still fit.
func slideBodyScale(q survey.QuestionResult) float32 {
	switch n := len(survey.ChartRows(q)); {
	case len(q.Words) > 0 || n > 12:
		return 2
	case n > 8:
		return 2.4
	}
	return 3
}

// slideBar is the bars' colour on slides: Okabe–Ito blue, strong on a
// projector and dark in grayscale.
var slideBar = color.NRGBA{0x00, 0x72, 0xB2, 0xFF}

// recolour turns a body's theme colours into slide ink and slide bars, so
// that the slide reads dark on white whatever the app's theme.
func recolour(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *canvas.Text:
		if x.Color != nil && !x.TextStyle.Bold {
			x.Color = widgets.SlideInk
		}
	case *canvas.Rectangle:
		if x.FillColor == theme.Color(theme.ColorNamePrimary) {
			x.FillColor = slideBar
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			recolour(c)
		}
	}
}
