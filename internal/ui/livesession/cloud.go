package livesession

import (
	"fyne.io/fyne/v2"
	"image/color"
	"math"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// cloudInks are the word cloud's colours, distinguishable by the colour-blind.
var cloudInks = []color.Color{widgets.SlideBar, low, color.NRGBA{0x00, 0x9E, 0x73, 0xff}, color.NRGBA{0xCC, 0x79, 0xA7, 0xff}, widgets.SlideInk}

// placedWord is a word of the cloud where it is drawn (units).
type placedWord struct {
	word       string
	x, y, w, h float32
	size       float32
	colour     color.Color
}

// layoutCloud places the words (most frequent first) in a: sized by count,
// the largest in the middle, the others on a spiral around it, none
// overlapping another or leaving a. When not all fit, every size shrinks
// and it tries again; words that never fit are left out (their number is
// returned, for the slide to say).
func layoutCloud(s *sheet, words []survey.WordResult, a area) ([]placedWord, int) {
	if len(words) == 0 {
		return nil, 0
	}
	most := float64(words[0].Count)
	for _, w := range words {
		most = max(most, float64(w.Count))
	}
	var best []placedWord
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

func tryCloud(s *sheet, words []survey.WordResult, a area, most float64, f float32) []placedWord {
	var placed []placedWord
	cx, cy := a.x+a.w/2, a.y+a.h/2
	for i, w := range words {
		size := f * float32(30+100*math.Sqrt(float64(w.Count)/most))
		k := ink{size: size, bold: true, scale: s.scale}       // measured as drawn
		m := fyne.MeasureText(w.Word, size*s.scale, k.style()) // as drawn: the box Fyne gives the text
		pw := placedWord{word: w.Word, w: m.Width/s.scale + size*0.3, h: m.Height / s.scale, size: size, colour: cloudInks[i%len(cloudInks)]}
		if pw.w > a.w || pw.h > a.h {
			continue
		}
		// An Archimedean spiral, wider than tall like the area.
		for t := 0.0; t < 200; t += 0.1 {
			r := float32(t) * 6
			pw.x = cx + r*float32(math.Cos(t))*a.w/a.h - pw.w/2
			pw.y = cy + r*float32(math.Sin(t)) - pw.h/2
			if r > a.w && r > a.h {
				break
			}
			if pw.x < a.x || pw.y < a.y || pw.x+pw.w > a.x+a.w || pw.y+pw.h > a.y+a.h || overlapsAny(pw, placed) {
				continue
			}
			placed = append(placed, pw)
			break
		}
	}
	return placed
}

func overlapsAny(p placedWord, placed []placedWord) bool {
	for _, q := range placed {
		if p.x < q.x+q.w && q.x < p.x+p.w && p.y < q.y+q.h && q.y < p.y+p.h {
			return true
		}
	}
	return false
}

// drawCloud draws the placed words.
func drawCloud(s *sheet, words []placedWord) {
	for _, w := range words {
		s.text(w.word, w.x, w.y, w.w+w.size, ink{size: w.size, bold: true, color: w.colour, align: 0})
	}
}
