package doc

import (
	"image/color"
	"strings"
	"unicode/utf8"
)

// clean makes text safe for every format: it drops the control characters
// XML 1.0 forbids (a stray \x01 pasted from a survey would otherwise make
// Word refuse the whole file), turns CRLF and lone CR into \n, and
// replaces invalid UTF-8 with U+FFFD.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case allowedRune(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean is the fast path: almost all text needs no change.
func isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\r' || !allowedRune(r) {
			return false
		}
	}
	return true
}

// allowedRune is XML 1.0's Char production.
func allowedRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return true
}

// hexColour returns a cell colour as six upper-case hex digits, and false
// for "" or anything else; a malformed colour is ignored rather than
// written into an attribute or a style sheet.
func hexColour(s string) (string, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return "", false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return "", false
		}
	}
	return strings.ToUpper(s), true
}

// Colour reads a cell colour (RRGGBB) for drawing on screen; ok is false
// for "" or a malformed one, as the writers ignore those too.
func Colour(s string) (c color.NRGBA, ok bool) {
	hex, ok := hexColour(s)
	if !ok {
		return c, false
	}
	r, g, b := rgb(hex)
	return color.NRGBA{R: uint8(r), G: uint8(g), B: uint8(b), A: 0xFF}, true
}

// rgb splits a colour checked by hexColour into its channels.
func rgb(hex string) (r, g, b int) {
	v := func(i int) int {
		n := 0
		for _, c := range hex[i : i+2] {
			n *= 16
			switch {
			case c >= '0' && c <= '9':
				n += int(c - '0')
			default:
				n += int(c-'A') + 10
			}
		}
		return n
	}
	return v(0), v(2), v(4)
}
