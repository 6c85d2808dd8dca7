// Package slidefit lays text out on slides with Fyne's own text
// measurement: labels wrap at word boundaries over a few lines, one type
// size is chosen for the whole slide (the largest at which every label
// fits its box), and text is never cut with an ellipsis. When even the
// smallest readable size does not fit, the caller splits the slide.
package slidefit

import (
	"strings"

	"fyne.io/fyne/v2"
)

// Readable sizes for a 1080-line slide; callers scale them by the slide's height.
const (
	MinSize = 18
	MaxSize = 40
	// Floor is the smallest text a slide may have: a single word too long
	// for its line shrinks this far (three quarters of MinSize), no further.
	Floor = MinSize * 3 / 4
)

// Scale is the factor that takes 1080p sizes to a slide of the given size.
func Scale(slide fyne.Size) float32 { return min(slide.Width/1920, slide.Height/1080) }

// Measure is the drawn size of one line of text.
func Measure(s string, size float32, bold bool) fyne.Size {
	return fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold})
}

// LineHeight is the height of one line at size.
func LineHeight(size float32, bold bool) float32 { return Measure("Ág", size, bold).Height }

// Style says how a label is drawn.
type Style struct {
	Bold     bool
	MaxLines int            // 0 means 1
	Align    fyne.TextAlign // horizontal; lines are centred vertically
}

func (st Style) lines() int { return max(st.MaxLines, 1) }

// Layout is a label broken into lines at a type size.
type Layout struct {
	Lines []string
	Size  float32 // the slide's size, or smaller when one word alone is wider than the box
	Fits  bool    // every line within the width, no more than MaxLines, and within the height
}

// Height of the laid-out lines.
func (l Layout) Height(bold bool) float32 { return float32(len(l.Lines)) * LineHeight(l.Size, bold) }

// Fit breaks text at word boundaries into lines no wider than box.Width at
// size. A word that is wider than the line on its own is the only reason
// the label's type gets smaller than size — down to floor, and a word that
// still does not fit makes the layout not fit.
func Fit(text string, box fyne.Size, size, floor float32, st Style) Layout {
	words := strings.Fields(text)
	used := size
	for _, w := range words {
		for used > floor && Measure(w, used, st.Bold).Width > box.Width {
			used = max(floor, used-1)
		}
	}
	lines := wrap(words, box.Width, used, st.Bold)
	l := Layout{Lines: lines, Size: used}
	l.Fits = len(lines) <= st.lines() && l.Height(st.Bold) <= box.Height
	for _, line := range lines {
		if Measure(line, used, st.Bold).Width > box.Width {
			l.Fits = false
		}
	}
	return l
}

// Fits tells whether text fits box at size, with the word rule of Fit
// allowing long single words down to three quarters of size.
func Fits(text string, box fyne.Size, size float32, st Style) bool {
	return Fit(text, box, size, size*0.75, st).Fits
}

// Uniform gives labels of one kind (a row of column headings) one size:
// the smallest any of them took for a long word. Each text of texts is
// laid out again in box at that size (it fits: a smaller size only
// wraps shorter).
func Uniform(ls []Layout, texts []string, box fyne.Size, st Style) []Layout {
	if len(ls) == 0 {
		return ls
	}
	size := ls[0].Size
	for _, l := range ls {
		size = min(size, l.Size)
	}
	out := make([]Layout, len(ls))
	for i, l := range ls {
		out[i] = l
		if l.Size != size {
			out[i] = Fit(texts[i], box, size, size, st)
		}
	}
	return out
}

func wrap(words []string, width, size float32, bold bool) []string {
	if len(words) == 0 {
		return nil
	}
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if next := line + " " + w; Measure(next, size, bold).Width <= width {
			line = next
			continue
		}
		lines = append(lines, line)
		line = w
	}
	return append(lines, line)
}

// Largest is the largest whole size in [lo, hi] at which fits holds (fits
// is taken to hold for every size below one at which it holds); ok is
// false when it does not hold even at lo.
func Largest(lo, hi float32, fits func(size float32) bool) (size float32, ok bool) {
	a, b := int(lo), int(hi)
	if !fits(float32(a)) {
		return lo, false
	}
	for a < b { // invariant: fits(a)
		mid := (a + b + 1) / 2
		if fits(float32(mid)) {
			a = mid
		} else {
			b = mid - 1
		}
	}
	return float32(a), true
}

// Shorten cuts text with an ellipsis to what fits width at size, by
// measurement. It is for screens that show the whole text elsewhere (a
// table cell with a detail line below it) — never for slides.
func Shorten(text string, width, size float32, bold bool) string {
	if Measure(text, size, bold).Width <= width {
		return text
	}
	r := []rune(text)
	lo, hi := 0, len(r) // the longest prefix that fits with "…"
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if Measure(strings.TrimSpace(string(r[:mid]))+"…", size, bold).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}
