package matrixview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// matrixGrid is a table whose selection is a keyboard cursor: arrows move
// it, Space cycles the cell's state, Enter opens the cell editor. Header row
// and column stay in place when scrolling.
type matrixGrid struct {
	widget.Table
	cursor    widget.TableCellID
	picked    bool // a cell was selected: cursor is one
	onCycle   func(widget.TableCellID)
	onEdit    func(widget.TableCellID)
	onCursor  func(widget.TableCellID)
	onPresent func()
}

func newMatrixGrid() *matrixGrid {
	g := &matrixGrid{}
	g.ShowHeaderRow, g.ShowHeaderColumn = true, true
	g.OnSelected = func(id widget.TableCellID) {
		g.cursor, g.picked = id, true
		if g.onCursor != nil {
			g.onCursor(id)
		}
	}
	g.ExtendBaseWidget(g)
	return g
}

// TypedKey moves the cursor and acts on the cell under it.
func (g *matrixGrid) TypedKey(e *fyne.KeyEvent) {
	rows, cols := g.Length()
	c := g.cursor
	switch e.Name {
	case fyne.KeyUp:
		c.Row = max(c.Row-1, 0)
	case fyne.KeyDown:
		c.Row = min(c.Row+1, rows-1)
	case fyne.KeyLeft:
		c.Col = max(c.Col-1, 0)
	case fyne.KeyRight:
		c.Col = min(c.Col+1, cols-1)
	case fyne.KeySpace:
		if g.onCycle != nil {
			g.onCycle(g.cursor)
		}
		return
	case fyne.KeyF11:
		if g.onPresent != nil {
			g.onPresent()
		}
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if g.onEdit != nil {
			g.onEdit(g.cursor)
		}
		return
	default:
		g.Table.TypedKey(e)
		return
	}
	g.Select(c)
}
