package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// aoce runs the command line in-process and returns exit code and output.
func aoce(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDemoThenPartnersListJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := aoce(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	if code, out, _ := aoce(t, "", "demo", "--db", db); code != 0 || !strings.Contains(out, "nothing changed") {
		t.Fatalf("second demo: %d %s", code, out)
	}
	code, out, stderr := aoce(t, "", "partners", "list", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("list: %d %s", code, stderr)
	}
	var got partnersListJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Network.Name != "Agents of Co-Existence" || len(got.Partners) != 9 {
		t.Fatalf("network %q with %d partners", got.Network.Name, len(got.Partners))
	}
	byName := map[string]partners.JSON{}
	leads := 0
	for _, p := range got.Partners {
		byName[p.Name] = p
		if p.Role == "lead_partner" {
			leads++
		}
	}
	genk := byName["Genk"]
	if leads != 1 || genk.Role != "lead_partner" || *genk.Population != 67614 || *genk.UnemploymentRate != 38.1 || *genk.CivilServants != 1138 {
		t.Fatalf("Genk: %+v (leads %d)", genk, leads)
	}
	for name, pop := range map[string]int64{"Gdańsk": 486345, "Budaörs": 29350, "Banská Bystrica": 73831, "Iași": 393574, "Aarhus": 362337} {
		if p, ok := byName[name]; !ok || p.Population == nil || *p.Population != pop {
			t.Errorf("%s: %+v, want population %d", name, p, pop)
		}
	}
	if code, out, _ := aoce(t, "", "check", "--db", db); code != 0 || !strings.Contains(out, "ok") {
		t.Fatalf("check: %d %s", code, out)
	}
}

func TestAOCEDBVariable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("AOCE_DB", db)
	if code, _, stderr := aoce(t, "", "demo"); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("AOCE_DB not used: %v", err)
	}
}

func TestPartnersImportWindows1250(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	csv := "City;Country;Population;Unemployment rate;Role\r\nBudaörs;Hungary;29.350;3,0 %;\r\nGdańsk;Poland;486.345;2,3;Lead partner\r\nBanská Bystrica;Slovakia;73.831;3,5;\r\n"
	raw, _ := charmap.Windows1250.NewEncoder().Bytes([]byte(csv))
	file := filepath.Join(dir, "partners.csv")
	os.WriteFile(file, raw, 0o644)
	aoce(t, "", "demo", "--db", filepath.Join(dir, "other.db")) // unrelated file stays unrelated
	if _, err := mustRun(t, "", "partners", "import", file, "--db", db); err == nil {
		t.Fatal("import into a database with no network succeeded")
	}
	if code, out, stderr := aoce(t, "", "partners", "import", "--paste", "-", "--db", db); code == 0 {
		t.Fatalf("paste into an empty database: %s %s", out, stderr)
	}
	mustRunOK(t, "", "demo", "--db", db)
	out := mustRunOK(t, "", "partners", "import", file, "--db", db, "--dry-run")
	if !strings.Contains(out, "Windows-1250, semicolon-separated") || !strings.Contains(out, "Nothing was changed") {
		t.Fatalf("dry run: %s", out)
	}
	out = mustRunOK(t, "", "partners", "import", file, "--db", db)
	if !strings.Contains(out, "0 to add, 2 to update, 2 unchanged") || !strings.Contains(out, `Role: "Lead partner" → "Partner"`) {
		t.Fatalf("import: %s", out)
	}
	list := mustRunOK(t, "", "partners", "list", "--db", db)
	for _, name := range []string{"Budaörs", "Gdańsk", "Banská Bystrica"} {
		if !strings.Contains(list, name) {
			t.Errorf("list lost %s:\n%s", name, list)
		}
	}
	if !strings.Contains(list, "Gdańsk           Poland       Lead partner") {
		t.Errorf("Gdańsk should now be lead partner:\n%s", list)
	}
}

func TestPasteFromStandardInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	out := mustRunOK(t, "PARTNERS :\nLEAD PARTNER : Braga - Portugal\n• Varna - Bulgaria\n", "partners", "import", "--paste", "-", "--db", db)
	if !strings.Contains(out, "2 to add, 1 to update") {
		t.Fatalf("%s", out)
	}
	var got partnersListJSON
	json.Unmarshal([]byte(mustRunOK(t, "", "partners", "list", "--json", "--db", db)), &got)
	if len(got.Partners) != 11 || got.Partners[0].Name != "Braga" || got.Partners[0].Country != "Portugal" || got.Partners[0].Role != "lead_partner" {
		t.Fatalf("%d partners, first %+v", len(got.Partners), got.Partners[0])
	}
}

func TestBadImportChangesNothingAndSaysWhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	before := mustRunOK(t, "", "partners", "list", "--json", "--db", db)
	file := filepath.Join(dir, "bad.csv")
	os.WriteFile(file, []byte("name,population\nGenk,1\nBreda,many\n"), 0o644)
	code, out, stderr := aoce(t, "", "partners", "import", file, "--db", db)
	if code != 1 || !strings.Contains(out, "bad.csv, line 3, column 2 (B): Population \"many\"") || !strings.Contains(stderr, "nothing was changed") {
		t.Fatalf("code %d\n%s\n%s", code, out, stderr)
	}
	if after := mustRunOK(t, "", "partners", "list", "--json", "--db", db); after != before {
		t.Fatal("a refused import changed the partners")
	}
}

func TestBackupAndCheckRefuseAndUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	copyPath := filepath.Join(dir, "copy.db")
	mustRunOK(t, "", "backup", "--db", db, "--out", copyPath)
	if out := mustRunOK(t, "", "partners", "list", "--db", copyPath); !strings.Contains(out, "Genk") {
		t.Fatal(out)
	}
	mustRunOK(t, "", "backup", "--db", db, "--out", copyPath) // a newer backup replaces the old one
	if code, _, stderr := aoce(t, "", "backup", "--db", db, "--out", db); code != 1 || !strings.Contains(stderr, "is the open database itself") {
		t.Fatalf("backup onto the database itself: exit %d %s", code, stderr)
	}
	if out := mustRunOK(t, "", "partners", "list", "--db", db); !strings.Contains(out, "Genk") {
		t.Fatal(out)
	}
	if code, _, _ := aoce(t, "", "backup", "--db", db); code != 2 {
		t.Fatalf("backup without --out: exit %d, want 2", code)
	}
	junk := filepath.Join(dir, "notes.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not sqlite "), 100), 0o644)
	if code, _, stderr := aoce(t, "", "check", "--db", junk); code != 1 || !strings.Contains(stderr, "is not a database") {
		t.Fatalf("check of junk: %d %s", code, stderr)
	}
	if code, _, stderr := aoce(t, "", "partners", "lsit"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Fatalf("typo: %d %s", code, stderr)
	}
	if code, out, _ := aoce(t, "", "--help"); code != 0 || !strings.Contains(out, "partners import") {
		t.Fatalf("help: %d %s", code, out)
	}
}

func mustRun(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	code, out, stderr := aoce(t, stdin, args...)
	if code != 0 {
		return out, &exitError{code, stderr}
	}
	return out, nil
}

