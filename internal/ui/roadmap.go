package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
)

// roadmapView is the network's roadmap: months across, network meetings
// and each partner's ULG meetings (against the target of eight) down.
type roadmapView struct {
	sh    *Shell
	r     roadmap.Roadmap
	table *widget.Table
	obj   fyne.CanvasObject
}

const (
	roadmapLabelWidth = 300
	roadmapMonthWidth = 86
)

func newRoadmapView(sh *Shell) *roadmapView {
	v := &roadmapView{sh: sh}
	v.table = widget.NewTable(func() (int, int) { return len(v.r.Rows), len(v.r.Months) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			row := v.r.Rows[id.Row]
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Col == 0
			if id.Col == 0 {
				l.SetText(row.Label)
				return
			}
			l.SetText(shortTitles(row.Cells[id.Col-1]))
		})
	v.table.ShowHeaderRow = true
	v.table.StickyColumnCount = 1
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col <= 0 || id.Col > len(v.r.Months) {
			l.SetText("")
			return
		}
		l.SetText(v.r.Months[id.Col-1].Format("Jan 06"))
	}
	v.table.SetColumnWidth(0, roadmapLabelWidth)
	note := widget.NewLabel("Meetings by month (from the Meetings of the network); each partner's ULG meetings against the target of eight.")
	v.obj = container.NewBorder(container.NewPadded(note), nil, nil, nil, v.table)
	v.Reload()
	return v
}

func (v *roadmapView) Object() fyne.CanvasObject { return v.obj }
func (v *roadmapView) Leave(proceed func())      { proceed() }

func (v *roadmapView) Reload() {
	in, err := roadmap.Load(v.sh.ctx, v.sh.store, v.sh.network)
	if err != nil {
		v.sh.showError(err)
		return
	}
	v.r = roadmap.Build(in)
	for i := range v.r.Months {
		v.table.SetColumnWidth(i+1, roadmapMonthWidth)
	}
	v.table.Refresh()
}

var titleShortener = strings.NewReplacer("Core Network Meeting", "CNM", "Online Academy", "OA", "Masterclass", "MC",
	"Agents in Action Meeting", "AiA", "Horizontal Hub Meeting", "Hub", "ULG meeting", "ULG")

// shortTitles fits a month's meetings in a narrow cell.
func shortTitles(titles []string) string {
	out := make([]string, len(titles))
	for i, t := range titles {
		short := titleShortener.Replace(t)
		if before, _, found := strings.Cut(short, " – "); found && strings.HasPrefix(short, "ULG") {
			short = before // the row already names the partner
		}
		out[i] = short
	}
	return strings.Join(out, ", ")
}
