package partnerlist

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/shell"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/widgets"
)

const ignoreColumn = "— ignore —"

// importExtensions are the files the partner import reads.
var importExtensions = []string{".csv", ".tsv", ".txt", ".xlsx"}

// startImport asks where the partners come from: a file or pasted lines.
func (v *partnersView) startImport() {
	v.sh.Leave(v.form, func() {
		var d dialog.Dialog
		fromFile := widgets.NewButtonWithIcon("From a file (CSV or Excel)…", theme.FileIcon(), func() { d.Hide(); v.chooseImportFile() })
		fromFile.Importance = widget.HighImportance
		paste := widgets.NewButtonWithIcon("Paste lines from the URBACT website…", theme.ContentPasteIcon(), func() { d.Hide(); v.pasteImport() })
		hint := widget.NewLabel("A file needs a header row (City, Country, Population…). Existing partners with the same name are updated,\n" +
			"new ones are added; you see every change before it happens. You can also drop a file on the window.")
		d = dialog.NewCustom("Import partners", "Cancel", container.NewVBox(hint, fromFile, paste), v.sh.Window())
		d.Show()
		v.sh.Keys(shell.DialogKeys{Escape: d.Hide, Enter: fromFile.OnTapped})
	}, nil)
}

// Drop imports a partner list dropped on the window (shell.Dropper), after
// the form's unsaved changes are dealt with.
func (v *partnersView) Drop(path string) bool {
	if !slices.Contains(importExtensions, strings.ToLower(filepath.Ext(path))) {
		v.sh.ShowMessage("Cannot import "+filepath.Base(path), "Drop a partner list as CSV, TSV, TXT or XLSX.")
		return true
	}
	if partners.IsForm(path) { // a returned profile form, not a list
		v.sh.Leave(v.form, func() { v.previewForms([]string{path}) }, nil)
		return true
	}
	v.sh.Leave(v.form, func() {
		if info, err := os.Stat(path); err == nil && info.Size() > tabular.DefaultMaxBytes {
			v.sh.ShowMessage("File too large", fmt.Sprintf("%s is larger than %d MB; a partner list is much smaller.", filepath.Base(path), tabular.DefaultMaxBytes>>20))
			return
		}
		b, err := os.ReadFile(path)
		if err != nil {
			v.sh.ShowError(err)
			return
		}
		v.importBytes(path, b)
	}, nil)
	return true
}

func (v *partnersView) chooseImportFile() {
	v.sh.OpenFileBytes(importExtensions, v.importBytes)
}

// importBytes previews the import of a file's bytes.
func (v *partnersView) importBytes(path string, b []byte) {
	if int64(len(b)) > tabular.DefaultMaxBytes {
		v.sh.ShowMessage("File too large", fmt.Sprintf("%s is larger than %d MB; a partner list is much smaller. Choose another file.", filepath.Base(path), tabular.DefaultMaxBytes>>20))
		return
	}
	p := &importPreview{v: v, path: path, raw: b}
	if err := p.read(tabular.Options{}); err != nil {
		v.sh.ShowMessage("Cannot import this file", err.Error())
		return
	}
	p.show()
}

func (v *partnersView) pasteImport() {
	entry := widgets.NewMultiLineEntry()
	entry.SetPlaceHolder("LEAD PARTNER : Braga - Portugal\n• Varna - Bulgaria\n• Gdańsk - Poland")
	entry.SetMinRowsVisible(10)
	v.sh.ShowForm(shell.Form{Title: "Paste partner lines", Confirm: "Preview",
		Items: []*widget.FormItem{widget.NewFormItem("", entry)}, Size: fyne.NewSize(560, 380),
		OnConfirm: func() bool {
			// The form goes first: hiding a dialog removes every overlay
			// above it, which would take the preview with it.
			overlays := v.sh.Window().Canvas().Overlays()
			overlays.Remove(overlays.Top())
			p := &importPreview{v: v, path: "pasted lines", paste: entry.Text}
			p.show()
			return true
		},
		Changed: func() bool { return strings.TrimSpace(entry.Text) != "" },
	})
}

