package partners

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/atomicfile"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/sheet"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
)

// A profile form is a workbook a partner fills in offline: the sheet
// formSheet lists every profile field (labels locked, values editable), and
// the hidden sheet idSheet says which network and partner it is for and
// which cell holds which field, so that a returned form is matched by id,
// whatever the partner did to the labels' order or the file's name.
const (
	formSheet   = "Profile"
	idSheet     = "Form identifiers"
	formMarker  = "aoce-partner-form"
	formVersion = "1"
	countryList = "Countries" // defined name of the country list in idSheet
	firstField  = 4           // row of the first field in formSheet
)

// formNote says how to fill in a field of this kind.
func formNote(f Field) string {
	switch {
	case f.Key == "country":
		return "Choose from the list."
	case f.Kind == Role:
		return "Choose Lead partner or Partner."
	case f.Kind == WholeNumber:
		return "A whole number without spaces, e.g. 65000."
	case f.Kind == Percent:
		return "A percentage from 0 to 100, e.g. 7.5 (without the % sign)."
	case f.Kind == Email:
		return "One e-mail address, e.g. ulg@genk.be."
	case f.Kind == LongText:
		return "Free text; Alt+Enter (Excel) or Ctrl+Enter (LibreOffice) starts a new line."
	case f.Key == "name":
		return "The city or organisation's name as it should appear in the study."
	}
	return "Free text."
}

// WriteForm writes one partner's profile form, filled with what is stored.
func WriteForm(w io.Writer, n data.Network, p data.Partner, countries []string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", formSheet); err != nil {
		return err
	}
	st, err := newFormStyles(f)
	if err != nil {
		return err
	}
	title := p.Name + " — partner profile for " + n.Name
	intro := "Please fill in or correct column B and send this file back to your Lead Expert. " +
		"Labels and notes are locked; keep the file's sheets as they are (the hidden sheet tells whose form it is)."
	cells := []struct {
		cell  string
		value any
		style int
	}{{"A1", title, st.title}, {"A2", intro, st.note}, {"A3", "Field", st.header}, {"B3", "Your answer", st.header}, {"C3", "How to fill it in", st.header}}
	for _, c := range cells {
		if err := setStyled(f, formSheet, c.cell, c.value, c.style); err != nil {
			return err
		}
	}
	if err := f.MergeCell(formSheet, "A1", "C1"); err != nil {
		return err
	}
	if err := f.MergeCell(formSheet, "A2", "C2"); err != nil {
		return err
	}
	f.SetRowHeight(formSheet, 2, 48)
	if _, err := f.NewSheet(idSheet); err != nil {
		return err
	}
	// written_at and each field's value as written let the import tell a
	// field the partner changed from one changed here since.
	ids := [][]string{{formMarker, formVersion}, {"network_id", n.ID}, {"network", n.Name}, {"partner_id", p.ID}, {"partner", p.Name},
		{"written_at", time.Now().UTC().Format(time.RFC3339)}}
	for i, f0 := range Fields {
		row := firstField + i
		label, _ := excelize.CoordinatesToCellName(1, row)
		value := FormCell(f0.Key)
		note, _ := excelize.CoordinatesToCellName(3, row)
		if err := setStyled(f, formSheet, label, f0.Label, st.label); err != nil {
			return err
		}
		if err := setStyled(f, formSheet, value, formValue(f0, &p), st.value); err != nil {
			return err
		}
		if err := setStyled(f, formSheet, note, formNote(f0), st.note); err != nil {
			return err
		}
		if f0.Kind == LongText {
			f.SetRowHeight(formSheet, row, 75)
		}
		if err := addValidation(f, f0, value); err != nil {
			return err
		}
		ids = append(ids, []string{"field:" + f0.Key, value}, []string{"was:" + f0.Key, f0.Get(&p)})
	}
	for i, row := range ids {
		if err := f.SetSheetRow(idSheet, "A"+strconv.Itoa(i+1), &row); err != nil {
			return err
		}
	}
	for i, c := range countries {
		if err := f.SetCellStr(idSheet, "D"+strconv.Itoa(i+1), c); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: countryList, RefersTo: fmt.Sprintf("'%s'!$D$1:$D$%d", idSheet, max(len(countries), 1))}); err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 30, "B": 60, "C": 44} {
		if err := f.SetColWidth(formSheet, col, col, width); err != nil {
			return err
		}
	}
	if err := sheet.PrintLayout(f, formSheet, 3, 3); err != nil { // a printed form fits the page's width
		return err
	}
	if err := f.SetSheetVisible(idSheet, false); err != nil {
		return err
	}
	// Locked labels, editable answers: no password, so that a partner who
	// needs to can still unprotect it (the form guards against slips).
	if err := f.ProtectSheet(formSheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatRows: true, FormatColumns: true}); err != nil {
		return err
	}
	return f.Write(w)
}

