package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// The deck of Core Network Meeting 3, with the example survey linked to
// it: the PPTX opens in LibreOffice Impress and our PDF has the same
// pages, 16:9, with the title, the review of meeting 2's actions as text
// and a picture for each drawn slide (matrix themes, questions, roadmap;
// the grids too in the PDF, tables of text in the PPTX).
func TestDeckExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	mustRunOK(t, "", "survey", "import", "../../assets/examples/online-academy-2.csv", "--db", db, "--title", "Where next")
	if got := mustRunOK(t, "", "survey", "link", "Where next", "--meeting", "Core Network Meeting 3", "--db", db); !strings.Contains(got, "Linked Where next to Core Network Meeting 3") {
		t.Fatal(got)
	}
	var themes, questions, grids, reviewed int
	slides, pictures, tables := map[string]int{}, map[string]int{}, map[string]int{}
	for _, ext := range []string{".pptx", ".pdf"} {
		got := mustRunOK(t, "", "deck", "export", "Core Network Meeting 3", "--out", filepath.Join(dir, "deck"+ext), "--db", db)
		var n, p, tb int
		if _, err := fmt.Sscanf(regexp.MustCompile(`\(\d+ slides.*\)`).FindString(got), "(%d slides: %d themes, %d survey questions, %d grids, %d earlier",
			&n, &themes, &questions, &grids, &reviewed); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		if _, err := fmt.Sscanf(regexp.MustCompile(`\d+ pictures, \d+ tables`).FindString(got), "%d pictures, %d tables", &p, &tb); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		slides[ext], pictures[ext], tables[ext] = n, p, tb
	}
	// title, the survey's opening slide, the pictures (each theme, question and grid at least one, the roadmap ahead), the partners
	// without a grid, the review; in the .pptx each grid is tables, not a picture
	pdfPictures := pictures[".pdf"]
	if themes < 2 || questions < 5 || grids != 7 || reviewed != 5 || pdfPictures < themes+questions+grids+1 || slides[".pdf"] != 1+1+pdfPictures+1+1 || tables[".pdf"] != 0 {
		t.Fatalf("the PDF: %d slides: %d themes, %d questions, %d grids, %d reviewed, %d pictures, %d tables", slides[".pdf"], themes, questions, grids, reviewed, pdfPictures, tables[".pdf"])
	}
	if tables[".pptx"] < grids || pictures[".pptx"] < themes+questions+1 || pictures[".pptx"] > pdfPictures-grids || slides[".pptx"] != 1+1+pictures[".pptx"]+tables[".pptx"]+1+1 {
		t.Fatalf("the PPTX: %d slides, %d pictures, %d tables", slides[".pptx"], pictures[".pptx"], tables[".pptx"])
	}
	impress := testkit.Convert(t, filepath.Join(dir, "deck.pptx"), "pdf")
	for name, c := range map[string]struct{ pdf, ext string }{"Impress's rendering of the PPTX": {impress, ".pptx"}, "our PDF": {filepath.Join(dir, "deck.pdf"), ".pdf"}} {
		text := strings.Join(strings.Fields(testkit.PDFText(t, c.pdf)), " ")
		for _, want := range []string{"Agents of Co-Existence", "Core Network Meeting 3", "1 Jun 2024 – 30 Jun 2024 · Gdańsk", "Review of earlier actions at Core Network Meeting 3",
			"5 actions: 2 done, 1 in progress, 1 dropped, 1 open.", "Done · Describe the tasks of a participation contact point",
			"Task description ready; HR agreed to a part-time pilot role.", "No learning grid yet from Breda and Iași.", "Gdańsk · 2 key learnings, 1 action until the next meeting"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		if pages, w, h := testkit.PDFPages(t, c.pdf); pages != slides[c.ext] || math.Round(w) != 960 || h != 540 {
			t.Errorf("%s: %d pages of %.1f × %.1f points; want %d of 960 × 540", name, pages, w, h, slides[c.ext])
		}
		if n := testkit.PDFImages(t, c.pdf); n != pictures[c.ext] {
			t.Errorf("%s has %d pictures, want %d", name, n, pictures[c.ext])
		}
	}
	// the grids are text in Impress's rendering: words of Genk's grid
	if text := testkit.PDFText(t, impress); !strings.Contains(text, "Draft a skills profile for") || !strings.Contains(text, "Key learning") {
		t.Errorf("Impress's rendering of the PPTX lacks the words of Genk's grid")
	}
	if keep := os.Getenv("AOCE_KEEP_DECK"); keep != "" { // a folder to copy the files to, for looking at the pages
		for from, to := range map[string]string{impress: "deck-impress.pdf", filepath.Join(dir, "deck.pdf"): "deck.pdf", filepath.Join(dir, "deck.pptx"): "deck.pptx"} {
			if b, err := os.ReadFile(from); err != nil || os.WriteFile(filepath.Join(keep, to), b, 0o644) != nil {
				t.Errorf("keeping %s: %v", to, err)
			}
		}
	}
	if code, _, stderr := aoce(t, "", "deck", "export", "Core Network Meeting 3", "--out", filepath.Join(dir, "deck.key"), "--db", db); code != 1 || !strings.Contains(stderr, "use one of .pptx, .pdf") {
		t.Fatalf("a .key deck: %d %s", code, stderr)
	}
}
