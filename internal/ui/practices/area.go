// Package practices is the Good practices area: the catalogue of the
// network's good practices (and those of cities outside it), filtered by
// owner and sub-theme, with the form of the selected one.
package practices

import (
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// Area is the Good practices area.
func Area() shell.Area {
	return shell.Area{ID: "practices", Title: "Good practices", Icon: theme.DocumentIcon(),
		Build: func(sh *shell.Shell) shell.View { return newPracticesView(sh) }}
}

// The view answers the shell's questions through the practice form.
func (v *practicesView) Unsaved() string { return v.form.Unsaved() }
func (v *practicesView) Save() bool      { return v.form.Save() }
func (v *practicesView) Discard()        { v.form.Discard() }
func (v *practicesView) Flush() error    { return v.form.Flush() }

// New opens an empty form for a good practice (Ctrl+N).
func (v *practicesView) New() {
	v.sh.Leave(v.form, func() {
		v.list.UnselectAll()
		v.form.load(data.GoodPractice{NetworkID: v.sh.Network().ID})
		v.sh.Window().Canvas().Focus(v.form.title)
	}, nil)
}

// DeleteSelected asks before deleting the practice in the form (Ctrl+Delete).
func (v *practicesView) DeleteSelected() { v.form.confirmDelete() }
