package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// undoLimit is how many steps back the Edit menu goes.
const undoLimit = 100

// step is one change the user made, as the store can undo and redo it.
type step struct {
	name       string // "delete practice ‘The 22’"
	undo, redo func() error
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
	sh.undo.done = append(sh.undo.done, step{name: name, undo: undo, redo: redo})
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
// editor; once stored, Undo takes back the stored change.
func (sh *Shell) Undo() {
	if e := sh.typingEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	sh.replay(&sh.undo.done, &sh.undo.undone, func(s step) error { return s.undo() })
}

// Redo makes the last undone change again (or redoes typing, as Undo).
func (sh *Shell) Redo() {
	if e := sh.typingEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	sh.replay(&sh.undo.undone, &sh.undo.done, func(s step) error { return s.redo() })
}

// typingEntry is the focused text field while the view has unsaved edits.
func (sh *Shell) typingEntry() *widget.Entry {
	e, ok := sh.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		return nil
	}
	if ed, isEditor := sh.CurrentView().(Editor); isEditor && ed.Unsaved() != "" {
		return e
	}
	return nil
}

// replay moves the last step of from to to after run succeeded on it; the
// view on screen is asked about unsaved edits first, and every view is
// reloaded after. A step that fails stays where it was.
func (sh *Shell) replay(from, to *[]step, run func(step) error) {
	if len(*from) == 0 || sh.network.ID == "" {
		return
	}
	sh.ChangeData(func() error {
		if len(*from) == 0 {
			return nil
		}
		s := (*from)[len(*from)-1]
		if err := run(s); err != nil {
			return err
		}
		*from = (*from)[:len(*from)-1]
		*to = append(*to, s)
		sh.refreshEditMenu()
		return nil
	})
}

// refreshEditMenu names the steps in the Edit menu's Undo and Redo.
func (sh *Shell) refreshEditMenu() {
	if sh.editMenu == nil {
		return
	}
	undo, redo := sh.editMenu.Items[0], sh.editMenu.Items[1]
	undo.Label, undo.Disabled = "Undo", sh.UndoName() == ""
	if n := sh.UndoName(); n != "" {
		undo.Label = "Undo " + n
	}
	redo.Label, redo.Disabled = "Redo", sh.RedoName() == ""
	if n := sh.RedoName(); n != "" {
		redo.Label = "Redo " + n
	}
	sh.editMenu.Refresh()
}
