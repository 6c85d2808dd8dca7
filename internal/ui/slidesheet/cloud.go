package slidesheet

import (
	"fyne.io/fyne/v2"
	"image/color"
	"math"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// cloudInks are the word cloud's colours, distinguishable by the colour-blind.
var cloudInks = []color.Color{widgets.SlideBar, Low, color.NRGBA{0x00, 0x9E, 0x73, 0xff}, color.NRGBA{0xCC, 0x79, 0xA7, 0xff}, widgets.SlideInk}

// PlacedWord is a word of the cloud where it is drawn (units).
type PlacedWord struct {
	word       string
	x, y, w, h float32
	Size       float32
	colour     color.Color
}

// layoutCloud places the words (most frequent first) in a: sized by count,
// the largest in the Middle, the others on a spiral around it, none
// overlapping another or leaving a. When not all fit, every size shrinks
// and it tries again; words that never fit are left out (their number is
// returned, for the slide to say).
func LayoutCloud(s *Sheet, words []survey.WordResult, a Area) ([]PlacedWord, int) {
	if len(words) == 0 {
		return nil, 0
	}
	most := float64(words[0].Count)
	for _, w := range words {
		most = max(most, float64(w.Count))
	}
	var best []PlacedWord
	for f := float32(1); f > 0.3; f *= 0.85 {
		placed := tryCloud(s, words, a, most, f)
		if len(placed) > len(best) {
			best = placed
		}
		if len(placed) == len(words) {
			break
		}
	}
	return best, len(words) - len(best)
}

func tryCloud(s *Sheet, words []survey.WordResult, a Area, most float64, f float32) []PlacedWord {
	var placed []PlacedWord
	cx, cy := a.X+a.W/2, a.Y+a.H/2
	for i, w := range words {
		size := AtLeastFloor(f * float32(30+100*math.Sqrt(float64(w.Count)/most)))
		k := Ink{Size: size, Bold: true, Scale: s.Scale}       // measured as drawn
		m := fyne.MeasureText(w.Word, size*s.Scale, k.Style()) // as drawn: the box Fyne gives the text
		pw := PlacedWord{word: w.Word, w: m.Width/s.Scale + size*0.3, h: m.Height / s.Scale, Size: size, colour: cloudInks[i%len(cloudInks)]}
		if pw.w > a.W || pw.h > a.H {
			continue
		}
		// An Archimedean spiral, wider than tall like the Area.
		for t := 0.0; t < 200; t += 0.1 {
			r := float32(t) * 6
			pw.x = cx + r*float32(math.Cos(t))*a.W/a.H - pw.w/2
			pw.y = cy + r*float32(math.Sin(t)) - pw.h/2
			if r > a.W && r > a.H {
				break
			}
			if pw.x < a.X || pw.y < a.Y || pw.x+pw.w > a.X+a.W || pw.y+pw.h > a.Y+a.H || overlapsAny(pw, placed) {
				continue
			}
			placed = append(placed, pw)
			break
		}
	}
	return placed
}

func overlapsAny(p PlacedWord, placed []PlacedWord) bool {
	for _, q := range placed {
		if p.x < q.x+q.w && q.x < p.x+p.w && p.y < q.y+q.h && q.y < p.y+p.h {
			return true
		}
	}
	return false
}

// drawCloud draws the placed words.
func DrawCloud(s *Sheet, words []PlacedWord) {
	for _, w := range words {
		s.Text(w.word, w.x, w.y, w.w+w.Size, Ink{Size: w.Size, Bold: true, Color: w.colour, Align: 0})
	}
}
