package main

import (
	"strings"
	"testing"
)

// Two long texts that start alike are shown where they differ, not cut to
// the same prefix; short ones whole; a difference early shows the start.
func TestCliValueShowsWhereTwoLongTextsDiffer(t *testing.T) {
	common := strings.Repeat("The city works with its partners on ", 2)
	kept, lost := common+"youth employment in the old port", common+"housing for young families"
	k, l := cliValue(kept, lost), cliValue(lost, kept)
	if k == l {
		t.Fatalf("both read %q", k)
	}
	for _, c := range []struct{ got, part string }{{k, "youth"}, {l, "housing"}} {
		if !strings.Contains(c.got, c.part) || len([]rune(c.got)) > 40 {
			t.Errorf("%q does not show %q in 40 characters", c.got, c.part)
		}
	}
	if got := cliValue("Budaörs", "Buda"); got != "Budaörs" {
		t.Errorf("a short value: %q", got)
	}
	if got := cliValue(strings.Repeat("a", 50), strings.Repeat("b", 50)); got != strings.Repeat("a", 39)+"…" {
		t.Errorf("an early difference: %q", got)
	}
	if got := cliValue(nil, "x"); got != "(empty)" {
		t.Errorf("nil: %q", got)
	}
}
