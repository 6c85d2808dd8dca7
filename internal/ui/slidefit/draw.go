package slidefit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Gap is the space kept between neighbouring cells at 1080p.
const Gap = 4

// Label draws a laid-out label in a box of its own that clips it: its
// lines are centred vertically and aligned as st says. Place the result
// with Move; it is sized to box already.
func Label(l Layout, box fyne.Size, st Style, ink color.Color) fyne.CanvasObject {
	lh := LineHeight(l.Size, st.Bold)
	y := (box.Height - float32(len(l.Lines))*lh) / 2
	var texts []fyne.CanvasObject
	for _, line := range l.Lines {
		t := canvas.NewText(line, ink)
		t.TextSize, t.TextStyle.Bold = l.Size, st.Bold
		m := Measure(line, l.Size, st.Bold)
		x := float32(0)
		switch st.Align {
		case fyne.TextAlignCenter:
			x = (box.Width - m.Width) / 2
		case fyne.TextAlignTrailing:
			x = box.Width - m.Width
		}
		t.Move(fyne.NewPos(max(x, 0), max(y, 0)))
		t.Resize(m)
		texts = append(texts, t)
		y += lh
	}
	return clipped(box, texts...)
}

// Text lays out and draws text in box at size (see Fit).
func Text(text string, box fyne.Size, size float32, st Style, ink color.Color) fyne.CanvasObject {
	return Label(Fit(text, box, size, size*0.75, st), box, st, ink)
}

// Cell is a box filled with fill and inset by gap on every side, so that
// neighbouring cells stay apart; content is drawn for Inner(box, gap, pad)
// and clipped to the cell.
func Cell(box fyne.Size, gap, pad float32, fill color.Color, content ...fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(fill)
	bg.Move(fyne.NewPos(gap, gap))
	bg.Resize(fyne.NewSize(max(box.Width-2*gap, 0), max(box.Height-2*gap, 0)))
	inner := Inner(box, gap, pad)
	body := clipped(inner, content...)
	body.Move(fyne.NewPos(gap+pad, gap+pad))
	c := container.NewWithoutLayout(bg, body)
	c.Resize(box)
	return c
}

// Inner is the room a Cell leaves its content.
func Inner(box fyne.Size, gap, pad float32) fyne.Size {
	return fyne.NewSize(max(box.Width-2*(gap+pad), 1), max(box.Height-2*(gap+pad), 1))
}

func clipped(box fyne.Size, objs ...fyne.CanvasObject) fyne.CanvasObject {
	c := container.NewWithoutLayout(objs...)
	c.Resize(box)
	clip := container.NewClip(c)
	clip.Resize(box)
	return clip
}
