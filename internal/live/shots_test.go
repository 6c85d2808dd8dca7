package live

import (
	"net/url"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// The phones' screenshots of docs/screenshots/live: a Polish and a
// Hungarian phone in Chromium at 390×844 through a vote, a countdown,
// locked results and the Q&A, saved into AOCE_SHOTS (the test skips
// without it):
//
//	AOCE_SHOTS=/tmp/shots go test -tags ci -run TestPhoneScreenshots ./internal/live/
func TestPhoneScreenshots(t *testing.T) {
	testkit.ShotFolder(t, "AOCE_SHOTS")
	_, se, srv := startLive(t, Limits{VoteRate: 1000, VoteBurst: 1000, PageRate: 1000, PageBurst: 1000})
	others := make([]*phone, 6)
	for i := range others {
		others[i] = joinedPhone(t, se, srv)
	}
	phoneIn := func(code, joined string) *testkit.Browser {
		b := testkit.StartBrowser(t, 390, 844)
		b.Open(srv.URL() + "?code=" + se.Code())
		b.Click("details.lang summary")
		b.Click(`button[value="` + code + `"]`)
		seeText(t, b, lang.Get(code).T("join.title"), "the page did not change its language")
		b.Type("#code", se.Code()) // the language's page has lost the code of the link
		b.Click(`form[action="/join"] button`)
		seeText(t, b, joined, "the phone did not join")
		return b
	}
	pl, hu := phoneIn("pl", "Pytanie 1 z 6"), phoneIn("hu", "1. kérdés / 6")
	pl.Click(`input[value="Focus on staff"]`)
	keepShot(pl, "phone-pl-vote.png")

	se.Next()
	se.Next() // the scales, with a countdown and the results on the phones
	for i, m := range [][3]string{{"4", "2", "5"}, {"5", "2", "4"}, {"3", "1", "4"}, {"4", "3", "5"}, {"5", "2", "3"}} {
		others[i].post("/vote", url.Values{"q": {"2"}, "v0": {m[0]}, "v1": {m[1]}, "v2": {m[2]}})
	}
	se.TogglePhoneResults()
	se.Countdown(time.Minute)
	hu.Open(srv.URL())
	hu.Click(`input[name="v0"][value="4"]`)
	hu.Click(`input[name="v1"][value="2"]`)
	keepShot(hu, "phone-hu-vote-countdown.png")
	se.Lock()
	hu.Open(srv.URL())
	keepShot(hu, "phone-hu-locked-results.png")

	se.ToggleQA()
	for i, q := range []string{"Kto płaci za wizyty studyjne?", "Can two partners share one transnational meeting?", "Lesz-e felvétel az Online Akadémiáról?"} {
		others[i].post("/ask", url.Values{"text": {q}})
	}
	pl.Open(srv.URL())
	pl.Type("textarea", "Czy burmistrz jest zaproszony na spotkanie końcowe?") // no emoji: this machine's Chromium has no emoji font
	seeText(t, pl, "51 / 280", "the Q&A box does not count as typed")
	keepShot(pl, "phone-pl-qa-before-upvotes.png")
	_, shown := se.QA()
	for i := range 3 {
		others[3+i].post("/upvote", url.Values{"id": {shown[1].ID}})
	}
	hu.Open(srv.URL())
	keepShot(hu, "phone-hu-qa.png")
}
