package shell

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/sync"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// The conflicts screen (Network → Sync conflicts…, and the way on from a
// sync that found some): the values that lost a merge, each with what was
// kept, what was lost, which laptop wrote each and when, and Keep / Take
// the other / Edit. A reviewed conflict leaves the list; Ctrl+Z (Edit →
// Undo) brings it back. Take asks first: it replaces the kept value on
// every laptop at their next sync.

// cellStates are the matrix cell's values in the matrix's own words.
var cellStates = map[string]string{"gp": "good practice", "gp_kn": "good practice and knowledge need", "kn": "knowledge need"}

// shownRunes is how much of a long text the screen shows, and before is
// how much of it comes before the first difference from the other value.
const shownRunes, before = 240, 60

// valueText is a kept or lost value as the screen shows it; a long text
// shows the part where it differs from other (the other value), "…" where
// it is cut: two texts that differ only at their end do not look alike.
func valueText(column string, v, other any) string {
	switch x := v.(type) {
	case nil:
		return lang.L("(empty)")
	case []byte:
		return lang.L("({{.N}} bytes)", map[string]any{"N": len(x)})
	case string:
		if x == "" {
			return lang.L("(empty)")
		}
		if w, ok := cellStates[x]; ok && column == "state" {
			return w
		}
		if utf8.RuneCountInString(x) > shownRunes {
			o, _ := other.(string)
			return excerpt([]rune(x), firstDifference([]rune(x), []rune(o)))
		}
		return x
	}
	return fmt.Sprint(v)
}

