package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"sync/atomic"

	"golang.org/x/text/transform"
)

// CSVStream reads a large CSV record by record without holding the file
// in memory; encoding and delimiter are detected from its first 64 KiB.
type CSVStream struct {
	File      string
	Encoding  Encoding
	Delimiter rune
	f         *os.File
	r         *csv.Reader
	guard     *textGuard
	read      *countingReader
	size      int64
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Fraction is how much of the file has been read, from 0 to 1 (safe to
// call from another goroutine).
func (s *CSVStream) Fraction() float64 {
	if s.size <= 0 {
		return 0
	}
	return min(float64(s.read.n.Load())/float64(s.size), 1)
}

// OpenCSV opens a CSV file for streaming.
func OpenCSV(path string, opt Options) (*CSVStream, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{File: path, Msg: "cannot be opened: " + errors.Unwrap(err).Error(), Hint: "check the path and that the file may be read"}
	}
	counted := &countingReader{r: f}
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	br := bufio.NewReaderSize(counted, sniffBytes)
	head, _ := br.Peek(sniffBytes)
	fail := func(fe *FileError) (*CSVStream, error) {
		f.Close()
		return nil, fe
	}
	switch {
	case len(bytes.TrimSpace(head)) == 0:
		return fail(&FileError{File: path, Msg: "is empty", Hint: "choose a file with a header row and at least one row of data"})
	case bytes.HasPrefix(head, xlsxMagic), bytes.HasPrefix(head, oleMagic):
		return fail(&FileError{File: path, Msg: "is a spreadsheet, not a CSV file"})
	}
	enc := opt.Encoding
	if enc == "" {
		enc = detect(head, f, size)
	}
	text, _, err := transform.Bytes(enc.decoder(), head[:len(head)-len(head)%2])
	if err != nil || looksBinary(text) {
		return fail(&FileError{File: path, Msg: "is not a text or spreadsheet file", Hint: "choose a CSV or XLSX file"})
	}
	delim := opt.Delimiter
	if delim == 0 {
		delim = DetectDelimiter(text)
	}
	var src io.Reader = transform.NewReader(br, enc.decoder())
	if isUTF8(enc) { // as it is, so that the guard sees a stray byte
		if bytes.HasPrefix(head, utf8BOM) {
			br.Discard(len(utf8BOM))
		}
		src = br
	}
	g := newTextGuard(src, path, delim, enc)
	r := csv.NewReader(g)
	r.Comma, r.FieldsPerRecord, r.ReuseRecord = delim, -1, true // strict quotes: an unclosed one is reported, not swallowed
	return &CSVStream{File: path, Encoding: enc, Delimiter: delim, f: f, r: r, guard: g, read: counted, size: size}, nil
}

// Next returns the next record and the line it starts on; io.EOF at the end.
// The slice is reused by the following call.
func (s *CSVStream) Next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		fe := s.guard.explain(err)
		return nil, fe.Line, fe
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}

// Close closes the file.
func (s *CSVStream) Close() error { return s.f.Close() }
