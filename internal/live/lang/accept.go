package lang

import (
	"strconv"
	"strings"
)

// maxAcceptRanges bounds the ranges of an Accept-Language header looked
// at: a phone sends a handful; a hostile header of thousands costs no more.
const maxAcceptRanges = 20

// FromAcceptLanguage picks the offered language a phone's Accept-Language
// header prefers most ("nl-BE,nl;q=0.9,en;q=0.5" → "nl"): the range of
// highest q (the first among equals) whose primary subtag is offered, so a
// region falls back to its language (nl-BE → nl). q=0 ranges are refused
// ones; "*" does not choose. ok is false when no range names an offered
// language.
func FromAcceptLanguage(header string) (code string, ok bool) {
	best := -1.0
	for i, part := range strings.SplitN(header, ",", maxAcceptRanges+1) {
		if i == maxAcceptRanges {
			break
		}
		tag, params, _ := strings.Cut(part, ";")
		q, valid := quality(params)
		if !valid || q <= best || q == 0 {
			continue
		}
		primary, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
		if c, found := byCode(primary); found {
			code, best, ok = c, q, true
		}
	}
	return code, ok
}

// quality reads a range's "q=0.8" (1 when absent); valid is false for a
// malformed weight, which drops the range.
func quality(params string) (float64, bool) {
	params = strings.TrimSpace(params)
	if params == "" {
		return 1, true
	}
	name, value, found := strings.Cut(params, "=")
	if !found || strings.TrimSpace(strings.ToLower(name)) != "q" {
		return 1, true // another parameter: the weight stays 1
	}
	value = strings.TrimSpace(value)
	if len(value) > 5 {
		return 0, false
	}
	q, err := strconv.ParseFloat(value, 64)
	if err != nil || q < 0 || q > 1 {
		return 0, false
	}
	return q, true
}

// byCode is an offered language's code, matched without regard to case.
func byCode(primary string) (string, bool) {
	if len(primary) > 8 {
		return "", false
	}
	for _, l := range All {
		if strings.EqualFold(primary, l.Code) {
			return l.Code, true
		}
	}
	return "", false
}
