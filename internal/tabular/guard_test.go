package tabular

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// readBoth reads raw whole (Read) and streamed (OpenCSV) and returns both
// errors, so that every case holds for the partner/matrix and the survey path.
func readBoth(t *testing.T, name string, raw []byte) (whole, streamed error) {
	t.Helper()
	_, whole = Read(name, raw, Options{})
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := OpenCSV(path, Options{})
	if err != nil {
		return whole, err
	}
	defer st.Close()
	for {
		if _, _, err := st.Next(); err != nil {
			if err == io.EOF {
				err = nil
			}
			return whole, err
		}
	}
}

func wantBoth(t *testing.T, name string, raw []byte, want ...string) {
	t.Helper()
	whole, streamed := readBoth(t, name, raw)
	for what, err := range map[string]error{"Read": whole, "OpenCSV": streamed} {
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: %v, want a FileError", what, err)
			continue
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", what, err, w)
			}
		}
	}
}

// In a five-column file the error used to say "column 17 (Q)": a byte offset.
func TestQuoteErrorsNameTheRealColumnAndTheLineTheQuoteOpened(t *testing.T) {
	wantBoth(t, "p.csv", []byte("City,Country,Region,Size,Note\nGenk,Belgium,\"Limburg\"x,5,ok\n"),
		"p.csv, line 2, column 3 (C): a quoted cell that starts on line 2 is not closed properly")
	// The quote opens on line 3 in column E and is still open at the end, five lines on.
	wantBoth(t, "p.csv", []byte("a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,\"open\nstill\nopen\n6,7,8,9,10\n"),
		"p.csv, line 3, column 5 (E): a quoted cell that starts on line 3 is not closed")
	// A quoted cell with line breaks before the bad one: lines count the breaks.
	wantBoth(t, "p.csv", []byte("a;b;c\n\"x\ny\";\"fine\";z\n1;2;\"bad\"quote\n"),
		"p.csv, line 4, column 3 (C)")
}

