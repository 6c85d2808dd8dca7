package slidefit

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Bar is one bar of a chart: what it counts, the figures beside it and its
// length as a share (0–1) of the longest possible.
type Bar struct {
	Label, Figures string
	Share          float64
}

var barLabelStyle = Style{MaxLines: 3}

// barFiguresStyle lets long figures ("average place 1.70 · ranked by 27")
// take two lines rather than shrink the whole chart's type.
var barFiguresStyle = Style{MaxLines: 2}

// barFigures lays a bar's figures out at size s in a box w wide: on one
// line when they fit, else broken after their " · " (each figure whole on
// its line), else wrapped at words.
func barFigures(b Bar, w, s float32) Layout {
	fs := s * 0.8
	box := fyne.NewSize(w, 2*LineHeight(fs, false))
	one := Fit(b.Figures, box, fs, fs, Style{})
	if one.Fits {
		return one
	}
	if i := strings.LastIndex(b.Figures, " · "); i > 0 {
		lines := []string{b.Figures[:i], b.Figures[i+len(" · "):]}
		l := Layout{Lines: lines, Size: fs, Fits: true}
		for _, line := range lines {
			l.Fits = l.Fits && Measure(line, fs, false).Width <= w
		}
		if l.Fits {
			return l
		}
	}
	return Fit(b.Figures, box, fs, fs*0.75, barFiguresStyle)
}

// barRowHeight is a bar's row at size s in a column colW wide; ok is false
// when its label or figures do not fit.
func barRowHeight(b Bar, colW, s float32) (float32, bool) {
	labelW, figW := barWidths(colW)
	lh := LineHeight(s, false)
	l := Fit(b.Label, fyne.NewSize(labelW, 3*lh), s, s*0.75, barLabelStyle)
	f := barFigures(b, figW, s)
	if !l.Fits || !f.Fits {
		return 0, false
	}
	return max(l.Height(false), f.Height(false), lh) + 0.4*lh, true
}

// barWidths share a column between the label, the bar and the figures.
func barWidths(colW float32) (label, figures float32) { return colW * 0.45, colW * 0.3 }

// barsFit tells whether bars fit box in cols columns at size s (filled
// column after column, in order).
func barsFit(bars []Bar, cols int, box fyne.Size, k, s float32) bool {
	colW, _ := columns(cols, box, k)
	per := (len(bars) + cols - 1) / cols
	for c := 0; c < cols; c++ {
		y := float32(0)
		for _, b := range bars[min(c*per, len(bars)):min((c+1)*per, len(bars))] {
			h, ok := barRowHeight(b, colW, s)
			if !ok {
				return false
			}
			y += h
		}
		if y > box.Height {
			return false
		}
	}
	return true
}

// BarPages decides how a chart goes on slides: one column when every bar
// fits at the smallest readable size, else two columns, else two columns
// over as many "continued" slides as needed, the bars shared out evenly.
// It returns the columns and the bars of each slide.
func BarPages(bars []Bar, box fyne.Size, k float32) (cols int, pages [][]Bar) {
	lo := MinSize * k
	for cols = 1; cols <= 2; cols++ {
		if barsFit(bars, cols, box, k, lo) {
			return cols, [][]Bar{bars}
		}
	}
	cols = 2
	for n := 2; n <= len(bars); n++ {
		per := (len(bars) + n - 1) / n
		pages = nil
		ok := true
		for i := 0; i < len(bars) && ok; i += per {
			page := bars[i:min(i+per, len(bars))]
			ok = barsFit(page, cols, box, k, lo) || per == 1
			pages = append(pages, page)
		}
		if ok {
			return cols, pages
		}
	}
	return cols, [][]Bar{bars}
}

// DrawBars draws a slide's bars in cols columns in box at the largest size
// (up to most) at which every label and figure fits whole.
func DrawBars(bars []Bar, cols int, box fyne.Size, k, most float32, ink, fill, track color.Color) fyne.CanvasObject {
	s, _ := Largest(MinSize*k, most, func(s float32) bool { return barsFit(bars, cols, box, k, s) })
	colW, gutter := columns(cols, box, k)
	labelW, figW := barWidths(colW)
	gap := 12 * k
	drawnFigW := min(figW, widestFigures(bars, figW, s)+gap) // the bars take what the figures leave
	per := (len(bars) + cols - 1) / max(cols, 1)
	lh := LineHeight(s, false)
	spread := barSpread(bars, cols, per, colW, box.Height, s)
	var objs []fyne.CanvasObject
	for i, b := range bars {
		c := i / max(per, 1)
		x, y := float32(c)*(colW+gutter), float32(0)
		for _, prev := range bars[c*per : i] { // the rows above in this column
			h, _ := barRowHeight(prev, colW, s)
			y += h + spread
		}
		rowH, _ := barRowHeight(b, colW, s)
		l := Fit(b.Label, fyne.NewSize(labelW, 3*lh), s, s*0.75, barLabelStyle)
		label := Label(l, fyne.NewSize(labelW, rowH), barLabelStyle, ink)
		label.Move(fyne.NewPos(x, y))
		barX, barW := x+labelW+gap, colW-labelW-drawnFigW-2*gap
		t := canvas.NewRectangle(track)
		t.Move(fyne.NewPos(barX, y+(rowH-0.6*lh)/2))
		t.Resize(fyne.NewSize(barW, 0.6*lh))
		bar := canvas.NewRectangle(fill)
		bar.Move(t.Position())
		bar.Resize(fyne.NewSize(barW*float32(min(max(b.Share, 0), 1)), 0.6*lh))
		figs := Label(barFigures(b, figW, s), fyne.NewSize(drawnFigW, rowH), barFiguresStyle, ink)
		figs.Move(fyne.NewPos(x+colW-drawnFigW, y))
		objs = append(objs, label, t, bar, figs)
	}
	out := container.NewWithoutLayout(objs...)
	out.Resize(box)
	return out
}

// barSpread is the room added under each row when the bars at size s leave
// the box mostly empty: a few options are spread down the slide, up to one
// and a half lines apart, rather than crowded at its top (the room sees one
// chart, not a chart and an empty slide). Every column gets the same.
func barSpread(bars []Bar, cols, per int, colW, height, s float32) float32 {
	tallest := float32(0)
	for c := 0; c < cols; c++ {
		col := bars[min(c*per, len(bars)):min((c+1)*per, len(bars))]
		y := float32(0)
		for _, b := range col {
			h, _ := barRowHeight(b, colW, s)
			y += h
		}
		tallest = max(tallest, y)
	}
	if per < 2 || tallest >= height {
		return 0
	}
	return min((height-tallest)/float32(per), 1.5*LineHeight(s, false))
}

// widestFigures is the width of the widest line of figures beside the bars
// at size s, laid out in boxes figW wide.
func widestFigures(bars []Bar, figW, s float32) float32 {
	w := float32(0)
	for _, b := range bars {
		l := barFigures(b, figW, s)
		for _, line := range l.Lines {
			w = max(w, Measure(line, l.Size, false).Width)
		}
	}
	return w
}
