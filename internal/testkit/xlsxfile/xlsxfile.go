// Package xlsxfile writes small and hostile Excel workbooks for tests and
// fuzz seeds: real workbooks are made by hand here, byte by byte, so a test
// controls exactly what the zip and the XML hold (no sheets, a cut-off
// file, an entry that unpacks to a gigabyte, a sheet of millions of rows).
// Only tests import it.
package xlsxfile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"strings"
)

// Sheet is one worksheet: its name and rows of inline-string cells.
type Sheet struct {
	Name string
	Rows [][]string
}

// Bytes is a workbook holding the sheets (none gives `<sheets></sheets>`).
func Bytes(sheets ...Sheet) []byte {
	var b bytes.Buffer
	if err := write(&b, sheets, nil); err != nil {
		panic(err) // writing to memory does not fail
	}
	return b.Bytes()
}

// Truncated is a one-sheet workbook cut off half-way, as a broken download is.
func Truncated() []byte {
	b := Bytes(Sheet{Name: "Sheet1", Rows: [][]string{{"Name", "City"}, {"Ada", "Gdańsk"}}})
	return b[:len(b)/2]
}

// WriteZipBomb writes a workbook with one sheet and an extra entry of
// unpacked zero bytes (1 GiB packs to about 1 MB).
func WriteZipBomb(path string, unpacked int64) error {
	return writeFile(path, []Sheet{{Name: "Sheet1", Rows: [][]string{{"Name", "City"}, {"Ada", "Gent"}}}}, func(z *zip.Writer) error {
		w, err := z.Create("xl/media/image1.bin")
		if err != nil {
			return err
		}
		_, err = io.CopyN(w, zeros{}, unpacked)
		return err
	})
}

// WriteRowsBomb writes a workbook whose one sheet holds rows copies of
// the same row of cells (a header first), so that a few MB unpack to a
// sheet of about rows×len(row XML) bytes.
func WriteRowsBomb(path string, rows int, cells ...string) error {
	return writeFile(path, nil, func(z *zip.Writer) error {
		w, err := z.Create("xl/worksheets/sheet1.xml")
		if err != nil {
			return err
		}
		row := rowXML(cells)
		buf := []byte(strings.Repeat(row, min(rows, 1024)))
		io.WriteString(w, sheetHead)
		io.WriteString(w, rowXML([]string{"Name", "City", "Country"}))
		for n := rows; n > 0; n -= 1024 {
			if _, err := w.Write(buf[:min(n, 1024)*len(row)]); err != nil {
				return err
			}
		}
		_, err = io.WriteString(w, sheetTail)
		return err
	}, "Sheet1")
}

func writeFile(path string, sheets []Sheet, extra func(*zip.Writer) error, ownSheets ...string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f, sheets, extra, ownSheets...); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// write lays out the parts of a workbook; extra adds entries, and
// ownSheets names sheets whose XML extra writes itself.
func write(out io.Writer, sheets []Sheet, extra func(*zip.Writer) error, ownSheets ...string) error {
	z := zip.NewWriter(out)
	names := ownSheets
	for _, s := range sheets {
		names = append(names, s.Name)
	}
	var list, rels, types strings.Builder
	for i, n := range names {
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, html.EscapeString(n), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types.String() + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + list.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
	}
	for i, s := range sheets {
		var body strings.Builder
		body.WriteString(sheetHead)
		for _, r := range s.Rows {
			body.WriteString(rowXML(r))
		}
		body.WriteString(sheetTail)
		parts = append(parts, struct{ name, body string }{fmt.Sprintf("xl/worksheets/sheet%d.xml", len(ownSheets)+i+1), body.String()})
	}
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			return err
		}
	}
	if extra != nil {
		if err := extra(z); err != nil {
			return err
		}
	}
	return z.Close()
}

const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetTail = `</sheetData></worksheet>`
)

// rowXML is a row without row or cell references (Excel writes them, but
// they are optional), so that every copy of it is the same bytes.
func rowXML(cells []string) string {
	var b strings.Builder
	b.WriteString("<row>")
	for _, c := range cells {
		b.WriteString(`<c t="inlineStr"><is><t>` + html.EscapeString(c) + `</t></is></c>`)
	}
	b.WriteString("</row>")
	return b.String()
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Seeds are small workbooks for fuzz targets, so that fuzzing reaches the
// zip and XML readers: a plain table, a Mentimeter-like one, one without
// sheets and a truncated one.
func Seeds() [][]byte {
	return [][]byte{
		Bytes(Sheet{Name: "Sheet1", Rows: [][]string{{"Name", "City", "Population"}, {"Ada", "Gdańsk", "486345"}, {"", "Iași", "12%"}}}),
		Bytes(Sheet{Name: "Voters", Rows: [][]string{{"Notes"}, {}, {"Date", "Session", "Voter", "Pick:"}, {"2024-01-25", "1", "a", "Trust"}}},
			Sheet{Name: "Session 1", Rows: [][]string{{"Type", "choices"}, {"Question", "Pick"}}}),
		Bytes(),
		Truncated(),
	}
}
