// Package tabular reads the tables people send: CSV and TSV in whatever
// encoding and delimiter a European laptop produced, and XLSX workbooks.
package tabular

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names a text encoding we recognise.
type Encoding string

const (
	UTF8        Encoding = "UTF-8"
	UTF8BOM     Encoding = "UTF-8 with BOM"
	UTF16LE     Encoding = "UTF-16 LE"
	UTF16BE     Encoding = "UTF-16 BE"
	Windows1250 Encoding = "Windows-1250"
	Windows1252 Encoding = "Windows-1252"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Encodings lists the encodings a user may choose from, for overrides.
var Encodings = []Encoding{UTF8, UTF8BOM, UTF16LE, UTF16BE, Windows1250, Windows1252}

// decoder returns the x/text decoding for e; BOMs are stripped.
func (e Encoding) decoder() *encoding.Decoder {
	switch e {
	case UTF16LE:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
	case UTF16BE:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder()
	case Windows1250:
		return charmap.Windows1250.NewDecoder()
	case Windows1252:
		return charmap.Windows1252.NewDecoder()
	default:
		return xunicode.UTF8BOM.NewDecoder()
	}
}

// DetectEncoding guesses the encoding of text from a sample of its first
// bytes: a byte-order mark decides; then UTF-16 without BOM (every other
// byte zero); then UTF-8, when valid or mostly so (the stray bytes are then
// refused with their place, not read as another encoding); otherwise
// Windows-1250 or -1252, whichever reads more like Central or Western
// European words.
func DetectEncoding(sample []byte) Encoding {
	switch {
	case bytes.HasPrefix(sample, utf8BOM):
		return UTF8BOM
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return UTF16BE
	}
	if e, ok := utf16WithoutBOM(sample); ok {
		return e
	}
	if validUTF8Prefix(sample) || mostlyUTF8(sample) {
		return UTF8 // when mostly: read as UTF-8, the stray bytes are refused with their place
	}
	// A tie goes to Windows-1250: ő/õ, ň/ò, č/è read alike to the score,
	// and this app's users are at least as often Central European.
	if singleByteScore(sample, charmap.Windows1250) >= singleByteScore(sample, charmap.Windows1252) {
		return Windows1250
	}
	return Windows1252
}

// validUTF8Prefix is utf8.Valid, forgiving a rune cut off by the sample's end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// mostlyUTF8 tells a UTF-8 file with a few stray code-page bytes from a
// code-page file: accented letters written as UTF-8 are at least as many as
// the bytes that are not UTF-8. A code-page file has none or only a few by
// accident (Polish "STÓŁ" in Windows-1250 is valid UTF-8, but not a Latin
// letter), and each of its accented letters is a byte that is not UTF-8.
func mostlyUTF8(b []byte) bool {
	letters, stray := 0, 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size <= 1 && !utf8.FullRune(b):
			b = nil // a character cut off by the sample's end
			continue
		case r == utf8.RuneError && size <= 1:
			stray++
		case size > 1 && (r < 0x250 && unicode.IsLetter(r) || r >= 0x2010 && r <= 0x20AC):
			letters++
		}
		b = b[size:]
	}
	return letters > 0 && letters >= stray
}

// detect picks a file's encoding from its head, or, when the head is plain
// ASCII and the file goes on, from where its first other character is (a
// list whose first accented name comes after 64 KiB).
func detect(head []byte, file io.ReaderAt, size int64) Encoding {
	enc := DetectEncoding(head)
	if enc != UTF8 || int64(len(head)) >= size || !isASCII(head) {
		return enc
	}
	off := firstNonASCII(file, int64(len(head)))
	if off < 0 {
		return UTF8
	}
	window := make([]byte, sniffBytes)
	n, _ := file.ReadAt(window, max(0, off-256)) // ASCII before off: no character is cut
	return DetectEncoding(window[:n])
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// firstNonASCII is the offset of the first byte ≥ 0x80 from off on, or -1.
// It reads the file through once; eight bytes at a time, that is faster
// than the disk.
func firstNonASCII(file io.ReaderAt, off int64) int64 {
	buf := make([]byte, 256<<10)
	for {
		n, err := file.ReadAt(buf, off)
		b := buf[:n]
		i := 0
		for ; i+8 <= len(b); i += 8 {
			if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
				break
			}
		}
		for ; i < len(b); i++ {
			if b[i] >= utf8.RuneSelf {
				return off + int64(i)
			}
		}
		if err != nil || n == 0 {
			return -1
		}
		off += int64(n)
	}
}

// utf16WithoutBOM spots ASCII-heavy UTF-16: zeros in every other byte.
func utf16WithoutBOM(b []byte) (Encoding, bool) {
	if len(b) < 4 {
		return "", false
	}
	var evenZero, oddZero int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				evenZero++
			} else {
				oddZero++
			}
		}
	}
	half := len(b) / 2
	switch {
	case oddZero > half*3/5 && evenZero < half/10:
		return UTF16LE, true
	case evenZero > half*3/5 && oddZero < half/10:
		return UTF16BE, true
	}
	return "", false
}

