package themes

import (
	"fmt"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Unsaved names the theme or sub-theme whose form has changes
// (shell.Editor).
func (v *themesView) Unsaved() string {
	if !v.dirty || v.selected < 0 {
		return ""
	}
	r := v.rows[v.selected]
	th := v.themes[r.theme]
	if r.sub < 0 {
		return "the theme ‘" + th.Title + "’"
	}
	return "the sub-theme ‘" + th.SubThemes[r.sub].Title + "’"
}

// Save stores the form; when the store refuses (an empty title, say) the
// reason is shown and the changes stay unsaved.
func (v *themesView) Save() bool {
	if !v.dirty || v.selected < 0 {
		return true
	}
	if err := v.store(true); err != nil {
		v.sh.ShowError(err)
		return false
	}
	v.Reload()
	return true
}

// Discard shows the row as stored again.
func (v *themesView) Discard() {
	if v.selected >= 0 {
		v.show(v.selected)
	}
}

// Flush stores the form's changes when the app stops.
func (v *themesView) Flush() error {
	if !v.dirty || v.selected < 0 {
		return nil
	}
	if err := v.store(false); err != nil {
		return fmt.Errorf("keeping %s: %w", v.Unsaved(), err)
	}
	return nil
}

// store writes the form to the row it shows; only a stored change clears
// the unsaved flag. undoable records it as an undo step.
func (v *themesView) store(undoable bool) error {
	r := v.rows[v.selected]
	number, title := strings.TrimSpace(v.number.Text), strings.TrimSpace(v.title.Text)
	ctx, s := v.sh.Ctx(), v.sh.Store()
	var name string
	var undo, redo func() error
	if r.sub < 0 {
		before := v.themes[r.theme]
		after := before
		after.Number, after.Title, after.Horizontal = number, title, v.horiz.Checked
		if err := s.UpdateTheme(ctx, after); err != nil {
			return err
		}
		name = "edit theme ‘" + title + "’"
		undo = func() error { return s.UpdateTheme(v.sh.Ctx(), before) }
		redo = func() error { return s.UpdateTheme(v.sh.Ctx(), after) }
	} else {
		before := v.themes[r.theme].SubThemes[r.sub]
		after := before
		after.Number, after.Title = number, title
		if err := s.UpdateSubTheme(ctx, after); err != nil {
			return err
		}
		name = "edit sub-theme ‘" + title + "’"
		undo = func() error { return s.UpdateSubTheme(v.sh.Ctx(), before) }
		redo = func() error { return s.UpdateSubTheme(v.sh.Ctx(), after) }
	}
	v.setDirty(false)
	if undoable {
		v.sh.Did(name, undo, redo)
	}
	return nil
}

// addTheme appends a theme ready to be named, after the form's changes
// are dealt with.
func (v *themesView) addTheme() {
	v.sh.Leave(v, func() {
		th := data.Theme{NetworkID: v.sh.Network().ID, Number: fmt.Sprint(len(v.themes) + 1), Title: "New theme"}
		v.added("add theme ‘"+th.Title+"’", func() (string, string, error) {
			stored, err := v.sh.Store().AddTheme(v.sh.Ctx(), th)
			return stored.ID, "", err
		}, func(themeID, _ string) (string, error) { return v.sh.Store().DeleteTheme(v.sh.Ctx(), themeID) })
	}, nil)
}

// addSubTheme appends a sub-theme to the selected theme (or the last one).
func (v *themesView) addSubTheme() {
	v.sh.Leave(v, func() {
		if len(v.themes) == 0 {
			v.sh.ShowMessage("No theme yet", "Add a theme first; sub-themes belong to a theme.")
			return
		}
		ti := len(v.themes) - 1
		if v.selected >= 0 {
			ti = v.rows[v.selected].theme
		}
		th := v.themes[ti]
		number := ""
		if th.Number != "" {
			number = fmt.Sprintf("%s.%d", th.Number, len(th.SubThemes)+1)
		}
		st := data.SubTheme{ThemeID: th.ID, Number: number, Title: "New sub-theme"}
		v.added("add sub-theme ‘"+st.Title+"’ to "+th.Title, func() (string, string, error) {
			stored, err := v.sh.Store().AddSubTheme(v.sh.Ctx(), st)
			return th.ID, stored.ID, err
		}, func(_, subID string) (string, error) { return v.sh.Store().DeleteSubTheme(v.sh.Ctx(), subID) })
	}, nil)
}

// added runs add, selects what it stored for naming, and records it as an
// undo step: undo moves it to the trash with remove, redo restores it.
func (v *themesView) added(name string, add func() (themeID, subID string, err error), remove func(themeID, subID string) (string, error)) {
	themeID, subID, err := add()
	if err != nil {
		v.sh.ShowError(err)
		return
	}
	v.sh.Added(name, func() (string, error) { return remove(themeID, subID) })
	v.Reload()
	v.selectIDs(themeID, subID)
	widgets.FocusSelected(v.sh.Window().Canvas(), v.title) // typing replaces "New theme"
}

// move swaps the selected row with its neighbour (delta -1 up, +1 down),
// after the form's changes are dealt with; at either end nothing moves.
func (v *themesView) move(delta int) {
	if v.selected < 0 {
		return
	}
	v.sh.Leave(v, func() {
		r := v.rows[v.selected]
		themeID, subID := v.ids(v.selected)
		ctx, s := v.sh.Ctx(), v.sh.Store()
		moveBy := func(d int) error { return s.MoveTheme(ctx, themeID, d) }
		count, at, title := len(v.themes), r.theme, v.themes[r.theme].Title
		what := "theme"
		if subID != "" {
			moveBy = func(d int) error { return s.MoveSubTheme(ctx, subID, d) }
			count, at, title, what = len(v.themes[r.theme].SubThemes), r.sub, v.themes[r.theme].SubThemes[r.sub].Title, "sub-theme"
		}
		if at+delta < 0 || at+delta >= count {
			return // an undo step for a move that did not happen would move the neighbour
		}
		if err := moveBy(delta); err != nil {
			v.sh.ShowError(err)
			return
		}
		dir := "down"
		if delta < 0 {
			dir = "up"
		}
		v.sh.Did("move "+what+" ‘"+title+"’ "+dir, func() error { return moveBy(-delta) }, func() error { return moveBy(delta) })
		v.Reload()
		v.selectIDs(themeID, subID)
	}, nil)
}
