package tabular

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCSVStreamFraction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	os.WriteFile(path, []byte("Q\n"+strings.Repeat("an answer long enough to pass the sniffing buffer\n", 4000)), 0o644)
	st, err := OpenCSV(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if f := st.Fraction(); f <= 0 || f >= 0.5 {
		t.Fatalf("after opening, fraction %.2f: the sniffed start only", f)
	}
	var rows int
	for {
		if _, _, err := st.Next(); err != nil {
			break
		}
		rows++
	}
	if rows != 4001 || st.Fraction() != 1 {
		t.Fatalf("%d rows, fraction %.2f at the end", rows, st.Fraction())
	}
}

func TestCSVStreamRefusesAHugeLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.csv")
	f, _ := os.Create(path)
	f.WriteString("Q1,Q2\nok,fine\n")
	chunk := []byte(strings.Repeat("a", 64<<10))
	for range 40 { // 2.5 MB without a line end
		f.Write(chunk)
	}
	f.Close()
	st, err := OpenCSV(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Next()
	st.Next()
	_, line, err := st.Next()
	if err == nil || line != 3 || !strings.Contains(err.Error(), "huge.csv, line 3: has a line longer than 1 MB") {
		t.Fatalf("line %d: %v", line, err)
	}
}
