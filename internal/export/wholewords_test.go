package export

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/actiontables"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// pageKind says which pages of an export must be landscape.
type pageKind int

const (
	allLandscape pageKind = iota // a wide table on every page (action tables, matrix)
	allPortrait                  // nothing wide (the survey report)
	mixed                        // portrait text, landscape where the wide tables are (the study; the grids, then their review)
)

// widePage is text on every page that must be landscape in a mixed
// export: the matrix's header in the study, a grid's in the grids.
var widePage = map[string]string{"study": "Theme and sub-theme", "grids": "Key learning"}

// demoExport is one export of the demo network the check renders: its
// content, whose words must read whole, and how to write it by path.
type demoExport struct {
	name  string
	doc   doc.Document
	write func(path string) error
	pages pageKind
}

func demoExports(t *testing.T) []demoExport {
	t.Helper()
	s, n := testkit.DemoStore(t)
	ctx := context.Background()
	meeting, err := s.MeetingByIDOrTitle(ctx, n.ID, "Core Network Meeting 2")
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := grids.Load(ctx, s, n, meeting)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := actiontables.Load(ctx, s, n, "")
	if err != nil {
		t.Fatal(err)
	}
	studies, err := s.Studies(ctx, n.ID)
	if err != nil || len(studies) == 0 {
		t.Fatalf("demo studies %v %v", studies, err)
	}
	in, err := study.Load(ctx, s, studies[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	m, err := matrix.Load(ctx, s, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The demo has no survey: the example file of the Online Academy.
	sv, _, err := survey.Import(ctx, s, n.ID, "../../assets/examples/online-academy-2.csv", survey.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := survey.LoadResults(ctx, s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	return []demoExport{
		{"grids", sheet.Document(), func(p string) error { _, err := Grids(ctx, s, n, meeting, p, nil); return err }, mixed},
		{"actions", tables.Document(), func(p string) error { _, err := ActionTables(ctx, s, n, "", p, nil); return err }, allLandscape},
		{"study", study.Assemble(in), func(p string) error { _, err := Study(ctx, s, studies[0].ID, p, nil); return err }, mixed},
		{"matrix", m.Document(n.Name), func(p string) error { return Matrix(ctx, m, n.Name, p, Slides{}, nil) }, allLandscape},
		{"survey", survey.ReportDocument(res, sv, ""), func(p string) error { return Survey(ctx, s, SurveyExport{Survey: sv}, p, Slides{}, nil) }, allPortrait},
	}
}

// What a partner sees: every DOCX export of the demo, in Arial and in
// Calibri, as LibreOffice lays it out with their metric twins (Liberation
// Sans, Carlito), and our PDF of the same content, hold every word of
// seven letters or more whole; wide tables are on landscape A4 pages; the
// study's contents give the pages LibreOffice puts the headings on. One start
// of LibreOffice converts all ten files.
func TestEveryExportReadsWholeInLibreOfficeAndOurPDF(t *testing.T) {
	exports := demoExports(t)
	dir := t.TempDir()
	fonts := []doc.Font{doc.Arial, doc.Calibri}
	t.Cleanup(func() { doc.SetDefaults(doc.Layout{}) })
	var docx []string
	for _, f := range fonts {
		doc.SetDefaults(doc.Layout{Font: f})
		for _, e := range exports {
			path := filepath.Join(dir, e.name+"-"+strings.ToLower(string(f))+".docx")
			if err := e.write(path); err != nil {
				t.Fatalf("%s: %v", filepath.Base(path), err)
			}
			docx = append(docx, path)
		}
	}
	doc.SetDefaults(doc.Layout{})
	rendered := testkit.ConvertAll(t, docx)
	for i, e := range exports {
		ours := filepath.Join(dir, e.name+".pdf")
		if err := e.write(ours); err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		long := testkit.LongWords(e.doc.Texts(), 7)
		renderings := map[string]string{"our " + e.name + ".pdf": ours}
		for j, f := range fonts {
			renderings[e.name+".docx in "+string(f)+" by LibreOffice"] = rendered[j*len(exports)+i]
		}
		for name, pdf := range renderings {
			testkit.RequireWordsWhole(t, name, long, testkit.PDFText(t, pdf))
			checkPages(t, name, pdf, e.pages, widePage[e.name])
		}
	}
	// The study's contents: every number is the page LibreOffice puts the
	// heading on, in both fonts; our PDF's own contents agree with its pages.
	requireContentsTrue(t, "our study.pdf", filepath.Join(dir, "study.pdf"))
	for j, f := range fonts {
		requireContentsTrue(t, "study.docx in "+string(f)+" by LibreOffice", rendered[j*len(exports)+2])
	}
}

// checkPages fails unless every page is A4 and the pages' orientation is
// as kind says; for a mixed document, the pages holding wide (the
// matrix's or a grid's header) must be landscape and some other page
// portrait.
func checkPages(t *testing.T, name, pdf string, kind pageKind, wide string) {
	t.Helper()
	pages, a4 := testkit.PageOrientations(t, pdf)
	if !a4 {
		t.Errorf("%s: pages not all A4", name)
	}
	switch kind {
	case allLandscape:
		if slices.Contains(pages, "portrait") {
			t.Errorf("%s: pages %v, want every one landscape", name, pages)
		}
	case allPortrait:
		if slices.Contains(pages, "landscape") {
			t.Errorf("%s: pages %v, want every one portrait", name, pages)
		}
	case mixed:
		texts := strings.Split(testkit.PDFText(t, pdf), "\f")
		widePages := 0
		for i, text := range texts[:min(len(texts), len(pages))] {
			if strings.Contains(text, wide) {
				widePages++
				if pages[i] != "landscape" {
					t.Errorf("%s: page %d holds %q but is %s", name, i+1, wide, pages[i])
				}
			}
		}
		if widePages == 0 || !slices.Contains(pages, "portrait") {
			t.Errorf("%s: %d pages hold %q; pages %v", name, widePages, wide, pages)
		}
	}
}

// contentsEntry is a line of the contents as pdftotext reads it: a title,
// dot leaders, a page number at the end.
var contentsEntry = regexp.MustCompile(`^\s*(\S.*?)\s?(?:\s?\.){3,}\s*(\d+)\s*$`)

// requireContentsTrue fails unless the contents of the PDF list at least
// ten headings, each with the page that heading is on: the headings are
// looked for in order, after the contents, at the start of a line.
func requireContentsTrue(t *testing.T, name, pdf string) {
	t.Helper()
	pages := strings.Split(testkit.PDFText(t, pdf), "\f")
	type listed struct {
		title string
		page  int
	}
	var entries []listed
	contentsEnd := 0
	for i, page := range pages {
		for _, line := range strings.Split(page, "\n") {
			if m := contentsEntry.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[2])
				entries = append(entries, listed{strings.TrimSpace(m[1]), n})
				contentsEnd = i + 1
			}
		}
	}
	if len(entries) < 10 {
		t.Fatalf("%s: the contents list %d numbered entries", name, len(entries))
	}
	page, line := contentsEnd, 0
	for _, e := range entries {
		found := 0
	search:
		for ; page < len(pages); page, line = page+1, 0 {
			lines := strings.Split(pages[page], "\n")
			for ; line < len(lines); line++ {
				if strings.HasPrefix(strings.TrimSpace(lines[line]), e.title) {
					found = page + 1
					line++
					break search
				}
			}
		}
		if found != e.page {
			t.Errorf("%s: the contents put %q on page %d, it is on page %d", name, e.title, e.page, found)
		}
	}
}