func mustRunOK(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	out, err := mustRun(t, stdin, args...)
	if err != nil {
		t.Fatalf("aoce-desktop %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

type exitError struct {
	code   int
	stderr string
}

func (e *exitError) Error() string { return e.stderr }

// The example file named in the README must import cleanly.
func TestReadmeExamplePartnersFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	out := mustRunOK(t, "", "partners", "import", "../../assets/examples/partners.csv", "--db", db)
	if !strings.Contains(out, "UTF-8, semicolon-separated") || !strings.Contains(out, "1 to add") || strings.Contains(out, "problem") {
		t.Fatalf("%s", out)
	}
}

func TestMatrixExportImportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	for _, ext := range []string{"csv", "xlsx", "pdf", "png"} {
		out := filepath.Join(dir, "matrix."+ext)
		mustRunOK(t, "", "matrix", "export", "--db", db, "--out", out)
		if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
			t.Fatalf("%s: %v", out, err)
		}
	}
	if code, _, stderr := aoce(t, "", "matrix", "export", "--db", db, "--out", filepath.Join(dir, "m.doc")); code != 1 || !strings.Contains(stderr, "use one of .csv, .xlsx, .docx, .pdf, .png") {
		t.Fatalf("unknown format: %d %s", code, stderr)
	}
	out := mustRunOK(t, "", "matrix", "import", filepath.Join(dir, "matrix.csv"), "--db", db)
	if !strings.Contains(out, "16 sub-themes, 83 filled cells") {
		t.Fatalf("import: %s", out)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Theme,Sub-theme,Gotham\n1 A,1.1 B,KN\n"), 0o644)
	if code, out, _ := aoce(t, "", "matrix", "import", bad, "--db", db); code != 1 || !strings.Contains(out, "bad.csv, line 1, column 3 (C)") {
		t.Fatalf("bad import: %d %s", code, out)
	}
}

func TestSurveyCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	file := filepath.Join(dir, "academy.csv")
	os.WriteFile(file, []byte("Timestamp,City,Need,Rating\n1,Genk,Trust,4\n2,Breda,Trust,2\n3,Genk,Youth,5\n"), 0o644)
	mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "OA1")
	if code, _, stderr := aoce(t, "", "survey", "import", file, "--db", db); code != 1 || !strings.Contains(stderr, "imported before") {
		t.Fatalf("re-import: %d %s", code, stderr)
	}
	mustRunOK(t, "", "survey", "import", file, "--db", db, "--title", "OA1", "--replace")
	var list []surveyJSON
	json.Unmarshal([]byte(mustRunOK(t, "", "survey", "list", "--json", "--db", db)), &list)
	if len(list) != 1 || list[0].Title != "OA1" || list[0].Respondents != 3 {
		t.Fatalf("list %+v", list)
	}
	var res struct {
		Questions []struct {
			Kind        string `json:"kind"`
			Respondents int    `json:"respondents"`
			Options     []struct {
				Label string `json:"label"`
				Count int    `json:"count"`
			} `json:"options"`
			Statements []struct {
				Mean   float64        `json:"mean"`
				Values map[string]int `json:"values"`
			} `json:"statements"`
		} `json:"questions"`
	}
	json.Unmarshal([]byte(mustRunOK(t, "", "survey", "results", "OA1", "--json", "--db", db)), &res)
	if len(res.Questions) != 2 || res.Questions[0].Options[0].Label != "Trust" || res.Questions[0].Options[0].Count != 2 ||
		res.Questions[1].Statements[0].Mean != 11.0/3 || res.Questions[1].Statements[0].Values["5"] != 1 {
		t.Fatalf("results %+v", res)
	}
	out := filepath.Join(dir, "oa1.csv")
	mustRunOK(t, "", "survey", "export", "OA1", "--out", out, "--db", db)
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "Respondent,Partner,Session,Submitted,Need,Rating") || !strings.Contains(string(b), "1,Genk,,1,Trust,4") {
		t.Fatalf("export:\n%s", b)
	}
	mustRunOK(t, "", "survey", "export", "OA1", "--out", filepath.Join(dir, "oa1.xlsx"), "--db", db)
	json.Unmarshal([]byte(mustRunOK(t, "", "survey", "results", "OA1", "--json", "--partner", "genk", "--db", db)), &res)
	if res.Questions[0].Respondents != 2 || res.Questions[1].Statements[0].Mean != 4.5 {
		t.Fatalf("Genk's results %+v", res)
	}
	// The report of Genk's answers and the chart of question 2, flags after the survey.
	pdf, chart := filepath.Join(dir, "genk.pdf"), filepath.Join(dir, "q2.png")
	mustRunOK(t, "", "survey", "export", "OA1", "--out", pdf, "--partner", "Genk", "--db", db)
	if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("no PDF report")
	}
	mustRunOK(t, "", "survey", "export", "OA1", "--out", chart, "--question", "2", "--db", db)
	f, _ := os.Open(chart)
	defer f.Close()
	if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width != 1920 || cfg.Height != 1080 {
		t.Fatalf("chart PNG %+v, %v", cfg, err)
	}
	if code, _, stderr := aoce(t, "", "survey", "export", "OA1", "--out", chart, "--question", "3", "--db", db); code != 1 || !strings.Contains(stderr, "no question 3") {
		t.Fatalf("question 3 of 2: %d %s", code, stderr)
	}
}

