package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// ConfirmDelete asks before remove moves a record (and what hangs on it)
// to the trash; after runs once it did. The delete is a step of the Edit
// menu, named "delete " + what: Undo restores everything from the trash,
// Redo deletes it again. Enter deletes, Escape keeps.
func (sh *Shell) ConfirmDelete(title, msg, what string, remove func() (trashID string, err error), after func()) {
	sh.confirmDelete(title, msg, remove, func(trashID string) {
		sh.Deleted("delete "+what, trashID, remove)
		after()
	})
}

// confirmDelete asks, runs remove, and hands its trash entry to done.
func (sh *Shell) confirmDelete(title, msg string, remove func() (trashID string, err error), done func(trashID string)) {
	answer := func(ok bool) {
		if !ok {
			return
		}
		trashID, err := remove()
		if err != nil {
			sh.ShowError(err)
			return
		}
		done(trashID)
	}
	sh.Ask(Question{Title: title, Message: msg + "\n\n" + lang.L("It goes to the trash for 30 days (Trash… in the Edit menu); Undo brings it back."),
		Confirm: lang.L("Delete"), OnAnswer: answer})
}

// Question is a dialog that asks, with a confirm and a dismiss button.
type Question struct {
	Title   string
	Message string            // wraps
	Content fyne.CanvasObject // shown instead of Message when set (a choice, a form)
	Confirm string
	Dismiss string // "": Cancel
	// NoEnter: Enter does not confirm — what it does cannot be undone
	// (emptying the trash); it takes a click, or Tab to the button.
	NoEnter  bool
	OnAnswer func(yes bool) // may be nil
}

// Ask shows q, the one way the app asks: its buttons press on key-up
// (widgets.Button), Enter let go on the dialog confirms (never an Enter
// that went down before it, see dialogKeys), Escape dismisses. Both
// buttons and both keys answer once, through OnAnswer.
func (sh *Shell) Ask(q Question) *dialog.CustomDialog {
	var d *dialog.CustomDialog
	answer := func(yes bool) {
		d.Hide()
		if q.OnAnswer != nil {
			q.OnAnswer(yes)
		}
	}
	content := q.Content
	if content == nil {
		msg := widget.NewLabel(q.Message)
		msg.Wrapping = fyne.TextWrapWord
		content = msg
	}
	if q.Dismiss == "" {
		q.Dismiss = lang.L("Cancel")
	}
	confirm := widgets.NewButton(q.Confirm, func() { answer(true) })
	confirm.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(q.Title, content, sh.win)
	d.SetButtons([]fyne.CanvasObject{widgets.NewButton(q.Dismiss, func() { answer(false) }), confirm})
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	keys := DialogKeys{Escape: func() { answer(false) }}
	if !q.NoEnter {
		keys.Enter = func() { answer(true) }
	}
	sh.Keys(keys)
	return d
}

// askUnsaved offers Save, Discard and Cancel for unsaved changes: Enter
// saves, Escape cancels.
func (sh *Shell) askUnsaved(what string, save, discard func()) {
	var d *dialog.CustomDialog
	msg := widget.NewLabel(lang.L("Your changes to {{.What}} are not saved yet.", map[string]any{"What": what}))
	msg.Wrapping = fyne.TextWrapWord
	saveBtn := widgets.NewButton(lang.L("Save"), func() { d.Hide(); save() })
	saveBtn.Importance = widget.HighImportance
	discardBtn := widgets.NewButton(lang.L("Discard changes"), func() { d.Hide(); discard() })
	cancelBtn := widgets.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Save changes?"), msg, sh.win)
	d.SetButtons([]fyne.CanvasObject{cancelBtn, discardBtn, saveBtn})
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	sh.Keys(DialogKeys{Escape: func() { d.Hide() }, Enter: func() { d.Hide(); save() }})
}

// askDiscard asks before dropping what was typed. The safe answer, keep,
// is the highlighted one that Enter and Escape give: typing on, a stray
// Enter must not lose the work. Dropping takes a click (or Tab to it and
// Space).
func (sh *Shell) askDiscard(question, detail, drop, keep string, dropped func()) {
	var d *dialog.CustomDialog
	msg := widget.NewLabel(detail)
	msg.Wrapping = fyne.TextWrapWord
	dropBtn := widgets.NewButton(drop, func() { d.Hide(); dropped() })
	dropBtn.Importance = widget.DangerImportance
	keepBtn := widgets.NewButton(keep, func() { d.Hide() })
	keepBtn.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(question, msg, sh.win)
	d.SetButtons([]fyne.CanvasObject{dropBtn, keepBtn})
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	sh.Keys(DialogKeys{Escape: d.Hide, Enter: d.Hide})
}

