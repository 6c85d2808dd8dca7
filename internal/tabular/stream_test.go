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
