// Package matrixview is the Matrix area (good practices and knowledge
// needs, partner × sub-theme, edited from the keyboard), the Peer learning
// area that reads it, the full-screen presenter of both, and the matrix
// exports (also used by the command line).
package matrixview

import (
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
)

// Area is the Matrix area.
func Area() shell.Area {
	return shell.Area{ID: "matrix", Title: "Matrix", Icon: theme.GridIcon(),
		Build: func(sh *shell.Shell) shell.View { return newMatrixView(sh) }}
}

// PeersArea is the Peer learning area: who can help whom, from the matrix.
func PeersArea() shell.Area {
	return shell.Area{ID: "peers", Title: "Peer learning", Icon: theme.InfoIcon(),
		Build: func(sh *shell.Shell) shell.View { return newPeersView(sh) }}
}

// Present shows the matrix full screen (F11).
func (v *matrixView) Present() { v.shown = present(v.sh, false) }

// Present shows who can help whom full screen (F11).
func (v *peersView) Present() { present(v.sh, true) }

// Export asks where to export the matrix (Ctrl+Shift+E).
func (v *matrixView) Export() { v.exportDialog() }
