package export

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

var testFormats = formats[string]{
	{".csv", func(w io.Writer, v string) error { _, err := io.WriteString(w, "csv:"+v); return err }},
	{".xlsx", func(w io.Writer, v string) error { _, err := io.WriteString(w, "xlsx:"+v); return err }},
}

// files lists what a folder holds: a failed export leaves no temporary file.
func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTheExtensionChoosesTheWriter(t *testing.T) {
	dir := t.TempDir()
	for name, want := range map[string]string{"a.csv": "csv:x", "b.XLSX": "xlsx:x", "c.Csv": "csv:x"} {
		write, err := testFormats.choose(filepath.Join(dir, name), "the test")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := write(context.Background(), "x"); err != nil {
			t.Fatal(err)
		}
		if got := read(t, filepath.Join(dir, name)); got != want {
			t.Errorf("%s holds %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]string{
		"a.odt":  `cannot export the test as ".odt": use one of .csv, .xlsx`,
		"matrix": `cannot export the test to "matrix": the file name needs an extension, one of .csv, .xlsx`,
	} {
		if _, err := testFormats.choose(filepath.Join(dir, name), "the test"); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
	if got := strings.Join(MatrixFormats(), " "); got != ".csv .xlsx .docx .pdf .png" {
		t.Errorf("MatrixFormats: %s", got)
	}
}

// A wrong extension is refused before anything is read: the store is not
// even needed, and no file appears.
func TestAWrongExtensionFailsBeforeReading(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	if _, err := Study(ctx, nil, "id", filepath.Join(dir, "s.odt"), nil); err == nil || !strings.Contains(err.Error(), "use one of .docx, .pdf, .html, .md") {
		t.Errorf("study: %v", err)
	}
	if _, err := Grids(ctx, nil, data.Network{}, data.Meeting{}, filepath.Join(dir, "g.csv"), nil); err == nil || !strings.Contains(err.Error(), "use one of .xlsx, .docx, .pdf") {
		t.Errorf("grids: %v", err)
	}
	if _, err := ActionTables(ctx, nil, data.Network{}, "", filepath.Join(dir, "a.md"), nil); err == nil || !strings.Contains(err.Error(), "use one of .xlsx, .docx, .pdf") {
		t.Errorf("action tables: %v", err)
	}
	if err := Survey(ctx, nil, SurveyExport{}, filepath.Join(dir, "s.odt"), Slides{}, nil); err == nil || !strings.Contains(err.Error(), "use one of .csv, .xlsx, .docx, .pdf, .png") {
		t.Errorf("survey: %v", err)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("files left: %v", got)
	}
}

// A write that fails halfway, or is cancelled halfway, leaves the file
// that was there before and no partial or temporary file.
func TestAFailedOrCancelledWriteKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "matrix.csv")
	if err := os.WriteFile(path, []byte("the old export"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("the disk is full")
	if err := writeFile(context.Background(), path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return broken
	}); !errors.Is(err, broken) {
		t.Errorf("failed write: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var second error
	if err := writeFile(ctx, path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		cancel()
		_, second = io.WriteString(w, " and the rest")
		return nil // a writer that ignores its errors: the cancellation still counts
	}); !errors.Is(err, context.Canceled) || !errors.Is(second, context.Canceled) {
		t.Errorf("cancelled write: %v (the write after the cancel: %v)", err, second)
	}
	if err := writeFile(ctx, path, func(io.Writer) error { t.Error("wrote with a cancelled context"); return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("write after the cancel: %v", err)
	}
	if got := read(t, path); got != "the old export" {
		t.Errorf("the old file now holds %q", got)
	}
	if got := files(t, dir); len(got) != 1 {
		t.Errorf("files left: %v", got)
	}
}

func TestPNGWithoutSlidesIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "matrix.png")
	if err := Matrix(context.Background(), &matrix.Matrix{}, "AoCE", path, Slides{}, nil); !errors.Is(err, ErrNoSlides) {
		t.Fatalf("got %v, want ErrNoSlides", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a refused PNG left a file: %v", err)
	}
}

// An export reports its steps in order, ending with the writing, and the
// file is there afterwards.
func TestGridsReportProgress(t *testing.T) {
	s, network := testkit.DemoStore(t)
	ctx := context.Background()
	m, err := s.MeetingByIDOrTitle(ctx, network.ID, "Core Network Meeting 2")
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	last := 0.0
	path := filepath.Join(t.TempDir(), "grids.xlsx")
	sheet, err := Grids(ctx, s, network, m, path, func(step string, done float64) {
		if done <= last || done > 1 {
			t.Errorf("progress went from %v to %v", last, done)
		}
		last = done
		steps = append(steps, step)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sheet.Partners) == 0 {
		t.Error("the demo's grids have no partners")
	}
	if want := []string{"Reading the grids and reviews of Core Network Meeting 2…", "Writing grids.xlsx…"}; strings.Join(steps, "|") != strings.Join(want, "|") {
		t.Errorf("steps %q, want %q", steps, want)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Errorf("grids.xlsx: %v", err)
	}
}
