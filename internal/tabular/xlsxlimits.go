package tabular

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Limits of a workbook, checked while the zip is read and before excelize
// parses a part, so that no workbook — however small packed — makes the
// app hold more than ~200 MB (measured in xlsxlimits_test.go and cmd).
// Worksheets and the shared strings larger than xlsxStreamBytes are
// unpacked to a temporary file and streamed; every other part is held in
// memory and parsed whole, so those are kept small.
const (
	xlsxPartBytes    = 16 << 20  // one part read whole (workbook, styles, relationships, …)
	xlsxPartsBytes   = 64 << 20  // all parts read whole, together
	xlsxSheetBytes   = 256 << 20 // one worksheet or the shared strings, unpacked
	xlsxTotalBytes   = 512 << 20 // the whole workbook, unpacked
	xlsxStreamBytes  = 4 << 20   // above this, excelize streams a sheet from a temporary file
	xlsxEntries      = 10_000
	xlsxRows         = 1_048_576  // Excel's last row
	xlsxRowCells     = 16_384     // Excel's last column (XFD)
	xlsxSheetCells   = 20_000_000 // 100,000 respondents × 200 columns
	xlsxStrings      = 2_000_000  // distinct texts in the shared strings
	xlsxTextBytes    = 1 << 20    // one cell's text, one tag
	xlsxTooBigAdvice = "save it again as CSV (which is read as a stream) or split it"
)

// checkZip refuses a workbook whose parts would unpack past the limits,
// first from the sizes the zip declares (archive/zip refuses an entry that
// unpacks to more than it declares), then by scanning every worksheet and
// the shared strings for too many rows, cells or too long texts.
func checkZip(name string, zr *zip.Reader) error {
	if len(zr.File) > xlsxEntries {
		return &FileError{File: name, Msg: fmt.Sprintf("holds %d parts, more than the %d a workbook may have here", len(zr.File), xlsxEntries), Hint: xlsxTooBigAdvice}
	}
	var total, whole uint64
	for _, zf := range zr.File {
		size, kind := zf.UncompressedSize64, partKind(zf.Name)
		total += size
		limit := uint64(xlsxPartBytes)
		if kind != partWhole {
			limit = xlsxSheetBytes
		} else {
			whole += size
		}
		switch {
		case size > limit:
			return &FileError{File: name, Msg: fmt.Sprintf("has a part (%s) that unpacks to %s, more than the %s read here", zf.Name, megabytes(size), megabytes(limit)), Hint: xlsxTooBigAdvice}
		case whole > xlsxPartsBytes:
			return &FileError{File: name, Msg: fmt.Sprintf("has parts besides its sheets that unpack to more than %s", megabytes(xlsxPartsBytes)), Hint: xlsxTooBigAdvice}
		case total > xlsxTotalBytes:
			return &FileError{File: name, Msg: fmt.Sprintf("unpacks to more than %s", megabytes(xlsxTotalBytes)), Hint: xlsxTooBigAdvice}
		}
	}
	for _, zf := range zr.File {
		if kind := partKind(zf.Name); kind != partWhole {
			if err := scanPart(name, zf, kind); err != nil {
				return err
			}
		}
	}
	return nil
}

func megabytes(n uint64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%d MB", (n+1<<20-1)>>20)
}

type part int

const (
	partWhole part = iota
	partSheet
	partStrings
)

// partKind is how excelize treats a zip entry (see its ReadZipReader).
func partKind(entry string) part {
	n := strings.ToLower(strings.ReplaceAll(entry, "\\", "/"))
	switch {
	case strings.HasPrefix(n, "xl/worksheets/sheet"):
		return partSheet
	case n == "xl/sharedstrings.xml":
		return partStrings
	}
	return partWhole
}

