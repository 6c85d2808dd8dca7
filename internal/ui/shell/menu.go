package shell

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

// onView runs fn on the view on screen when it offers I.
func onView[I any](sh *Shell, fn func(I)) func() {
	return func() {
		if v, ok := sh.CurrentView().(I); ok && sh.network.ID != "" {
			fn(v)
		}
	}
}

func (sh *Shell) mainMenu() *fyne.MainMenu {
	quit := menuItem("Quit", fyne.KeyQ, sh.RequestQuit)
	quit.IsQuit = true
	fileItems := []*fyne.MenuItem{
		menuItem("New network…", "", sh.newNetwork),
		menuItem("Open the demo network", "", sh.loadDemo),
		fyne.NewMenuItemSeparator(),
	}
	for _, a := range sh.areas {
		for _, c := range a.Commands {
			id, run := a.ID, c.Run
			fileItems = append(fileItems, menuItem(c.Label, c.Shortcut, func() { sh.WithArea(id, run) }))
		}
	}
	fileItems = append(fileItems,
		menuItem("Back up the database…", fyne.KeyB, sh.backupDialog),
		fyne.NewMenuItemSeparator(),
		quit)

	undo := fyne.NewMenuItem("Undo", sh.Undo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem("Redo", sh.Redo)
	redo.Shortcut = &fyne.ShortcutRedo{}
	exportItem := menuItem("Export…", "", onView(sh, func(v Exporter) { v.Export() }))
	exportItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	sh.editMenu = fyne.NewMenu("Edit", undo, redo,
		fyne.NewMenuItemSeparator(),
		menuItem("New", fyne.KeyN, onView(sh, func(v Creator) { v.New() })),
		menuItem("Save", fyne.KeyS, onView(sh, func(v Editor) { v.Save() })),
		menuItem("Find", fyne.KeyF, onView(sh, func(v Finder) { v.Find() })),
		menuItem("Delete…", fyne.KeyDelete, onView(sh, func(v Deleter) { v.DeleteSelected() })),
		exportItem,
		fyne.NewMenuItemSeparator(),
		menuItem("Trash…", "", sh.showTrash),
	)
	sh.refreshEditMenu()

	var goItems []*fyne.MenuItem
	for i, a := range sh.areas {
		goItems = append(goItems, menuItem(a.Title, a.Shortcut, func() { sh.ShowArea(i) }))
	}
	goItems = append(goItems, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Present full screen (F11)", sh.Present))
	network := fyne.NewMenu("Network", menuItem("Edit network details…", fyne.KeyE, sh.EditNetwork))
	return fyne.NewMainMenu(fyne.NewMenu("File", fileItems...), sh.editMenu, fyne.NewMenu("Go", goItems...), network)
}