// Form is a dialog of form items with a confirm and a Cancel button.
type Form struct {
	Title, Confirm string
	Items          []*widget.FormItem
	Size           fyne.Size // zero: 560 wide, as tall as the items need
	// OnConfirm stores the form; false keeps the dialog open (it shows why).
	OnConfirm func() bool
	// Changed tells whether Cancel would drop something typed; nil: never.
	Changed func() bool
	// OnCancel runs when the dialog is closed without confirming; may be nil.
	OnCancel func()
	// Back, when set, is a Back button before the confirm: the form closes
	// and Back shows the step before (a wizard's pages).
	Back func()
	// Discard is the question Cancel asks about typed changes ("Discard the
	// new network Braga?"); nil: "Discard your changes?" about this form.
	Discard func() string
}

// ShowForm shows f: the first entry has the focus, Enter in a one-line
// entry and Ctrl+S confirm, Escape cancels; Cancel (button or Escape) asks before
// dropping typed changes; Confirm is disabled while a field is invalid.
// The returned func closes the form from inside (a Delete button in it),
// keeping what was shown above it.
func (sh *Shell) ShowForm(f Form) (closeForm func()) {
	var d *dialog.CustomDialog
	var shown fyne.CanvasObject // the form's overlay
	form := widget.NewForm(f.Items...)
	confirm := widgets.NewButton(f.Confirm, nil)
	confirm.Importance = widget.HighImportance
	submit := func() {
		if confirm.Disabled() {
			return
		}
		if f.OnConfirm == nil || f.OnConfirm() {
			sh.hideUnder(d, shown) // what OnConfirm showed next stays
		}
	}
	confirm.OnTapped = submit
	closeIt := func() {
		d.Hide()
		if f.OnCancel != nil {
			f.OnCancel()
		}
	}

	cancel := func() {
		if f.Changed == nil || !f.Changed() {
			closeIt()
			return
		}
		question, detail := lang.L("Discard your changes?"), lang.L("What you typed in “{{.Title}}” is not saved yet.", map[string]any{"Title": f.Title})
		if f.Discard != nil {
			question, detail = f.Discard(), "Nothing of it is stored yet."
		}
		sh.askDiscard(question, detail, lang.L("Discard"), lang.L("Keep editing"), closeIt)
	}
	form.SetOnValidationChanged(func(err error) {
		if err != nil {
			confirm.Disable()
		} else {
			confirm.Enable()
		}
	})
	if form.Validate() != nil {
		confirm.Disable()
	}
	var first fyne.Focusable
	for _, it := range f.Items {
		if textEntry(it.Widget) != nil {
			SubmitOnEnter(submit, it.Widget)
			if first == nil {
				first = it.Widget.(fyne.Focusable)
			}
		}
	}
	d = dialog.NewCustomWithoutButtons(f.Title, form, sh.win)
	if f.Changed != nil {
		sh.forms[&f] = f.Changed // while shown, quitting asks about it
		d.SetOnClosed(func() { delete(sh.forms, &f) })
	}
	buttons := []fyne.CanvasObject{widgets.NewButton(lang.L("Cancel"), cancel), confirm}
	if f.Back != nil {
		back := widgets.NewButton("Back", func() { d.Hide(); f.Back() })
		buttons = []fyne.CanvasObject{buttons[0], back, confirm}
	}
	d.SetButtons(buttons)
	size := f.Size
	if size.Width == 0 {
		size.Width = 560
	}
	d.Resize(size)
	d.Show()
	shown = sh.win.Canvas().Overlays().Top()
	// Once shown, a wrapped label knows its width and how tall it is at
	// it (before, it measured itself a word a line): sized again, the form
	// is as tall as its items need, not as that first guess, and centred
	// again (its overlay's layout does that).
	d.Resize(size)
	shown.Refresh()
	sh.Keys(DialogKeys{Escape: cancel, Enter: submit, Save: submit})
	if first != nil {
		sh.win.Canvas().Focus(first)
	}
	return func() { sh.hideUnder(d, shown) }
}

// hideUnder hides d, whose overlay is shown, and keeps the dialogs shown
// above it since: Fyne removes every overlay above the one it hides, which
// would drop the message or the next step a form's confirm opened.
func (sh *Shell) hideUnder(d dialog.Dialog, shown fyne.CanvasObject) {
	overlays := sh.win.Canvas().Overlays()
	list := overlays.List()
	var above []fyne.CanvasObject
	for i, o := range list {
		if o == shown {
			above = append(above, list[i+1:]...)
			break
		}
	}
	d.Hide()
	for _, o := range above {
		overlays.Add(o)
	}
}

// ShowMessage shows a titled message whose text wraps; Enter or Escape
// closes it.
func (sh *Shell) ShowMessage(title, msg string) {
	d := widgets.NewMessage(sh.win, title, msg)
	d.Show()
	sh.Keys(DialogKeys{Enter: d.Hide})
}
