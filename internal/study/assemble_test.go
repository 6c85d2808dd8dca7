package study_test

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/doc"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/roadmap"
	"github.com/aoce-desktop/aoce-desktop/internal/study"
	"github.com/aoce-desktop/aoce-desktop/internal/study/outline"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// demoStudy loads the demo's study with a small hand-made roadmap of
// eight months (the roadmap package has its own tests).
func demoStudy(t *testing.T) (*data.Store, study.Inputs) {
	t.Helper()
	ctx := context.Background()
	s, n := testkit.DemoStore(t)
	studies, err := s.Studies(ctx, n.ID)
	if err != nil || len(studies) != 1 {
		t.Fatalf("demo studies %+v %v", studies, err)
	}
	in, err := study.Load(ctx, s, studies[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Roadmap.Months) != 24 || len(in.Roadmap.Rows) < 20 {
		t.Fatalf("Load built a roadmap of %d months, %d rows", len(in.Roadmap.Months), len(in.Roadmap.Rows))
	}
	in.Roadmap = roadmap.Roadmap{} // a small one, for tests that count its cells
	for m := range 8 {
		in.Roadmap.Months = append(in.Roadmap.Months, time.Date(2023, time.November+time.Month(m), 1, 0, 0, 0, 0, time.UTC))
	}
	cells := make([][]string, 8)
	cells[0], cells[7] = []string{"Core Network Meeting 1"}, []string{"Core Network Meeting 3", "Online Academy"}
	in.Roadmap.Rows = []roadmap.Row{{Label: "Core Network Meetings", Cells: cells}}
	return s, in
}

func headings(d doc.Document) map[string]int {
	out := map[string]int{}
	for _, b := range d.Blocks {
		if h, ok := b.(doc.Heading); ok {
			out[h.Text] = h.Level
		}
	}
	return out
}

func tables(d doc.Document) []doc.Table {
	var out []doc.Table
	for _, b := range d.Blocks {
		if t, ok := b.(doc.Table); ok {
			out = append(out, t)
		}
	}
	return out
}

func TestAssembleTheDemoStudy(t *testing.T) {
	_, in := demoStudy(t)
	d := study.Assemble(in)
	if d.Title != "Baseline Study" || d.Subtitle != "Agents of Co-Existence (AoCE) – URBACT IV" {
		t.Fatalf("title %q, subtitle %q", d.Title, d.Subtitle)
	}
	hs := headings(d)
	if len(in.Sections) != len(outline.Default()) {
		t.Fatalf("%d sections, the outline has %d", len(in.Sections), len(outline.Default()))
	}
	for _, sec := range in.Sections {
		if sec.Kind == data.SectionIndex {
			continue // the contents carry the index's title
		}
		if hs[sec.Title] != sec.Level {
			t.Errorf("section %q: heading level %d, want %d", sec.Title, hs[sec.Title], sec.Level)
		}
	}
	if len(in.Partners) != 9 {
		t.Fatalf("%d partners", len(in.Partners))
	}
	for _, p := range in.Partners {
		if hs[p.Name] != 2 {
			t.Errorf("partner %s: heading level %d, want 2", p.Name, hs[p.Name])
		}
	}
	var tocs, pageBreaks int
	for _, b := range d.Blocks {
		switch b.(type) {
		case doc.TableOfContents:
			tocs++
		case doc.PageBreak:
			pageBreaks++
		}
	}
	chapters := 0
	for _, sec := range in.Sections {
		if sec.Level == 1 {
			chapters++
		}
	}
	if tocs != 1 || pageBreaks != chapters-1 {
		t.Fatalf("%d tables of contents, %d page breaks for %d chapters", tocs, pageBreaks, chapters)
	}
	var captions []string
	for _, tb := range tables(d) {
		if tb.Caption != "" {
			captions = append(captions, tb.Caption)
		}
	}
	want := []string{
		"Table 1. Matrix of good practices and knowledge needs",
		"Table 2. Focus of the Integrated Action Plans and ideas for testing actions",
		"Table 3. Network roadmap, November 2023 – April 2024",
		"Table 3 (continued). Network roadmap, May 2024 – June 2024",
	}
	if !slices.Equal(captions, want) {
		t.Fatalf("captions\n got %q\nwant %q", captions, want)
	}
}

func TestMatrixTableHasTheDemoCellsWithTheirFills(t *testing.T) {
	s, in := demoStudy(t)
	var tb doc.Table
	for _, t := range tables(study.Assemble(in)) {
		if strings.HasPrefix(t.Caption, "Table 1.") {
			tb = t
		}
	}
	column := map[string]int{}
	for i, h := range tb.Header {
		column[h] = i
	}
	row := map[string][]doc.Cell{}
	for _, r := range tb.Rows {
		row[r[0].Text] = r
	}
	cells, err := s.MatrixCells(context.Background(), in.Network.ID)
	if err != nil || len(cells) < 50 {
		t.Fatalf("%d demo cells (%v)", len(cells), err)
	}
	subTheme := map[string]string{}
	for _, th := range in.Matrix.Themes {
		if len(row[th.Number+" "+th.Title]) == 0 || !row[th.Number+" "+th.Title][0].Bold {
			t.Errorf("no bold row for theme %s %s", th.Number, th.Title)
		}
		for _, st := range th.SubThemes {
			subTheme[st.ID] = st.Number + " " + st.Title
		}
	}
	partnerName := map[string]string{}
	for _, p := range in.Partners {
		partnerName[p.ID] = p.Name
	}
	for _, c := range cells {
		r, col := row[subTheme[c.SubThemeID]], column[partnerName[c.PartnerID]]
		if r == nil || col == 0 {
			t.Fatalf("no place for the cell %+v", c)
		}
		fill, ink, _ := matrix.Colours(c.State)
		got := r[col]
		if got.Fill != matrix.Hex(fill) || got.Ink != matrix.Hex(ink) || strings.Split(got.Text, "\n")[0] != matrix.Symbol(c.State) {
			t.Errorf("%s × %s: %+v, want fill %s ink %s and %s", partnerName[c.PartnerID], subTheme[c.SubThemeID], got, matrix.Hex(fill), matrix.Hex(ink), matrix.Symbol(c.State))
		}
	}
	filled := 0
	for _, r := range tb.Rows {
		for _, c := range r {
			if c.Fill != "" {
				filled++
			}
			if c.Fill == "0072B2" && c.Ink != "FFFFFF" {
				t.Errorf("dark blue cell without white ink: %+v", c)
			}
		}
	}
	if filled != len(cells) {
		t.Fatalf("%d filled cells, the demo has %d", filled, len(cells))
	}
	if len(tb.Legend) != 3 || tb.Legend[0].Fill != "0072B2" || !strings.HasPrefix(tb.Legend[0].Label, "GP – ") {
		t.Fatalf("legend %+v", tb.Legend)
	}
}

func TestPartnerProfilesShowOnlyKnownFiguresReadably(t *testing.T) {
	_, in := demoStudy(t)
	d := study.Assemble(in)
	var genk *doc.Table
	for _, tb := range tables(d) {
		if len(tb.Header) == 2 && tb.Header[1] == "Genk" {
			genk = &tb
		}
	}
	if genk == nil {
		t.Fatal("no figures box for Genk")
	}
	figures := map[string]string{}
	for _, r := range genk.Rows {
		figures[r[0].Text] = r[1].Text
	}
	if figures["Population"] != "67,614" || figures["Unemployment rate"] != "38.1%" || figures["Civil servants"] != "1,138" || figures["Country"] != "Belgium" {
		t.Fatalf("Genk's figures %v", figures)
	}
	if _, ok := figures["Youth unemployment rate"]; ok {
		t.Fatal("an unknown figure has a row")
	}
	if _, ok := figures["ULG coordinator"]; ok {
		t.Fatal("an empty field has a row")
	}
	if headings(d)["Co-existence and citizen participation"] != 3 {
		t.Fatal("the narrative fields have no level 3 headings")
	}
}

func TestTheDemoStudyTextsAndTheirSnapshot(t *testing.T) {
	ctx := context.Background()
	s, in := demoStudy(t)
	byTitle := map[string]data.Section{}
	statuses := map[string]int{}
	words := 0
	for _, sec := range in.Sections {
		byTitle[sec.Title] = sec
		statuses[sec.Status]++
		words += study.WordCount(sec.Body)
	}
	if statuses[data.StatusInReview] == 0 || statuses[data.StatusFinal] == 0 || words < 300 {
		t.Fatalf("statuses %v, %d words", statuses, words)
	}
	var list *doc.List
	for _, b := range study.Assemble(in).Blocks {
		if l, ok := b.(doc.List); ok && l.Ordered {
			list = &l
		}
	}
	if list == nil || len(list.Items) != 5 || list.Items[0][0].Text != "problem-solving workshops" || !list.Items[0][0].Bold {
		t.Fatalf("the methodology's numbered list: %+v", list)
	}
	snaps, err := s.Snapshots(ctx, in.Study.ID)
	if err != nil || len(snaps) != 1 {
		t.Fatalf("snapshots %+v %v", snaps, err)
	}
	then, err := s.SnapshotSections(ctx, snaps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	local := byTitle["Local work with the URBACT Local Groups"]
	var inserted []string
	for _, l := range study.CompareSection(then, in.Sections, local.ID) {
		switch l.Op {
		case study.Delete:
			t.Fatalf("a line was deleted since the snapshot: %+v", l)
		case study.Insert:
			inserted = append(inserted, l.Text)
		}
	}
	if len(inserted) != 2 || !slices.Contains(inserted, "Learning needs are gathered with a short survey at the end of each Online Academy.") {
		t.Fatalf("inserted since the snapshot: %q", inserted)
	}
	for _, sec := range then {
		if sec.ID != local.ID && sec.Body != byTitle[sec.Title].Body {
			t.Fatalf("section %q changed since the snapshot", sec.Title)
		}
	}
}

func TestAssembleWithoutMatrixOrRoadmapSaysSo(t *testing.T) {
	d := study.Assemble(study.Inputs{Sections: []data.Section{
		{Kind: data.SectionMatrix, Title: "Matrix", Level: 1},
		{Kind: data.SectionRoadmap, Title: "Roadmap", Level: 1, Body: "Intro *text*."},
	}})
	var texts []string
	for _, b := range d.Blocks {
		if p, ok := b.(doc.Paragraph); ok {
			texts = append(texts, p.Runs[0].Text)
		}
	}
	if len(texts) != 3 || !strings.Contains(texts[0], "no sub-themes yet") || texts[1] != "Intro " || !strings.Contains(texts[2], "no dated activities") {
		t.Fatalf("paragraphs %q", texts)
	}
}

// A section alone prints as it does in the whole study: its heading, text
// and generated block, with the table number it has there.
func TestSectionBlocksNumberTablesAsTheStudyDoes(t *testing.T) {
	_, in := demoStudy(t)
	whole := tables(study.Assemble(in))
	for i, sec := range in.Sections {
		blocks := study.SectionBlocks(in, i)
		if toc, ok := blocks[0].(doc.TableOfContents); ok && sec.Kind == data.SectionIndex && toc.Heading() == sec.Title {
			continue
		}
		if h, ok := blocks[0].(doc.Heading); !ok || h.Text != sec.Title {
			t.Fatalf("section %d starts with %+v", i, blocks[0])
		}
		for _, b := range blocks {
			tb, ok := b.(doc.Table)
			if !ok || tb.Caption == "" {
				continue
			}
			found := false
			for _, w := range whole {
				found = found || w.Caption == tb.Caption
			}
			if !found {
				t.Errorf("section %q has %q, not a caption of the whole study", sec.Title, tb.Caption)
			}
		}
	}
	if study.SectionBlocks(in, len(in.Sections)) != nil {
		t.Fatal("a section past the end has blocks")
	}
}

// The demo study as DOCX laid out by LibreOffice, and as our PDF: every
// word of it reads whole, in the matrix's 17 columns and the profiles'
// tables alike.
func TestTheDemoStudyReadsWholeInLibreOfficeAndPDF(t *testing.T) {
	_, in := demoStudy(t)
	d := study.Assemble(in)
	texts := testkit.ExportsSay(t, t.TempDir(), map[string]func(io.Writer) error{
		"study.docx": func(w io.Writer) error { return doc.WriteDOCX(w, d) },
		"study.pdf":  func(w io.Writer) error { return doc.WritePDF(w, d, testkit.Fonts(t)) },
	}, d.Title)
	for name, text := range texts {
		testkit.RequireWordsWhole(t, name, d.Texts(), text)
	}
}
