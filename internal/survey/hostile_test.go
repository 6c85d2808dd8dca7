package survey

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit/xlsxfile"
)

// A workbook with <sheets></sheets> panicked in openSource (index out of
// range); the window's preview goes through the same code.
func TestSheetlessWorkbookRefusedInPreviewAndImport(t *testing.T) {
	s, n := demoStore(t)
	path := writeFile(t, "empty.xlsx", xlsxfile.Bytes())
	_, _, _, err := Preview(context.Background(), s, n.ID, path, Options{})
	var fe *tabular.FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "empty.xlsx: has no sheets") {
		t.Fatalf("preview: %v", err)
	}
	if _, _, err := Import(context.Background(), s, n.ID, path, Options{}); !errors.As(err, &fe) || !strings.Contains(err.Error(), "has no sheets") {
		t.Fatalf("import: %v", err)
	}
	if svs, _ := s.Surveys(context.Background(), n.ID); len(svs) != 0 {
		t.Fatal("a refused workbook stored a survey")
	}
}

// A panic in the middle of an import (here in the progress callback, the
// one place a test can reach inside the transaction) becomes a FileError,
// the transaction is rolled back — the one writer connection is free, so
// the next import works — and nothing is stored.
func TestPanicDuringImportIsAnErrorAndStoresNothing(t *testing.T) {
	s, n := demoStore(t)
	path := writeFile(t, "answers.xlsx", xlsxfile.Bytes(xlsxfile.Sheet{Name: "Sheet1", Rows: [][]string{{"Timestamp", "Your city"}, {"1", "Genk"}, {"2", "Gdańsk"}}}))
	_, _, err := Import(context.Background(), s, n.ID, path, Options{Progress: func(int, float64) { panic("a reader bug") }})
	var fe *tabular.FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "answers.xlsx: could not be read (a reader bug); nothing was stored") {
		t.Fatalf("err %v", err)
	}
	if svs, _ := s.Surveys(context.Background(), n.ID); len(svs) != 0 {
		t.Fatal("the import that panicked stored a survey")
	}
	sv, _, err := Import(context.Background(), s, n.ID, path, Options{})
	if err != nil || sv.Respondents != 2 {
		t.Fatalf("the next import: %+v, %v", sv, err)
	}
}