// A bare quote made the read lenient, and a lenient read took an unclosed
// quote further on to the end of the file as one cell.
func TestLenientReadStillRefusesAnUnclosedQuote(t *testing.T) {
	_, err := Read("p.csv", []byte("Product,Size\nScreen,5\" wide\nPhone,\"6\nTablet,10\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "p.csv, line 3, column 2 (B): a quoted cell that starts on line 3 is not closed") {
		t.Fatalf("%v", err)
	}
}

func TestStreamedBareQuoteNamesItsColumn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.csv")
	os.WriteFile(path, []byte("Product,Size,Price\nScreen,5\" wide,100\n"), 0o644)
	st, err := OpenCSV(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Next()
	if _, line, err := st.Next(); line != 2 || err == nil || !strings.Contains(err.Error(), "s.csv, line 2, column 2 (B)") {
		t.Fatalf("line %d: %v", line, err)
	}
}

func TestNULAnywhereIsRefusedWithItsPlace(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Name,Country,Notes\n")
	for b.Len() < 100<<10 { // past the 64 KiB that were checked before
		b.WriteString("Genk,Belgium,fine\n")
	}
	lines := strings.Count(b.String(), "\n")
	b.WriteString("Breda,Nether\x00lands,x\n")
	wantBoth(t, "late.csv", b.Bytes(), "late.csv, line "+strconv.Itoa(lines+1)+", column 2 (B): has a NUL byte")
	// Early, but only one: not a binary file, a damaged text.
	wantBoth(t, "early.csv", []byte("Name,Country\nGenk,Belg\x00ium\n"), "early.csv, line 2, column 2 (B): has a NUL byte")
}

// The partner file: UTF-8, with one Windows-1252 byte pasted in.
// It was read entirely as Windows-1252 ("GdaÅ„sk" beside Gdańsk).
func TestMixedUTF8AndCodePageIsRefusedAtTheStrayByte(t *testing.T) {
	raw := []byte("Name;Country\nGdańsk;Poland\nBudaörs;Hungary\nBanská Bystrica;Slovakia\nMünster;Germ\xe4ny\nIași;Romania\n")
	wantBoth(t, "mixed.csv", raw, "mixed.csv, line 5, column 2 (B): has a byte (0xE4) that is not UTF-8", "save the file as UTF-8", "--encoding")
	// The stray byte far behind the first 64 KiB, which are UTF-8 with accents.
	var b bytes.Buffer
	b.WriteString("Name;Country\n")
	for b.Len() < 200<<10 {
		b.WriteString("Gdańsk;Poland\n")
	}
	lines := strings.Count(b.String(), "\n")
	b.WriteString("Gda\xf1sk;Poland\n")
	wantBoth(t, "late.csv", b.Bytes(), "late.csv, line "+strconv.Itoa(lines+1)+", column 1 (A): has a byte (0xF1) that is not UTF-8")
	// An encoding chosen by hand that the file does not fit.
	if _, err := Read("p.csv", encode(t, charmap.Windows1250, "a,b\nx,Gdańsk\n"), Options{Encoding: UTF8}); err == nil || !strings.Contains(err.Error(), "line 2, column 2 (B)") {
		t.Fatalf("chosen UTF-8 on a Windows-1250 file: %v", err)
	}
}

func TestCodePageFilesStillRead(t *testing.T) {
	// "STÓŁ" in Windows-1250 is D3 A3: valid UTF-8 by accident, but a
	// Cyrillic letter, not the sign of a UTF-8 file.
	raw := encode(t, charmap.Windows1250, "name;note\nGdańsk;STÓŁ\nBudaörs;x\nBanská Bystrica;y\n")
	tb, err := Read("p.csv", raw, Options{})
	if err != nil || tb.Encoding != Windows1250 || tb.Rows[1].Cells[1] != "STÓŁ" || tb.Rows[3].Cells[0] != "Banská Bystrica" {
		t.Fatalf("%v %v", tb, err)
	}
	path := filepath.Join(t.TempDir(), "w.csv")
	os.WriteFile(path, raw, 0o644)
	st, err := OpenCSV(path, Options{})
	if err != nil || st.Encoding != Windows1250 {
		t.Fatalf("%v %v", st, err)
	}
	defer st.Close()
	for {
		if _, _, err := st.Next(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	// A byte that Windows-1252 has no character for.
	if _, err := Read("p.csv", []byte("name\nÅrhus\x81\n"), Options{Encoding: Windows1252}); err == nil || !strings.Contains(err.Error(), "line 2, column 1 (A): has a byte that is not a character in Windows-1252") {
		t.Fatalf("undefined byte: %v", err)
	}
}

func TestStreamReadsCodePageFirstMetLate(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("name,country\n")
	for b.Len() < 100<<10 {
		b.WriteString("Somewhere,Nowhere\n")
	}
	b.Write(encode(t, charmap.Windows1250, "Gdańsk,Poland\n"))
	path := filepath.Join(t.TempDir(), "late.csv")
	os.WriteFile(path, b.Bytes(), 0o644)
	st, err := OpenCSV(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var last string
	for {
		rec, _, err := st.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		last = rec[0]
	}
	if st.Encoding != Windows1250 || last != "Gdańsk" {
		t.Fatalf("%s, last %q", st.Encoding, last)
	}
}

func TestDecodeTextRefusesStrayBytesAndNULs(t *testing.T) {
	for raw, want := range map[string]string{
		"LEAD PARTNER : Gdańsk - Poland\n• Varna - Bulg\xe4ria\n": "paste, line 2: has a byte that is not UTF-8 (character 15 of the line)",
		"• Varna - Bulgaria\n• Genk\x00 - Belgium\n":              "paste, line 2: has a NUL byte (character 7 of the line)",
	} {
		if _, _, err := DecodeText("paste", []byte(raw), ""); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", raw, err, want)
		}
	}
	if s, enc, err := DecodeText("paste", encode(t, charmap.Windows1250, "• Gdańsk - Poland\n"), ""); err != nil || enc != Windows1250 || s != "• Gdańsk - Poland\n" {
		t.Fatalf("%q %s %v", s, enc, err)
	}
}

// An unclosed quote near the start of a 200 MB file: encoding/csv held the
// rest of the file as one record (about 785 MB for this file under the
// command line) before it said so. Now the quote is refused once the row
// passes MaxLineBytes.
func TestUnclosedQuoteInALargeFileIsRefusedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Timestamp,Name,Q1,Q2,Q3\n2026-01-01,Ann,\"yes,no,maybe\n")
	chunk := bytes.Repeat([]byte("2026-01-01 10:00,Bob,Agree,Disagree,some open answer text here\n"), 1<<14)
	for written := 0; written < 200<<20; written += len(chunk) {
		f.Write(chunk)
	}
	f.Close()

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	st, err := OpenCSV(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for err == nil {
		_, _, err = st.Next()
	}
	runtime.ReadMemStats(&after)
	// What was allocated during the read bounds how far the heap could grow.
	allocated := (after.TotalAlloc - before.TotalAlloc) >> 20
	t.Logf("%d MB allocated in all, %.1f%% of the file read: %v", allocated, 100*st.Fraction(), err)
	if err == io.EOF || !strings.Contains(err.Error(), "big.csv, line 2, column 3 (C): a quoted cell that starts on line 2 is still open after 1 MB") {
		t.Fatalf("%v", err)
	}
	if allocated > 32 {
		t.Fatalf("%d MB allocated for a quote that never closes", allocated)
	}
}

func TestLongQuotedRowIsRefusedWhole(t *testing.T) {
	// Quoted line breaks used to reset the line limit: now the row counts.
	row := "\"" + strings.Repeat("a line of an answer\n", (MaxLineBytes/20)+10) + "\",x\n"
	wantBoth(t, "q.csv", []byte("Q,R\n"+row), "q.csv, line 2, column 1 (A): a quoted cell that starts on line 2 is still open after 1 MB")
}
