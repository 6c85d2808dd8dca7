package surveys

import (
	"fmt"
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
	res := r.res
	first := 0 // the respondents-per-partner slide, when there is one, comes before the questions
	if res.RespondentsByPartner != nil {
		first = 1
	}
	r.sh.PresentSlides(first+len(res.Questions), func(i int, size fyne.Size) fyne.CanvasObject {
		if i < first {
			return partnerSlide(res, size)
		}
		return questionSlide(res, i-first, size)
	})
}

// partnerSlide charts how many respondents answered from each partner.
func partnerSlide(res survey.Results, size fyne.Size) fyne.CanvasObject {
	b := *res.RespondentsByPartner
	q := b.AsQuestion(res.Survey.Respondents)
	scale := size.Width / widgets.SlideSize.Width * slideBodyScale(q)
	head := container.NewVBox(widgets.SlideText(res.Survey.Title, 22*scale/2, false),
		widgets.SlideText(q.Prompt, 40*scale/2, true),
		widgets.SlideText(fmt.Sprintf("%d respondents · %d matched to no partner", res.Survey.Respondents, b.Unmatched), 22*scale/2, false))
	page := container.NewBorder(head, nil, nil, nil, slideChart(q, size.Width/widgets.SlideSize.Width))
	return container.NewStack(widgets.Paper(), container.New(layout.NewCustomPaddedLayout(40, 40, 48, 48), page))
}

// questionSlide is one question's results in large type on white.
func questionSlide(res survey.Results, index int, size fyne.Size) fyne.CanvasObject {
	q := res.Questions[index]
	scale := size.Width / widgets.SlideSize.Width * slideBodyScale(q) // the heading grows with the chart
	head := container.NewVBox(widgets.SlideText(fmt.Sprintf("%d / %d · %s", q.Position, len(res.Questions), res.Survey.Title), 22*scale/2, false))
	for _, line := range widgets.WrapText(q.Prompt, size.Width-96, 40*scale/2, 3) {
		head.Add(widgets.SlideText(line, 40*scale/2, true))
	}
	head.Add(widgets.SlideText(fmt.Sprintf("%s · %d answered", strings.ReplaceAll(q.Kind, "_", " "), q.Respondents), 22*scale/2, false))
	body := slideChart(q, size.Width/widgets.SlideSize.Width)
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

// slideChart is a question's results on a slide drawn at scale × 1920×1080,
// sized by how many bars there are and in slide colours (the question
// slides and the live presenter draw it).
func slideChart(q survey.QuestionResult, scale float32) fyne.CanvasObject {
	body := questionBody(q, scale*slideBodyScale(q))
	recolour(body)
	return body
}

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
			x.FillColor = widgets.SlideBar
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			recolour(c)
		}
	}
}