// firstDifference is the index of the first rune where a and b differ.
func firstDifference(a, b []rune) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// excerpt is shownRunes of rs from a little before at, "…" where cut.
func excerpt(rs []rune, at int) string {
	start := max(0, min(at-before, len(rs)-shownRunes))
	end := min(len(rs), start+shownRunes)
	out := string(rs[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(rs) {
		out += "…"
	}
	return out
}

// conflictWhen is when a version was written, with its seconds when the
// other version is of the same minute: "2 Dec 2026 04:39:12".
func conflictWhen(at, other time.Time) string {
	at, other = at.Local(), other.Local()
	if at.Truncate(time.Minute).Equal(other.Truncate(time.Minute)) {
		return withSeconds(at)
	}
	return widgets.DateTime(at)
}

// withSeconds is a time as the lists show it, with its seconds: "2 Dec 2026 04:39:12".
func withSeconds(at time.Time) string { return widgets.DateTime(at) + at.Format(":05") }

// conflictTitle names the field: "Partner Genk — Population" (the
// labels are the engine's, which 'sync conflicts' prints too).
func conflictTitle(d sync.Described) string { return d.Title() }

// ShowConflicts shows the open network's conflicts.
func (sh *Shell) ShowConflicts() {
	n := sh.network
	if n.ID == "" {
		return
	}
	sh.syncNote.Hide() // seen
	showAll := false
	list := container.NewVBox()
	var fill func()
	fill = func() {
		cs, err := sync.Conflicts(sh.store.Path(), n.ID, showAll)
		if err != nil {
			sh.ShowError(err)
			return
		}
		folder, err := sh.syncFolder()
		if err != nil {
			sh.ShowError(err)
			return
		}
		ds, err := sync.Describe(sh.store.Path(), folder, n.ID, cs)
		if err != nil {
			sh.ShowError(err)
			return
		}
		list.Objects = nil
		if len(ds) == 0 {
			empty := widget.NewLabelWithStyle(lang.L("No conflicts to review on this laptop."), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
			list.Add(container.NewPadded(empty))
		}
		for _, d := range ds {
			list.Add(sh.conflictCard(d, fill))
		}
		list.Refresh()
	}
	fill()
	intro := widget.NewLabel(lang.L("When two laptops changed the same field before they synced, the later change stays on every laptop and the other is listed here. Keep what stays, take the other value back, or type the right one: the next sync gives it to every laptop."))
	intro.Wrapping = fyne.TextWrapWord
	reviewed := widget.NewCheck(lang.L("Show the reviewed ones too"), func(on bool) { showAll = on; fill() })
	content := container.NewBorder(container.NewVBox(intro, reviewed, widget.NewSeparator()), nil, nil, nil, widgets.VScroll(list))
	d := dialog.NewCustom(lang.L("Sync conflicts of {{.Name}}", map[string]any{"Name": n.Name}), lang.L("Close"), content, sh.win)
	d.Resize(fyne.NewSize(940, 600))
	d.SetOnClosed(func() {
		// Those left for later stay one press away.
		if cs, err := sync.Conflicts(sh.store.Path(), n.ID, false); err == nil && len(cs) > 0 {
			sh.showConflictsNote(len(cs))
		}
	})
	d.Show()
	sh.Keys(DialogKeys{Undoes: true}) // Ctrl+Z takes back the last review
}

// conflictCard is one conflict on the screen; refill draws the list again
// after it was resolved.
func (sh *Shell) conflictCard(d sync.Described, refill func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(conflictTitle(d), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	// Kept and Lost in one two-column grid, so that both values start at
	// the same place; each says which laptop wrote it and when.
	values := container.New(layout.NewFormLayout())
	for _, v := range []struct {
		label        string
		value, other any
		by           string
		at, otherAt  time.Time
	}{{lang.L("Kept:"), d.KeptShown(), d.LostShown(), d.KeptBy, d.KeptAt, d.LostAt}, {lang.L("Lost:"), d.LostShown(), d.KeptShown(), d.LostBy, d.LostAt, d.KeptAt}} {
		text := widget.NewLabel(valueText(d.Column, v.value, v.other))
		text.Wrapping = fyne.TextWrapWord
		when := widget.NewLabel(v.by + " · " + conflictWhen(v.at, v.otherAt))
		values.Add(widget.NewLabelWithStyle(v.label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		values.Add(container.NewBorder(nil, nil, nil, when, text))
	}
	box := container.NewVBox(title)
	if d.Settled != "" { // a collision the sync settled: what happened, in words
		why := widget.NewLabel(d.Settled)
		why.Wrapping = fyne.TextWrapWord
		box.Add(why)
	}
	box.Add(values)
	if d.Resolved != "" {
		how := resolvedWords(d.Resolved)
		if d.Resolved == string(sync.Edit) {
			// The value typed is the field's now (unless edited since).
			if now, err := sync.FieldValue(sh.store.Path(), d.Conflict); err == nil {
				how = lang.L("edited to “{{.Value}}”", map[string]any{"Value": valueText(d.Column, now, d.Kept)})
			}
		}
		done := widget.NewLabel(lang.L("Reviewed: {{.How}}", map[string]any{"How": how}))
		done.Wrapping = fyne.TextWrapWord
		box.Add(done)
	} else {
		keep := widgets.NewButton(lang.L("Keep"), func() { sh.resolveConflict(d, sync.Keep, nil, refill) })
		take := widgets.NewButton(lang.L("Take the other"), func() { sh.askTakeOther(d, refill) })
		edit := widgets.NewButton(lang.L("Edit…"), func() { sh.editConflict(d, refill) })
		if d.KeptWords != "" || d.LostWords != "" {
			edit.Disable() // a reference or a choice: typing it would make a value no form makes
		}
		box.Add(container.NewHBox(keep, take, edit))
	}
	box.Add(widget.NewSeparator())
	return box
}

func resolvedWords(how string) string {
	switch how {
	case string(sync.Keep):
		return lang.L("kept")
	case string(sync.Take):
		return lang.L("the other value taken")
	default:
		return lang.L("edited")
	}
}

// askTakeOther asks before the lost value comes back: it replaces the kept
// one here and, at their next sync, on every laptop. Enter takes it, as
// ConfirmDelete's Enter confirms what the dialog asks.
func (sh *Shell) askTakeOther(d sync.Described, refill func()) {
	sh.askReview(d, lang.L("Take the other value?"), lang.L("“{{.Lost}}” replaces “{{.Kept}}” here, and on the other laptops at their next sync.",
		map[string]any{"Lost": valueText(d.Column, d.LostShown(), d.KeptShown()), "Kept": valueText(d.Column, d.KeptShown(), d.LostShown())}),
		lang.L("Take it"), lang.L("Cancel"), true, func() { sh.resolveConflict(d, sync.Take, nil, refill) })
}

// askReview asks a question about a review of d; yes runs on its confirm
// button, and on Enter when enterConfirms.
func (sh *Shell) askReview(d sync.Described, title, question, confirm, dismiss string, enterConfirms bool, yes func()) {
	sh.Ask(Question{Title: title, Message: conflictTitle(d) + "\n\n" + question, Confirm: confirm, Dismiss: dismiss, NoEnter: !enterConfirms,
		OnAnswer: func(ok bool) {
			if ok {
				yes()
			}
		}})
}

// editConflict asks for the right value, the kept one offered. A field
// emptied of a value is asked about: an empty Save would wipe the value
// on every laptop.
func (sh *Shell) editConflict(d sync.Described, refill func()) {
	start := ""
	if d.Kept != nil {
		start = fmt.Sprint(d.Kept)
	}
	e := widgets.NewEntry()
	if strings.Contains(start, "\n") || len(start) > 80 {
		e = widgets.NewMultiLineEntry()
		e.SetMinRowsVisible(6)
	}
	e.SetText(start)
	// The cursor after the text, where a correction usually goes (it
	// used to be at the start).
	lines := strings.Split(start, "\n")
	e.CursorRow, e.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	lost := widget.NewLabel(lang.L("The other laptop's value: {{.Value}}", map[string]any{"Value": valueText(d.Column, d.Lost, d.Kept)}))
	lost.Wrapping = fyne.TextWrapWord
	var closeForm func()
	save := func() { sh.resolveConflict(d, sync.Edit, sync.TypedValue(e.Text, d.Kept, d.Lost), refill) }
	closeForm = sh.ShowForm(Form{Title: conflictTitle(d), Confirm: lang.L("Save"),
		Items:   []*widget.FormItem{widget.NewFormItem(d.Field, e), widget.NewFormItem("", lost)},
		Changed: func() bool { return e.Text != start },
		OnConfirm: func() bool {
			if strings.TrimSpace(e.Text) != "" || strings.TrimSpace(start) == "" {
				save()
				return true
			}
			sh.askEmpty(d, func() { closeForm(); save() })
			return false
		}})
}

// askEmpty asks before an emptied field is saved over the kept value;
// Enter does not empty a field: the button must be chosen.
func (sh *Shell) askEmpty(d sync.Described, empty func()) {
	sh.askReview(d, lang.L("Save the field empty?"), lang.L("“{{.Kept}}” is removed here, and on the other laptops at their next sync.",
		map[string]any{"Kept": valueText(d.Column, d.Kept, d.Lost)}), lang.L("Save it empty"), lang.L("Keep editing"), false, empty)
}

// resolveConflict settles d and shows the list again; the views are
// reloaded (after the screen's unsaved changes were asked about), since
// Take and Edit change a record. The review is a step of Edit → Undo:
// undone, the conflict is listed again and the field holds what it held.
func (sh *Shell) resolveConflict(d sync.Described, choice sync.Choice, typed any, refill func()) {
	ctx := context.Background()
	before, err := sync.FieldValue(sh.store.Path(), d.Conflict)
	if err != nil {
		sh.ShowError(err)
		return
	}
	resolve := func() error { return sync.Resolve(ctx, sh.store, d.Conflict, choice, typed) }
	reopen := func() error { return sync.Reopen(ctx, sh.store, d.Conflict, choice, before) }
	again := func(run func() error) func() error {
		return func() error { err := run(); refill(); return err }
	}
	sh.ChangeData(func() error {
		if err := resolve(); err != nil {
			return err
		}
		sh.Did(reviewName(d, choice), again(reopen), again(resolve)) // also clears the last sync's count of conflicts, out of date
		return nil
	})
	refill()
}

// reviewName is a review as Edit → Undo names it.
func reviewName(d sync.Described, choice sync.Choice) string {
	what := map[sync.Choice]string{sync.Keep: lang.L("keep"), sync.Take: lang.L("take the other value"), sync.Edit: lang.L("edit")}[choice]
	return what + " · " + conflictTitle(d)
}
