package partnerlist

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The search hiding the partner in the form: with nothing typed the form
// shows the partner the list now shows; with unsaved typing the edited
// partner stays in the list, first, and its typing stays.
func TestTheFormFollowsTheSearchUnlessItHoldsTyping(t *testing.T) {
	sh := newShell(t)
	v := open(t, sh)
	selectPartner(t, v, "Gdańsk")
	test.Type(v.search, "iasi")
	if v.form.heading.Text != "Iași" || names(v) != "Iași" {
		t.Fatalf("the list shows %s, the form %q", names(v), v.form.heading.Text)
	}
	v.search.SetText("")
	selectPartner(t, v, "Gdańsk")
	test.Type(v.form.inputs["region"].entry, " typed")
	v.search.SetText("iasi")
	if !strings.HasPrefix(v.form.heading.Text, "Gdańsk") || !v.form.dirty || names(v) != "Gdańsk,Iași" || v.list.Length() != 2 {
		t.Fatalf("with typing in Gdańsk: the list shows %s, the form %q (unsaved %v)", names(v), v.form.heading.Text, v.form.dirty)
	}
	if !strings.Contains(v.count.Text, "Gdańsk while its changes are not saved") {
		t.Errorf("the count does not say why Gdańsk is listed: %q", v.count.Text)
	}
}
