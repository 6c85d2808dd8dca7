package slidefit

import (
	"cmp"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// List is one column of a slide: a heading over items.
type List struct {
	Heading string
	Items   []string
	Empty   string // shown when there are no items
	// ItemLines is how many lines an item may take (0: three): a list of
	// long items can then be drawn larger rather than each squeezed.
	ItemLines int
}

var headingStyle = Style{Bold: true, MaxLines: 2}

func (l List) itemStyle() Style { return Style{MaxLines: cmp.Or(l.ItemLines, 3)} }

// fitItem lays an item of l out in a column colW wide at size s.
func (l List) fitItem(item string, colW, s float32) Layout {
	st := l.itemStyle()
	return Fit(item, fyne.NewSize(colW, float32(st.MaxLines)*LineHeight(s, false)), s, s*0.75, st)
}

func (l List) itemHeight(item string, colW, s float32) float32 {
	return l.fitItem(item, colW, s).Height(false) + LineHeight(s, false)*0.4
}

// headingScale is how much larger than the items a list's heading is.
const headingScale = 1.3

// ListPage is what one slide shows of each list: items[from:to].
type ListPage struct{ From, To []int }

// ListPages shares the lists' items out over as few slides as they need
// in box (the lists side by side in equal columns): all on one slide when
// every item fits there at the smallest readable size, else the first
// items on the first slide and the rest "continued" on the next.
func ListPages(lists []List, box fyne.Size, k float32) []ListPage {
	colW, _ := columns(len(lists), box, k)
	lo := MinSize * k
	next := make([]int, len(lists))
	var pages []ListPage
	for {
		p := ListPage{From: append([]int(nil), next...), To: make([]int, len(lists))}
		for i, l := range lists {
			y := headingHeight(l.Heading, colW, lo)
			j := next[i]
			for ; j < len(l.Items); j++ {
				h := l.itemHeight(l.Items[j], colW, lo)
				if y+h > box.Height && j > next[i] {
					break
				}
				y += h
			}
			p.To[i], next[i] = j, j
		}
		pages = append(pages, p)
		done := true
		for i, l := range lists {
			done = done && next[i] >= len(l.Items)
		}
		if done {
			return evenly(lists, pages, colW, lo, box.Height)
		}
	}
}

// evenly shares each list's items out equally over the same number of
// slides when they fit that way, so that no slide is left with one item.
func evenly(lists []List, greedy []ListPage, colW, s, height float32) []ListPage {
	n := len(greedy)
	pages := make([]ListPage, n)
	for p := range pages {
		pages[p] = ListPage{From: make([]int, len(lists)), To: make([]int, len(lists))}
	}
	for i, l := range lists {
		per := (len(l.Items) + n - 1) / n
		for p := range pages {
			from, to := min(p*per, len(l.Items)), min((p+1)*per, len(l.Items))
			pages[p].From[i], pages[p].To[i] = from, to
			y := headingHeight(l.Heading, colW, s)
			for _, it := range l.Items[from:to] {
				y += l.itemHeight(it, colW, s)
			}
			if y > height {
				return greedy
			}
		}
	}
	return pages
}

func columns(n int, box fyne.Size, k float32) (colW, gutter float32) {
	gutter = 48 * k
	return (box.Width - gutter*float32(n-1)) / float32(max(n, 1)), gutter
}

func headingHeight(h string, colW, s float32) float32 {
	return Fit(h, fyne.NewSize(colW, 2*LineHeight(s*headingScale, true)), s*headingScale, s, headingStyle).Height(true) + LineHeight(s, false)*0.4
}

// ListSlide is one slide of lists: the lists and the page of them it shows.
type ListSlide struct {
	Lists []List
	Page  ListPage
}

// heading is list i's heading, saying when it goes on from the slide
// before; a blank heading (a list going on in the next column) stays blank.
func (sl ListSlide) heading(i int) string {
	if sl.Page.From[i] > 0 && strings.TrimSpace(sl.Lists[i].Heading) != "" {
		return sl.Lists[i].Heading + " (continued)"
	}
	return sl.Lists[i].Heading
}

// items are what the slide shows of list i.
func (sl ListSlide) items(i int) []string {
	if len(sl.Lists[i].Items) == 0 && sl.Lists[i].Empty != "" {
		return []string{sl.Lists[i].Empty}
	}
	return sl.Lists[i].Items[sl.Page.From[i]:sl.Page.To[i]]
}

// fits tells whether every item of the slide fits whole in box at size s.
func (sl ListSlide) fits(box fyne.Size, k, s float32) bool {
	colW, _ := columns(len(sl.Lists), box, k)
	for i := range sl.Lists {
		y := headingHeight(sl.heading(i), colW, s)
		l := sl.Lists[i]
		for _, it := range sl.items(i) {
			if !l.fitItem(it, colW, s).Fits {
				return false
			}
			y += l.itemHeight(it, colW, s)
		}
		if y > box.Height {
			return false
		}
	}
	return true
}

// ListsSize is the one size of a deck of list slides: the largest (up to
// most) at which every item of every slide fits whole in box, so the type
// does not change from slide to slide.
func ListsSize(deck []ListSlide, box fyne.Size, k, most float32) float32 {
	s, _ := Largest(MinSize*k, most, func(s float32) bool {
		for _, sl := range deck {
			if !sl.fits(box, k, s) {
				return false
			}
		}
		return true
	})
	return s
}

// DrawLists draws one page of the lists in box at the largest size (up to
// most) at which every item of the page fits whole: for a slide that is a
// deck of its own (DrawListsAt draws a deck's slides at its one size).
func DrawLists(lists []List, page ListPage, box fyne.Size, k, most float32, ink color.Color) fyne.CanvasObject {
	return DrawListsAt(lists, page, box, k, ListsSize([]ListSlide{{Lists: lists, Page: page}}, box, k, most), ink)
}

// DrawListsAt draws one page of the lists in box at size s (ListsSize of
// its deck), each item over up to three lines. A list that goes on from
// the page before says so.
func DrawListsAt(lists []List, page ListPage, box fyne.Size, k, s float32, ink color.Color) fyne.CanvasObject {
	colW, gutter := columns(len(lists), box, k)
	sl := ListSlide{Lists: lists, Page: page}
	heading, items := sl.heading, sl.items
	var objs []fyne.CanvasObject
	for i := range lists {
		if page.From[i] > 0 && page.From[i] >= page.To[i] {
			continue // this list ended on an earlier slide
		}
		x := float32(i) * (colW + gutter)
		hs := s * headingScale
		h := Fit(heading(i), fyne.NewSize(colW, 2*LineHeight(hs, true)), hs, s, headingStyle)
		hb := fyne.NewSize(colW, h.Height(true))
		ho := Label(h, hb, headingStyle, ink)
		ho.Move(fyne.NewPos(x, 0))
		objs = append(objs, ho)
		y := headingHeight(heading(i), colW, s)
		list := lists[i]
		for _, it := range items(i) {
			l := list.fitItem(it, colW, s)
			o := Label(l, fyne.NewSize(colW, l.Height(false)), list.itemStyle(), ink)
			o.Move(fyne.NewPos(x, y))
			objs = append(objs, o)
			y += list.itemHeight(it, colW, s)
		}
	}
	c := container.NewWithoutLayout(objs...)
	c.Resize(box)
	return c
}
