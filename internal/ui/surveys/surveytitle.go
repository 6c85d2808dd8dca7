package surveys

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

const noMeeting = "No meeting"

// meetingChoice is a select of the roadmap's meetings, "No meeting" first:
// the meeting an imported survey belongs to.
type meetingChoice struct {
	sel *widget.Select
	ids map[string]string // label → meeting id
}

func newMeetingChoice(sh *shell.Shell) (*meetingChoice, error) {
	ms, err := sh.Store().Meetings(sh.Ctx(), sh.Network().ID)
	if err != nil {
		return nil, err
	}
	m := &meetingChoice{ids: map[string]string{}}
	labels := []string{noMeeting}
	for _, mt := range ms {
		label := mt.Title
		if mt.StartDate != "" { // two meetings may share a title; their dates tell them apart
			label += " · " + mt.StartDate
		}
		labels = append(labels, label)
		m.ids[label] = mt.ID
	}
	m.sel = widget.NewSelect(labels, nil)
	m.sel.SetSelected(noMeeting)
	return m, nil
}

func (m *meetingChoice) id() string { return m.ids[m.sel.Selected] }

// titleAndMeeting are the fields every survey import asks: the title, the
// file's name made readable proposed (survey.TitleFromFile), and the meeting.
func (v *surveysView) titleAndMeeting(path string) (*widgets.Entry, *meetingChoice, error) {
	meeting, err := newMeetingChoice(v.sh)
	if err != nil {
		return nil, nil, err
	}
	title := widgets.NewEntry()
	title.SetText(survey.TitleFromFile(path))
	title.Validator = requireTitle
	return title, meeting, nil
}

// askTemplateTitle asks for the title (the file name proposed, selected so
// that typing replaces it) and the meeting of a survey made from a question
// template, then makes it.
func (v *surveysView) askTemplateTitle(path string) {
	title, meeting, err := v.titleAndMeeting(path)
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.sh.ShowForm(shell.Form{
		Title: "New survey from " + filepath.Base(path), Confirm: "Create",
		Items: []*widget.FormItem{widget.NewFormItem("Title", title), widget.NewFormItem("Meeting", meeting.sel)},
		OnConfirm: func() bool {
			sv, err := survey.ImportTemplateFor(v.sh.Ctx(), v.sh.Store(), v.sh.Network().ID, path, strings.TrimSpace(title.Text), meeting.id())
			if err != nil {
				v.sh.ShowMessage("Nothing was imported", err.Error())
				return false
			}
			v.didAdd("import survey ‘"+sv.Title+"’", sv)
			v.selected = sv.ID
			v.Reload()
			return true
		},
	})
	widgets.FocusSelected(v.sh.Window().Canvas(), title)
}
