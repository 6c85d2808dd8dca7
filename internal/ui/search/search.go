// Package search is the search over the whole network (Ctrl+K): a box,
// the hits grouped by kind with their matching words, ↑ ↓ to move, Enter
// or a click to open the place, Escape to close. It belongs to no area:
// opening a hit switches the shell to the hit's area and asks its view to
// select the record (shell.Revealer).
package search

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// areaOf is, for each kind of hit, the area it opens in.
var areaOf = map[string]string{
	data.SearchPartner: "partners", data.SearchPractice: "practices", data.SearchSubTheme: "themes",
	data.SearchMeeting: "roadmap", data.SearchNeed: "needs", data.SearchGridRow: "grids",
	data.SearchAction: "actions", data.SearchSection: "study", data.SearchAnswer: "surveys",
}

// kindsIn are the kinds of hit an area shows (none for an area that opens
// no hits: its Ctrl+F searches everything).
func kindsIn(area string) []string {
	var out []string
	for _, k := range data.SearchKinds {
		if areaOf[k] == area {
			out = append(out, k)
		}
	}
	return out
}

// row is a line of the results: a group's heading or a hit.
type row struct {
	heading string
	hit     *data.SearchHit
}

// Dialog is the search dialog on screen.
type Dialog struct {
	sh    *shell.Shell
	box   *box
	list  *widget.List
	note  *widget.Label
	limit *widgets.Button // the chip of an area's search: a click searches everything
	area  string          // the area the search is limited to, "" for none
	rows  []row
	at    int // the selected row, a hit; -1 for none
	d     dialog.Dialog
	muted bool
}

// Show opens the search dialog (what Ctrl+K does, and Ctrl+F on a screen
// without its own search box: limited to that area's records).
func Show(sh *shell.Shell, area string) { Open(sh, area) }

