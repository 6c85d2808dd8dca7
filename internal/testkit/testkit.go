// Package testkit holds what tests of several packages need: fonts for
// PDFs and the real programs that must open our exports. Only tests import it.
package testkit

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/pdfdoc"
)

// Fonts are TrueType fonts for PDFs: Fyne's are not importable outside
// the UI, so tests use DejaVu from the system (fonts-dejavu-core).
func Fonts(t testing.TB) pdfdoc.Fonts {
	t.Helper()
	const dir = "/usr/share/fonts/truetype/dejavu/"
	reg, err1 := os.ReadFile(filepath.Join(dir, "DejaVuSans.ttf"))
	bold, err2 := os.ReadFile(filepath.Join(dir, "DejaVuSans-Bold.ttf"))
	if err1 != nil || err2 != nil {
		t.Fatal("no DejaVu fonts on this machine (make test-deps installs fonts-dejavu-core)")
	}
	return pdfdoc.Fonts{Regular: reg, Bold: bold}
}

// RequireTool finds an external program. A missing one fails the test,
// on every machine and not only in CI: a skipped check of what partners
// open is a check that silently stopped running.
func RequireTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed (make test-deps installs it)", name)
	}
	return path
}

// Convert has LibreOffice open file and write it as format ("pdf", "png")
// into a new directory; it returns the path of the result.
func Convert(t testing.TB, file, format string) string {
	t.Helper()
	soffice := RequireTool(t, "libreoffice")
	dir := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", format, "--outdir", dir, file)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice cannot convert %s: %v\n%s", filepath.Base(file), err, b)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+format)
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("libreoffice wrote no %s for %s: %v", format, filepath.Base(file), err)
	}
	return out
}

// ConvertAll has LibreOffice write each of files as a PDF in one run (one
// start of LibreOffice for all: a start costs seconds), into a new
// directory; it returns the PDFs' paths in the order of files.
func ConvertAll(t testing.TB, files []string) []string {
	t.Helper()
	soffice := RequireTool(t, "libreoffice")
	dir := t.TempDir()
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}, files...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice cannot convert %d files: %v\n%s", len(files), err, b)
	}
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if st, err := os.Stat(out[i]); err != nil || st.Size() == 0 {
			t.Fatalf("libreoffice wrote no PDF for %s: %v", filepath.Base(f), err)
		}
	}
	return out
}

// PDFText is the text pdftotext reads from a PDF, in layout order.
func PDFText(t testing.TB, file string) string {
	t.Helper()
	b, err := exec.Command(RequireTool(t, "pdftotext"), "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read %s: %v", filepath.Base(file), err)
	}
	return string(b)
}

// exportedTexts writes each file of writers (name → writer) into dir, has
// LibreOffice turn those that are not PDFs into PDFs (kept in dir as
// name+".pdf"), all in one run (a start of LibreOffice costs seconds of
// CPU), and returns each PDF's words joined by single spaces: what a
// partner opening the file would read.
func exportedTexts(t testing.TB, dir string, writers map[string]func(io.Writer) error) map[string]string {
	t.Helper()
	var toConvert []string
	for name, write := range writers {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(name, ".pdf") {
			toConvert = append(toConvert, path)
		}
	}
	if len(toConvert) > 0 {
		// LibreOffice names each PDF after its file without the extension:
		// grids.docx and grids.xlsx would both write grids.pdf. Each goes
		// in under a name of its own (grids.docx → grids-docx.docx).
		in := t.TempDir()
		sources := make([]string, len(toConvert))
		for i, path := range toConvert {
			ext := filepath.Ext(path)
			sources[i] = filepath.Join(in, strings.TrimSuffix(filepath.Base(path), ext)+"-"+strings.TrimPrefix(ext, ".")+ext)
			if err := os.Link(path, sources[i]); err != nil {
				t.Fatal(err)
			}
		}
		for i, pdf := range ConvertAll(t, sources) {
			if err := os.Rename(pdf, toConvert[i]+".pdf"); err != nil { // beside it, for tests that look at the pages
				t.Fatal(err)
			}
		}
	}
	texts := map[string]string{}
	for name := range writers {
		pdf := filepath.Join(dir, name)
		if !strings.HasSuffix(name, ".pdf") {
			pdf += ".pdf"
		}
		texts[name] = strings.Join(strings.Fields(PDFText(t, pdf)), " ")
	}
	return texts
}

