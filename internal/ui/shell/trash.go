package shell

import (
	"fmt"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Deleted records a delete that moved trashID to the trash: Undo restores
// it, Redo deletes again with redelete (which hands back the new entry).
func (sh *Shell) Deleted(name, trashID string, redelete func() (string, error)) {
	id := trashID
	sh.push(step{name: name, trash: &id, undo: func() error {
		_, err := sh.store.RestoreTrash(sh.ctx, id)
		return err
	}, redo: func() error {
		var err error
		id, err = redelete()
		return err
	}})
}

// Added records the creation of a record: Undo moves it to the trash with
// remove, Redo restores it from there — under the same id, so later steps
// that name the record still apply.
func (sh *Shell) Added(name string, remove func() (trashID string, err error)) {
	var trashID string
	sh.push(step{name: name, trash: &trashID, undo: func() error {
		var err error
		trashID, err = remove()
		return err
	}, redo: func() error {
		_, err := sh.store.RestoreTrash(sh.ctx, trashID)
		return err
	}})
}

// showTrash lists what was deleted in the open network, newest first, to
// restore one entry or empty the trash for good.
// On the welcome screen it lists the deleted networks.
func (sh *Shell) showTrash() {
	items, err := sh.store.Trash(sh.ctx, sh.network.ID)
	if err == nil { // deleted networks belong to none: every network's trash lists them
		var networks []data.TrashItem
		networks, err = sh.store.DeletedNetworks(sh.ctx)
		items = append(items, networks...)
	}
	if err != nil {
		sh.ShowError(err)
		return
	}
	var d *dialog.CustomDialog
	reopen := func() { d.Hide(); sh.showTrash() }
	rows := container.NewVBox()
	for _, it := range items {
		rows.Add(sh.trashRow(it, func() {
			d.Hide()
			sh.ChangeData(func() error {
				_, err := sh.store.RestoreTrash(sh.ctx, it.ID)
				if err == nil && sh.network.ID == "" && it.Kind == "network" {
					sh.restoredFromWelcome(it.NetworkID)
				}
				if err == nil {
					sh.forgetTrash(it.ID)
					sh.ShowMessage("Restored", "The "+it.Label+" is back, with everything deleted with it.")
				}
				return err
			})
		}))
	}
	var body fyne.CanvasObject = widgets.VScroll(rows)
	if len(items) == 0 {
		empty := widget.NewLabel("The trash is empty. What you delete stays here for 30 days, so you can bring it back.")
		empty.Wrapping = fyne.TextWrapWord
		body = empty
	}
	emptyBtn := widgets.NewButtonWithIcon("Empty the trash…", theme.DeleteIcon(), func() {
		sh.Ask(Question{Title: "Empty the trash?", Message: fmt.Sprintf("The %d deleted records are removed for good; this cannot be undone.", len(items)),
			Confirm: "Empty the trash", NoEnter: true, OnAnswer: func(ok bool) {
				if !ok {
					return
				}
				if _, err := sh.store.EmptyTrash(sh.ctx, sh.network.ID); err != nil {
					sh.ShowError(err)
					return
				}
				sh.forgetTrash("")
				reopen()
			}})
	})
	if len(items) == 0 || sh.network.ID == "" { // emptying goes by the open network's trash
		emptyBtn.Disable()
	}
	closeBtn := widgets.NewButton(lang.L("Close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Trash", body, sh.win)
	d.SetButtons([]fyne.CanvasObject{emptyBtn, closeBtn})
	d.Resize(fyne.NewSize(680, 460))
	d.Show()
	sh.Keys(DialogKeys{Enter: func() { d.Hide() }})
}

// restoredFromWelcome opens the network just brought back from the trash
// while none was open: the welcome screen has nothing to reload.
func (sh *Shell) restoredFromWelcome(id string) {
	n, err := sh.store.Network(sh.ctx, id)
	if err != nil {
		sh.ShowError(err)
		return
	}
	sh.showNetwork(n)
}

// trashRow is one deleted record: what, when, what went with it, Restore.
func (sh *Shell) trashRow(it data.TrashItem, restore func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(it.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	detail := "Deleted " + widgets.DateTime(it.DeletedAt.Local())
	left := it.DeletedAt.Add(data.TrashKeep).Sub(time.Now())
	detail += fmt.Sprintf(" · kept %d more days", max(int(math.Ceil(left.Hours()/24)), 0))
	if s := it.Summary(); s != "" {
		detail += " · with " + s
	}
	info := widget.NewLabel(detail)
	info.Wrapping = fyne.TextWrapWord
	info.SizeName = theme.SizeNameCaptionText
	btn := widgets.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), restore)
	return container.NewBorder(nil, widget.NewSeparator(), nil, btn, container.NewVBox(title, info))
}
