package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcut is Ctrl+key (Cmd+key on macOS), shown beside the menu item and
// triggered by the driver from anywhere in the window.
func shortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func menuItem(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	if key != "" {
		it.Shortcut = shortcut(key)
	}
	return it
}

func (sh *Shell) mainMenu() *fyne.MainMenu {
	quit := menuItem("Quit", fyne.KeyQ, sh.RequestQuit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		menuItem("New network…", "", sh.newNetwork),
		menuItem("Open the demo network", "", sh.loadDemo),
		fyne.NewMenuItemSeparator(),
		menuItem("Import partners…", fyne.KeyI, func() { sh.withPartners(func(v *partnersView) { v.startImport() }) }),
		menuItem("Import survey…", fyne.KeyU, func() { sh.withArea("Surveys", func(v view) { v.(*surveysView).startImport() }) }),
		menuItem("Back up the database…", fyne.KeyB, sh.backupDialog),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	var goItems []*fyne.MenuItem
	for i, a := range sh.areas {
		i := i
		goItems = append(goItems, menuItem(a.title, a.shortcut, func() { sh.ShowArea(i) }))
	}
	partner := fyne.NewMenu("Partner",
		menuItem("New partner", fyne.KeyN, func() { sh.withPartners(func(v *partnersView) { v.newPartner() }) }),
		menuItem("Save", fyne.KeyS, sh.saveCurrent),
		menuItem("Find partner", fyne.KeyF, func() { sh.withPartners(func(v *partnersView) { sh.win.Canvas().Focus(v.search) }) }),
		menuItem("Delete partner…", fyne.KeyDelete, func() { sh.withPartners(func(v *partnersView) { v.confirmDelete() }) }),
	)
	network := fyne.NewMenu("Network", menuItem("Edit network details…", fyne.KeyE, sh.editNetwork))
	return fyne.NewMainMenu(file, fyne.NewMenu("Go", goItems...), network, partner)
}

// saveCurrent saves what the current area edits (a partner, a learning grid, a meeting, a study section).
func (sh *Shell) saveCurrent() {
	switch v := sh.currentView().(type) {
	case *partnersView:
		v.form.save()
	case *gridsView:
		v.save()
	case *roadmapView:
		if v.tabs.SelectedIndex() == 1 {
			v.meetings.save()
		}
	case *studyView:
		v.editor.flush()
	}
}

// withArea switches to the named area and runs fn on its view, when a
// network is open and the switch happened (no unsaved edit held it back).
func (sh *Shell) withArea(title string, fn func(view)) {
	if sh.network.ID == "" {
		return
	}
	for i, a := range sh.areas {
		if a.title == title {
			sh.ShowArea(i)
			if sh.current == i {
				fn(sh.currentView())
			}
			return
		}
	}
}

// withPartners runs fn on the partners view.
func (sh *Shell) withPartners(fn func(*partnersView)) {
	sh.withArea("Partners", func(v view) { fn(v.(*partnersView)) })
}
