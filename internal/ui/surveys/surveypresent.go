package surveys

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// present shows the questions full screen, each on as many slides as its
// results need; ← → step through them, Esc leaves.
func (r *surveyResults) present() {
	if r.sv.ID == "" || len(r.res.Questions) == 0 || r.sh.Window().Canvas().Overlays().Top() != nil {
		return
	}
	pages := questionPages(r.res)
	r.sh.PresentSlides(len(pages), func(i int, size fyne.Size) fyne.CanvasObject { return questionSlide(r.res, pages[i], size) })
}

// questionPage is one slide of a question's results.
type questionPage struct{ question, page, pages int }

// questionPages are the slides of every question. How a chart splits is
// decided at 1920×1080: the slide scales, so the same slides read at every
// size (the slide test checks three).
func questionPages(res survey.Results) []questionPage {
	var out []questionPage
	first := 0
	if res.RespondentsByPartner != nil {
		first = respondentsSlide // the respondents per partner come before the questions
	}
	for i := first; i < len(res.Questions); i++ {
		_, box := questionHead(res, i, 0, 1, widgets.SlideSize)
		q, _, _ := slideQuestion(res, i)
		n := sheetPages(q, bodyAt(widgets.SlideSize, box), box)
		if !drawnOnSheet(q) {
			_, pages := slidefit.BarPages(questionBars(q), box, 1)
			n = len(pages)
		}
		for p := range n {
			out = append(out, questionPage{question: i, page: p, pages: n})
		}
	}
	return out
}

// questionBars are a question's results as bars: its options (with 0 before
// anyone answered), statements, items or words.
func questionBars(q survey.QuestionResult) []slidefit.Bar {
	var bars []slidefit.Bar
	for _, row := range survey.ChartRows(q) {
		bars = append(bars, slidefit.Bar{Label: row.Label, Figures: slidesheet.Figures(row.Figures), Share: row.Share})
	}
	return bars
}

// questionHead draws a question's heading — where it is in the survey, the
// prompt over up to three lines at the largest size that fits, what kind
// it is — and returns it with the room left below it for the chart.
func questionHead(res survey.Results, index, page, pages int, size fyne.Size) (fyne.CanvasObject, fyne.Size) {
	q, where, kind := slideQuestion(res, index)
	k := slidefit.Scale(size)
	side, top := 48*k, 40*k
	w := size.Width - 2*side
	small := 24 * k
	oneLine := func(text string, y float32) fyne.CanvasObject {
		o := slidefit.Text(text, fyne.NewSize(w, slidefit.LineHeight(small, false)), small, slidefit.Style{}, widgets.SlideInk)
		o.Move(fyne.NewPos(side, y))
		return o
	}
	objs := []fyne.CanvasObject{oneLine(where, top)}
	y := top + slidefit.LineHeight(small, false)
	promptStyle := slidefit.Style{Bold: true, MaxLines: 3}
	promptBox := func(s float32) fyne.Size { return fyne.NewSize(w, 3*slidefit.LineHeight(s, true)) }
	ps, _ := slidefit.Largest(slidefit.MinSize*k, 48*k, func(s float32) bool { return slidefit.Fits(q.Prompt, promptBox(s), s, promptStyle) })
	prompt := slidefit.Fit(q.Prompt, promptBox(ps), ps, ps*0.75, promptStyle)
	po := slidefit.Label(prompt, fyne.NewSize(w, prompt.Height(true)), promptStyle, widgets.SlideInk)
	po.Move(fyne.NewPos(side, y+8*k))
	objs = append(objs, po)
	y += 8*k + prompt.Height(true) + 8*k
	if pages > 1 {
		kind += fmt.Sprintf(" · slide %d of %d", page+1, pages)
	}
	objs = append(objs, oneLine(kind, y))
	y += slidefit.LineHeight(small, false) + 24*k
	head := container.NewWithoutLayout(objs...)
	head.Resize(fyne.NewSize(size.Width, y))
	return head, fyne.NewSize(w, size.Height-y-40*k)
}

// questionSlide is one slide of a question's results in large type on
// white: every option whole, over two columns and further slides when
// there are many.
func questionSlide(res survey.Results, qp questionPage, size fyne.Size) fyne.CanvasObject {
	k := slidefit.Scale(size)
	head, box := questionHead(res, qp.question, qp.page, qp.pages, size)
	q, _, _ := slideQuestion(res, qp.question)
	bars := questionBars(q)
	_, refBox := questionHead(res, qp.question, qp.page, qp.pages, widgets.SlideSize)
	cols, pages := slidefit.BarPages(bars, refBox, 1)
	var body fyne.CanvasObject
	switch {
	case drawnOnSheet(q):
		body = sheetBody(q, qp.page, bodyAt(size, box), box, size, bodyAt(widgets.SlideSize, refBox), refBox)
		paper := widgets.Paper()
		paper.Resize(size)
		return container.NewWithoutLayout(paper, head, body)
	case len(bars) == 0:
		body = slidefit.Text("No answers yet.", fyne.NewSize(box.Width, slidefit.LineHeight(32*k, false)), 32*k, slidefit.Style{}, widgets.SlideInk)
	default:
		body = slidefit.DrawBars(pages[min(qp.page, len(pages)-1)], cols, box, k, barsMost*k, widgets.SlideInk, widgets.SlideBar, widgets.SlideBand)
	}
	body.Move(bodyAt(size, box))
	paper := widgets.Paper()
	paper.Resize(size)
	return container.NewWithoutLayout(paper, head, body)
}

// barsMost is the largest type of a chart's labels at 1080p, the
// question's own: a few options, spread down the slide, read from the back
// of a meeting room and still under their question.
const barsMost = 48

// bodyAt is where a slide's body box goes: under the head, above the
// bottom margin.
func bodyAt(size, box fyne.Size) fyne.Position {
	k := slidefit.Scale(size)
	return fyne.NewPos(48*k, size.Height-40*k-box.Height)
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

// respondentsSlide is the index slideQuestion gives the respondents per
// partner.
const respondentsSlide = export.RespondentsSlide

// slideQuestion is what slide index shows — a question, or (at
// respondentsSlide) the respondents per partner charted as one — with the
// line above its prompt and the line of figures under it.
func slideQuestion(res survey.Results, index int) (q survey.QuestionResult, where, figures string) {
	if index == respondentsSlide {
		b := *res.RespondentsByPartner
		return b.AsQuestion(res.Survey.Respondents), res.Survey.Title,
			survey.PartnerFacts(b, res.Survey.Respondents)
	}
	q = res.Questions[index]
	figures = fmt.Sprintf("%s · %d answered", survey.KindLabel(q.Kind), q.Respondents)
	if q.Kind == data.KindRanking && len(q.Items) > 0 {
		figures += " · the longer the bar, the higher it was ranked" // its length is no share of anything
	}
	return q, fmt.Sprintf("%d / %d · %s", q.Position, len(res.Questions), res.Survey.Title), figures
}
