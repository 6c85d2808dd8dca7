package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
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

// refill gives a submenu the items of now (the recent lists change as
// files and networks are opened); nil before the menu is built.
func (sh *Shell) refill(m *fyne.Menu, items func() []*fyne.MenuItem) {
	if m == nil {
		return
	}
	m.Items = items()
	if main := sh.win.MainMenu(); main != nil {
		main.Refresh()
	}
}

// orNone is items, or one disabled item saying there is none.
func orNone(items []*fyne.MenuItem, none string) []*fyne.MenuItem {
	if len(items) > 0 {
		return items
	}
	it := fyne.NewMenuItem(none, nil)
	it.Disabled = true
	return []*fyne.MenuItem{it}
}

// viewItem is a shared menu item and whether a view offers it.
type viewItem struct {
	item   *fyne.MenuItem
	offers func(View) bool
}

// onView is a menu item that runs fn on the view on screen when it offers
// I; the item is disabled on screens that do not.
func onView[I any](sh *Shell, label string, key fyne.Shortcut, fn func(I)) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, func() {
		if v, ok := sh.CurrentView().(I); ok && sh.network.ID != "" {
			fn(v)
		}
	})
	it.Shortcut = key
	sh.viewItems = append(sh.viewItems, viewItem{it, func(v View) bool { _, ok := v.(I); return ok }})
	return it
}

// saveItem is Edit → Save (Ctrl+S): the form dialog on top confirms, else
// the view on screen saves.
func (sh *Shell) saveItem() *fyne.MenuItem {
	it := onView(sh, lang.L("Save"), shortcut(fyne.KeyS), func(v Editor) { v.Save() })
	viewSave := it.Action
	it.Action = func() { sh.saveShortcut(viewSave) }
	return it
}

func (sh *Shell) mainMenu() *fyne.MainMenu {
	quit := menuItem(lang.L("Quit"), fyne.KeyQ, sh.RequestQuit)
	quit.IsQuit = true
	newNet := menuItem(lang.L("New network…"), "", sh.newNetwork)
	newNet.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	switchNet := menuItem(lang.L("Switch network…"), "", sh.switchNetwork)
	switchNet.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	sh.recentMenu = fyne.NewMenu("", sh.recentMenuItems()...)
	recent := fyne.NewMenuItem(lang.L("Open recent network"), nil)
	recent.ChildMenu = sh.recentMenu
	sh.dbMenu = fyne.NewMenu("", sh.recentDatabaseItems()...)
	recentDB := fyne.NewMenuItem(lang.L("Open recent database"), nil)
	recentDB.ChildMenu = sh.dbMenu
	fileItems := []*fyne.MenuItem{
		newNet, switchNet, recent,
		menuItem(lang.L("Open the demo network"), "", sh.loadDemo),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("New database…"), "", sh.newDatabaseDialog),
		menuItem(lang.L("Open database…"), fyne.KeyO, sh.openDatabaseDialog),
		recentDB,
		fyne.NewMenuItemSeparator(),
	}
	for _, a := range sh.areas {
		for _, c := range a.Commands {
			id, run := a.ID, c.Run
			fileItems = append(fileItems, menuItem(c.Label, c.Shortcut, func() { sh.WithArea(id, run) }))
		}
	}
	fileItems = append(fileItems,
		menuItem(lang.L("Export network…"), "", sh.exportNetworkDialog), // hand-over to another laptop (handover.go)
		menuItem(lang.L("Import network…"), "", sh.importNetworkDialog),
		menuItem(lang.L("Join a shared folder…"), "", sh.joinSharedFolder), // a network another laptop syncs into a folder (syncjoin.go)
		menuItem(lang.L("Back up the database…"), fyne.KeyB, sh.backupDialog),
		menuItem(lang.L("Restore from backup…"), "", sh.restoreDialog),
		menuItem(lang.L("Settings…"), fyne.KeyComma, sh.ShowSettings),
		fyne.NewMenuItemSeparator(),
		quit)

	undo := fyne.NewMenuItem(lang.L("Undo"), sh.Undo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem(lang.L("Redo"), sh.Redo)
	redo.Shortcut = &fyne.ShortcutRedo{}
	sh.viewItems = nil
	save := sh.saveItem()
	sh.editMenu = fyne.NewMenu(lang.L("Edit"), undo, redo,
		fyne.NewMenuItemSeparator(),
		onView(sh, lang.L("New"), shortcut(fyne.KeyN), func(v Creator) { v.New() }),
		save,
		menuItem(lang.L("Find"), fyne.KeyF, sh.find),
		menuItem(lang.L("Search everything…"), fyne.KeyK, sh.OpenSearch),
		onView(sh, lang.L("Delete…"), shortcut(fyne.KeyDelete), func(v Deleter) { v.DeleteSelected() }),
		onView(sh, lang.L("Export…"), &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
			func(v Exporter) { v.Export() }),
		fyne.NewMenuItemSeparator(),
		menuItem(lang.L("Trash…"), "", sh.showTrash),
	)
	sh.refreshEditMenu()

	var goItems []*fyne.MenuItem
	for i, a := range sh.areas {
		goItems = append(goItems, menuItem(a.Title, a.Shortcut, func() { sh.ShowArea(i) }))
	}
	goItems = append(goItems, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("Present full screen (F11)"), sh.Present))
	syncNow := menuItem(lang.L("Sync now"), "", sh.SyncNow) // with the other laptops (syncnow.go)
	syncNow.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	network := fyne.NewMenu(lang.L("Network"), menuItem(lang.L("Edit network details…"), fyne.KeyE, sh.EditNetwork),
		menuItem(lang.L("Rename network…"), "", sh.renameNetwork), menuItem(lang.L("Delete network…"), "", sh.deleteNetwork),
		fyne.NewMenuItemSeparator(),
		syncNow, menuItem(lang.L("Sync settings…"), "", sh.ShowSyncSettings), menuItem(lang.L("Sync conflicts…"), "", sh.ShowConflicts))
	help := fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About AoCE Desktop"), sh.showAbout))
	menus := []*fyne.Menu{fyne.NewMenu(lang.L("File"), fileItems...), sh.editMenu, fyne.NewMenu(lang.L("Go"), goItems...), network, help}
	for _, m := range menus {
		for _, it := range m.Items {
			if it != quit && it != undo && it != redo && it != save && it.ChildMenu == nil && it.Action != nil {
				it.Action = sh.notUnderDialog(it.Action)
			}
		}
	}
	return fyne.NewMainMenu(menus...)
}

// dialogUp tells whether a dialog is shown over the window.
func (sh *Shell) dialogUp() bool { return sh.win.Canvas().Overlays().Top() != nil }

// notUnderDialog is action, done only while no dialog is up: the menus'
// shortcuts reach the window from a dialog's fields too, and Ctrl+6,
// Ctrl+E or Ctrl+Delete would change the screen behind the dialog, out of
// sight. Ctrl+S
// (the form's confirm), Ctrl+Z (its field's typing) and Ctrl+Q (which
// asks about the form) say themselves what they do under a dialog.
func (sh *Shell) notUnderDialog(action func()) func() {
	return func() {
		if !sh.dialogUp() {
			action()
		}
	}
}
