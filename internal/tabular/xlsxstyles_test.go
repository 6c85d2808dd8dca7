package tabular_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// A table sheet's styles all name Calibri (which LibreOffice sets with
// Carlito), and a sheet of six columns prints landscape on A4, fitted to
// the page's width, with its header rows on every page.
func TestTableSheetNamesItsFontAndPrintsWide(t *testing.T) {
	f := excelize.NewFile()
	head, body, err := tabular.TableStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	columns := []string{"Key learning", "IAP 1–5", "Why it matters", "Action", "Who", "By when"}
	name, err := tabular.TableSheet(f, 0, "Gdańsk", "Learning grids — Gdańsk", columns, nil, head)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue(name, "A4", "a learning")
	f.SetCellStyle(name, "A4", "F4", body)
	narrow, _ := tabular.TableSheet(f, 1, "Narrow", "Three columns", columns[:3], nil, head)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	styles := testkit.ZipPart(t, buf.Bytes(), "xl/styles.xml")
	fonts := regexp.MustCompile(`<font>.*?</font>`).FindAllString(styles, -1)
	if len(fonts) < 2 {
		t.Fatalf("styles have %d fonts: %s", len(fonts), styles)
	}
	for _, font := range fonts {
		if !regexp.MustCompile(`<name val="Calibri">`).MatchString(font) {
			t.Errorf("a font without Calibri's name: %s", font)
		}
	}
	for sheet, want := range map[string]string{name: "landscape", narrow: "portrait"} {
		var o excelize.PageLayoutOptions
		if o, err = f.GetPageLayout(sheet); err != nil {
			t.Fatal(err)
		}
		if *o.Orientation != want || *o.Size != 9 || *o.FitToWidth != 1 || *o.FitToHeight != 0 {
			t.Errorf("%s prints %s on size %d, %d wide × %d high; want %s A4 (9), 1 × 0", sheet, *o.Orientation, *o.Size, *o.FitToWidth, *o.FitToHeight, want)
		}
	}
	if names := f.GetDefinedName(); len(names) != 2 || names[0].Name != "_xlnm.Print_Titles" || names[0].RefersTo != "'Gdańsk'!$1:$3" {
		t.Errorf("print titles %+v", names)
	}
}
