// Package partnerlist is the Partners area: the list of partner cities
// with search, filters and sorting, the form of the selected partner, and
// the import of partner lists from files or pasted lines.
package partnerlist

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// Area is the Partners area. It takes files dropped on the window (a
// partner list) and offers File → Import partners… (Ctrl+I).
func Area() shell.Area {
	return shell.Area{ID: "partners", Title: "Partners", Icon: theme.AccountIcon(), TakesDrops: true,
		Build: func(sh *shell.Shell) shell.View { return newPartnersView(sh) },
		Commands: []shell.Command{{Label: "Import partners…", Shortcut: fyne.KeyI,
			Run: func(v shell.View) { v.(*partnersView).startImport() }}},
	}
}

// The view answers the shell's questions through the partner form.
func (v *partnersView) Unsaved() string { return v.form.Unsaved() }
func (v *partnersView) Save() bool      { return v.form.Save() }
func (v *partnersView) Discard()        { v.form.Discard() }
func (v *partnersView) Flush() error    { return v.form.Flush() }

// New starts a new partner (Ctrl+N).
func (v *partnersView) New() { v.newPartner() }

// Find puts the cursor in the search box (Ctrl+F).
func (v *partnersView) Find() { v.sh.Window().Canvas().Focus(v.search) }

// DeleteSelected asks before deleting the partner in the form (Ctrl+Delete).
func (v *partnersView) DeleteSelected() { v.confirmDelete() }
