package surveys

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/livesession"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidesheet"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

const everybody = "All respondents"

// surveyResults shows one survey's results, question by question, with a
// filter by partner and a full-screen presenter view.
type surveyResults struct {
	sh       *shell.Shell
	sv       data.Survey
	res      survey.Results
	partners []data.Partner
	heading  *widget.Label
	partner  *widget.Select
	body     *fyne.Container
	content  *fyne.Container
	obj      *fyne.Container
	panels   []*answersPanel // answer lists on screen; their searches stop on reload

	editQuestions func(data.Survey) // opens the question editor (set by the surveys view)

	scroll *container.Scroll // the questions' cards (reveal.go scrolls to one)
}

func newSurveyResults(sh *shell.Shell) *surveyResults {
	r := &surveyResults{sh: sh, body: container.NewVBox()}
	r.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.partner = widget.NewSelect(nil, func(string) { r.load() })
	present := widgets.NewButtonWithIcon("Present", theme.ViewFullScreenIcon(), func() { r.present() })
	export := widgets.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), func() { r.exportDialog(0) })
	runLive := widgets.NewButtonWithIcon("Run live…", theme.MediaPlayIcon(), func() { r.runLive() })
	questions := widgets.NewButtonWithIcon("Questions…", theme.DocumentCreateIcon(), func() {
		if r.sv.ID != "" && r.editQuestions != nil {
			r.editQuestions(r.sv)
		}
	})
	r.heading.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(r.heading, container.NewHBox(r.partner, layout.NewSpacer(), questions, export, runLive, present))
	r.scroll = widgets.VScroll(container.NewPadded(r.body))
	r.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, r.scroll)
	r.obj = container.NewStack()
	r.clear()
	return r
}

// runLive asks where to serve the survey and runs it live; once the
// session ended the survey is shown afresh with the session's votes.
func (r *surveyResults) runLive() {
	id := r.sv.ID
	livesession.Ask(r.sh, r.sv, func() {
		if sv, err := r.sh.Store().SurveyByIDOrTitle(r.sh.Ctx(), r.sh.Network().ID, id); err != nil {
			r.sh.ShowError(err)
		} else {
			r.show(sv)
		}
	})
}

func (r *surveyResults) clear() {
	r.sv = data.Survey{}
	r.obj.Objects = []fyne.CanvasObject{container.NewCenter(widget.NewLabel("Select a survey to see its results."))}
	r.obj.Refresh()
}

func (r *surveyResults) show(sv data.Survey) {
	r.sv = sv
	ps, err := r.sh.Store().Partners(r.sh.Ctx(), r.sh.Network().ID)
	if err != nil {
		r.sh.ShowError(err)
		return
	}
	r.partners = ps
	options := append([]string{everybody}, widgets.PartnerNamesOf(ps)...)
	r.partner.OnChanged = nil
	r.partner.SetOptions(options)
	r.partner.SetSelected(everybody)
	r.partner.OnChanged = func(string) { r.load() }
	if sv.CountsOnly { // no respondent is tied to a partner
		r.partner.Disable()
	} else {
		r.partner.Enable()
	}
	r.obj.Objects = []fyne.CanvasObject{r.content}
	r.obj.Refresh()
	r.load()
}

func (r *surveyResults) partnerID() string {
	return widgets.PartnerNamed(r.partners, r.partner.Selected).ID
}

// load reads the counts (from the aggregates: instant at any size) and draws them.
func (r *surveyResults) load() {
	if r.sv.ID == "" {
		return
	}
	res, err := survey.LoadResults(r.sh.Ctx(), r.sh.Store(), r.sv, r.partnerID())
	if err != nil {
		r.sh.ShowError(err)
		return
	}
	r.res = res
	r.heading.SetText(r.sv.Title + " — " + respondentsShort(r.sv))
	r.body.Objects = nil
	r.stopSearches()
	if b := res.RespondentsByPartner; b != nil {
		r.body.Add(partnerCard(*b, r.sv.Respondents))
	}
	for _, q := range res.Questions {
		// The prompt wraps (a card's title would not: a long question
		// widened the window past a laptop's screen).
		prompt := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", q.Position, q.Prompt), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		prompt.Wrapping = fyne.TextWrapWord
		sub := widget.NewLabel(survey.QuestionFacts(q, r.sv.CountsOnly))
		sub.Wrapping = fyne.TextWrapWord
		r.body.Add(widget.NewCard("", "", container.NewVBox(prompt, sub, r.questionCard(q))))
	}
	r.body.Refresh()
}

