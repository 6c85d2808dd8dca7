package shell

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// settingRecentNetworks keeps the ids of the networks opened last, newest
// first, separated by spaces (in the database: the ids are this file's).
const settingRecentNetworks = "ui.recent_networks"

// recentKeep is how many networks the File menu lists.
const recentKeep = 5

// rememberRecent puts id first in the recent networks (the File menu's
// list follows with refreshNetworkPicker).
func (sh *Shell) rememberRecent(id string) {
	ids := sh.recentIDs()
	ids = slices.DeleteFunc(ids, func(x string) bool { return x == id })
	ids = append([]string{id}, ids...)
	if len(ids) > recentKeep {
		ids = ids[:recentKeep]
	}
	if err := sh.store.SetSetting(sh.ctx, settingRecentNetworks, strings.Join(ids, " ")); err != nil {
		sh.logError("remembering the recent networks", err)
	}
}

func (sh *Shell) recentIDs() []string {
	v, _ := sh.store.Setting(sh.ctx, settingRecentNetworks)
	return strings.Fields(v)
}

// RecentNetworks are the networks opened last, newest first, that still
// exist; then the others by name, up to recentKeep in all.
func (sh *Shell) RecentNetworks() []data.Network {
	ns, err := sh.store.Networks(sh.ctx)
	if err != nil {
		return nil
	}
	var out []data.Network
	for _, id := range sh.recentIDs() {
		if i := slices.IndexFunc(ns, func(n data.Network) bool { return n.ID == id }); i >= 0 {
			out = append(out, ns[i])
		}
	}
	for _, n := range ns {
		if len(out) < recentKeep && !slices.ContainsFunc(out, func(o data.Network) bool { return o.ID == n.ID }) {
			out = append(out, n)
		}
	}
	return out
}

// recentMenuItems are the File menu's "Open recent network" entries.
func (sh *Shell) recentMenuItems() []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, n := range sh.RecentNetworks() {
		it := fyne.NewMenuItem(networkLabel(n), func() { sh.SwitchTo(n.ID) })
		it.Checked = n.ID == sh.network.ID
		items = append(items, it)
	}
	return orNone(items, "No network yet")
}

func (sh *Shell) refreshRecentMenu() { sh.refill(sh.recentMenu, sh.recentMenuItems) }

func networkLabel(n data.Network) string {
	if n.Acronym != "" {
		return n.Name + " (" + n.Acronym + ")"
	}
	return n.Name
}

// SwitchTo opens the network with this id after the view on screen agreed
// to leave; the open network stays open when it is asked to stay.
func (sh *Shell) SwitchTo(id string) {
	if id == sh.network.ID {
		return
	}
	n, err := sh.store.Network(sh.ctx, id)
	if err != nil {
		sh.ShowError(err)
		return
	}
	sh.leaveCurrent(func() { sh.openNetwork(n) }, nil)
}

// switchEntry is the chooser's filter field: Up and Down move the choice
// in the list below it while the field keeps the focus.
type switchEntry struct {
	widgets.Entry
	move func(delta int)
}

// TextEntry lets the shell's forms find the field (focus, Enter submits).
func (e *switchEntry) TextEntry() *widget.Entry { return &e.Entry.Entry }

func (e *switchEntry) TypedKey(key *fyne.KeyEvent) {
	switch key.Name {
	case fyne.KeyUp:
		e.move(-1)
	case fyne.KeyDown:
		e.move(+1)
	default:
		e.Entry.TypedKey(key)
	}
}

