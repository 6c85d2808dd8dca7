package shell

import (
	"embed"

	"fyne.io/fyne/v2/lang"
)

// The app's own strings go through Fyne's lang (lang.L, keyed by the
// English text; lang.N where a count picks the form, keyed by the English
// "other" form and given in en.json as {"one": …, "other": …}):
// translations/en.json holds them, every package's under
// internal/ui, and a file per language added there (de.json, pl.json…)
// translates them; the shell's menus and common dialogs and the live
// session are moved so far (see TestUIStringsAreInEnglishJSON).
//
//go:embed translations
var translations embed.FS

func init() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		panic("the app's translations: " + err.Error()) // embedded: every test of the shell fails
	}
}
