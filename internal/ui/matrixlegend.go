package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

// legend shows each state's colour, symbol and meaning; scale enlarges it
// for the presenter view.
func legendScaled(scale float32) fyne.CanvasObject {
	box := container.NewHBox()
	for _, s := range matrix.States {
		fill, ink := stateColours(s)
		swatch := canvas.NewRectangle(fill)
		swatch.SetMinSize(fyne.NewSize(54*scale, 26*scale))
		sym := canvas.NewText(matrix.Symbol(s), ink)
		sym.TextStyle.Bold = true
		sym.TextSize = theme.TextSize() * scale
		sym.Alignment = fyne.TextAlignCenter
		label := canvas.NewText(matrix.Label(s), theme.Color(theme.ColorNameForeground))
		label.TextSize = theme.TextSize() * scale
		box.Add(container.NewStack(swatch, container.NewCenter(sym)))
		box.Add(container.NewCenter(label))
	}
	return box
}

func legend() fyne.CanvasObject { return legendScaled(1) }
