package shell

// Revealer is a view that can select one of its records, found by the
// search (Ctrl+K): kind is a data.Search* kind, id the record's id (a
// survey's id for an answer). It reports whether it found the record.
type Revealer interface {
	Reveal(kind, id string) bool
}

// searchDialog is what Ctrl+K opens: package ui hands the shell the
// search dialog (package search imports the shell, not the other way).
var searchDialog func(*Shell)

// SetSearch sets what Ctrl+K opens.
func SetSearch(open func(*Shell)) { searchDialog = open }

// OpenSearch opens the search over the whole network (Ctrl+K).
func (sh *Shell) OpenSearch() {
	if searchDialog != nil && sh.network.ID != "" {
		searchDialog(sh)
	}
}

// Reveal switches to the area with this id and asks its view to select
// the record; false when the switch did not happen (an unsaved edit held
// it back), the view cannot reveal records or has no such record.
func (sh *Shell) Reveal(area, kind, id string) bool {
	ok := false
	sh.WithArea(area, func(v View) {
		if r, is := v.(Revealer); is {
			ok = r.Reveal(kind, id)
		}
	})
	return ok
}
