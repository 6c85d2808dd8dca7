package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/testkit/xlsxfile"
)

const partnersText = "Name;Country;Population\r\nBudaörs;Hungary;29.350\r\nGdańsk;Poland;486.345\r\nBanská Bystrica;Slovakia;73.831\r\nŁódź;Poland;\r\n"

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func names(t *testing.T, tb *Table) []string {
	t.Helper()
	var out []string
	for _, r := range tb.Rows[1:] {
		out = append(out, r.Cells[0])
	}
	return out
}

func TestReadsEveryEncoding(t *testing.T) {
	want := []string{"Budaörs", "Gdańsk", "Banská Bystrica", "Łódź"}
	cases := []struct {
		name string
		raw  []byte
		enc  Encoding
	}{
		{"utf8", []byte(partnersText), UTF8},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, partnersText...), UTF8BOM},
		{"utf16le bom", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), partnersText), UTF16LE},
		{"utf16be bom", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), partnersText), UTF16BE},
		{"utf16le no bom", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), partnersText), UTF16LE},
		{"windows-1250", encode(t, charmap.Windows1250, partnersText), Windows1250},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb, err := Read("partners.csv", c.raw, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tb.Encoding != c.enc || tb.Delimiter != ';' {
				t.Fatalf("detected %s / %q, want %s / ';'", tb.Encoding, tb.Delimiter, c.enc)
			}
			if got := names(t, tb); !reflect.DeepEqual(got, want) {
				t.Fatalf("names %q, want %q", got, want)
			}
			if got := tb.Rows[2].Cells[2]; got != "486.345" {
				t.Fatalf("population cell %q", got)
			}
		})
	}
}

func TestWindows1250WithoutTellTaleLettersStillWins(t *testing.T) {
	// Only ń (0xF1, ñ in 1252), ö and á (the same in both): context decides.
	raw := encode(t, charmap.Windows1250, "Name;Country\nBudaörs;Hungary\nGdańsk;Poland\nBanská Bystrica;Slovakia\n")
	tb, err := Read("p.csv", raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Encoding != Windows1250 || tb.Rows[2].Cells[0] != "Gdańsk" {
		t.Fatalf("%s: %q", tb.Encoding, tb.Rows[2].Cells[0])
	}
}

func TestWindows1252WesternNames(t *testing.T) {
	raw := encode(t, charmap.Windows1252, "city,country\nLogroño,España\nÅrhus,Danmark\nSão Brás,Portugal\n")
	tb, err := Read("p.csv", raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Encoding != Windows1252 || tb.Rows[1].Cells[0] != "Logroño" || tb.Rows[2].Cells[0] != "Århus" {
		t.Fatalf("%s: %v", tb.Encoding, tb.Rows)
	}
}

func TestUTF8KeepsIasi(t *testing.T) {
	tb, err := Read("p.csv", []byte("name,country\nIași,Romania\n"), Options{})
	if err != nil || tb.Rows[1].Cells[0] != "Iași" || tb.Delimiter != ',' {
		t.Fatalf("%v %v", tb, err)
	}
}

func TestDelimitersQuotesAndBlankEdges(t *testing.T) {
	text := "name\tnotes\t\t\n\"Genk\"\t\"two\nlines, with \"\"quotes\"\"\"\t\t\nBreda\tplain\t\t\n\t\t\t\n\n"
	tb, err := Read("p.tsv", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Delimiter != '\t' || len(tb.Rows) != 3 {
		t.Fatalf("delimiter %q, %d rows: %v", tb.Delimiter, len(tb.Rows), tb.Rows)
	}
	if got := tb.Rows[1].Cells; !reflect.DeepEqual(got, []string{"Genk", "two\nlines, with \"quotes\""}) {
		t.Fatalf("quoted cell: %q", got)
	}
	if tb.Rows[2].Line != 4 {
		t.Fatalf("Breda on line %d, want 4 (after a quoted line break)", tb.Rows[2].Line)
	}
}

func TestXLSX(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Name", "Country", "Population"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Budaörs", "Hungary", 29350})
	f.SetSheetRow("Sheet1", "A3", &[]any{"Iași", "Romania", 393574})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tb, err := Read("partners.xlsx", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Format != "XLSX" || tb.Sheet != "Sheet1" || len(tb.Rows) != 3 || tb.Rows[2].Cells[0] != "Iași" || tb.Rows[2].Cells[2] != "393574" {
		t.Fatalf("%+v", tb)
	}
	if _, err := Read("partners.xlsx", buf.Bytes(), Options{Sheet: "Nope"}); err == nil || !strings.Contains(err.Error(), "Sheet1") {
		t.Fatalf("missing sheet: %v", err)
	}
}

func TestBadFilesSayWhatAndWhere(t *testing.T) {
	cases := []struct {
		name string
		raw  []byte
		want string
	}{
		{"empty.csv", nil, "is empty"},
		{"blank.csv", []byte(" \r\n\r\n"), "is empty"},
		{"old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "Excel 97"},
		{"fake.xlsx", []byte("name,country\n"), "not an Excel workbook"},
		{"broken.xlsx", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{1, 2, 3}, 50)...), "not a readable Excel workbook"},
		{"photo.csv", append([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d}, bytes.Repeat([]byte{0, 1, 2, 3, 4, 5, 6, 7}, 40)...), "not a text"},
	}
	for _, c := range cases {
		_, err := Read(c.name, c.raw, Options{})
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), c.name) {
			t.Errorf("%s: %v, want a FileError naming the file and saying %q", c.name, err, c.want)
		}
	}
}