// Letters that mark a language of each code page, where the other code page
// puts a different letter on the same byte.
const (
	centralLetters = "ąćęłńśźżčďěňřšťůžőűľăşţĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰĽĂŞŢ" // not ĺ, ŕ: rare, and where Å, à sit
	westernLetters = "àâãäåæçèêëìîïñòõøùûÿÀÂÃÄÅÆÇÈÊËÌÎÏÑÒÕØÙÛ"
)

// singleByteScore rates how plausible text is in code page cm: letters
// typical of its languages count for it, symbols in the middle of words
// (like "£ód¿" for "Łódź" read as Windows-1252) count against it.
func singleByteScore(b []byte, cm *charmap.Charmap) int {
	score := 0
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		r := cm.DecodeByte(c)
		typical := westernLetters
		if cm == charmap.Windows1250 {
			typical = centralLetters
		}
		switch {
		case r == utf8.RuneError || !unicode.IsPrint(r):
			score -= 3
		case unicode.IsLetter(r) && containsRune(typical, r):
			score += 2
			score += nTildeContext(b, i, cm)
		case unicode.IsLetter(r):
			score++
		case insideWord(b, i):
			score -= 3
		}
	}
	return score
}

// nTildeContext settles byte 0xF1, ń in Windows-1250 and ñ in -1252: ñ
// sits between vowels (España, Logroño), ń before consonants (Gdańsk, Poznań).
func nTildeContext(b []byte, i int, cm *charmap.Charmap) int {
	if b[i] != 0xF1 && b[i] != 0xD1 {
		return 0
	}
	vowelNext := i+1 < len(b) && bytes.IndexByte([]byte("aeiouAEIOU"), b[i+1]) >= 0
	if vowelNext == (cm == charmap.Windows1252) {
		return 2
	}
	return -2
}

func insideWord(b []byte, i int) bool {
	isLetter := func(j int) bool {
		return j >= 0 && j < len(b) && (b[j] >= 0x80 || unicode.IsLetter(rune(b[j])))
	}
	return isLetter(i-1) && isLetter(i+1)
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// DecodeText decodes a whole text (pasted lines, say) called name in its
// detected encoding, or the one given. A byte that does not fit the encoding
// and a NUL are refused with their line and character.
func DecodeText(name string, raw []byte, enc Encoding) (string, Encoding, error) {
	if enc == "" {
		enc = detect(raw[:min(len(raw), sniffBytes)], bytes.NewReader(raw), int64(len(raw)))
	}
	text, err := decodeAll(raw, enc)
	if err != nil {
		return "", enc, &FileError{File: name, Msg: "could not be decoded as " + string(enc), Hint: "save it as UTF-8"}
	}
	line, char := 1, 0
	for rest := text; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		char++
		switch {
		case r == 0 || r == utf8.RuneError && (size <= 1 || !isUTF8(enc)):
			what := "a byte that is not " + string(enc)
			if r == 0 {
				what = "a NUL byte"
			}
			return "", enc, &FileError{File: name, Line: line, Msg: fmt.Sprintf("has %s (character %d of the line)", what, char),
				Hint: "save it as UTF-8, or choose its encoding (--encoding windows-1250 or windows-1252)"}
		case r == '\n':
			line, char = line+1, 0
		}
		rest = rest[size:]
	}
	return string(text), enc, nil
}

func isUTF8(e Encoding) bool { return e == UTF8 || e == UTF8BOM }

// decodeAll turns a whole file into UTF-8. UTF-8 is kept as it is (its BOM
// dropped) so that a stray byte stays visible; the decoders would hide it
// behind U+FFFD.
func decodeAll(raw []byte, enc Encoding) ([]byte, error) {
	if isUTF8(enc) {
		return bytes.TrimPrefix(raw, utf8BOM), nil
	}
	text, _, err := transform.Bytes(enc.decoder(), raw)
	return text, err
}

// ParseEncoding reads an encoding name as users type it: utf-8, utf-16,
// windows-1250, cp1252, latin2…
func ParseEncoding(s string) (Encoding, bool) {
	switch strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s)) {
	case "", "auto":
		return "", true
	case "utf8":
		return UTF8, true
	case "utf8bom":
		return UTF8BOM, true
	case "utf16", "utf16le", "unicode":
		return UTF16LE, true
	case "utf16be":
		return UTF16BE, true
	case "windows1250", "cp1250", "latin2", "iso88592":
		return Windows1250, true
	case "windows1252", "cp1252", "latin1", "iso88591":
		return Windows1252, true
	}
	return "", false
}
