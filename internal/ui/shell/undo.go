package shell

import (
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// undoLimit is how many steps back the Edit menu goes.
const undoLimit = 100

// step is one change the user made, as the store can undo and redo it.
type step struct {
	name       string // "delete practice ‘The 22’"
	undo, redo func() error
	merge      string  // steps in a row with the same key are one (DidMerging)
	trash      *string // the trash entry the step's record is in, while it is (Deleted, Added)
}

// undoStack holds the session's changes: done is undone from its end,
// undone is redone from its end and cleared by every new change.
type undoStack struct {
	done, undone []step
}

func (u *undoStack) clear() { u.done, u.undone = nil, nil }

// Did records a change that was just stored, so Edit → Undo can take it
// back: undo puts the store as it was, redo makes the change again. name
// says what it was, as the menu shows it: "Undo delete practice ‘The 22’".
func (sh *Shell) Did(name string, undo, redo func() error) {
	sh.push(step{name: name, undo: undo, redo: redo})
}

// DidMerging is Did for changes that come in runs, such as the autosaves
// of one section while its text is typed: a change with the same key as
// the step on top joins it — one Undo takes back the whole run, to the
// state before its first change.
func (sh *Shell) DidMerging(key, name string, undo, redo func() error) {
	if n := len(sh.undo.done); n > 0 && key != "" && sh.undo.done[n-1].merge == key && len(sh.undo.undone) == 0 {
		top := &sh.undo.done[n-1]
		top.name, top.redo = name, redo // the first change's undo stays
		sh.refreshEditMenu()
		return
	}
	sh.push(step{name: name, undo: undo, redo: redo, merge: key})
}

func (sh *Shell) push(s step) {
	sh.notice("")
	sh.undo.done = append(sh.undo.done, s)
	if len(sh.undo.done) > undoLimit {
		sh.undo.done = sh.undo.done[len(sh.undo.done)-undoLimit:]
	}
	sh.undo.undone = nil
	sh.refreshEditMenu()
}

// UndoName and RedoName say what Undo and Redo would do, "" for nothing.
func (sh *Shell) UndoName() string { return lastName(sh.undo.done) }
func (sh *Shell) RedoName() string { return lastName(sh.undo.undone) }

func lastName(steps []step) string {
	if len(steps) == 0 {
		return ""
	}
	return steps[len(steps)-1].name
}

// Undo takes back the last change. While the view on screen holds unsaved
// typing, the focused text field undoes its typing instead, as in any
// editor; once stored, Undo takes back the stored change. Under a dialog
// only its focused field's typing is undone: the store's last change is
// out of sight behind it.
func (sh *Shell) Undo() {
	if e := sh.typingEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	if sh.dialogHidesSteps() {
		return
	}
	sh.replay(&sh.undo.done, &sh.undo.undone, lang.L("Undone"), func(s step) error { return s.undo() })
}

// Redo makes the last undone change again (or redoes typing, as Undo).
func (sh *Shell) Redo() {
	if e := sh.typingEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	if sh.dialogHidesSteps() {
		return
	}
	sh.replay(&sh.undo.undone, &sh.undo.done, lang.L("Redone"), func(s step) error { return s.redo() })
}

// dialogHidesSteps tells a dialog on top whose store changes are out of
// sight: only a dialog that makes the steps itself lets Undo reach them.
func (sh *Shell) dialogHidesSteps() bool {
	top := sh.win.Canvas().Overlays().Top()
	return top != nil && !sh.dialogs.on[top].Undoes
}

// typingEntry is the focused text field of a dialog, or of the view while
// it has unsaved edits.
func (sh *Shell) typingEntry() *widget.Entry {
	o, _ := sh.win.Canvas().Focused().(fyne.CanvasObject)
	e := textEntry(o)
	if e == nil {
		return nil
	}
	if sh.dialogUp() {
		return e
	}
	if ed, isEditor := sh.CurrentView().(Editor); isEditor && ed.Unsaved() != "" {
		return e
	}
	return nil
}

// replay moves the last step of from to to after run succeeded on it; the
// view on screen is asked about unsaved edits first, and every view is
// reloaded after. A step that fails stays where it was.
func (sh *Shell) replay(from, to *[]step, done string, run func(step) error) {
	if len(*from) == 0 { // also on the welcome screen: undoing the first network's creation leads there
		return
	}
	sh.ChangeData(func() error {
		if len(*from) == 0 {
			return nil
		}
		s := (*from)[len(*from)-1]
		if err := run(s); err != nil {
			if gone(err) { // it can never succeed: let the older steps be reached
				*from = (*from)[:len(*from)-1]
				sh.refreshEditMenu()
				return fmt.Errorf("“%s” cannot be taken back any more (%w); it is off the list", s.name, err)
			}
			return err
		}
		*from = (*from)[:len(*from)-1]
		*to = append(*to, s)
		sh.refreshEditMenu()
		sh.notice(done + ": " + s.name) // the change may be on another screen
		return nil
	})
}

// notice says in the top bar what an undo or redo did, until the user
// goes to another screen or changes something else (no timer: a line that
// vanished while being read would help nobody).
func (sh *Shell) notice(text string) { sh.status.SetText(text) }

// gone tells a step that can never run again (its record, or its trash
// entry, is gone; a rule of the data refuses it) from one that may (a busy
// or full disk).
func gone(err error) bool {
	var ce *data.ConstraintError
	return errors.Is(err, data.ErrNotFound) || errors.As(err, &ce)
}

// forgetTrash takes off both lists the steps whose record is in the trash
// entry id ("" for every entry): restored or emptied from the trash
// window, the entry is no longer there for them.
func (sh *Shell) forgetTrash(id string) {
	keep := func(steps []step) []step {
		return slices.DeleteFunc(steps, func(s step) bool { return s.trash != nil && (id == "" || *s.trash == id) })
	}
	sh.undo.done, sh.undo.undone = keep(sh.undo.done), keep(sh.undo.undone)
	sh.refreshEditMenu()
}

// refreshEditMenu names the steps in the Edit menu's Undo and Redo.
func (sh *Shell) refreshEditMenu() {
	if sh.editMenu == nil {
		return
	}
	undo, redo := sh.editMenu.Items[0], sh.editMenu.Items[1]
	undo.Label, undo.Disabled = lang.L("Undo"), sh.UndoName() == ""
	if n := sh.UndoName(); n != "" {
		undo.Label = lang.L("Undo {{.Name}}", map[string]any{"Name": n})
	}
	redo.Label, redo.Disabled = lang.L("Redo"), sh.RedoName() == ""
	if n := sh.RedoName(); n != "" {
		redo.Label = lang.L("Redo {{.Name}}", map[string]any{"Name": n})
	}
	v := sh.CurrentView()
	for _, vi := range sh.viewItems {
		vi.item.Disabled = v == nil || !vi.offers(v)
	}
	sh.editMenu.Refresh()
}