func TestReviewedCommandLineEdges(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	// Flags before the command run the command.
	if out := mustRunOK(t, "", "--db", db, "partners", "list"); !strings.Contains(out, "Genk") {
		t.Fatalf("%s", out)
	}
	if code, _, stderr := aoce(t, "", "demo", "--db", ""); code != 2 || !strings.Contains(stderr, "--db needs a file path") {
		t.Fatalf("empty --db: %d %s", code, stderr)
	}
	// Pasted lines in Windows-1250 are decoded.
	raw, _ := charmap.Windows1250.NewEncoder().Bytes([]byte("• Łódź - Poland\n• Győr - Hungary\n"))
	paste := filepath.Join(dir, "paste.txt")
	os.WriteFile(paste, raw, 0o644)
	mustRunOK(t, "", "partners", "import", "--paste", paste, "--db", db)
	list := mustRunOK(t, "", "partners", "list", "--db", db)
	if !strings.Contains(list, "Łódź") || !strings.Contains(list, "Győr") {
		t.Fatalf("paste decoding:\n%s", list)
	}
	// --encoding overrides detection.
	csv := filepath.Join(dir, "w.csv")
	w1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("name,country\nGenève,Switzerland\n"))
	os.WriteFile(csv, w1252, 0o644)
	out := mustRunOK(t, "", "partners", "import", csv, "--encoding", "windows-1252", "--dry-run", "--db", db)
	if !strings.Contains(out, "add     Genève") {
		t.Fatalf("--encoding: %s", out)
	}
}

func TestGridExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	for _, ext := range []string{".xlsx", ".docx", ".pdf"} {
		out := filepath.Join(dir, "cnm2"+ext)
		if got := mustRunOK(t, "", "grid", "export", "Core Network Meeting 2", "--out", out, "--db", db); !strings.Contains(got, "(2 partners, 4 earlier actions reviewed)") {
			t.Fatalf("%s: %s", ext, got)
		}
		if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
			t.Fatalf("%s not written: %v", ext, err)
		}
	}
	if code, _, stderr := aoce(t, "", "grid", "export", "Core Network Meeting 9", "--out", filepath.Join(dir, "x.pdf"), "--db", db); code != 1 || !strings.Contains(stderr, "no meeting") {
		t.Fatalf("unknown meeting: %d %s", code, stderr)
	}
}

// The follow-up of Core Network Meeting 3 holds the review of meeting 2's
// actions given there, in each document format.
func TestGridFollowUpCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	for _, ext := range []string{".docx", ".pdf", ".html", ".md"} {
		out := filepath.Join(dir, "followup"+ext)
		got := mustRunOK(t, "", "grid", "follow-up", "Core Network Meeting 3", "--out", out, "--db", db)
		if !strings.Contains(got, "Wrote the follow-up of Core Network Meeting 3 (5 earlier actions reviewed, 10 agreed)") {
			t.Fatalf("%s: %s", ext, got)
		}
		if st, err := os.Stat(out); err != nil || st.Size() < 500 {
			t.Fatalf("%s not written: %v", ext, err)
		}
	}
	if md, _ := os.ReadFile(filepath.Join(dir, "followup.md")); !strings.Contains(string(md), "Examples added to the draft manual.") {
		t.Fatalf("markdown lacks the review:\n%s", md)
	}
	if code, _, stderr := aoce(t, "", "grid", "follow-up", "Core Network Meeting 3", "--out", filepath.Join(dir, "x.xlsx"), "--db", db); code != 1 || !strings.Contains(stderr, "use one of .docx, .pdf, .html, .md") {
		t.Fatalf("xlsx: %d %s", code, stderr)
	}
}

func TestActionsExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	for _, ext := range []string{"xlsx", "docx", "pdf"} {
		out := filepath.Join(dir, "actions."+ext)
		// The demo has action tables for Genk, Gdańsk, Ķekava and Budaörs.
		if got := mustRunOK(t, "", "actions", "export", "--out", out, "--db", db); !strings.Contains(got, "(4 partners)") {
			t.Fatalf("%s: %s", ext, got)
		}
	}
	if got := mustRunOK(t, "", "actions", "export", "--partner", "gdansk", "--out", filepath.Join(dir, "g.pdf"), "--db", db); !strings.Contains(got, "(1 partner)") {
		t.Fatalf("one partner: %s", got)
	}
	if code, _, stderr := aoce(t, "", "actions", "export", "--partner", "Gotham", "--out", filepath.Join(dir, "x.pdf"), "--db", db); code != 1 || !strings.Contains(stderr, `no partner named "Gotham"`) {
		t.Fatalf("unknown partner: %d %s", code, stderr)
	}
	if code, _, stderr := aoce(t, "", "actions", "export", "--out", filepath.Join(dir, "x.odt"), "--db", db); code != 1 || !strings.Contains(stderr, "use one of .xlsx, .docx, .pdf") {
		t.Fatalf("unknown format: %d %s", code, stderr)
	}
}

// The demo study through the command line: LibreOffice turns our DOCX into
// a PDF; that PDF and our own hold every heading and every partner name;
// the DOCX's headings use Word's Heading 1 and 2 styles.
func TestStudyExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRunOK(t, "", "demo", "--db", db)
	for _, ext := range []string{"docx", "pdf", "html", "md"} {
		if got := mustRunOK(t, "", "study", "export", "--out", filepath.Join(dir, "study."+ext), "--db", db); !strings.Contains(got, "Wrote Baseline Study") {
			t.Fatalf("%s: %s", ext, got)
		}
	}
	s, err := data.Open(db, data.Reader)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, _ := s.NetworkByName(context.Background(), "Agents of Co-Existence")
	studies, _ := s.Studies(context.Background(), n.ID)
	sections, _ := s.StudySections(context.Background(), studies[0].ID)
	partners, _ := s.Partners(context.Background(), n.ID)
	var wants []string
	for _, sec := range sections {
		wants = append(wants, sec.Title)
	}
	for _, p := range partners {
		wants = append(wants, p.Name)
	}
	for _, pdf := range []string{filepath.Join(dir, "study.pdf"), testkit.Convert(t, filepath.Join(dir, "study.docx"), "pdf")} {
		text := strings.Join(strings.Fields(testkit.PDFText(t, pdf)), " ")
		for _, want := range wants {
			if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s lacks %q", filepath.Base(pdf), want)
			}
		}
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "study.docx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var body string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			body = string(b)
		}
	}
	if !strings.Contains(body, `<w:pStyle w:val="Heading1"/>`) || !strings.Contains(body, `<w:pStyle w:val="Heading2"/>`) {
		t.Fatal("the DOCX headings do not use the Heading 1 and 2 styles")
	}
	if code, _, stderr := aoce(t, "", "study", "export", "--title", "Final Report", "--out", filepath.Join(dir, "x.pdf"), "--db", db); code != 1 || !strings.Contains(stderr, `no study titled "Final Report"`) {
		t.Fatalf("unknown study: %d %s", code, stderr)
	}
}