// formValue is what the form shows for a field: numbers as numbers, so a
// spreadsheet checks and keeps them as such.
func formValue(f Field, p *data.Partner) any {
	text := f.Get(p)
	if text == "" {
		return ""
	}
	if f.Kind == WholeNumber || f.Kind == Percent {
		if v, err := strconv.ParseFloat(text, 64); err == nil {
			return v
		}
	}
	return text
}

// addValidation adds the drop-down or number check a field has, with its
// note as the input message.
func addValidation(f *excelize.File, fl Field, cell string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	switch {
	case fl.Key == "country":
		dv.SetSqrefDropList(countryList)
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Country", "This country is not in the list; keep it only if it is right.")
	case fl.Kind == Role:
		if err := dv.SetDropList([]string{RoleLabel(data.RoleLeadPartner), RoleLabel(data.RolePartner)}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Role", "Choose Lead partner or Partner.")
	case fl.Kind == WholeNumber:
		if err := dv.SetRange(0, 2000000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, fl.Label, "A whole number without spaces, e.g. 65000.")
	case fl.Kind == Percent:
		if err := dv.SetRange(0.0, 100.0, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, fl.Label, "A percentage from 0 to 100, e.g. 7.5.")
	default:
		return nil
	}
	dv.SetInput(fl.Label, formNote(fl))
	return f.AddDataValidation(formSheet, dv)
}

type formStyles struct{ title, header, label, value, note int }

func newFormStyles(f *excelize.File) (formStyles, error) {
	var st formStyles
	locked, unlocked := &excelize.Protection{Locked: true}, &excelize.Protection{Locked: false}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	border := []excelize.Border{{Type: "bottom", Color: "BBBBBB", Style: 1}}
	for _, s := range []struct {
		into  *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: sheet.Font(true, 14, ""), Protection: locked}},
		{&st.header, excelize.Style{Font: sheet.Font(true, 0, ""), Protection: locked, Border: border}},
		{&st.label, excelize.Style{Font: sheet.Font(true, 0, ""), Alignment: wrapTop, Protection: locked}},
		{&st.value, excelize.Style{Font: sheet.Font(false, 0, ""), Alignment: wrapTop, Protection: unlocked,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF7D6"}}, Border: border}},
		{&st.note, excelize.Style{Font: sheet.Font(false, 9, "666666"), Alignment: wrapTop, Protection: locked}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.into = id
	}
	return st, nil
}

func setStyled(f *excelize.File, sheet, cell string, v any, style int) error {
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

// FormFileName is the file a partner's form is written to.
func FormFileName(p data.Partner) string {
	return "Profile form - " + text.SafeFileName(p.Name) + ".xlsx"
}

// WriteForms writes one form per partner of the network (or only the one
// named, when partnerName is not "") into dir and returns their paths.
func WriteForms(ctx context.Context, s *data.Store, n data.Network, dir, partnerName string) ([]string, error) {
	ps, err := s.Partners(ctx, n.ID)
	if err != nil {
		return nil, err
	}
	countries := make([]string, 0, len(ps))
	for _, p := range ps {
		countries = append(countries, p.Country)
	}
	countries = CountryChoices(countries)
	if partnerName != "" {
		p, err := s.PartnerByName(ctx, n.ID, partnerName)
		if err != nil {
			return nil, fmt.Errorf("no partner called %q in %s", partnerName, n.Name)
		}
		ps = []data.Partner{p}
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("%s has no partners yet: add them first", n.Name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, p := range ps {
		path := filepath.Join(dir, FormFileName(p))
		if err := atomicfile.Write(path, func(w io.Writer) error { return WriteForm(w, n, p, countries) }); err != nil {
			return paths, fmt.Errorf("could not write the form of %s: %w", p.Name, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// FormCell is the cell of a profile form that holds the field with this
// key ("" for none): column B, one row a field in the order of Fields.
func FormCell(key string) string {
	for i, f := range Fields {
		if f.Key == key {
			cell, _ := excelize.CoordinatesToCellName(2, firstField+i)
			return cell
		}
	}
	return ""
}