// switchNetwork is File → Switch network…: the networks, the recent first,
// filtered by what is typed; Enter opens the chosen one, Escape cancels.
func (sh *Shell) switchNetwork() {
	ns, err := sh.store.Networks(sh.ctx)
	if err != nil {
		sh.ShowError(err)
		return
	}
	order := sh.RecentNetworks()
	for _, n := range ns {
		if !slices.ContainsFunc(order, func(o data.Network) bool { return o.ID == n.ID }) {
			order = append(order, n)
		}
	}
	shown := order
	chosen := 0
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("Agents of Co-Existence (AoCE) — the open network") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			label := networkLabel(shown[i])
			if shown[i].ID == sh.network.ID {
				label += " — open now"
			}
			o.(*widget.Label).SetText(label)
		})
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	list.OnUnselected = func(widget.ListItemID) { chosen = -1 }
	filter := &switchEntry{}
	filter.ExtendBaseWidget(filter)
	filter.SetPlaceHolder("Type to filter the networks")
	filter.move = func(delta int) {
		if len(shown) == 0 {
			return
		}
		list.Select(min(max(chosen+delta, 0), len(shown)-1))
	}
	filter.Validator = func(text string) error { // Open stays off while there is nothing to open
		if len(networksMatching(order, text)) == 0 {
			if len(order) == 0 {
				return errors.New("there is no network yet: File › New network… creates one")
			}
			return errors.New("no network matches")
		}
		return nil
	}
	filter.OnChanged = func(text string) {
		shown = networksMatching(order, text)
		list.Refresh()
		list.UnselectAll()
		if len(shown) > 0 {
			list.Select(0)
		}
	}
	if len(shown) > 1 && shown[0].ID == sh.network.ID {
		list.Select(1) // the one before: switching back and forth takes Enter only
	} else if len(shown) > 0 {
		list.Select(0)
	}
	scroll := container.NewGridWrap(fyne.NewSize(440, 220), list)
	sh.ShowForm(Form{Title: "Switch network", Confirm: "Open", Size: fyne.NewSize(520, 0),
		Items: []*widget.FormItem{widget.NewFormItem("Find", filter), widget.NewFormItem("Networks", scroll)},
		OnConfirm: func() bool {
			if chosen < 0 || chosen >= len(shown) {
				return false
			}
			sh.SwitchTo(shown[chosen].ID)
			return true
		}})
}

// NetworkNameRule is the store's rule for a network's name (not empty, no
// other network but exceptID has it, capitals aside) as a field's
// Validator: the form says it while the name is typed, before Rename or
// Create is pressed.
func (sh *Shell) NetworkNameRule(exceptID string) func(string) error {
	return func(name string) error { return sh.store.CheckNetworkName(sh.ctx, name, exceptID) }
}

// networksMatching are the networks whose name or acronym holds text,
// case-insensitive; all of them for no text.
func networksMatching(ns []data.Network, text string) []data.Network {
	key := strings.ToLower(strings.TrimSpace(text))
	return slices.DeleteFunc(slices.Clone(ns), func(n data.Network) bool {
		return key != "" && !strings.Contains(strings.ToLower(n.Name+" "+n.Acronym), key)
	})
}

// renameNetwork is Network → Rename network…: a name no other network has.
func (sh *Shell) renameNetwork() {
	if sh.network.ID == "" {
		return
	}
	before := sh.network
	name := widgets.NewEntry()
	name.SetText(before.Name)
	name.Validator = sh.NetworkNameRule(before.ID)
	name.AlwaysShowValidationError = true // Fyne hides a focused field's error: the ✓ would stay while a taken name is typed
	sh.ShowForm(Form{Title: "Rename network", Confirm: "Rename", Items: []*widget.FormItem{widget.NewFormItem("Name", name)},
		Changed: func() bool { return strings.TrimSpace(name.Text) != before.Name },
		OnConfirm: func() bool {
			n := before
			n.Name = strings.TrimSpace(name.Text)
			if n.Name == before.Name {
				return true
			}
			if err := sh.store.UpdateNetwork(sh.ctx, n); err != nil {
				sh.ShowError(err)
				return false
			}
			sh.Did("rename network", func() error { return sh.store.UpdateNetwork(sh.ctx, before) },
				func() error { return sh.store.UpdateNetwork(sh.ctx, n) })
			sh.ReloadAll()
			return true
		}})
}

// deleteNetwork is Network → Delete network…: the open network goes to
// the trash whole, and the shell opens another one, or the welcome screen
// when none is left. Undo (while a network is open) brings it back.
func (sh *Shell) deleteNetwork() {
	n := sh.network
	if n.ID == "" {
		return
	}
	sh.leaveCurrent(func() {
		remove := func() (string, error) { return sh.store.DeleteNetwork(sh.ctx, n.ID) }
		msg := fmt.Sprintf("Delete the network %q with everything it holds (partners, matrix, meetings, surveys, the study)?", n.Name)
		sh.confirmDelete("Delete network", msg, remove, func(trashID string) {
			sh.Start(sh.recentOther(n.ID))
			sh.Deleted("delete network ‘"+n.Name+"’", trashID, remove) // after the open, which starts a new undo history
			sh.refreshRecentMenu()
		})
	}, nil)
}

// recentOther is the most recent network but except.
func (sh *Shell) recentOther(except string) string {
	for _, n := range sh.RecentNetworks() {
		if n.ID != except {
			return n.ID
		}
	}
	return ""
}
