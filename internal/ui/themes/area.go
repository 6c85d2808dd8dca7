// Package themes is the Themes area: the network's ordered themes and
// sub-themes, edited in place (add, rename, renumber, flag horizontal
// themes, move, delete with a guard).
package themes

import (
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// Area is the Themes area.
func Area() shell.Area {
	return shell.Area{ID: "themes", Title: "Themes", Icon: theme.ListIcon(),
		Build: func(sh *shell.Shell) shell.View { return newThemesView(sh) }}
}

// New adds a theme (Ctrl+N).
func (v *themesView) New() { v.addTheme() }

// DeleteSelected asks before deleting the selected row (Ctrl+Delete).
func (v *themesView) DeleteSelected() { v.confirmDelete() }