// PageOrientations are the orientations ("portrait", "landscape") of a
// PDF's pages and whether each is A4, as pdfinfo reads them.
func PageOrientations(t testing.TB, file string) (pages []string, allA4 bool) {
	t.Helper()
	b, err := exec.Command(RequireTool(t, "pdfinfo"), "-f", "1", "-l", "9999", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo cannot read %s: %v", filepath.Base(file), err)
	}
	allA4 = true
	for _, line := range strings.Split(string(b), "\n") {
		var n int
		var w, h float64
		if _, err := fmt.Sscanf(line, "Page %d size: %f x %f", &n, &w, &h); err != nil {
			continue
		}
		if w > h {
			pages = append(pages, "landscape")
		} else {
			pages = append(pages, "portrait")
		}
		short, long := min(w, h), max(w, h)
		allA4 = allA4 && math.Abs(short-595.3) < 1.5 && math.Abs(long-841.9) < 1.5
	}
	if len(pages) == 0 {
		t.Fatalf("pdfinfo found no pages in %s", filepath.Base(file))
	}
	return pages, allA4
}

// ExportsSay writes each file of writers (name → writer) into dir, reads
// it back as exportedTexts does and fails for every wanted text it lacks.
// It returns each file's text.
func ExportsSay(t testing.TB, dir string, writers map[string]func(io.Writer) error, wants ...string) map[string]string {
	t.Helper()
	texts := exportedTexts(t, dir, writers)
	for name, text := range texts {
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	return texts
}

// WordsWhole counts how many of the words of the source texts a reader
// finds whole in rendered (the text of the rendered pages): a word a
// table column breaks mid-letter ("Testi ng", "12 00 0") reads as pieces.
// Words are runs of letters and digits, compared as a multiset, so one
// whole "Testing" elsewhere does not excuse a broken one. It returns the
// whole count, the total and the missing words.
func WordsWhole(sources []string, rendered string) (whole, total int, broken []string) {
	want := map[string]int{}
	var order []string
	for _, s := range sources {
		for _, w := range words(s) {
			if want[w] == 0 {
				order = append(order, w)
			}
			want[w]++
		}
	}
	got := map[string]int{}
	for _, w := range words(rendered) {
		got[w]++
	}
	for _, w := range order {
		total += want[w]
		whole += min(want[w], got[w])
		if got[w] < want[w] {
			broken = append(broken, w)
		}
	}
	return whole, total, broken
}

// RequireWordsWhole fails unless every word of sources reads whole in the
// rendered text of name, and logs the ratio.
func RequireWordsWhole(t testing.TB, name string, sources []string, rendered string) {
	t.Helper()
	whole, total, broken := WordsWhole(sources, rendered)
	t.Logf("%s: %d of %d words whole (%.1f %%)", name, whole, total, 100*float64(whole)/float64(max(1, total)))
	if total == 0 {
		t.Fatalf("%s: no source words to look for", name)
	}
	if whole < total {
		t.Errorf("%s: %d words broken or missing in the rendered pages: %q", name, total-whole, broken)
	}
}

// LongWords are the words of texts of at least n letters (or digits):
// the words a narrow column breaks first.
func LongWords(texts []string, n int) []string {
	var out []string
	for _, s := range texts {
		for _, w := range words(s) {
			if len([]rune(w)) >= n {
				out = append(out, w)
			}
		}
	}
	return out
}

// PageSizes are the width and height in points of each page of a PDF.
func PageSizes(t testing.TB, file string) [][2]float64 {
	t.Helper()
	b, err := exec.Command(RequireTool(t, "pdfinfo"), "-f", "1", "-l", "9999", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo cannot read %s: %v", filepath.Base(file), err)
	}
	var sizes [][2]float64
	for _, line := range strings.Split(string(b), "\n") {
		var n int
		var w, h float64
		if _, err := fmt.Sscanf(line, "Page %d size: %f x %f", &n, &w, &h); err == nil {
			sizes = append(sizes, [2]float64{w, h})
		}
	}
	return sizes
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) })
}

// ZipPart is the text of one part of a zipped package (DOCX, XLSX).
func ZipPart(t testing.TB, pkg []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("no part %s: %v", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ShotFolder is the folder the environment variable env names for a
// test that only takes screenshots for the docs; without it the test is
// skipped (it checks what it shows, but exists for the pictures).
func ShotFolder(t testing.TB, env string) string {
	t.Helper()
	dir := os.Getenv(env)
	if dir == "" {
		t.Skip(env + " names no folder for the screenshots")
	}
	return dir
}
