package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
)

// The key help is read across a room like a slide: its type is the
// largest at which the whole list fits most of the screen (slidefit), no
// larger than a slide's body text, so it is never a small box in a corner.
const (
	helpMost   = 34   // 1080p size of the keys' lines at most
	helpShare  = 0.8  // of the screen's width and height the panel may take
	helpRowGap = 0.45 // of a line's height between rows
	helpColGap = 1.5  // type sizes between the keys and what they do, and round the list
)

// keysHelp draws keys in two columns (the keys bold and right-aligned,
// what they do beside them) under a heading and over a line that says how
// to close it, sized for a screen of the given size.
func keysHelp(keys []KeyHelp, screen fyne.Size) fyne.CanvasObject {
	heading := lang.L("Keys while presenting")
	footer := lang.L("F1 or Esc closes this list; the other keys work as usual")
	k := slidefit.Scale(screen)
	box := fyne.NewSize(screen.Width*helpShare, screen.Height*helpShare)
	measure := func(s float32) (keysW, doesW, height float32) {
		for _, h := range keys {
			keysW = max(keysW, slidefit.Measure(h.Keys, s, true).Width)
			doesW = max(doesW, slidefit.Measure(h.Does, s, false).Width)
		}
		lh := slidefit.LineHeight(s, false)
		return keysW, doesW, float32(len(keys)+2)*lh*(1+helpRowGap) + lh
	}
	panelSize := func(s float32) fyne.Size {
		keysW, doesW, height := measure(s)
		gap := s * helpColGap
		width := max(keysW+gap+doesW, slidefit.Measure(heading, s, true).Width, slidefit.Measure(footer, s*0.8, false).Width)
		return fyne.NewSize(width+2*gap, height+2*s)
	}
	size, _ := slidefit.Largest(slidefit.Floor*k, helpMost*k, func(s float32) bool {
		p := panelSize(s)
		return p.Width <= box.Width && p.Height <= box.Height
	})

	ink := theme.Color(theme.ColorNameForeground)
	pad := size * helpColGap
	keysW, _, _ := measure(size)
	lh := slidefit.LineHeight(size, false)
	step := lh * (1 + helpRowGap)
	var texts []fyne.CanvasObject
	put := func(s string, x, y, sz float32, bold bool) {
		t := canvas.NewText(s, ink)
		t.TextSize, t.TextStyle.Bold = sz, bold
		t.Move(fyne.NewPos(x, y))
		t.Resize(slidefit.Measure(s, sz, bold))
		texts = append(texts, t)
	}
	panel := panelSize(size)
	put(heading, (panel.Width-slidefit.Measure(heading, size, true).Width)/2, size, size, true)
	y := size + step*1.5
	for _, h := range keys {
		put(h.Keys, pad+keysW-slidefit.Measure(h.Keys, size, true).Width, y, size, true)
		put(h.Does, pad+keysW+pad, y, size, false)
		y += step
	}
	put(footer, (panel.Width-slidefit.Measure(footer, size*0.8, false).Width)/2, y+step*0.3, size*0.8, false)

	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = size / 2
	bg.SetMinSize(panel)
	return container.NewStack(bg, container.NewWithoutLayout(texts...))
}
