package surveys

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// requireTitle refuses a blank survey title.
func requireTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("a survey needs a title")
	}
	return nil
}

// New asks for a title and opens the question editor on the new, empty
// survey (Ctrl+N).
func (v *surveysView) New() {
	title := widgets.NewEntry()
	title.SetPlaceHolder("e.g. Online Academy 5 — learning needs")
	title.Validator = requireTitle
	v.sh.ShowForm(shell.Form{
		Title: "New survey", Confirm: "Create",
		Items:   []*widget.FormItem{widget.NewFormItem("Title", title)},
		Changed: func() bool { return strings.TrimSpace(title.Text) != "" },
		OnConfirm: func() bool {
			create := func() (data.Survey, error) {
				var sv data.Survey
				err := v.sh.Store().Update(v.sh.Ctx(), func(tx *data.Tx) error {
					var err error
					sv, err = tx.CreateSurvey(data.Survey{NetworkID: v.sh.Network().ID, Title: strings.TrimSpace(title.Text), Format: "live"})
					return err
				})
				return sv, err
			}
			sv, err := create()
			if err != nil {
				v.sh.ShowError(err)
				return false
			}
			v.didAdd("add survey ‘"+sv.Title+"’", sv)
			v.selected = sv.ID
			v.Reload()
			v.editQuestions(sv) // the question editor stays when the form closes
			return true
		},
	})
}
