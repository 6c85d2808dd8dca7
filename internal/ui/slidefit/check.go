package slidefit

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// rect is an area in slide coordinates.
type rect struct{ x, y, w, h float32 }

func (r rect) inside(o rect) bool {
	const tol = 0.5
	return r.x >= o.x-tol && r.y >= o.y-tol && r.x+r.w <= o.x+o.w+tol && r.y+r.h <= o.y+o.h+tol
}

func (r rect) overlaps(o rect) bool {
	const tol = 1 // touching lines are fine
	return r.x+tol < o.x+o.w && o.x+tol < r.x+r.w && r.y+tol < o.y+o.h && o.y+tol < r.y+r.h
}

type placedText struct {
	t    *canvas.Text
	area rect
}

// Problems reads a laid-out slide the way the room would: every text is
// measured with Fyne's own measurement and must fit its own box, lie within
// every container it sits in (the cell it belongs to included) and within
// the slide, overlap no other text, and carry no ellipsis. It returns one
// sentence per problem; none means the slide reads whole.
func Problems(root fyne.CanvasObject) []string {
	var problems []string
	var texts []placedText
	slide := rect{0, 0, root.Size().Width, root.Size().Height}
	var walk func(o fyne.CanvasObject, at fyne.Position, parents []rect)
	walk = func(o fyne.CanvasObject, at fyne.Position, parents []rect) {
		if !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		self := rect{pos.X, pos.Y, o.Size().Width, o.Size().Height}
		switch v := o.(type) {
		case *canvas.Text:
			if v.Text == "" {
				return
			}
			m := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
			x := pos.X
			switch v.Alignment {
			case fyne.TextAlignCenter:
				x += (v.Size().Width - m.Width) / 2
			case fyne.TextAlignTrailing:
				x += v.Size().Width - m.Width
			}
			area := rect{x, pos.Y, m.Width, m.Height}
			if strings.Contains(v.Text, "…") {
				problems = append(problems, fmt.Sprintf("%q is cut with an ellipsis", v.Text))
			}
			if m.Width > v.Size().Width+0.5 {
				problems = append(problems, fmt.Sprintf("%q is %.0f wide in a box of %.0f", v.Text, m.Width, v.Size().Width))
			}
			for _, p := range append(parents, slide) {
				if !area.inside(p) {
					problems = append(problems, fmt.Sprintf("%q at %.0f,%.0f (%.0f×%.0f) runs out of its cell %.0f,%.0f (%.0f×%.0f)",
						v.Text, area.x, area.y, area.w, area.h, p.x, p.y, p.w, p.h))
					break
				}
			}
			texts = append(texts, placedText{v, area})
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c, pos, append(parents[:len(parents):len(parents)], self))
			}
		case fyne.Widget:
			r := test.WidgetRenderer(v)
			r.Layout(v.Size()) // as drawing it would
			for _, c := range r.Objects() {
				walk(c, pos, append(parents[:len(parents):len(parents)], self))
			}
		}
	}
	walk(root, fyne.NewPos(-root.Position().X, -root.Position().Y), nil)
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			if texts[i].area.overlaps(texts[j].area) {
				problems = append(problems, fmt.Sprintf("%q overlaps %q", texts[i].t.Text, texts[j].t.Text))
			}
		}
	}
	return problems
}

// Texts are the strings of a slide's texts, in drawing order, for tests
// that look for a name.
func Texts(root fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *canvas.Text:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}
