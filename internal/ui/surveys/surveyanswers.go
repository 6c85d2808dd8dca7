package surveys

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// answersShown is how many answers the list shows; a search narrows them.
const answersShown = 50

// syncSearchLimit is the survey size up to which a search runs at once;
// larger surveys are searched off the UI goroutine.
const syncSearchLimit = 5000

// answersPanel lists a question's answers with a search box.
type answersPanel struct {
	r      *surveyResults
	q      survey.QuestionResult
	search *widget.Entry
	status *widget.Label
	list   *fyne.Container
	cancel context.CancelFunc
	chosen map[int]survey.TextAnswer // by respondent number
	toNeed *widgets.Button
}

func (r *surveyResults) newAnswersPanel(q survey.QuestionResult) *answersPanel {
	p := &answersPanel{r: r, q: q, status: widget.NewLabel(""), list: container.NewVBox(), chosen: map[int]survey.TextAnswer{}}
	p.toNeed = widgets.NewButtonWithIcon("Learning need from the ticked answers", theme.ContentAddIcon(), p.makeNeed)
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search the answers…")
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.search.OnChanged = func(string) { p.run() }
	p.run()
	return p
}

func (p *answersPanel) object() fyne.CanvasObject {
	return container.NewVBox(p.search, container.NewBorder(nil, nil, nil, p.toNeed, p.status), p.list)
}

// makeNeed drafts a learning need from the ticked answers; their partner
// is proposed when they share one.
func (p *answersPanel) makeNeed() {
	src := needSource{q: p.q}
	var texts []string
	partners := map[string]bool{}
	for n, a := range p.chosen {
		src.respondents = append(src.respondents, n)
		partners[a.PartnerID] = true
	}
	sort.Ints(src.respondents)
	for _, n := range src.respondents {
		texts = append(texts, p.chosen[n].Text)
	}
	if len(partners) == 1 {
		for id := range partners {
			src.partnerID = id
		}
	}
	src.text = strings.Join(texts, "\n")
	p.r.askLearningNeed(src)
}

func (p *answersPanel) updateNeedButton() {
	if len(p.chosen) == 0 {
		p.toNeed.Disable()
		return
	}
	p.toNeed.Enable()
}

// run searches again; a newer search cancels the one still running.
func (p *answersPanel) run() {
	if p.cancel != nil {
		p.cancel()
	}
	ctx, cancel := context.WithCancel(p.r.sh.Ctx())
	p.cancel = cancel
	sv, partnerID, query := p.r.sv, p.r.partnerID(), p.search.Text
	search := func() (survey.AnswerPage, error) {
		return survey.SearchAnswers(ctx, p.r.sh.Store(), sv, p.q.Position-1, partnerID, query, answersShown)
	}
	if sv.Respondents <= syncSearchLimit {
		page, err := search()
		p.show(page, err)
		return
	}
	p.status.SetText("Searching…")
	go func() {
		page, err := search()
		if ctx.Err() != nil {
			return // a newer search is on its way
		}
		fyne.Do(func() { p.show(page, err) })
	}()
}

func (p *answersPanel) show(page survey.AnswerPage, err error) {
	if err != nil {
		p.status.SetText("The answers cannot be read: " + err.Error())
		return
	}
	switch {
	case page.Total == 0 && p.search.Text != "":
		p.status.SetText(fmt.Sprintf("No answer contains %q.", p.search.Text))
	case page.Total == 0:
		p.status.SetText("No answers.")
	case page.Total > len(page.Answers):
		p.status.SetText(fmt.Sprintf("%d answers; the first %d are shown — search to narrow them.", page.Total, len(page.Answers)))
	default:
		p.status.SetText(fmt.Sprintf("%d answers.", page.Total))
	}
	if page.Hidden > 0 { // (they stay the expert's to read, marked)
		p.status.SetText(p.status.Text + fmt.Sprintf(" %d of them hidden from the room in a live session.", page.Hidden))
	}
	p.updateNeedButton()
	names := widgets.PartnerNameMap(p.r.partners)
	p.list.Objects = nil
	for _, a := range page.Answers {
		p.list.Add(p.answerRow(a, names[a.PartnerID]))
	}
	p.list.Refresh()
}

func (p *answersPanel) answerRow(a survey.TextAnswer, partner string) fyne.CanvasObject {
	who := fmt.Sprintf("#%d", a.Respondent)
	if partner != "" {
		who += " · " + partner
	}
	text := widget.NewLabel(a.Text)
	text.Wrapping = fyne.TextWrapWord
	if a.Hidden {
		who += " · hidden from the room"
		text.Importance = widget.LowImportance
		text.TextStyle.Italic = true
	}
	tick := widget.NewCheck(who, func(on bool) {
		if on {
			p.chosen[a.Respondent] = a
		} else {
			delete(p.chosen, a.Respondent)
		}
		p.updateNeedButton()
	})
	_, tick.Checked = p.chosen[a.Respondent]
	return container.NewBorder(nil, nil, tick, nil, text)
}

// topWordsTable lists the most frequent words with their counts.
func topWordsTable(words []survey.WordResult, n int) fyne.CanvasObject {
	grid := container.New(layout.NewGridLayoutWithColumns(4))
	for i, w := range words {
		if i == n {
			break
		}
		grid.Add(widget.NewLabel(fmt.Sprintf("%d. %s", i+1, w.Word)))
		grid.Add(widget.NewLabelWithStyle(fmt.Sprint(w.Count), fyne.TextAlignTrailing, fyne.TextStyle{}))
	}
	return grid
}

// hasTextAnswers tells whether a question's answers are worth listing one by one.
func hasTextAnswers(kind string) bool {
	return kind == data.KindOpenEnded || kind == data.KindQA || kind == data.KindWordCloud
}
