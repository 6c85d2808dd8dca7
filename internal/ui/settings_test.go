package ui

import (
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// File → Settings… (Ctrl+,): light mode, dotted dates and an export
// folder chosen in the dialog are applied at once — the app's theme is
// light, the overview shows 01.06.2023-style dates, save dialogs start in
// the folder — and remembered in the user's preferences.
func TestSettingsAreAppliedAndRemembered(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	t.Cleanup(func() { widgets.SetDateFormat(widgets.DateWords); doc.SetDefaults(doc.Layout{}) })
	a := sh.App()
	background := func() any { return a.Settings().Theme().Color(theme.ColorNameBackground, a.Settings().ThemeVariant()) }
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	matrix := sh.ViewAt(2) // its legend is drawn in the colours of the theme it was built in
	sh.ShowArea(0)
	if !uitest.TextIn(sh.Content(), "Runs: ") || uitest.TextIn(sh.Content(), ".20") {
		t.Fatal("the overview does not show its dates in words at first")
	}

	item := menuItem(t, sh, "Settings…")
	if s, ok := item.Shortcut.(fyne.KeyboardShortcut); !ok || s.Key() != fyne.KeyComma {
		t.Errorf("Settings has shortcut %v, want Ctrl+,", item.Shortcut)
	}
	item.Action()
	d := uitest.TopOverlay(sh)
	if d == nil || !uitest.TextIn(d, "Phones show the page in their own language") {
		t.Fatal("no Settings dialog, or it does not say how the participant page's language is chosen")
	}
	radio, ok := uitest.Find(d, func(r *widget.RadioGroup) bool { return r.Selected == shell.ThemeSystem })
	if !ok {
		t.Fatal("no theme choice set to follow the system")
	}
	radio.SetSelected(shell.ThemeLight)
	dates, ok := uitest.Find(d, func(s *widget.Select) bool { return s.Selected == "1 Jun 2023" })
	if !ok {
		t.Fatal("no date format choice showing 1 Jun 2023")
	}
	dates.SetSelected("01.06.2023")
	paper, ok := uitest.Find(d, func(s *widget.Select) bool { return s.Selected == "A4" })
	if !ok {
		t.Fatal("no paper choice showing A4")
	}
	paper.SetSelected("Letter")
	folder := t.TempDir()
	uitest.EntryWithPlaceholder(t, d, "The folder used last").SetText(folder)
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Save left a dialog open")
	}

	if got := background(); got != light || got == dark {
		t.Errorf("after choosing Light the background is %v, want light %v", got, light)
	}
	if sh.ViewAt(2) == matrix {
		t.Error("the matrix was not built again in the light theme")
	}
	sh.ShowArea(0)
	if !regexp.MustCompile(`Runs: \d\d\.\d\d\.\d{4}`).MatchString(overviewText(sh)) {
		t.Errorf("the overview shows %q, want 01.06.2023-style dates", overviewText(sh))
	}
	sh.AskSavePath("Export", "matrix.csv", func(string) {})
	if !uitest.TextIn(uitest.TopOverlay(sh), folder) {
		t.Error("the save dialog does not start in the export folder of Settings")
	}
	uitest.Key(sh, fyne.KeyEscape)

	got := shell.LoadSettings(a.Preferences())
	want := shell.Settings{Theme: shell.ThemeLight, DateFormat: widgets.DateDots, ExportFolder: folder, ParticipantLanguage: "English", Paper: doc.Letter}
	if got != want {
		t.Errorf("preferences hold %+v, want %+v", got, want)
	}
	if doc.Defaults().Paper != doc.Letter {
		t.Errorf("exports are set on %q, want Letter", doc.Defaults().Paper)
	}

	// Dark is dark, and the next start applies what was remembered.
	item.Action()
	d = uitest.TopOverlay(sh)
	radio, _ = uitest.Find(d, func(r *widget.RadioGroup) bool { return true })
	if radio.Selected != shell.ThemeLight {
		t.Errorf("the dialog shows %q, not the remembered Light", radio.Selected)
	}
	radio.SetSelected(shell.ThemeDark)
	test.Tap(uitest.ButtonIn(t, d, "Save"))
	if background() != dark {
		t.Error("after choosing Dark the background is not dark")
	}
	a.Settings().SetTheme(theme.DefaultTheme())
	widgets.SetDateFormat(widgets.DateWords)
	shell.ApplySettings(a)
	if background() != dark || widgets.CurrentDateFormat() != widgets.DateDots {
		t.Error("ApplySettings did not bring back the remembered theme and date format")
	}
}

// overviewText is what the overview's labels say.
func overviewText(sh *shell.Shell) string {
	var s string
	uitest.Walk(sh.Content(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			s += l.Text + "\n"
		}
		return true
	})
	return s
}

// Enter in the Settings dialog saves (a folder that does not exist is
// refused, saying so), and Escape cancels.
func TestSettingsKeys(t *testing.T) {
	sh := uitest.NewShell(t, true, Areas()...)
	t.Cleanup(func() { widgets.SetDateFormat(widgets.DateWords) })
	menuItem(t, sh, "Settings…").Action()
	d := uitest.TopOverlay(sh)
	dates, _ := uitest.Find(d, func(s *widget.Select) bool { return s.Selected == "1 Jun 2023" })
	dates.SetSelected("2023-06-01")
	folder := uitest.EntryWithPlaceholder(t, d, "The folder used last")
	if uitest.FocusedEntry(sh) != folder {
		t.Fatal("the folder field does not have the focus")
	}
	test.Type(folder, "/no/such/folder")
	uitest.Key(sh, fyne.KeyReturn)
	if m := uitest.TopOverlay(sh); m == d || !uitest.TextIn(m, "is not a folder") {
		t.Fatal("a folder that does not exist was taken")
	}
	uitest.Key(sh, fyne.KeyEscape) // the message
	if uitest.TopOverlay(sh) != d || shell.LoadSettings(sh.App().Preferences()).ExportFolder != "" {
		t.Fatal("the message did not go back to the settings, or the folder was stored")
	}
	folder.SetText("")
	uitest.Key(sh, fyne.KeyReturn)
	if uitest.TopOverlay(sh) != nil || widgets.CurrentDateFormat() != widgets.DateISO {
		t.Fatal("Enter did not save the settings")
	}
	menuItem(t, sh, "Settings…").Action()
	uitest.Key(sh, fyne.KeyEscape)
	if uitest.TopOverlay(sh) != nil {
		t.Fatal("Escape did not close the settings")
	}
}
