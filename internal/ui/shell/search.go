package shell

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// Revealer is a view that can select one of its records, found by the
// search (Ctrl+K): kind is a data.Search* kind, id the record's id (a
// survey's id for an answer). It reports whether it found the record.
// While it runs, Shell.SearchWords are the words that found it.
type Revealer interface {
	Reveal(kind, id string) bool
}

// searchDialog is what Ctrl+K opens: package ui hands the shell the
// search dialog (package search imports the shell, not the other way).
// area limits the search to the kinds shown in that area ("" for all).
var searchDialog func(sh *Shell, area string)

// SetSearch sets what Ctrl+K (and Ctrl+F on a screen without its own
// search box) opens.
func SetSearch(open func(sh *Shell, area string)) { searchDialog = open }

// OpenSearch opens the search over the whole network (Ctrl+K).
func (sh *Shell) OpenSearch() { sh.OpenSearchIn("") }

// OpenSearchIn opens the search limited to what the area with this id
// shows ("" for the whole network).
func (sh *Shell) OpenSearchIn(area string) {
	if searchDialog != nil && sh.network.ID != "" {
		searchDialog(sh, area)
	}
}

// find is Ctrl+F: the screen's own search box when it has one, else the
// search limited to the screen's records.
func (sh *Shell) find() {
	if f, ok := sh.CurrentView().(Finder); ok && sh.network.ID != "" {
		f.Find()
		return
	}
	if sh.current >= 0 {
		sh.OpenSearchIn(sh.areas[sh.current].ID)
	}
}

// Reveal switches to the area with this id and asks its view to select
// the record that words found; false when the switch did not happen (an
// unsaved edit held it back), the view cannot reveal records or has no
// such record.
func (sh *Shell) Reveal(area, kind, id, words string) bool {
	ok := false
	sh.WithArea(area, func(v View) {
		if r, is := v.(Revealer); is {
			sh.searchWords = words
			ok = r.Reveal(kind, id)
			sh.searchWords = ""
		}
	})
	return ok
}

// SearchWords are the words of the search whose hit a view is revealing
// (during Revealer.Reveal; "" otherwise): the view may select them.
func (sh *Shell) SearchWords() string { return sh.searchWords }

// AreaTitle is the navigation's title of the area with this id.
func (sh *Shell) AreaTitle(id string) string {
	if i := sh.areaIndex(id); i >= 0 {
		return sh.areas[i].Title
	}
	return id
}

// PlaceOf is where a hit of this kind is shown (data.Store.PlaceOf) for a
// Revealer; a failed read is shown on screen and ok is false.
func (sh *Shell) PlaceOf(kind, id string) (at data.SearchPlace, ok bool) {
	at, err := sh.store.PlaceOf(sh.ctx, kind, id)
	if err != nil {
		sh.ShowError(err)
		return at, false
	}
	return at, true
}

// RevealPlace is the Revealer of records that live inside another (a grid
// row in its grid, an action in its partner's table): for a hit of the
// kind want it finds the place, asks about e's unsaved changes, and then
// show opens the place and tells whether it found the record there.
func (sh *Shell) RevealPlace(e Editor, kind, want, id string, show func(data.SearchPlace) bool) bool {
	if kind != want {
		return false
	}
	at, ok := sh.PlaceOf(kind, id)
	if !ok {
		return false
	}
	shown := false
	sh.Leave(e, func() { shown = show(at) }, nil)
	return shown
}
