package export

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/grids"
	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
	"github.com/aoce-desktop/aoce-desktop/internal/pptx"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// cnm3Grids is the demo's Core Network Meeting 3 and its grids.
func cnm3Grids(t *testing.T) (*data.Store, data.Network, data.Meeting, grids.Sheet) {
	t.Helper()
	s, network := testkit.DemoStore(t)
	m, err := s.MeetingByIDOrTitle(context.Background(), network.ID, "Core Network Meeting 3")
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := grids.Load(context.Background(), s, network, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(sheet.Partners) < 2 {
		t.Fatalf("Core Network Meeting 3 has %d grids", len(sheet.Partners))
	}
	return s, network, m, sheet
}

var (
	xmlCell = regexp.MustCompile(`<a:tc>(.*?)</a:tc>`)
	xmlRun  = regexp.MustCompile(`<a:t>(.*?)</a:t>`)
	xmlTbl  = regexp.MustCompile(`<p:graphicFrame>.*?<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>(.*?)</a:tbl>`)
)

// runs are the texts of the a:t runs in some XML, unescaped, joined by sep.
func runs(x, sep string) string {
	var out []string
	for _, m := range xmlRun.FindAllStringSubmatch(x, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return strings.Join(out, sep)
}

// The .pptx deck of Core Network Meeting 3 has no picture of a grid: each
// partner's grid is a slide holding an a:tbl in a graphic frame, titled
// with the partner, its six columns and, after the header, every row's
// cells with the words the grid holds, in order.
func TestPPTXGridSlidesAreTables(t *testing.T) {
	s, network, m, sheet := cnm3Grids(t)
	var drawn []string
	path := filepath.Join(t.TempDir(), "cnm3.pptx")
	sum, err := Deck(context.Background(), s, network, m, path, namedSlides(&drawn), nil)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(drawn, func(d string) bool { return strings.HasPrefix(d, "grid ") }) || sum.Tables < sum.Grids || sum.Grids != len(sheet.Partners) {
		t.Fatalf("drew %v; %+v", drawn, sum)
	}
	pkg, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{} // partner heading → the cells of its tables, slide after slide
	tables := 0
	for i := 1; i <= sum.Slides; i++ {
		x := testkit.ZipPart(t, pkg, fmt.Sprintf("ppt/slides/slide%d.xml", i))
		tbl := xmlTbl.FindStringSubmatch(x)
		if tbl == nil {
			continue
		}
		tables++
		if n := strings.Count(tbl[1], "<a:gridCol "); n != len(grids.Columns) {
			t.Errorf("slide %d: a table of %d columns", i, n)
		}
		title := runs(x[:strings.Index(x, "<p:graphicFrame>")], "\n")
		heading := strings.TrimSuffix(strings.Split(title, "\n")[0], " (continued)")
		for _, c := range xmlCell.FindAllStringSubmatch(tbl[1], -1) {
			got[heading] = append(got[heading], runs(c[1], "\n"))
		}
	}
	if tables != sum.Tables {
		t.Errorf("%d slides hold a table, the summary says %d", tables, sum.Tables)
	}
	for _, pg := range sheet.Partners {
		want := slices.Clone(gridHeads)
		for _, r := range pg.Rows {
			want = append(want, grids.Cells(r)...)
		}
		if !slices.Equal(got[pg.Heading()], want) {
			t.Errorf("the table of %s holds\n%q\nwant\n%q", pg.Heading(), got[pg.Heading()], want)
		}
	}
}

// longGrid is a grid of n rows, each with long texts.
func longGrid(n int) grids.Sheet {
	pg := grids.PartnerGrid{Partner: data.Partner{Name: "Genk"}}
	for i := range n {
		pg.Rows = append(pg.Rows, data.GridRow{
			Learning:      fmt.Sprintf("Learning %d: partners in the workshop sharpened their plans in pairs, each asking the other what would prove success", i),
			Relevance:     1 + i%5,
			RelevanceNote: "Our testing action needs a measure before it starts",
			Action:        fmt.Sprintf("Action %d: agree on two indicators for the staff training pilot", i),
			ActionWho:     "HR department with the ULG coordinator",
			ActionBy:      "2024-09-15",
		})
	}
	return grids.Sheet{Meeting: data.Meeting{Title: "Core Network Meeting 3"}, Partners: []grids.PartnerGrid{pg}}
}

// tablesOf are the tables of slides, in order.
func tablesOf(slides []pptx.Slide) []pptx.Table {
	var out []pptx.Table
	for _, s := range slides {
		for _, sh := range s.Shapes {
			if tb, ok := sh.(pptx.Table); ok {
				out = append(out, tb)
			}
		}
	}
	return out
}

// A short grid is one slide in type as large as keeps it on the slide; a
// long one goes on over slides titled "(continued)", each with the header
// and as many whole rows as fit above the slide's bottom in the smallest
// type, every row once and in order.
func TestGridTablesFitOrGoOn(t *testing.T) {
	f := newTextFitter(pdfdoc.NotoSans())
	short := f.gridTableSlides(longGrid(2), 0)
	if tb := tablesOf(short); len(short) != 1 || len(tb) != 1 || tb[0].Rows[1][0].Size < 16 {
		t.Fatalf("a grid of 2 rows on %d slides, type %v", len(short), tb[0].Rows[1][0].Size)
	}
	many := f.gridTableSlides(longGrid(14), 0)
	if len(many) < 3 {
		t.Fatalf("14 long rows on %d slides", len(many))
	}
	var rows []string
	for n, tb := range tablesOf(many) {
		title := many[n].Shapes[1].(pptx.TextBox).Paragraphs[0].Text
		if (n == 0) != (title == "Genk") || n > 0 && title != "Genk (continued)" {
			t.Errorf("slide %d titled %q", n+1, title)
		}
		if tb.Rows[0][0].Text != "Key learning" || !tb.Rows[0][0].Bold || tb.Y+tb.H > deckBodyBot {
			t.Errorf("slide %d: header %+v, table from %.0f to %.0f", n+1, tb.Rows[0][0], tb.Y, tb.Y+tb.H)
		}
		h := 0.0
		for r, row := range tb.Rows {
			h += tb.Heights[r]
			if r > 0 {
				rows = append(rows, row[0].Text)
			}
			if row[0].Size != gridTypeMin {
				t.Errorf("slide %d row %d: type %v", n+1, r, row[0].Size)
			}
		}
		if h != tb.H {
			t.Errorf("slide %d: rows %.1f pt tall in a %.1f pt table", n+1, h, tb.H)
		}
	}
	for i, r := range rows {
		if !strings.HasPrefix(r, fmt.Sprintf("Learning %d:", i)) || len(rows) != 14 {
			t.Fatalf("the rows over the slides: %q", rows)
		}
	}
	// a row too tall for a slide of its own in the smallest type gets one in smaller type, the rows around it theirs
	tall := longGrid(3)
	tall.Partners[0].Rows[1].Learning = strings.Repeat("A key learning that runs on and on over many lines of its narrow column. ", 18)
	slides := f.gridTableSlides(tall, 0)
	tbs := tablesOf(slides)
	if len(tbs) != 3 || len(tbs[1].Rows) != 2 || tbs[1].Rows[1][0].Size >= gridTypeMin || tbs[1].Rows[1][0].Size < gridTypeFloor || tbs[1].Y+tbs[1].H > deckBodyBot || tbs[2].Rows[1][0].Size != gridTypeMin {
		t.Fatalf("a grid with a row taller than a slide: %d slides", len(slides))
	}
}

// pieces are the words of a text, each cut after its dashes: Impress may
// break a line there ("testing-action", "2024-09-15"), and pdftotext then
// reads two words. A word cut so keeps its pieces inside its cell.
func pieces(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		for _, p := range afterDashes.FindAllString(w, -1) {
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

var afterDashes = regexp.MustCompile(`[^-–]*[-–]*`)

// cellBox is where cell (r, c) of a table is on its slide.
func cellBox(tb pptx.Table, r, c int) pptx.Box {
	b := pptx.Box{X: tb.X, Y: tb.Y, W: tb.Widths[c], H: tb.Heights[r]}
	for _, w := range tb.Widths[:c] {
		b.X += w
	}
	for _, h := range tb.Heights[:r] {
		b.Y += h
	}
	return b
}

// LibreOffice Impress opens the grid tables of the .pptx and lays them out
// as they were measured: every word of every cell, read back as text from
// its rendering, lies inside its cell — no row grew past the height given,
// no text runs out of its column — and every word on a grid's page is
// inside the slide; the Core Network Meeting 3 deck, a long grid over
// continued slides and a row in smaller type on a slide of its own. AOCE_DECK_SHOTS names a folder to keep the PDFs
// in, for looking at the pages.
func TestImpressLaysGridTablesOutAsMeasured(t *testing.T) {
	s, network, m, _ := cnm3Grids(t)
	b, _, _ := builtDeck(t, s, network, m)
	b2 := &deckBuilder{ctx: context.Background(), s: s, network: network, meeting: m, slides: b.slides, fit: b.fit, gridTables: true}
	deck, err := b2.build()
	if err != nil {
		t.Fatal(err)
	}
	tall := longGrid(3) // and a row taller than a slide at the smallest type, in smaller type
	tall.Partners[0].Rows[1].Learning = strings.Repeat("A key learning that runs on and on over many lines of its narrow column. ", 18)
	long := pptx.Presentation{Title: "Long grid", Slides: append(b.fit.gridTableSlides(longGrid(14), 0), b.fit.gridTableSlides(tall, 0)...)}
	dir := t.TempDir()
	var files []string
	for name, p := range map[string]pptx.Presentation{"cnm3-deck": deck, "long-grid": long} {
		var buf bytes.Buffer
		if err := pptx.Write(&buf, p); err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Join(dir, name+".pptx"))
		if err := os.WriteFile(files[len(files)-1], buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(files)
	pdfs := testkit.ConvertAll(t, files)
	for i, p := range []pptx.Presentation{deck, long} {
		name := filepath.Base(files[i])
		pages := testkit.PDFWords(t, pdfs[i])
		for n, words := range pages { // as the cells' words are compared: in pieces after each dash
			var split []testkit.Word
			for _, w := range words {
				for _, piece := range pieces(w.Text) {
					split = append(split, testkit.Word{Text: piece, XMin: w.XMin, YMin: w.YMin, XMax: w.XMax, YMax: w.YMax})
				}
			}
			pages[n] = split
		}
		if len(pages) != len(p.Slides) {
			t.Fatalf("%s: %d pages for %d slides", name, len(pages), len(p.Slides))
		}
		checked := 0
		for n, sl := range p.Slides {
			for _, tb := range tablesOf([]pptx.Slide{sl}) {
				for _, w := range pages[n] {
					if w.XMin < 0 || w.YMin < 0 || w.XMax > pptx.SlideWidth || w.YMax > pptx.SlideHeight {
						t.Errorf("%s page %d: %q at %.0f,%.0f–%.0f,%.0f is off the slide", name, n+1, w.Text, w.XMin, w.YMin, w.XMax, w.YMax)
					}
				}
				for r, row := range tb.Rows {
					for c, cell := range row {
						box := cellBox(tb, r, c)
						for _, word := range pieces(cell.Text) {
							checked++
							const slack = 1.5 // points: glyph boxes are a little larger than the type
							if !slices.ContainsFunc(pages[n], func(w testkit.Word) bool {
								return w.Text == word && w.XMin >= box.X-slack && w.XMax <= box.X+box.W+slack && w.YMin >= box.Y-slack && w.YMax <= box.Y+box.H+slack
							}) {
								t.Errorf("%s page %d: %q of row %d, column %d is not inside its cell %+v", name, n+1, word, r, c, box)
							}
						}
					}
				}
			}
		}
		if checked < 100 {
			t.Errorf("%s: only %d words of grid tables checked", name, checked)
		}
	}
	if keep := os.Getenv("AOCE_DECK_SHOTS"); keep != "" {
		for i, pdf := range pdfs {
			b, err := os.ReadFile(pdf)
			if err != nil || os.WriteFile(filepath.Join(keep, strings.TrimSuffix(filepath.Base(files[i]), ".pptx")+"-impress.pdf"), b, 0o644) != nil {
				t.Errorf("keeping %s: %v", pdf, err)
			}
		}
	}
}

// Every grid table of the .pptx says under it what "IAP 1–5" means: a
// partner reading the deck has no paper form to tell them.
func TestGridTableSlidesSayWhatIAPMeans(t *testing.T) {
	s, network := testkit.DemoStore(t)
	m, err := s.MeetingByIDOrTitle(context.Background(), network.ID, "Core Network Meeting 3")
	if err != nil {
		t.Fatal(err)
	}
	var drawn []string
	b := &deckBuilder{ctx: context.Background(), s: s, network: network, meeting: m, slides: namedSlides(&drawn), fit: newTextFitter(pdfdoc.NotoSans()), gridTables: true}
	p, err := b.build()
	if err != nil {
		t.Fatal(err)
	}
	tables := 0
	for i, sl := range p.Slides {
		if len(tablesOf([]pptx.Slide{sl})) == 0 {
			continue
		}
		tables++
		if !strings.Contains(deckText(pptx.Presentation{Slides: []pptx.Slide{sl}}), grids.RelevanceNote) {
			t.Errorf("slide %d holds a grid table without the line on IAP 1–5", i+1)
		}
	}
	if tables == 0 {
		t.Fatal("no grid table in the deck")
	}
}
