package live

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	_, se, srv := startLive(t, DefaultLimits)
	for range 4 {
		se.Next() // the open question
	}
	b := testkit.StartBrowser(t, 390, 844)
	b.Open(srv.URL() + "?code=" + se.Code())
	b.Click(`form[action="/join"] button`)
	b.WaitText("You are in")
	if text := b.Text(); !strings.Contains(text, "0 / 500") {
		t.Fatalf("no counter before typing:\n%s", text)
	}
	b.Type("textarea", "Żółw café")
	if text := b.WaitText("9 / 500"); !strings.Contains(text, "9 / 500") {
		t.Fatalf("the counter does not follow the typing:\n%s", text)
	}
	if shots := os.Getenv("AOCE_SHOTS"); shots != "" {
		b.Screenshot(filepath.Join(shots, "phone-open-answer-counter.png"))
	}
}
