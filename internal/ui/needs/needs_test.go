package needs

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestLearningNeedsScreen(t *testing.T) {
	sh := newTestShell(t, true)
	v, ok := sh.ViewAt(7).(*needsView)
	if !ok {
		t.Fatal("area 8 is not the learning needs")
	}
	if !textIn(v.prepare, "No learning needs yet.") || !textIn(v.byPart, "Genk — 0 of 6 learning needs") {
		t.Fatal("empty state")
	}
	test.Tap(buttonIn(t, v.obj, "Add learning need…"))
	d := topOverlay(sh)
	sels := []*widget.Select{}
	walk(d, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			sels = append(sels, s)
		}
		return true
	})
	if len(sels) != 2 {
		t.Fatalf("%d choosers in the dialog", len(sels))
	}
	sels[0].SetSelected("Breda")
	for _, o := range sels[1].Options {
		if strings.Contains(o, "Cooperation with NGOs") {
			sels[1].SetSelected(o)
		}
	}
	text, _ := find(d, func(e *widget.Entry) bool { return e.MultiLine })
	text.SetText("How to share decisions with neighbourhood NGOs")
	test.Tap(buttonIn(t, d, "Save learning need"))
	sh.Window().Canvas().Overlays().Remove(topOverlay(sh)) // the "saved" message
	if !textIn(v.byPart, "Breda — 1 of 6 learning needs") || !textIn(v.prepare, "Cooperation with NGOs — 1 partner(s), urgency 2") || !textIn(v.prepare, "can help:") {
		t.Fatal("the new need is not listed with who can help")
	}
}
