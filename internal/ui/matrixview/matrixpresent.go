package matrixview

import (
	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// presenter shows the matrix or the peer-learning view full screen for a
// projector, driven from the keyboard only:
//
//	← →  previous / next slide: a view's slides, then the next theme
//	     (then all themes)                       ↑ ↓  highlight a sub-theme
//	[ ]  highlight a partner    A  all themes    H  no highlight
//	P    matrix ⇄ who can help whom              Esc or F11  leave
type presenter struct {
	sh     *shell.Shell
	m      *matrix.Matrix
	opts   slideOptions
	peers  bool
	leave  func() // brings the window back
	holder *widgets.SlideView
	rowPos int       // index into the shown sub-themes; -1 none
	colPos int       // index into partners; -1 none
	page   int       // slide of "who can help whom"
	size   fyne.Size // the last drawn size, which decides how a view splits
	fitted map[viewKey]fittedView
}

// viewKey names a fitted view: the matrix does not change while it is presented.
type viewKey struct {
	theme int
	size  fyne.Size
}

// view is a theme's view (-1: all) fitted for the last drawn size: the
// views of a deck are fitted together, once.
func (p *presenter) view(theme int) fittedView {
	if v, ok := p.fitted[viewKey{theme, p.size}]; ok {
		return v
	}
	views := fitDeckViews(p.m, theme, p.size)
	if theme < 0 {
		p.fitted[viewKey{-1, p.size}] = views[0]
		return views[0]
	}
	for th, v := range views {
		p.fitted[viewKey{th, p.size}] = v
	}
	return views[min(theme, len(views)-1)]
}

// present loads the matrix and shows it (or who can help whom) full
// screen; nil when something else is up already or the matrix cannot be read.
func present(sh *shell.Shell, peers bool) *presenter {
	if sh.Presenting() || sh.Window().Canvas().Overlays().Top() != nil {
		return nil
	}
	m, err := matrix.Load(sh.Ctx(), sh.Store(), sh.Network().ID)
	if err != nil {
		sh.ShowError(err)
		return nil
	}
	p := &presenter{sh: sh, m: m, peers: peers, rowPos: -1, colPos: -1, size: widgets.SlideSize, fitted: map[viewKey]fittedView{},
		opts: slideOptions{title: sh.Network().Name, theme: -1}}
	p.holder = widgets.NewSlideView(p.render)
	p.leave = sh.FullScreen(p.holder, p.key,
		shell.KeyHelp{Keys: "Down, Up", Does: "highlight a sub-theme"},
		shell.KeyHelp{Keys: "[ ]", Does: "highlight a partner"},
		shell.KeyHelp{Keys: "H", Does: "no highlight"},
		shell.KeyHelp{Keys: "A or Home", Does: "all themes"},
		shell.KeyHelp{Keys: "P", Does: "the matrix or who can help whom"})
	return p
}

func (p *presenter) render(size fyne.Size) fyne.CanvasObject {
	p.size = size
	if p.peers {
		return peersSlide(p.m, p.sh.Network().Name, size, p.page)
	}
	return p.view(p.opts.theme).draw(p.opts, size)
}

func (p *presenter) key(e *fyne.KeyEvent) {
	subs := p.shownSubThemes()
	switch e.Name {
	case fyne.KeyEscape, fyne.KeyF11:
		p.leave()
		return
	case fyne.KeyRight, fyne.KeyLeft:
		p.step(e.Name == fyne.KeyRight)
	case fyne.KeyDown:
		p.rowPos = min(p.rowPos+1, len(subs)-1)
	case fyne.KeyUp:
		p.rowPos = max(p.rowPos-1, -1)
	case fyne.KeyRightBracket:
		p.colPos = min(p.colPos+1, len(p.m.Partners)-1)
	case fyne.KeyLeftBracket:
		p.colPos = max(p.colPos-1, -1)
	case fyne.KeyA, fyne.KeyHome:
		p.opts.theme, p.opts.page, p.rowPos = -1, 0, -1
	case fyne.KeyH:
		p.rowPos, p.colPos = -1, -1
	case fyne.KeyP:
		p.peers = !p.peers
	default:
		return
	}
	p.opts.highlightRow, p.opts.highlightCol = "", ""
	if subs = p.shownSubThemes(); p.rowPos >= 0 && p.rowPos < len(subs) {
		p.opts.highlightRow = subs[p.rowPos]
	}
	if p.colPos >= 0 {
		p.opts.highlightCol = p.m.Partners[p.colPos].ID
	}
	p.holder.Refresh()
}

// step goes to the next (or previous) slide: within who-can-help-whom,
// or within the view of the matrix, then on to the next theme's view.
func (p *presenter) step(forward bool) {
	delta := map[bool]int{true: 1, false: -1}[forward]
	if p.peers {
		p.page = min(max(p.page+delta, 0), peerSlideCount(p.m, p.size)-1)
		return
	}
	p.rowPos = -1
	pages := func(theme int) int {
		return len(p.view(theme).pages)
	}
	if next := p.opts.page + delta; next >= 0 && next < pages(p.opts.theme) {
		p.opts.page = next
		return
	}
	p.opts.theme = stepTheme(p.opts.theme, delta, len(p.m.Themes))
	if p.opts.page = 0; !forward {
		p.opts.page = pages(p.opts.theme) - 1
	}
}

// stepTheme cycles all (-1) → 0 → 1 … → last → all.
func stepTheme(current, step, count int) int {
	n := count + 1
	return ((current+1+step)%n+n)%n - 1
}

func (p *presenter) shownSubThemes() []string {
	var ids []string
	pages := p.view(p.opts.theme).pages
	for _, dr := range pages[min(max(p.opts.page, 0), len(pages)-1)].rows {
		if dr.row != nil {
			ids = append(ids, dr.row.SubTheme.ID)
		}
	}
	return ids
}