func TestColumnLetters(t *testing.T) {
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 28: "AB", 702: "ZZ", 703: "AAA"} {
		if got := ColumnLetters(n); got != want {
			t.Errorf("ColumnLetters(%d) = %s, want %s", n, got, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(partnersText), "p.csv")
	f.Add([]byte("a,b\n\"x\ny\",z\n"), "p.csv")
	f.Add([]byte{0xFF, 0xFE, 'a', 0, ',', 0, 'b', 0}, "p.csv")
	f.Add([]byte("PK\x03\x04garbage"), "p.xlsx")
	f.Add([]byte("a,b,c\n1,\"x\"y,3\n"), "q.csv")               // a quote error in column B
	f.Add([]byte("a;b\nGdańsk;x\nGda\xf1sk;y\n"), "mixed.csv")  // UTF-8 with a stray code-page byte
	f.Add([]byte("a,b\n\"open\nstill open\n1,2\n"), "open.csv") // a quote that never closes
	f.Add([]byte("a,b\n1,x\x00y\n"), "nul.csv")                 // a NUL in a text
	f.Add([]byte("name\n\xc5rhus\x81\n"), "w.csv")              // a byte Windows-1252 has no letter for
	for _, seed := range xlsxfile.Seeds() {                     // so that fuzzing reaches the zip and XML readers
		f.Add(seed, "p.xlsx")
	}
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		tb, err := Read(name, raw, Options{})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if fe.Column > 0 && fe.Line < 1 {
				t.Fatalf("a column without a line: %v", err)
			}
			return
		}
		for _, r := range tb.Rows {
			if r.Line < 1 {
				t.Fatalf("row with line %d", r.Line)
			}
		}
	})
}

func TestSafeCellRoundTrip(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+32 2 555": "'+32 2 555", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "Genk": "Genk", "": "", "'quoted'": "'quoted'"} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
		if back := UnsafeCell(SafeCell(in)); back != in {
			t.Errorf("UnsafeCell(SafeCell(%q)) = %q", in, back)
		}
	}
}

