package export

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// A workshop's feedback: 4 of 7 prefer the masterclass (57.1 %).
const feedbackCSV = `Timestamp,Your city,Preferred format,Usefulness
2024/01/25 10:01:02 AM CET,Genk,Masterclass,5
2024/01/25 10:02:02 AM CET,Gdańsk,Masterclass,4
2024/01/25 10:03:02 AM CET,Iași,Walkshop,3
2024/01/25 10:04:02 AM CET,Genk,Masterclass,5
2024/01/25 10:05:02 AM CET,Budaörs,Study visit,4
2024/01/25 10:06:02 AM CET,Ķekava,Masterclass,2
2024/01/25 10:07:02 AM CET,Genk,Walkshop,4
`

// allXLSX writes every XLSX the app exports from the demo network (and a
// feedback survey) into dir, as the window and the command line do.
func allXLSX(t *testing.T, dir string) map[string]string {
	t.Helper()
	s, network := testkit.DemoStore(t)
	ctx := context.Background()
	csv := filepath.Join(t.TempDir(), "feedback.csv")
	os.WriteFile(csv, []byte(feedbackCSV), 0o644)
	sv, _, err := survey.Import(ctx, s, network.ID, csv, survey.Options{Title: "Masterclass feedback"})
	if err != nil {
		t.Fatal(err)
	}
	meeting, err := s.MeetingByIDOrTitle(ctx, network.ID, "Core Network Meeting 2")
	if err != nil {
		t.Fatal(err)
	}
	m, err := matrix.Load(ctx, s, network.ID)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, name := range []string{"survey", "matrix", "grids", "actions"} {
		files[name] = filepath.Join(dir, name+".xlsx")
	}
	if err := Survey(ctx, s, SurveyExport{Survey: sv}, files["survey"], Slides{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := Matrix(ctx, m, network.Name, files["matrix"], Slides{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Grids(ctx, s, network, meeting, files["grids"], nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ActionTables(ctx, s, network, "", files["actions"], nil); err != nil {
		t.Fatal(err)
	}
	return files
}

// Every XLSX we export, read back with excelize: on every sheet the header
// row is frozen and filtered, no short text is cut by its column, and the
// numbers carry their formats — the survey's shares as percentages, the
// costs in EUR, dates as dates. LibreOffice then shows them so: its CSV
// of each sheet, written as the cells show, has "57.1%", not 57.14286.
func TestEveryXLSXHasFrozenFilteredHeadersWidthsAndFormats(t *testing.T) {
	dir := t.TempDir()
	files := allXLSX(t, dir)
	formats := map[string]map[string]string{ // file → sheet!cell → format
		"survey":  {"Q1!C4": "0.0%", "Answers!C2": "yyyy-mm-dd hh:mm", "Answers!A2": "0", "Q2!B4": "0.00", "Summary!C7": "0"},
		"actions": {"Genk!E4": `#,##0 "EUR"`},
		"grids":   {"Genk!B4": "0"},
	}
	for name, path := range files {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		filters := map[string]bool{}
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm._FilterDatabase" {
				filters[strings.Trim(strings.SplitN(dn.RefersTo, "!", 2)[0], "'")] = true
			}
		}
		for _, sh := range f.GetSheetList() {
			panes, err := f.GetPanes(sh)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit < 1 {
				t.Errorf("%s %s: the header row is not frozen (%+v)", name, sh, panes)
			}
			if !filters[sh] {
				t.Errorf("%s %s: no filter on the header row", name, sh)
			}
			requireNothingCut(t, f, name, sh, panes.YSplit)
		}
		for at, want := range formats[name] {
			sh, cell, _ := strings.Cut(at, "!")
			if got := testkit.NumberFormat(t, f, sh, cell); got != want {
				v, _ := f.GetCellValue(sh, cell)
				t.Errorf("%s %s (%q) has the format %q, want %q", name, at, v, got, want)
			}
		}
	}
	shown := libreOfficeSheets(t, dir, files["survey"], files["actions"])
	for file, wants := range map[string][]string{
		"survey-Q1.csv":      {"Masterclass,4,57.1%", "Walkshop,2,28.6%", "Study visit,1,14.3%"},
		"survey-Answers.csv": {"Respondent,Partner,Submitted,", "1,Genk,2024-01-25 10:01,Masterclass,5"}, // no empty Session column
		"survey-Summary.csv": {"Respondents,7", "1. Preferred format,single choice,7,0,Q1"},
		"actions-Genk.csv":   {"12,000 EUR", "Total (1 of 2 actions costed)"},
	} {
		for _, want := range wants {
			if !strings.Contains(shown[file], want) {
				t.Errorf("LibreOffice's %s lacks %q:\n%s", file, want, shown[file])
			}
		}
	}
}

// requireNothingCut fails for a cell below the header whose one-line text
// is wider than its column and does not wrap: the "Masterclas" of a
// column left at the default width.
func requireNothingCut(t *testing.T, f *excelize.File, name, sh string, headerRow int) {
	t.Helper()
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	for r := headerRow; r < len(rows); r++ {
		for c, v := range rows[r] {
			if v == "" || strings.Contains(v, "\n") {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			col, _ := excelize.ColumnNumberToName(c + 1)
			width, _ := f.GetColWidth(sh, col)
			id, _ := f.GetCellStyle(sh, cell)
			st, _ := f.GetStyle(id)
			wraps := st.Alignment != nil && st.Alignment.WrapText
			if n := utf8.RuneCountInString(v); !wraps && float64(n) > width {
				t.Errorf("%s %s %s: %q (%d characters) in a column %v wide that does not wrap", name, sh, cell, v, n, width)
			}
			if wraps && width < sheet.MinWidth {
				t.Errorf("%s %s %s wraps in a column %v wide", name, sh, cell, width)
			}
		}
	}
}

// libreOfficeSheets has LibreOffice open the workbooks and write every
// sheet as CSV, cells as they are shown (one run for all: it is slow to
// start); it returns the CSVs by file name (workbook-Sheet.csv).
func libreOfficeSheets(t *testing.T, dir string, workbooks ...string) map[string]string {
	t.Helper()
	soffice := testkit.RequireTool(t, "libreoffice")
	out := t.TempDir()
	// Filter options: comma, double quote, UTF-8, from line 1, default
	// cell formats, language, no quoting, detect numbers, save as shown,
	// no formulas, keep spaces, every sheet (-1).
	const csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(out, "profile"), "--convert-to", csv, "--outdir", out}, workbooks...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice cannot convert the workbooks: %v\n%s", err, b)
	}
	texts := map[string]string{}
	found, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	for _, file := range found {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(file)] = string(b)
	}
	if len(texts) == 0 {
		t.Fatalf("libreoffice wrote no CSV into %s", out)
	}
	return texts
}