// Open opens the search dialog and returns it (tests drive it); area
// limits it to the kinds of records that area shows ("" for all).
func Open(sh *shell.Shell, area string) *Dialog {
	sd := &Dialog{sh: sh, at: -1}
	sd.box = newBox(sd)
	sd.box.SetPlaceHolder("Search partners, practices, meetings, grids, the study, survey answers…")
	sd.box.OnChanged = func(s string) { sd.Search(s) }
	sd.box.OnSubmitted = func(string) { sd.OpenSelected() }
	sd.note = widget.NewLabel(typeHint)
	sd.note.Wrapping = fyne.TextWrapWord // a long query must not widen the dialog
	sd.limit = widgets.NewButtonWithIcon("", theme.CancelIcon(), func() { sd.limitTo("") })
	sd.limit.Importance = widget.LowImportance
	sd.list = widget.NewList(func() int { return len(sd.rows) },
		func() fyne.CanvasObject {
			line := widget.NewRichText() // one row per hit: its title, then its snippet
			line.Truncation = fyne.TextTruncateEllipsis
			return line
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { sd.fill(i, o) })
	sd.list.OnSelected = func(i widget.ListItemID) {
		if sd.muted {
			return
		}
		if sd.rows[i].hit == nil {
			sd.list.Unselect(i)
			return
		}
		sd.at = i
		sd.OpenSelected() // a click opens the place
	}
	top := container.NewVBox(sd.box, container.NewBorder(nil, nil, nil, sd.limit, sd.note))
	content := container.NewBorder(top, nil, nil, nil, sd.list)
	sd.d = dialog.NewCustom("Search the network", "Close", content, sh.Window())
	sd.d.Resize(fyne.NewSize(820, 560))
	sd.limitTo(area)
	sd.d.Show()
	sh.Keys(shell.DialogKeys{Enter: sd.OpenSelected})
	sh.Window().Canvas().Focus(sd.box)
	return sd
}

const typeHint = "Type a few letters: gdansk finds Gdańsk."

// limitTo limits the search to an area's kinds ("" or an area that opens
// no hits: everything) and searches again.
func (sd *Dialog) limitTo(area string) {
	if len(kindsIn(area)) == 0 {
		area = ""
	}
	sd.area = area
	if area == "" {
		sd.limit.Hide()
	} else {
		sd.limit.SetText("Only " + sd.sh.AreaTitle(area))
		sd.limit.Show()
	}
	sd.Search(sd.box.Text)
}

// Limit is the title of the area the search is limited to, "" for none (tests).
func (sd *Dialog) Limit() string {
	if sd.area == "" {
		return ""
	}
	return sd.limit.Text
}

// Search shows the hits for what is typed.
func (sd *Dialog) Search(typed string) {
	sd.rows, sd.at = nil, -1
	hits, more, err := sd.sh.Store().Search(sd.sh.Ctx(), sd.sh.Network().ID, typed, kindsIn(sd.area)...)
	if err != nil {
		sd.sh.ShowError(err)
		return
	}
	for _, g := range data.GroupHits(hits, more) {
		heading := g.Heading
		if g.More {
			heading += " (the first " + itoa(len(g.Hits)) + ")"
		}
		sd.rows = append(sd.rows, row{heading: heading})
		for i := range g.Hits {
			sd.rows = append(sd.rows, row{hit: &g.Hits[i]})
		}
	}
	switch {
	case data.MatchQuery(typed) == "":
		sd.note.SetText(typeHint)
	case len(hits) == 0 && sd.area != "":
		sd.note.SetText("No match for “" + strings.TrimSpace(typed) + "” in " + sd.sh.AreaTitle(sd.area) + ": remove the limit to search the whole network.")
	case len(hits) == 0:
		sd.note.SetText("No match for “" + strings.TrimSpace(typed) + "”: words are found from their start, so try fewer or shorter words.")
	default:
		sd.note.SetText("Up and Down to choose, Enter to open, Escape to close.")
	}
	sd.muted = true
	sd.list.UnselectAll()
	sd.muted = false
	sd.list.Refresh()
	sd.move(1)
}

// Rows are the lines shown: "# heading" or "title — snippet" (tests).
func (sd *Dialog) Rows() []string {
	out := make([]string, len(sd.rows))
	for i, r := range sd.rows {
		if r.hit == nil {
			out[i] = "# " + r.heading
		} else {
			out[i] = r.hit.Line() + " — " + data.PlainSnippet(r.hit.Snippet)
		}
	}
	return out
}

// Selected is the hit ↑ ↓ chose, or nil.
func (sd *Dialog) Selected() *data.SearchHit {
	if sd.at < 0 {
		return nil
	}
	return sd.rows[sd.at].hit
}

// move selects the next (1) or previous (-1) hit, skipping headings.
func (sd *Dialog) move(step int) {
	i := sd.at + step
	for i >= 0 && i < len(sd.rows) && sd.rows[i].hit == nil {
		i += step
	}
	if i < 0 || i >= len(sd.rows) {
		if sd.at < 0 {
			return
		}
		i = sd.at
	}
	sd.at = i
	sd.muted = true
	sd.list.Select(i)
	sd.muted = false
	sd.list.ScrollTo(i)
}

// OpenSelected closes the dialog and opens the selected hit's place.
func (sd *Dialog) OpenSelected() {
	h := sd.Selected()
	if h == nil {
		return
	}
	sd.d.Hide()
	id := h.ID
	if h.Kind == data.SearchAnswer {
		id = h.ID + "/" + itoa(h.Respondent) + "/" + itoa(h.Question)
	}
	sd.sh.Reveal(areaOf[h.Kind], h.Kind, id, sd.box.Text)
}

// fill shows row i on one line: a heading, or a hit's title and after it
// the snippet with its matching words set apart.
func (sd *Dialog) fill(i widget.ListItemID, o fyne.CanvasObject) {
	line := o.(*widget.RichText)
	r := sd.rows[i]
	if r.hit == nil {
		line.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: r.heading, Style: headingStyle}}
	} else {
		line.Segments = append([]widget.RichTextSegment{&widget.TextSegment{Text: r.hit.Line(), Style: titleStyle},
			&widget.TextSegment{Text: "  ", Style: widget.RichTextStyleInline}}, segments(r.hit.Snippet)...)
	}
	line.Refresh()
}

var (
	headingStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	titleStyle   = widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}
)

// matchStyle sets the matching words apart: bold, in a highlighter colour
// that reads on the list, on its selection (the accent) and in both themes.
var matchStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Bold: true}}

// segments turns a snippet into text with its matching words set apart.
func segments(snippet string) []widget.RichTextSegment {
	flat := strings.TrimSpace(strings.NewReplacer("\r", " ", "\n", " ", "\t", " ").Replace(snippet))
	var out []widget.RichTextSegment
	for i, part := range strings.Split(flat, data.MarkStart) {
		plainText, boldText := part, ""
		if i > 0 { // the part after a start mark begins with the matching words
			boldText, plainText, _ = strings.Cut(part, data.MarkEnd)
		}
		if boldText != "" {
			out = append(out, &widget.TextSegment{Text: boldText, Style: matchStyle})
		}
		if plainText != "" {
			out = append(out, &widget.TextSegment{Text: plainText, Style: widget.RichTextStyleInline})
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// box is the search field: ↑ and ↓ move through the hits, Escape closes
// the dialog (widgets.Entry hands it to the window).
type box struct {
	widgets.Entry
	sd *Dialog
}

func newBox(sd *Dialog) *box {
	b := &box{sd: sd}
	b.ExtendBaseWidget(b)
	return b
}

func (b *box) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		b.sd.move(1)
	case fyne.KeyUp:
		b.sd.move(-1)
	default:
		b.Entry.TypedKey(k)
	}
}
