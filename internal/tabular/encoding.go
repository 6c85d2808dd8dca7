// Package tabular reads the tables people send: CSV and TSV in whatever
// encoding and delimiter a European laptop produced, and XLSX workbooks.
package tabular

import (
	"bytes"
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
// byte zero); then valid UTF-8; otherwise Windows-1250 or -1252, whichever
// reads more like Central or Western European words.
func DetectEncoding(sample []byte) Encoding {
	switch {
	case bytes.HasPrefix(sample, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8BOM
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return UTF16BE
	}
	if e, ok := utf16WithoutBOM(sample); ok {
		return e
	}
	if validUTF8Prefix(sample) {
		return UTF8
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

// DecodeText decodes a whole text (pasted lines, say) in its detected
// encoding, or the one given.
func DecodeText(raw []byte, enc Encoding) (string, Encoding, error) {
	if enc == "" {
		enc = DetectEncoding(raw[:min(len(raw), sniffBytes)])
		if enc == UTF8 && !utf8.Valid(raw) {
			enc = DetectEncoding(nonUTF8Part(raw))
		}
	}
	text, _, err := transform.Bytes(enc.decoder(), raw)
	return string(text), enc, err
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
