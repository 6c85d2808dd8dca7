package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"unicode/utf8"

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
	lines     *lineLimiter
	read      *countingReader
	size      int64
}

// MaxLineBytes bounds one line of a streamed CSV: a longer line is no
// survey answer but a broken or hostile file, and reading it whole would
// take memory without bound.
const MaxLineBytes = 1 << 20

var errLineTooLong = errors.New("line too long")

// lineLimiter fails when a line grows past MaxLineBytes, counting lines so
// that the message can say which one.
type lineLimiter struct {
	r         io.Reader
	line, run int
}

func (l *lineLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.line++
			l.run = 0
			continue
		}
		if l.run++; l.run > MaxLineBytes {
			return 0, errLineTooLong
		}
	}
	return n, err
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
		enc = DetectEncoding(head)
	}
	text, _, err := transform.Bytes(enc.decoder(), head[:len(head)-len(head)%2])
	if err != nil || looksBinary(text) {
		return fail(&FileError{File: path, Msg: "is not a text or spreadsheet file", Hint: "choose a CSV or XLSX file"})
	}
	delim := opt.Delimiter
	if delim == 0 {
		delim = DetectDelimiter(text)
	}
	lines := &lineLimiter{r: transform.NewReader(br, enc.decoder())}
	r := csv.NewReader(lines)
	r.Comma, r.FieldsPerRecord, r.ReuseRecord = delim, -1, true // strict quotes: an unclosed one is reported, not swallowed
	return &CSVStream{File: path, Encoding: enc, Delimiter: delim, f: f, r: r, lines: lines, read: counted, size: size}, nil
}

// Next returns the next record and the line it starts on; io.EOF at the end.
// The slice is reused by the following call.
func (s *CSVStream) Next() ([]string, int, error) {
	rec, err := s.r.Read()
	if errors.Is(err, errLineTooLong) {
		return nil, s.lines.line + 1, &FileError{File: s.File, Line: s.lines.line + 1,
			Msg: fmt.Sprintf("has a line longer than %d MB", MaxLineBytes>>20), Hint: "this is not a survey export, or its quotes are broken: open it in a spreadsheet and save it again as CSV"}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, pe.StartLine, quoteError(s.File, pe)
		}
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		return nil, 0, &FileError{File: s.File, Msg: "could not be read: " + err.Error()}
	}
	line, _ := s.r.FieldPos(0)
	if s.Encoding == UTF8 || s.Encoding == UTF8BOM {
		for i, f := range rec {
			if strings.ContainsRune(f, utf8.RuneError) {
				return nil, line, &FileError{File: s.File, Line: line, Column: i + 1,
					Msg: "has bytes that are not UTF-8, though the start of the file is", Hint: "save the file as UTF-8, or choose its encoding (e.g. Windows-1250)"}
			}
		}
	}
	return rec, line, nil
}

// Close closes the file.
func (s *CSVStream) Close() error { return s.f.Close() }
