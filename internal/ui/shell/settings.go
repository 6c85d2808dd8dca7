package shell

import (
	"errors"
	"image/color"
	"os"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	livelang "github.com/aoce-desktop/aoce-desktop/internal/live/lang"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

// Settings are the user's choices of File → Settings…, remembered per
// user in Fyne's preferences (not in the database: they follow the user,
// not the file).
type Settings struct {
	Theme        string             // ThemeSystem, ThemeLight or ThemeDark
	DateFormat   widgets.DateFormat // how dates are shown
	ExportFolder string             // where save dialogs start; "": the folder used last
	// ParticipantLanguage is the language the live participant page opens
	// in, one of ParticipantLanguages (kept for the live session).
	ParticipantLanguage string
	Paper               doc.Paper // the page size of DOCX, PDF and HTML exports
}

// The theme choices.
const (
	ThemeSystem = "Follow the system"
	ThemeLight  = "Light"
	ThemeDark   = "Dark"
)

// ParticipantLanguages are the languages the live participant page
// offers, by their own names ("Polski"): a phone opens it in its own
// language when offered (internal/live/lang), else in this one.
var ParticipantLanguages = livelang.Names()

// LoadSettings reads the settings from the preferences; what is missing
// or unknown is the default.
func LoadSettings(p fyne.Preferences) Settings {
	s := Settings{
		Theme:               p.StringWithFallback(prefTheme, ThemeSystem),
		DateFormat:          widgets.DateFormat(p.StringWithFallback(prefDateFormat, string(widgets.DateWords))),
		ExportFolder:        p.String(prefExportFolder),
		ParticipantLanguage: p.StringWithFallback(prefParticipantLanguage, ParticipantLanguages[0]),
		Paper:               doc.Paper(p.StringWithFallback(prefPaper, string(doc.A4))),
	}
	if !slices.Contains(doc.Papers, s.Paper) {
		s.Paper = doc.A4
	}
	if !slices.Contains([]string{ThemeSystem, ThemeLight, ThemeDark}, s.Theme) {
		s.Theme = ThemeSystem
	}
	if !slices.Contains(widgets.DateFormats, s.DateFormat) {
		s.DateFormat = widgets.DateWords
	}
	if !slices.Contains(ParticipantLanguages, s.ParticipantLanguage) {
		s.ParticipantLanguage = ParticipantLanguages[0]
	}
	return s
}

func (s Settings) save(p fyne.Preferences) {
	p.SetString(prefTheme, s.Theme)
	p.SetString(prefDateFormat, string(s.DateFormat))
	p.SetString(prefExportFolder, s.ExportFolder)
	p.SetString(prefParticipantLanguage, s.ParticipantLanguage)
	p.SetString(prefPaper, string(s.Paper))
}

// ApplySettings puts the remembered theme and date format into effect;
// the app calls it before the window opens, Settings at each change.
func ApplySettings(a fyne.App) {
	s := LoadSettings(a.Preferences())
	widgets.SetDateFormat(s.DateFormat)
	doc.SetDefaults(doc.Layout{Paper: s.Paper})
	switch s.Theme {
	case ThemeLight:
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case ThemeDark:
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// variantTheme is Fyne's theme in one variant, whatever the system says.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// ShowSettings shows the Settings dialog (File → Settings…, Ctrl+,):
// Save applies the choices at once and remembers them.
func (sh *Shell) ShowSettings() {
	was := LoadSettings(sh.app.Preferences())
	now := was
	themes := widget.NewRadioGroup([]string{ThemeSystem, ThemeLight, ThemeDark}, func(s string) {
		if s != "" {
			now.Theme = s
		}
	})
	themes.Horizontal = true
	themes.Required = true
	themes.SetSelected(was.Theme)
	var examples []string
	for _, f := range widgets.DateFormats {
		examples = append(examples, f.Example())
	}
	dates := widget.NewSelect(examples, func(s string) {
		now.DateFormat = widgets.DateFormats[slices.Index(examples, s)]
	})
	dates.SetSelectedIndex(slices.Index(widgets.DateFormats, was.DateFormat))
	// The folder can be typed (pasted) or chosen; empty: the folder used last.
	folder := widgets.NewEntry()
	folder.PlaceHolder = "The folder used last"
	folder.SetText(was.ExportFolder)
	folder.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		if st, err := os.Stat(s); err != nil || !st.IsDir() {
			return errors.New("no such folder")
		}
		return nil
	}
	folder.OnChanged = func(s string) { now.ExportFolder = s }
	choose := widgets.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, sh.win)
		if dir, err := storage.ListerForURI(storage.NewFileURI(sh.saveFolder())); err == nil {
			d.SetLocation(dir)
		}
		d.Show()
		d.Resize(widgets.DialogSize)
	})
	var papers []string
	for _, p := range doc.Papers {
		papers = append(papers, string(p))
	}
	paper := widget.NewSelect(papers, func(s string) { now.Paper = doc.Paper(s) })
	paper.SetSelected(string(was.Paper))
	lang := widget.NewSelect(ParticipantLanguages, func(s string) { now.ParticipantLanguage = s })
	lang.SetSelected(was.ParticipantLanguage)
	langNote := widget.NewLabel("Phones show the page in their own language when it is one of these; else in this one.")
	langNote.Wrapping = fyne.TextWrapWord
	backups, backupsChanged, saveBackups := sh.backupsFolderItem()
	sh.ShowForm(Form{Title: "Settings", Confirm: "Save",
		Items: []*widget.FormItem{
			widget.NewFormItem("Appearance", themes),
			widget.NewFormItem("Dates", dates),
			widget.NewFormItem("Export folder", folder), // the form's own field: Enter saves, a wrong folder disables Save
			widget.NewFormItem("", container.NewHBox(choose)),
			widget.NewFormItem("Paper", paper), // of DOCX, PDF and HTML exports
			widget.NewFormItem("Participant page", container.NewVBox(lang, langNote)),
			backups,
		},
		Changed: func() bool { return now != was || backupsChanged() },
		OnConfirm: func() bool {
			if err := saveBackups(); err != nil {
				sh.ShowError(err)
				return false
			}
			if err := folder.Validate(); err != nil {
				sh.ShowMessage("No such folder", now.ExportFolder+" is not a folder; choose one, or leave the field empty for the folder used last.")
				return false
			}
			now.save(sh.app.Preferences())
			if now.ExportFolder != was.ExportFolder { // a folder just chosen is where the next export goes
				sh.app.Preferences().RemoveValue(prefLastExportFolder)
			}
			ApplySettings(sh.app)
			if now.Theme != was.Theme {
				sh.rebuildViews() // text drawn in the old theme's colours is drawn afresh
			} else {
				sh.ReloadAll() // dates are shown in the new format
			}
			return true
		},
	})
}

// saveFolder is where save dialogs start: the folder saved to last, else
// the export folder of Settings, else the folder a file was last opened
// from — the first of them that still exists.
func (sh *Shell) saveFolder() string {
	p := sh.app.Preferences()
	for _, dir := range []string{p.String(prefLastExportFolder), LoadSettings(p).ExportFolder} {
		if st, err := os.Stat(dir); dir != "" && err == nil && st.IsDir() {
			return dir
		}
	}
	return sh.LastFolder()
}

// rebuildViews builds the views again, after the one on screen agreed to
// leave: some draw text in the theme's colours of the moment they were
// built (the matrix legend), which a theme change would leave unreadable.
func (sh *Shell) rebuildViews() {
	sh.leaveCurrent(func() {
		cur := sh.current
		sh.views = make([]View, len(sh.areas))
		sh.current = -1
		if cur >= 0 {
			sh.ShowArea(cur)
		}
	}, nil)
}