// scanPart reads one worksheet or the shared strings as a stream of bytes
// (no XML parser, so memory stays a few KB whatever the part holds) and
// counts rows, cells and the length of texts and tags, stopping at the
// first limit passed.
func scanPart(name string, zf *zip.File, kind part) error {
	rc, err := zf.Open()
	if err != nil {
		return &FileError{File: name, Msg: "is not a readable Excel workbook (" + err.Error() + ")", Hint: "open it in a spreadsheet and save it again as .xlsx or CSV"}
	}
	defer rc.Close()
	s := xmlScan{r: bufio.NewReaderSize(rc, 64<<10)}
	rows, cells, rowCells, stringsSeen := 0, 0, 0, 0
	for {
		tag, err := s.next()
		if err == io.EOF {
			return nil
		}
		at := func(msg string, col int) error {
			return &FileError{File: name, Line: rows, Column: col, Msg: msg, Hint: xlsxTooBigAdvice}
		}
		if err != nil {
			if err == errTooLong {
				return at(fmt.Sprintf("holds a cell or tag of more than %s", megabytes(xlsxTextBytes)), rowCells)
			}
			return &FileError{File: name, Line: rows, Msg: "is not a readable Excel workbook (" + err.Error() + ")", Hint: "open it in a spreadsheet and save it again as .xlsx or CSV"}
		}
		switch {
		case kind == partSheet && tag == "row":
			if rows++; rows > xlsxRows {
				return at(fmt.Sprintf("has more than %d rows in one sheet, Excel's own limit", xlsxRows), 0)
			}
			rowCells = 0
		case kind == partSheet && tag == "c":
			rowCells++
			if cells++; rowCells > xlsxRowCells {
				return at(fmt.Sprintf("has more than %d cells in one row, Excel's own limit", xlsxRowCells), rowCells)
			}
			if cells > xlsxSheetCells {
				return at(fmt.Sprintf("has more than %d cells in one sheet, more than this import reads", xlsxSheetCells), rowCells)
			}
		case kind == partStrings && tag == "si":
			if stringsSeen++; stringsSeen > xlsxStrings {
				return &FileError{File: name, Msg: fmt.Sprintf("holds more than %d different texts, more than this import reads", xlsxStrings), Hint: xlsxTooBigAdvice}
			}
		}
	}
}

var errTooLong = fmt.Errorf("text or tag too long")

// xmlScan finds the local names of start tags in XML bytes. It is no
// parser: it only has to count what excelize will parse, and to bound
// every run of text and every tag.
type xmlScan struct {
	r    *bufio.Reader
	name []byte
}

// next returns the local name of the next start tag ("" for an end tag,
// a comment or a declaration), or io.EOF.
func (s *xmlScan) next() (string, error) {
	for n := 0; ; n++ { // text up to the tag
		b, err := s.r.ReadByte()
		if err != nil {
			return "", err
		}
		if b == '<' {
			break
		}
		if n >= xlsxTextBytes {
			return "", errTooLong
		}
	}
	s.name = s.name[:0]
	if b, err := s.r.Peek(1); err == nil && b[0] == '!' {
		return "", s.skipDeclaration() // a comment or CDATA may hold quotes
	}
	inName, quote := true, byte(0)
	for n := 0; ; n++ {
		b, err := s.r.ReadByte()
		if err == io.EOF {
			return "", io.ErrUnexpectedEOF
		}
		if err != nil {
			return "", err
		}
		if n >= xlsxTextBytes {
			return "", errTooLong
		}
		switch {
		case quote != 0:
			if b == quote {
				quote = 0
			}
		case b == '"' || b == '\'':
			quote = b
		case b == '>':
			name := s.name
			if i := strings.LastIndexByte(string(name), ':'); i >= 0 {
				name = name[i+1:]
			}
			return string(name), nil
		case inName && (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '/'):
			inName = false
		case inName && n == 0 && b == '?':
			inName = false // a processing instruction: no name
		case inName:
			if len(s.name) < 64 {
				s.name = append(s.name, b)
			}
		}
	}
}

// skipDeclaration reads past a comment, CDATA section or DOCTYPE.
func (s *xmlScan) skipDeclaration() error {
	for n := 0; ; n++ {
		b, err := s.r.ReadByte()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		if b == '>' {
			return nil
		}
		if n >= xlsxTextBytes {
			return errTooLong
		}
	}
}
