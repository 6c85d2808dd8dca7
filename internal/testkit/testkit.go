// Package testkit holds what tests of several packages need: fonts for
// PDFs and the real programs that must open our exports. Only tests import it.
package testkit

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
		skipOrFail(t, "no DejaVu fonts on this machine (install fonts-dejavu-core)")
	}
	return pdfdoc.Fonts{Regular: reg, Bold: bold}
}

// RequireTool finds an external program; in CI a missing one is a failure.
func RequireTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		skipOrFail(t, name+" is not installed (make test-deps installs it)")
	}
	return path
}

func skipOrFail(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
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

// PDFText is the text pdftotext reads from a PDF, in layout order.
func PDFText(t testing.TB, file string) string {
	t.Helper()
	b, err := exec.Command(RequireTool(t, "pdftotext"), "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read %s: %v", filepath.Base(file), err)
	}
	return string(b)
}

// ExportedText writes a file with write into dir, has LibreOffice turn it
// into a PDF unless it is one, and returns the PDF's words joined by single
// spaces: what a partner opening the file would read.
func ExportedText(t testing.TB, dir, name string, write func(io.Writer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := path
	if !strings.HasSuffix(name, ".pdf") {
		pdf = Convert(t, path, "pdf")
	}
	return strings.Join(strings.Fields(PDFText(t, pdf)), " ")
}

// ExportsSay writes each file of writers (name → writer) into dir, reads
// it back as ExportedText does and fails for every wanted text it lacks.
func ExportsSay(t testing.TB, dir string, writers map[string]func(io.Writer) error, wants ...string) {
	t.Helper()
	for name, write := range writers {
		text := ExportedText(t, dir, name, write)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
}