// partnerCard shows how many respondents answered from each partner (over
// all respondents, whichever partner the filter shows).
func partnerCard(b survey.PartnerBlock, respondents int) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Respondents per partner", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sub := widget.NewLabel(survey.PartnerFacts(b, respondents))
	return widget.NewCard("", "", container.NewVBox(heading, sub, questionBody(b.AsQuestion(respondents), 1)))
}

func (r *surveyResults) stopSearches() {
	for _, p := range r.panels {
		if p.cancel != nil {
			p.cancel()
		}
	}
	r.panels = nil
}

// questionCard is a question's results with what the screen adds to the
// slide: the top-words table, the answers with search, and a button to
// turn the question into a learning need.
func (r *surveyResults) questionCard(q survey.QuestionResult) fyne.CanvasObject {
	box := container.NewVBox(questionBody(q, 1))
	if len(q.Words) > 0 {
		box.Add(widget.NewLabelWithStyle("Top words", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(topWordsTable(q.Words, 12))
	}
	if q.Hidden > 0 { // as the live controls: the note, and a way back
		box.Add(container.NewHBox(widget.NewLabelWithStyle(survey.HiddenNote(q), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}),
			widgets.NewButton("Show them again", func() { r.showHidden(q) })))
	}
	if r.sv.CountsOnly && len(q.Answers) > 0 { // the answers the file listed: no respondent's row to search
		box.Add(listedAnswers(q))
	} else if hasTextAnswers(q.Kind) && q.Respondents > 0 && len(q.Audience) == 0 && !r.sv.CountsOnly { // a Mentimeter Q&A has no respondents' texts
		answers := container.NewVBox()
		open := func() {
			p := r.newAnswersPanel(q)
			r.panels = append(r.panels, p)
			answers.Objects = []fyne.CanvasObject{p.object()}
			answers.Refresh()
		}
		if q.Kind == data.KindWordCloud { // the cloud says most; the entries on request
			answers.Add(widgets.NewButtonWithIcon("List the answers", theme.ListIcon(), open))
		} else {
			open()
		}
		box.Add(answers)
	}
	need := widgets.NewButtonWithIcon("Learning need…", theme.ContentAddIcon(), func() {
		r.askLearningNeed(needSource{q: q, text: survey.NeedText(q), partnerID: r.partnerID()})
	})
	chart := widgets.NewButtonWithIcon("Save chart…", theme.DocumentSaveIcon(), func() { r.exportDialog(q.Position) })
	box.Add(container.NewHBox(layout.NewSpacer(), chart, need))
	return box
}

// listedAnswers are an open question's answers as a file without voters
// listed them (the first ones; every one is in the XLSX export).
func listedAnswers(q survey.QuestionResult) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle("Answers", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, a := range q.Answers {
		l := widget.NewLabel("“" + a + "”")
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	if q.MoreAnswers > 0 {
		box.Add(widget.NewLabelWithStyle(fmt.Sprintf("and %d more (every answer is in the XLSX export)", q.MoreAnswers), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
	return box
}

// questionBody draws a question's results; scale enlarges it for slides.
func questionBody(q survey.QuestionResult, scale float32) fyne.CanvasObject {
	box := container.NewVBox()
	rows := survey.ChartRows(q)
	switch {
	case len(q.Words) > 0:
		box.Add(wordCloud(q.Words, scale))
	case q.Respondents == 0 || len(rows) == 0:
		box.Add(widget.NewLabel("No answers."))
	default:
		cols := &barColumns{}
		for _, row := range rows {
			box.Add(barRow(cols, row.Label, slidesheet.Figures(row.Figures), row.Share, scale))
		}
	}
	return box
}

// barRow is a label, a bar as long as share (0–1) and the figures; the
// rows of one chart share cols, so that their bars line up.
func barRow(cols *barColumns, label, figures string, share float64, scale float32) fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	track := canvas.NewRectangle(color.NRGBA{0x80, 0x80, 0x80, 0x30})
	name := canvas.NewText(widgets.Truncate(label, 48), theme.Color(theme.ColorNameForeground))
	name.TextSize = theme.TextSize() * scale
	nums := canvas.NewText(figures, theme.Color(theme.ColorNameForeground))
	nums.TextSize = theme.TextSize() * scale * 0.8
	cols.label = max(cols.label, name.MinSize().Width)
	cols.figures = max(cols.figures, nums.MinSize().Width)
	bars := container.New(&shareLayout{share: float32(share)}, track, bar)
	return container.New(&barRowLayout{cols: cols, gap: 12 * scale, label: widgets.Truncate(label, 48)}, name, bars, nums)
}

// barColumns are the widest label and figures of a chart's rows.
type barColumns struct{ label, figures float32 }

// barRowLayout puts the label on the left (at most half the width),
// the figures on the right and the bar between them.
type barRowLayout struct {
	cols  *barColumns
	gap   float32
	label string // the label in full, shortened to fit its column
}

func (l *barRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	labelW := min(l.cols.label, size.Width*0.5)
	figW := min(l.cols.figures, size.Width*0.3)
	barW := max(size.Width-labelW-figW-2*l.gap, 40)
	place := func(o fyne.CanvasObject, x, w float32) {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
	}
	if t, ok := objs[0].(*canvas.Text); ok {
		t.Text = l.label
		if l.cols.label > labelW {
			t.Text = widgets.FitText(l.label, labelW, t.TextSize)
		}
	}
	place(objs[0], 0, labelW)
	objs[1].Move(fyne.NewPos(labelW+l.gap, 0))
	objs[1].Resize(fyne.NewSize(barW, size.Height))
	place(objs[2], labelW+barW+2*l.gap, figW)
}

func (l *barRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := max(objs[0].MinSize().Height, objs[2].MinSize().Height)
	return fyne.NewSize(200, h*1.15)
}

// shareLayout stretches its first object over the width and its second
// over share of it: a horizontal bar.
type shareLayout struct{ share float32 }

func (l *shareLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := size.Height * 0.6
	y := (size.Height - h) / 2
	objs[0].Move(fyne.NewPos(0, y))
	objs[0].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, y))
	objs[1].Resize(fyne.NewSize(size.Width*min(max(l.share, 0), 1), h))
}

func (l *shareLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(80, 18) }

// wordCloud sets the top words in sizes by frequency, wrapping lines.
func wordCloud(words []survey.WordResult, scale float32) fyne.CanvasObject {
	top := words[0].Count
	var objs []fyne.CanvasObject
	for i, w := range words {
		t := canvas.NewText(fmt.Sprintf("%s (%d)", widgets.Truncate(w.Word, 30), w.Count), theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.TextSize() * scale * (1 + 1.6*float32(w.Count)/float32(top))
		if i < 3 {
			t.TextStyle.Bold = true
			t.Color = theme.Color(theme.ColorNamePrimary)
		}
		objs = append(objs, t)
	}
	return container.New(&flowLayout{gap: 14 * scale}, objs...)
}

// flowLayout places objects left to right and wraps to the next line.
type flowLayout struct {
	gap   float32
	width float32
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	x, y, lineH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		if x > 0 && x+m.Width > size.Width {
			x, y, lineH = 0, y+lineH+l.gap/2, 0
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(m)
		x += m.Width + l.gap
		lineH = max(lineH, m.Height)
	}
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	width := l.width
	if width <= 0 {
		width = 600
	}
	x, h, lineH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, h, lineH = 0, h+lineH+l.gap/2, 0
		}
		x += m.Width + l.gap
		lineH = max(lineH, m.Height)
	}
	return fyne.NewSize(min(width, 200), h+lineH)
}

// showHidden brings back the answers to q the presenter hid during a live
// session: on the slides, in the reports and the deck.
func (r *surveyResults) showHidden(q survey.QuestionResult) {
	hidden, err := r.sh.Store().LiveHiddenAnswers(r.sh.Ctx(), r.sv.ID)
	for _, h := range hidden {
		if err == nil && h.Question == q.Position-1 {
			err = r.sh.Store().SetLiveAnswerHidden(r.sh.Ctx(), r.sv.ID, h, false)
		}
	}
	if err != nil {
		r.sh.ShowError(err)
		return
	}
	r.load()
}
