package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// dialogKeys remembers what Escape and Enter do on the dialogs the app
// shows: a dialog says so when it is shown (Shell.Keys). Escape on a
// dialog that said nothing closes it like Cancel; a dialog that must not
// be closed (a running job's progress) says what Escape does instead.
//
// Enter answers when it is let go, and only when it went down on the
// same dialog: an Enter meant for what was before (the field whose
// Enter opened a "Delete…?", a key held down that repeats) never
// confirms the question it brought up. A driver that sends no key-down
// and key-up (Fyne's test driver) answers on the typed key.
type dialogKeys struct {
	on        map[fyne.CanvasObject]DialogKeys
	keyUps    bool              // the driver tells key-down and key-up
	enterDown fyne.CanvasObject // the dialog on top when Enter went down
}

// DialogKeys are a dialog's answers to Escape, Enter and Ctrl+S; nil does
// nothing (Escape: nil closes the dialog unless Keep is set). Save is a
// form's confirm: under any other dialog Ctrl+S does nothing.
type DialogKeys struct {
	Escape func()
	Enter  func()
	Save   func()
	Keep   bool // Escape never removes the dialog by itself
	Undoes bool // Ctrl+Z undoes the store's last step under it: the dialog's own (a review of a conflict)
}

func (k *dialogKeys) init() { k.on = map[fyne.CanvasObject]DialogKeys{} }

// Keys registers what Escape and Enter do while the dialog just shown is
// on top. Call it right after the dialog's Show.
func (sh *Shell) Keys(keys DialogKeys) {
	top := sh.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	// Forget dialogs that are gone, so the map holds only what is shown.
	shown := map[fyne.CanvasObject]bool{}
	for _, o := range sh.win.Canvas().Overlays().List() {
		shown[o] = true
	}
	for o := range sh.dialogs.on {
		if !shown[o] {
			delete(sh.dialogs.on, o)
		}
	}
	sh.dialogs.on[top] = keys
}

// typedKey handles keys no focused widget took: Escape and Enter answer
// the dialog on top, F11 presents what the view on screen shows (the
// matrix when the view has no presentation of its own).
func (sh *Shell) typedKey(e *fyne.KeyEvent) {
	top := sh.win.Canvas().Overlays().Top()
	if top != nil {
		keys := sh.dialogs.on[top]
		switch {
		case e.Name == fyne.KeyEscape && keys.Escape != nil:
			keys.Escape()
		case e.Name == fyne.KeyEscape && !keys.Keep:
			sh.win.Canvas().Overlays().Remove(top) // like Cancel: no callback runs
		case isEnter(e.Name) && !sh.dialogs.keyUps:
			sh.enter(top)
		}
		return
	}
	if e.Name == fyne.KeyF11 && sh.network.ID != "" {
		sh.Present()
	}
}

func isEnter(k fyne.KeyName) bool { return k == fyne.KeyReturn || k == fyne.KeyEnter }

// keyDown notes the dialog Enter went down on (none: nil), for keyUp.
func (sh *Shell) keyDown(e *fyne.KeyEvent) {
	if isEnter(e.Name) {
		sh.dialogs.enterDown = sh.win.Canvas().Overlays().Top()
	}
}

// keyUp answers Enter on the dialog on top when the key went down there.
func (sh *Shell) keyUp(e *fyne.KeyEvent) {
	if !isEnter(e.Name) {
		return
	}
	down := sh.dialogs.enterDown
	sh.dialogs.enterDown = nil
	if top := sh.win.Canvas().Overlays().Top(); top != nil && top == down && !sh.presenting {
		sh.enter(top)
	}
}

// enter answers Enter on the dialog top as it said (Shell.Keys).
func (sh *Shell) enter(top fyne.CanvasObject) {
	if f := sh.dialogs.on[top].Enter; f != nil {
		f()
	}
}

// windowKey hands a key a focused widget passed on to the window's
// handler of the moment (the shell's, or a presenter's).
func (sh *Shell) windowKey(e *fyne.KeyEvent) {
	if f := sh.win.Canvas().OnTypedKey(); f != nil {
		f(e)
	}
}

// saveShortcut is Ctrl+S: the form dialog on top confirms; under any
// other dialog nothing happens (the view behind it is not what the user
// looks at); without one the view on screen saves.
func (sh *Shell) saveShortcut(viewSave func()) {
	if top := sh.win.Canvas().Overlays().Top(); top != nil {
		if save := sh.dialogs.on[top].Save; save != nil {
			save()
		}
		return
	}
	viewSave()
}

// Present shows the current view's presentation full screen, or the
// matrix's when the view has none.
func (sh *Shell) Present() {
	if p, ok := sh.CurrentView().(Presenter); ok {
		p.Present()
		return
	}
	sh.WithArea("matrix", func(v View) {
		if p, ok := v.(Presenter); ok {
			p.Present()
		}
	})
}

// restoreKeys gives the window back the shell's own key handling (after a
// full-screen view had its own).
func (sh *Shell) restoreKeys() {
	sh.win.Canvas().SetOnTypedKey(sh.typedKey)
	if c, ok := sh.win.Canvas().(desktop.Canvas); ok {
		c.SetOnKeyDown(sh.keyDown)
		c.SetOnKeyUp(sh.keyUp)
		sh.dialogs.keyUps = true
	}
	redo := &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	sh.win.Canvas().AddShortcut(redo, func(fyne.Shortcut) { sh.Redo() })
}

// SubmitOnEnter makes Enter in each single-line entry (a *widget.Entry or
// a *widgets.Entry) run submit, as the dialog's confirm button would
// (Fyne's form dialogs do not); other objects are left alone.
func SubmitOnEnter(submit func(), objects ...fyne.CanvasObject) {
	for _, o := range objects {
		e := textEntry(o)
		if e != nil && !e.MultiLine && e.OnSubmitted == nil {
			e.OnSubmitted = func(string) { submit() }
		}
	}
}

// textEntry is the entry o is, or nil.
func textEntry(o fyne.CanvasObject) *widget.Entry {
	switch e := o.(type) {
	case *widget.Entry:
		return e
	case *widgets.Entry:
		return &e.Entry
	case interface{ TextEntry() *widget.Entry }: // a field that wraps one
		return e.TextEntry()
	}
	return nil
}
