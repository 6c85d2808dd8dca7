package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
)

// LegendWith shows each state's colour, symbol and meaning, with labels in
// ink and everything scaled (1 on screen, larger on slides).
func LegendWith(ink color.Color, scale float32) fyne.CanvasObject {
	box := container.NewHBox()
	for _, s := range matrix.States {
		fill, symbolInk := StateColours(s)
		swatch := canvas.NewRectangle(fill)
		swatch.SetMinSize(fyne.NewSize(54*scale, 26*scale))
		sym := canvas.NewText(matrix.Symbol(s), symbolInk)
		sym.TextStyle.Bold, sym.TextSize = true, theme.TextSize()*scale
		label := canvas.NewText(matrix.Label(s)+"   ", ink)
		label.TextSize = theme.TextSize() * scale
		box.Add(container.NewStack(swatch, container.NewCenter(sym)))
		box.Add(container.NewCenter(label))
	}
	return box
}

// Legend is the legend on screen, in the theme's colours.
func Legend() fyne.CanvasObject { return LegendWith(theme.Color(theme.ColorNameForeground), 1) }
