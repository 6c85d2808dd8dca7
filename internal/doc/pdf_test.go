package doc

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// pdfPages writes d as PDF and returns pdftotext's text of each page
// (pdftotext ends every page with a form feed).
func pdfPages(t *testing.T, d Document) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, d, testkit.Fonts(t)); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "study.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(testkit.PDFText(t, file), "\f")
	return pages[:len(pages)-1]
}

func TestPDFText(t *testing.T) {
	d := sampleDocument(len(partners), 2)
	pages := pdfPages(t, d)
	text := oneLine(strings.Join(pages, "\n"))
	for _, want := range append(append(headings(d), partners...), "Page 1 of "+strconv.Itoa(len(pages)), scriptText, starsText, pipeText) {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if !strings.Contains(pages[len(pages)-1], "Page "+strconv.Itoa(len(pages))+" of "+strconv.Itoa(len(pages))) {
		t.Error("the last page's footer does not number it")
	}
}

// TestPDFIndexPages checks each line of the index against the page its
// heading really is on. The index runs over two pages here, so a layout
// that forgot the index's own length would be off by one.
func TestPDFIndexPages(t *testing.T) {
	d := sampleDocument(len(partners), 2)
	d.Blocks = append(d.Blocks, Heading{Level: 1, Text: "Annexes"})
	for i := range 30 {
		d.Blocks = append(d.Blocks, Heading{Level: 2, Text: "Annex " + strconv.Itoa(i+1)}, Text(longText(300*(i%4))))
	}
	pages := pdfPages(t, d)
	leaders := regexp.MustCompile(`(?m)^.*( \.){5}.*\d+\s*$`)
	if n := len(leaders.FindAllString(pages[1], -1)); n < 5 {
		t.Fatalf("the index should run over two pages, its second has %d lines", n)
	}
	index := pages[0] + pages[1]
	for _, e := range outline(d) {
		if !e.inContents() {
			continue
		}
		line := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(e.Text) + `[ .]*?(\d+)\s*$`).FindStringSubmatch(index)
		if line == nil {
			t.Errorf("no index line for %q", e.Text)
			continue
		}
		n, _ := strconv.Atoi(line[1])
		if n < 1 || n > len(pages) {
			t.Errorf("index sends %q to page %d of %d", e.Text, n, len(pages))
			continue
		}
		if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(e.Text) + `\s*$`).MatchString(pages[n-1]) {
			t.Errorf("index sends %q to page %d, where it is not a heading:\n%s", e.Text, n, pages[n-1])
		}
	}
}

// TestPDFTableHeaderRepeats breaks a long table over pages: each page
// must start with the header row again.
func TestPDFTableHeaderRepeats(t *testing.T) {
	tab := Table{Header: []string{"Column one", "Column two"}}
	for i := range 150 {
		tab.Rows = append(tab.Rows, []Cell{{Text: "row " + strconv.Itoa(i)}, {Text: longText(40 + i%3*60)}})
	}
	pages := pdfPages(t, Document{Title: "Long table", Blocks: []Block{tab}})
	if len(pages) < 3 {
		t.Fatalf("the table took %d pages, want several", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "Column one") {
			t.Errorf("page %d has no header row", i+1)
		}
	}
	if !strings.Contains(oneLine(pages[len(pages)-1]), "row 149") {
		t.Error("the last row is missing")
	}
}

func TestPDFWithoutHeadingsOrText(t *testing.T) {
	pages := pdfPages(t, Document{})
	if len(pages) != 1 {
		t.Errorf("an empty document has %d pages, want 1", len(pages))
	}
}