// importPreview shows what was read, lets the user fix the column mapping
// and the encoding, lists what will be added and changed, and imports.
type importPreview struct {
	v       *partnersView
	path    string
	raw     []byte // file bytes; nil for pasted text
	paste   string
	table   *tabular.Table
	mapping partners.Mapping
	plan    *partners.Plan

	mapBox    *fyne.Container
	planBox   *fyne.Container
	summary   *widget.Label
	importBtn *widgets.Button
	dialog    *dialog.CustomDialog
}

func (p *importPreview) read(opt tabular.Options) error {
	t, err := tabular.Read(p.path, p.raw, opt)
	if err != nil {
		return err
	}
	p.table = t
	p.mapping = partners.GuessMapping(t.Header())
	return nil
}

// replan works out the plan for the current mapping.
func (p *importPreview) replan() {
	sh := p.v.sh
	existing, err := sh.Store().Partners(sh.Ctx(), sh.Network().ID)
	if err != nil {
		sh.ShowError(err)
		return
	}
	if p.raw == nil {
		recs, problems := partners.ParsePaste(p.path, p.paste)
		p.plan = partners.MakePlan(p.path, sh.Network().ID, existing, recs, problems)
	} else {
		recs, problems := partners.RecordsFromTable(p.table, p.mapping)
		p.plan = partners.MakePlan(filepath.Base(p.path), sh.Network().ID, existing, recs, problems)
	}
	p.showPlan()
}

func (p *importPreview) show() {
	p.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.planBox = container.NewVBox()
	p.mapBox = container.New(layout.NewFormLayout())
	var top fyne.CanvasObject = widget.NewLabel("From " + p.path)
	if p.raw != nil {
		top = p.fileHeader()
		p.fillMapping()
	}
	p.importBtn = widgets.NewButtonWithIcon("Import", theme.ConfirmIcon(), p.apply)
	p.importBtn.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", func() { p.dialog.Hide() })
	mapCard := widget.NewCard("", "Columns", p.mapBox)
	if p.raw == nil {
		mapCard.Hide()
	}
	body := container.NewBorder(container.NewVBox(top, p.summary), nil, nil, nil,
		widgets.VScroll(container.NewVBox(mapCard, widget.NewCard("", "What will happen", p.planBox))))
	p.dialog = dialog.NewCustomWithoutButtons("Import partners — preview", body, p.v.sh.Window())
	p.dialog.SetButtons([]fyne.CanvasObject{cancel, p.importBtn})
	p.dialog.Resize(widgets.DialogSize)
	p.replan()
	p.dialog.Show()
	p.v.sh.Keys(shell.DialogKeys{Escape: p.dialog.Hide, Enter: func() {
		if !p.importBtn.Disabled() {
			p.apply()
		}
	}})
}

// fileHeader describes the file, with an encoding override for CSV.
func (p *importPreview) fileHeader() fyne.CanvasObject {
	t := p.table
	info := widget.NewLabel(fmt.Sprintf("%s — %s, %d rows", filepath.Base(p.path), t.Format, len(t.Rows)-1))
	if t.Format != "CSV" {
		return info
	}
	names := make([]string, len(tabular.Encodings))
	for i, e := range tabular.Encodings {
		names[i] = string(e)
	}
	enc := widget.NewSelect(names, nil)
	enc.SetSelected(string(t.Encoding))
	enc.OnChanged = func(s string) {
		if err := p.read(tabular.Options{Encoding: tabular.Encoding(s)}); err != nil {
			p.v.sh.ShowMessage("Cannot read the file this way", err.Error())
			return
		}
		p.fillMapping()
		p.replan()
	}
	return container.NewHBox(info, layout.NewSpacer(), widget.NewLabel("Encoding:"), enc,
		widget.NewLabel("Separator: "+tabular.DelimiterName(t.Delimiter)))
}

