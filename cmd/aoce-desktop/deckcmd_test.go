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
// and a picture for each drawn slide (matrix themes, questions, roadmap).
func TestDeckExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	mustRunOK(t, "", "survey", "import", "../../assets/examples/online-academy-2.csv", "--db", db, "--title", "Where next")
	if got := mustRunOK(t, "", "survey", "link", "Where next", "--meeting", "Core Network Meeting 3", "--db", db); !strings.Contains(got, "Linked Where next to Core Network Meeting 3") {
		t.Fatal(got)
	}
	var slides, themes, questions, grids, reviewed, pictures int
	for _, ext := range []string{".pptx", ".pdf"} {
		got := mustRunOK(t, "", "deck", "export", "Core Network Meeting 3", "--out", filepath.Join(dir, "deck"+ext), "--db", db)
		if _, err := fmt.Sscanf(regexp.MustCompile(`\(\d+ slides.*\)`).FindString(got), "(%d slides: %d themes, %d survey questions, %d grids, %d earlier",
			&slides, &themes, &questions, &grids, &reviewed); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		if _, err := fmt.Sscanf(regexp.MustCompile(`\d+ pictures`).FindString(got), "%d pictures", &pictures); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
	}
	// title, the pictures (each theme, question and grid at least one, the roadmap ahead), the partners without a grid, the review
	if themes < 2 || questions < 5 || grids != 7 || reviewed != 5 || pictures < themes+questions+grids+1 || slides != 1+pictures+1+1 {
		t.Fatalf("%d slides: %d themes, %d questions, %d grids, %d reviewed", slides, themes, questions, grids, reviewed)
	}
	impress := testkit.Convert(t, filepath.Join(dir, "deck.pptx"), "pdf")
	for name, pdf := range map[string]string{"Impress's rendering of the PPTX": impress, "our PDF": filepath.Join(dir, "deck.pdf")} {
		text := strings.Join(strings.Fields(testkit.PDFText(t, pdf)), " ")
		for _, want := range []string{"Agents of Co-Existence", "Core Network Meeting 3", "1 Jun 2024 – 30 Jun 2024 · Gdańsk", "Review of earlier actions at Core Network Meeting 3",
			"5 actions: 2 done, 1 in progress, 1 dropped, 1 open.", "Done · Describe the tasks of a participation contact point",
			"Task description ready; HR agreed to a part-time pilot role.", "No learning grid yet from Breda and Iași.", "Gdańsk · 2 key learnings, 1 action until the next meeting"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		if pages, w, h := testkit.PDFPages(t, pdf); pages != slides || math.Round(w) != 960 || h != 540 {
			t.Errorf("%s: %d pages of %.1f × %.1f points; want %d of 960 × 540", name, pages, w, h, slides)
		}
		if n := testkit.PDFImages(t, pdf); n != pictures {
			t.Errorf("%s has %d pictures, want %d (themes, questions, roadmap)", name, n, pictures)
		}
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
