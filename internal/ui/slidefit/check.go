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

// edges are the four strokes of a frame drawn round r, width wide.
func (r rect) edges(width float32) []rect {
	h := width / 2
	return []rect{
		{r.x - h, r.y - h, r.w + width, width}, {r.x - h, r.y + r.h - h, r.w + width, width},
		{r.x - h, r.y - h, width, r.h + width}, {r.x + r.w - h, r.y - h, width, r.h + width},
	}
}

type placedText struct {
	t    *canvas.Text
	area rect
}

// visit walks the visible objects of a slide as drawing would lay them
// out, with each one's place on the slide and the containers it sits in.
func visit(root fyne.CanvasObject, fn func(o fyne.CanvasObject, self rect, parents []rect)) {
	var walk func(o fyne.CanvasObject, at fyne.Position, parents []rect)
	walk = func(o fyne.CanvasObject, at fyne.Position, parents []rect) {
		if !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		self := rect{pos.X, pos.Y, o.Size().Width, o.Size().Height}
		fn(o, self, parents)
		var children []fyne.CanvasObject
		switch v := o.(type) {
		case *fyne.Container:
			children = v.Objects
		case fyne.Widget:
			r := test.WidgetRenderer(v)
			r.Layout(v.Size()) // as drawing it would
			children = r.Objects()
		}
		for _, c := range children {
			walk(c, pos, append(parents[:len(parents):len(parents)], self))
		}
	}
	walk(root, fyne.NewPos(-root.Position().X, -root.Position().Y), nil)
}

// textArea is where a text's glyphs are drawn within its box.
func textArea(v *canvas.Text, self rect) rect {
	m := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
	x := self.x
	switch v.Alignment {
	case fyne.TextAlignCenter:
		x += (self.w - m.Width) / 2
	case fyne.TextAlignTrailing:
		x += self.w - m.Width
	}
	return rect{x, self.y, m.Width, m.Height}
}

// Problems reads a laid-out slide the way the room would: every text is
// measured with Fyne's own measurement and must fit its own box, lie within
// every container it sits in (the cell it belongs to included) and within
// the slide, overlap no other text and no frame's stroke, and carry no
// ellipsis. It returns one sentence per problem; none means the slide reads whole.
func Problems(root fyne.CanvasObject) []string {
	var problems []string
	var texts []placedText
	var frames []rect
	slide := rect{0, 0, root.Size().Width, root.Size().Height}
	visit(root, func(o fyne.CanvasObject, self rect, parents []rect) {
		switch v := o.(type) {
		case *canvas.Rectangle:
			if v.StrokeWidth > 0 && v.StrokeColor != nil {
				frames = append(frames, self.edges(v.StrokeWidth)...)
			}
		case *canvas.Text:
			if v.Text == "" {
				return
			}
			area := textArea(v, self)
			if strings.Contains(v.Text, "…") {
				problems = append(problems, fmt.Sprintf("%q is cut with an ellipsis", v.Text))
			}
			if area.w > self.w+0.5 {
				problems = append(problems, fmt.Sprintf("%q is %.0f wide in a box of %.0f", v.Text, area.w, self.w))
			}
			for _, p := range append(parents, slide) {
				if !area.inside(p) {
					problems = append(problems, fmt.Sprintf("%q at %.0f,%.0f (%.0f×%.0f) runs out of its cell %.0f,%.0f (%.0f×%.0f)",
						v.Text, area.x, area.y, area.w, area.h, p.x, p.y, p.w, p.h))
					break
				}
			}
			texts = append(texts, placedText{v, area})
		}
	})
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			if texts[i].area.overlaps(texts[j].area) {
				problems = append(problems, fmt.Sprintf("%q overlaps %q", texts[i].t.Text, texts[j].t.Text))
			}
		}
		for _, f := range frames {
			if texts[i].area.overlaps(f) {
				problems = append(problems, fmt.Sprintf("a frame is drawn through %q", texts[i].t.Text))
				break
			}
		}
	}
	return problems
}

// Small lists the texts of a slide drawn smaller than least, the
// smallest size the room can read at the slide's resolution.
func Small(root fyne.CanvasObject, least float32) []string {
	var out []string
	visit(root, func(o fyne.CanvasObject, _ rect, _ []rect) {
		if v, ok := o.(*canvas.Text); ok && v.Text != "" && v.TextSize < least-0.01 {
			out = append(out, fmt.Sprintf("%q is drawn at %.1f px, below the %.1f px the room can read", v.Text, v.TextSize, least))
		}
	})
	return out
}

// Texts are the strings of a slide's texts, in drawing order, for tests
// that look for a name.
func Texts(root fyne.CanvasObject) []string {
	var out []string
	for _, t := range Drawn(root) {
		out = append(out, t.Text)
	}
	return out
}

// Drawn are a slide's visible texts, in drawing order.
func Drawn(root fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	for _, p := range DrawnAt(root) {
		out = append(out, p.Text)
	}
	return out
}

// Placed is a drawn text with where it is on the slide.
type Placed struct {
	*canvas.Text
	At fyne.Position // its top left corner, from the slide's
}

// DrawnAt are a slide's visible texts with their places, in drawing order.
func DrawnAt(root fyne.CanvasObject) []Placed {
	var out []Placed
	visit(root, func(o fyne.CanvasObject, self rect, _ []rect) {
		if v, ok := o.(*canvas.Text); ok {
			out = append(out, Placed{v, fyne.NewPos(self.x, self.y)})
		}
	})
	return out
}
