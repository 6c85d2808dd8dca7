package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// laptop is the screen of a 13-inch laptop the window must fit.
var laptop = fyne.NewSize(1280, 720)

// No area forces the window wider than 1280 or taller than 720: the
// window's content, shell chrome included, has a minimum size within that
// with each area of the demo network shown — as it opens, and with the
// first record of each of its lists selected (the details it then shows).
// Measured in the app's own theme, not the test driver's.
func TestEveryAreaFitsALaptop(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	sh.App().Settings().SetTheme(theme.DefaultTheme())
	// The demo has no survey: one with long answers, as an export has them.
	csv := filepath.Join(t.TempDir(), "academy.csv")
	long := strings.Repeat("a long answer about the participatory budget of the city ", 6)
	os.WriteFile(csv, []byte("Timestamp,Your city,Main learning need that the partner would like to work on during the network,Topics,Rating,Three words\n"+
		"1,Genk,Youth,Trust;Budget,5,"+long+"\n2,Gdańsk,Youth,Budget,4,trust\n3,Iași,Digital,Trust;Youth,2,dialogue trust\n"), 0o644)
	if _, _, err := survey.Import(context.Background(), sh.Store(), sh.Network().ID, csv, survey.Options{}); err != nil {
		t.Fatal(err)
	}
	sh.ReloadAll()
	check := func(what string) {
		t.Helper()
		min := sh.Content().MinSize()
		t.Logf("%-36s %4.0f × %3.0f", what, min.Width, min.Height)
		if min.Width > laptop.Width || min.Height > laptop.Height {
			dumpWide(t, sh.Content(), 0, 300)
			t.Errorf("%s needs %.0f × %.0f, more than %.0f × %.0f", what, min.Width, min.Height, laptop.Width, laptop.Height)
		}
	}
	for i, a := range Areas() {
		v := sh.ViewAt(i)
		check(a.Title)
		var lists []*widget.List
		uitest.Walk(v.Object(), func(o fyne.CanvasObject) bool {
			if l, ok := o.(*widget.List); ok && l.Length() > 0 {
				lists = append(lists, l)
			}
			return true
		})
		for _, l := range lists {
			l.Select(0)
			check(a.Title + ", first record selected")
		}
	}
}
