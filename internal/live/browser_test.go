package live

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// A phone's browser (Chromium at 390×844) joins with the code, picks its
// city, votes, and the vote is in the results; JavaScript is on, as on a
// real phone. AOCE_SHOTS=DIR keeps screenshots of the pages.
func TestPhoneBrowserJoinsAndVotes(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	b := testkit.StartBrowser(t, 390, 844)
	shots := os.Getenv("AOCE_SHOTS")
	shot := func(name string) {
		if shots != "" {
			b.Screenshot(filepath.Join(shots, name))
		}
	}
	b.Open(srv.URL())
	if text := b.Text(); !strings.Contains(text, "Join the survey") {
		t.Fatalf("join page:\n%s", text)
	}
	b.Type("#code", se.Code())
	b.Type("#partner", "Gda") // a select takes typed text: Gdańsk
	shot("live-join.png")
	b.Click(`form[action="/join"] button`)
	if text := b.WaitText("You are in"); !strings.Contains(text, "Question 1 of 6") || !strings.Contains(text, "You are in") {
		t.Fatalf("question page:\n%s", text)
	}
	b.Click(`input[value="Focus on staff"]`)
	shot("live-question.png")
	b.Click(`form[action="/vote"] button`)
	if text := b.WaitText("your answer is saved"); !strings.Contains(text, "your answer is saved") || !strings.Contains(text, "Change my answer") {
		t.Fatalf("after voting:\n%s", text)
	}
	shot("live-saved.png")
	res, err := se.Results(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	q := res.Questions[0]
	if q.Respondents != 1 || optionCount(q, "Focus on staff") != 1 {
		t.Fatalf("results %+v", q)
	}
	gdansk := ""
	for _, p := range se.Partners {
		if p.Name == "Gdańsk" {
			gdansk = p.ID
		}
	}
	mine, _ := se.store.Respondent(context.Background(), se.Survey.ID, 0)
	if mine.PartnerID != gdansk {
		t.Fatalf("the vote is not Gdańsk's: %+v", mine)
	}
	// The presenter moves on: the page's script notices and shows question 2.
	se.Next()
	if text := b.WaitText("Question 2 of 6"); !strings.Contains(text, "Question 2 of 6") {
		t.Fatalf("the page did not follow the presenter:\n%s", text)
	}
	shot("live-next.png")
}

// The open answer's box counts the characters typed against the server's
// limit as the participant types (the page's script), code points as the
// server counts them.
func TestPhoneBrowserCountsCharacters(t *testing.T) {
	_, _, b := phoneAtTheOpenQuestion(t)
	seeText(t, b, "0 / 500", "no counter before typing")
	b.Type("textarea", "Żółw café")
	seeText(t, b, "9 / 500", "the counter does not follow the typing")
	keepShot(b, "phone-open-answer-counter.png")
}

// The boxes count characters as the server stores them, emoji as one (the
// browser's maxlength counts two), hold no more than the server takes, and
// what they held is taken; the Q&A box counts too.
func TestPhoneBrowserCountsEmojiAsTheServerDoes(t *testing.T) {
	se, srv, b := phoneAtTheOpenQuestion(t)
	b.Insert("textarea", strings.Repeat("😀", 498)+"e\u0301")
	seeText(t, b, "500 / 500", "498 emoji and an accented e (two code points) are not 500")
	b.Insert("textarea", "漢字!") // a paste over the limit is cut to it
	if n := b.Exec(`return Array.from(document.querySelector("textarea").value).length`); n != "500" {
		t.Fatalf("the box holds %s characters, more than the server takes", n)
	}
	b.Click(`form[action="/vote"] button`)
	if text := b.WaitText("your answer is saved"); !strings.Contains(text, "your answer is saved") {
		t.Fatalf("the server refused what the box allowed:\n%s", text)
	}
	cards, _, err := se.Cards(context.Background(), 4)
	if err != nil || len(cards) != 1 || cards[0].Text != strings.Repeat("😀", 498)+"e\u0301" {
		t.Fatalf("stored %d cards (%v), not the text the box held", len(cards), err)
	}
	se.ToggleQA()
	b.Open(srv.URL())
	seeText(t, b, "0 / 280", "no counter on the Q&A box")
	b.Insert("textarea", "Żółw 🐢?")
	seeText(t, b, "7 / 280", "the Q&A counter does not follow the typing")
	keepShot(b, "phone-qa-counter.png")
}

// phoneAtTheOpenQuestion is a phone's browser joined to a session at its
// open question.
func phoneAtTheOpenQuestion(t *testing.T) (*Session, *Server, *testkit.Browser) {
	t.Helper()
	_, se, srv := startLive(t, DefaultLimits)
	for range 4 {
		se.Next() // the open question
	}
	b := testkit.StartBrowser(t, 390, 844)
	b.Open(srv.URL() + "?code=" + se.Code())
	b.Click(`form[action="/join"] button`)
	b.WaitText("You are in")
	return se, srv, b
}

// seeText fails the test unless the page shows want within ten seconds.
func seeText(t *testing.T, b *testkit.Browser, want, fault string) {
	t.Helper()
	if text := b.WaitText(want); !strings.Contains(text, want) {
		t.Fatalf("%s (%q):\n%s", fault, want, text)
	}
}

// keepShot saves a screenshot of the page when AOCE_SHOTS names a folder.
func keepShot(b *testkit.Browser, name string) {
	if shots := os.Getenv("AOCE_SHOTS"); shots != "" {
		b.Screenshot(filepath.Join(shots, name))
	}
}

// A ranking never holds one place twice on the phone: choosing a place
// another item has gives that item the chosen item's old place (or none),
// and what is sent is taken.
func TestPhoneBrowserRankingSwapsPlaces(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	for range 5 {
		se.Next() // the ranking
	}
	b := testkit.StartBrowser(t, 390, 844)
	b.Open(srv.URL() + "?code=" + se.Code())
	b.Click(`form[action="/join"] button`)
	b.WaitText("You are in")
	places := func() string {
		return b.Exec(`return Array.from(document.querySelectorAll("form[data-places] fieldset.row")).map(function (r) {
			var on = r.querySelector("input[type=radio]:checked"); return on ? on.value : "-"; }).join(" ")`)
	}
	pick := func(row int, place string) {
		b.Click(fmt.Sprintf(`form[data-places] fieldset.row:nth-of-type(%d) input[value="%s"]`, row, place))
	}
	if got := places(); !strings.HasPrefix(got, "- - ") {
		t.Fatalf("the ranking's rows before a choice: %q", got)
	}
	pick(1, "1")
	pick(2, "1") // the first item had 1: it has no place now
	if got := places(); !strings.HasPrefix(got, "- 1 ") {
		t.Fatalf("after giving the second item the first's place: %q", got)
	}
	pick(1, "2")
	pick(1, "1") // the second item had 1: it takes the first's old place, 2
	if got := places(); !strings.HasPrefix(got, "1 2 ") {
		t.Fatalf("after the first item took 1 back: %q", got)
	}
	keepShot(b, "phone-ranking-swapped.png")
}

// A long option that wraps goes on under its own text, not under its box.
func TestPhoneBrowserWrapsAnOptionUnderItsText(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	b := testkit.StartBrowser(t, 390, 844)
	b.Open(srv.URL() + "?code=" + se.Code())
	b.Click(`form[action="/join"] button`)
	b.WaitText("You are in")
	// For each option: how many lines its text takes, and whether any line
	// starts left of the box's right edge.
	got := b.Exec(`return Array.from(document.querySelectorAll("label.choice")).map(function (l) {
		var box = l.querySelector("input").getBoundingClientRect();
		var r = document.createRange(); r.selectNodeContents(l); r.setStartAfter(l.querySelector("input"));
		var lines = {}, under = false;
		Array.from(r.getClientRects()).forEach(function (c) { if (c.width > 0) { lines[Math.round(c.top)] = true; if (c.left < box.right) { under = true; } } });
		return Object.keys(lines).length + (under ? " under" : "");
	}).join(",")`)
	wrapped := false
	for _, o := range strings.Split(got, ",") {
		if strings.HasSuffix(o, "under") {
			t.Errorf("an option's text runs under its box: %s", got)
		}
		wrapped = wrapped || !strings.HasPrefix(o, "1")
	}
	if !wrapped {
		t.Fatalf("no option wraps at 390 px (%s): the test shows nothing", got)
	}
	keepShot(b, "phone-long-option.png")
}

// A scale's values stay on one line on a small phone (a 2016 iPhone SE is
// 320 px wide, most phones 360–390): a "5" alone on the next line reads
// as another question.
func TestPhoneBrowserKeepsAScaleOnOneLine(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	scale := slices.IndexFunc(se.Questions, func(q data.Question) bool { return q.Kind == data.KindScales })
	if scale < 0 {
		t.Fatal("the demo survey has no scale question")
	}
	for range scale {
		se.Next()
	}
	b := testkit.StartBrowser(t, 320, 700)
	b.Open(srv.URL() + "?code=" + se.Code())
	b.Click(`form[action="/join"] button`)
	b.WaitText("You are in")
	// Per statement: the distinct tops of its values' boxes.
	got := b.Exec(`return Array.from(document.querySelectorAll("fieldset.row")).map(function (r) {
		var tops = {}; r.querySelectorAll("label.scale").forEach(function (l) { tops[Math.round(l.getBoundingClientRect().top)] = true; });
		return Object.keys(tops).length + "/" + r.querySelectorAll("label.scale").length;
	}).join(",")`)
	if got == "" {
		t.Fatal("no scale rows on the page")
	}
	for _, row := range strings.Split(got, ",") {
		if !strings.HasPrefix(row, "1/") {
			t.Errorf("a statement's values take more than one line at 320 px (lines/values per statement): %s", got)
			break
		}
	}
	keepShot(b, "phone-scale-320.png")
}