// fillMapping lists each column with its first value and a field chooser.
func (p *importPreview) fillMapping() {
	options := []string{ignoreColumn}
	for _, f := range partners.Fields {
		options = append(options, f.Label)
	}
	p.mapBox.Objects = nil
	header := p.table.Header()
	for i, h := range header {
		i := i
		sample := ""
		if len(p.table.Rows) > 1 && i < len(p.table.Rows[1].Cells) {
			sample = p.table.Rows[1].Cells[i]
		}
		label := widget.NewLabel(fmt.Sprintf("%s  %q", tabular.ColumnLetters(i+1), strings.TrimSpace(h)))
		label.Truncation = fyne.TextTruncateEllipsis
		choose := widget.NewSelect(options, nil)
		if f, ok := partners.FieldByKey(p.mapping[i]); ok {
			choose.SetSelected(f.Label)
		} else {
			choose.SetSelected(ignoreColumn)
		}
		choose.OnChanged = func(s string) {
			p.mapping[i] = ""
			for _, f := range partners.Fields {
				if f.Label == s {
					p.mapping[i] = f.Key
				}
			}
			p.replan()
		}
		example := widget.NewLabel("e.g. " + widgets.Truncate(sample, 40))
		example.Importance = widget.LowImportance
		p.mapBox.Add(label)
		p.mapBox.Add(container.NewGridWithColumns(2, choose, example))
	}
	p.mapBox.Refresh()
}

// maxPlanLines bounds the change list shown; the summary counts them all.
const maxPlanLines = 300

func (p *importPreview) showPlan() {
	p.summary.SetText(p.plan.Summary())
	var lines []fyne.CanvasObject
	add := func(text string, imp widget.Importance) {
		if len(lines) < maxPlanLines {
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			l.Importance = imp
			lines = append(lines, l)
		}
	}
	for _, e := range p.plan.Problems {
		add("Problem: "+e.Error(), widget.DangerImportance)
	}
	for _, a := range p.plan.Adds {
		add("+ Add "+a.Partner.Name+countrySuffix(a.Partner.Country), widget.SuccessImportance)
	}
	for _, u := range p.plan.Updates {
		var changes []string
		for _, f := range u.Fields {
			changes = append(changes, fmt.Sprintf("%s: %s (was %s)", f.Label, widgets.OrDash(widgets.Truncate(f.New, 40)), widgets.OrDash(widgets.Truncate(f.Old, 40))))
		}
		add("✎ Update "+u.Partner.Name+"\n    "+strings.Join(changes, "\n    "), widget.MediumImportance)
	}
	if len(p.plan.Unchanged) > 0 {
		add(unchangedLine(p.plan.Unchanged), widget.LowImportance)
	}
	if n := len(p.plan.Problems) + len(p.plan.Adds) + len(p.plan.Updates) + 1; n > maxPlanLines {
		add(fmt.Sprintf("… and %d more", n-maxPlanLines), widget.LowImportance)
	}
	p.planBox.Objects = lines
	p.planBox.Refresh()
	if p.plan.Ready() {
		p.importBtn.Enable()
	} else {
		p.importBtn.Disable()
	}
}

// maxUnchangedNames bounds the names in the preview's "Unchanged" line:
// wrapping one label of 50,000 names took minutes.
const maxUnchangedNames = 50

func unchangedLine(names []string) string {
	if len(names) <= maxUnchangedNames {
		return "= Unchanged: " + strings.Join(names, ", ")
	}
	return fmt.Sprintf("= Unchanged: %s and %d more", strings.Join(names[:maxUnchangedNames], ", "), len(names)-maxUnchangedNames)
}

// apply imports the plan in one transaction behind a progress dialog:
// either every partner lands or none.
func (p *importPreview) apply() {
	sh := p.v.sh
	sh.InBackground(shell.BackgroundJob{
		Title: "Importing partners", Cancelled: "The import was cancelled; nothing was imported.",
		Loses: "Nothing of the import is stored.",
		Work: func(ctx context.Context, _ func(string, float64)) error {
			return p.plan.Apply(ctx, sh.Store())
		},
		Failed: func(err error) {
			sh.ShowMessage("Nothing was imported", err.Error())
		},
		Done: func() {
			p.dialog.Hide()
			sh.ReloadAll()
			sh.ShowMessage("Partners imported", fmt.Sprintf("%d added and %d updated from %s.", len(p.plan.Adds), len(p.plan.Updates), filepath.Base(p.path)))
			if p.v.imported != nil {
				p.v.imported()
			}
		},
	})
}

func countrySuffix(c string) string {
	if c == "" {
		return ""
	}
	return " (" + c + ")"
}