func TestUnclosedQuoteIsReportedNotSwallowed(t *testing.T) {
	_, err := Read("p.csv", []byte("City,Country,Region\nGenk,\"Belgium,Limburg\nBreda,Netherlands,Noord-Brabant\nAarhus,Denmark,Midtjylland\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "starts on line 2 is not closed") {
		t.Fatalf("%v", err)
	}
	tb, err := Read("p.csv", []byte("Product,Size\nScreen,5\" wide\nPhone,6\n"), Options{})
	if err != nil || len(tb.Rows) != 3 || tb.Rows[1].Cells[1] != "5\" wide" {
		t.Fatalf("a bare quote in an unquoted cell: %v %v", tb, err)
	}
}

func TestCodePageTiesAndLateBytes(t *testing.T) {
	raw := encode(t, charmap.Windows1250, "city\nGyőr\nPlzeň\nTrenčín\n")
	if tb, err := Read("p.csv", raw, Options{}); err != nil || tb.Encoding != Windows1250 || tb.Rows[1].Cells[0] != "Győr" || tb.Rows[3].Cells[0] != "Trenčín" {
		t.Fatalf("%v %v", tb, err)
	}
	raw = encode(t, charmap.Windows1252, "city\nÅrhus\nÅlborg\n")
	if tb, err := Read("p.csv", raw, Options{}); err != nil || tb.Rows[1].Cells[0] != "Århus" {
		t.Fatalf("%v %v", tb, err)
	}
	// 64 KiB of ASCII, then a Windows-1250 name.
	var b bytes.Buffer
	b.WriteString("name,country\n")
	for b.Len() < 70000 {
		b.WriteString("Somewhere,Nowhere\n")
	}
	b.Write(encode(t, charmap.Windows1250, "Gdańsk,Poland\n"))
	tb, err := Read("p.csv", b.Bytes(), Options{})
	if err != nil || tb.Rows[len(tb.Rows)-1].Cells[0] != "Gdańsk" {
		t.Fatalf("late Windows-1250: %v, last row %v", err, tb.Rows[len(tb.Rows)-1])
	}
	b.WriteString("Evil\x00Name,X\n")
	if _, err := Read("p.csv", b.Bytes(), Options{}); err == nil {
		t.Fatal("a NUL byte after 64 KiB was accepted")
	}
}

func TestOldMacLineEnds(t *testing.T) {
	tb, err := Read("p.csv", []byte("name,country\rGenk,Belgium\rBreda,Netherlands\r"), Options{})
	if err != nil || len(tb.Rows) != 3 {
		t.Fatalf("%v %v", tb, err)
	}
}

func TestXLSXSkipsNotesSheetAndKeepsExactPercentages(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Instructions")
	f.SetCellStr("Instructions", "A1", "Fill in one row per partner on the next sheet.")
	f.NewSheet("Partners")
	f.SetSheetRow("Partners", "A1", &[]any{"Name", "Unemployment rate"})
	f.SetSheetRow("Partners", "A2", &[]any{"Breda", 0.036})
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 9}) // 0%
	f.SetCellStyle("Partners", "B2", "B2", style)
	var buf bytes.Buffer
	f.Write(&buf)
	tb, err := Read("p.xlsx", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Sheet != "Partners" || tb.Rows[1].Cells[1] != "3.6%" {
		t.Fatalf("sheet %q, rate %q", tb.Sheet, tb.Rows[1].Cells[1])
	}
}

// A table past 50,000 rows besides its header is refused while it is read,
// with the line where it went past; one of 50,000 is read.
func TestTablesAreBoundedByRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,country\n")
	for i := range tableRows {
		fmt.Fprintf(&b, "City %d,Belgium\n", i)
	}
	if tb, err := Read("partners.csv", []byte(b.String()), Options{}); err != nil || len(tb.Rows) != tableRows+1 {
		t.Fatalf("50,000 rows: %v", err)
	}
	b.WriteString("One too many,Belgium\n")
	_, err := Read("partners.csv", []byte(b.String()), Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != tableRows+2 || !strings.Contains(err.Error(), "more than 50000 rows") {
		t.Fatalf("50,001 rows: %v", err)
	}
}
