package live

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// A phone that has just voted sees its own vote in the results at once,
// although the phones' results are otherwise read at most every 5 s.
func TestAVoterSeesItsOwnVoteCountedAtOnce(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	se.TogglePhoneResults()
	p := joinedPhone(t, se, srv)
	if _, body := p.get("/"); !strings.Contains(body, "Results so far · answers: 0") {
		t.Fatalf("before the vote:\n%s", body)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 303 {
		t.Fatalf("vote: %d", code)
	}
	if _, body := p.get("/?m=saved"); !strings.Contains(body, "Results so far · answers: 1") || !strings.Contains(body, "Focus on staff</span><b>1 (100%)</b>") {
		t.Fatalf("the voter does not see its vote:\n%s", body)
	}
	// Phones that only poll share one reading: a second reading without a
	// new vote is not made.
	before := se.phone.readings.Load()
	for range 20 {
		p.get("/")
		p.get("/state")
	}
	if n := se.phone.readings.Load(); n != before {
		t.Fatalf("20 polls without a vote read the results %d times", n-before)
	}
}

// Voters who vote in the same moments share a reading of the results, and
// each still sees its own vote counted: a busy room does not recount for
// every voter (in the room test 18,000 votes made 4,110 readings before).
func TestVotersOfOneMomentShareAReading(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	se.TogglePhoneResults()
	const voters = 40
	phones := make([]*phone, voters)
	for i := range phones {
		phones[i] = joinedPhone(t, se, srv)
	}
	answers := regexp.MustCompile(`Results so far · answers: (\d+)`)
	before := se.phone.readings.Load()
	var stored atomic.Int32
	errs := make(chan error, voters)
	start := time.Now()
	for _, p := range phones {
		go func() {
			resp, err := p.c.PostForm(p.base+"/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}})
			if err != nil {
				errs <- err
				return
			}
			resp.Body.Close() // the client followed the 303 to /?m=saved: this vote is counted there
			mine := stored.Add(1)
			resp, err = p.c.Get(p.base + "/?m=saved")
			if err != nil {
				errs <- err
				return
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			m := answers.FindSubmatch(body)
			if m == nil {
				errs <- fmt.Errorf("no results on the page:\n%s", body)
				return
			}
			if n, _ := strconv.Atoi(string(m[1])); n < int(mine) {
				errs <- fmt.Errorf("a voter after %d votes sees %d answers", mine, n)
				return
			}
			errs <- nil
		}()
	}
	for range voters {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	// Each voter's page is loaded twice (the redirect followed, then again):
	// without sharing, up to 80 readings.
	made := se.phone.readings.Load() - before
	if most := int64(time.Since(start)/freshSoonest) + 2; made > most {
		t.Fatalf("%d voters made %d readings in %v; at most %d expected", voters, made, time.Since(start), most)
	}
	t.Logf("%d voters, %d readings in %v", voters, made, time.Since(start))
}

// A ranking (and 100 points) no one has answered says so, on the phone in
// every language, instead of "average place 0.0".
func TestRankingWithoutAnswersSaysNoAnswersYet(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	se.TogglePhoneResults()
	for range 5 {
		se.Next() // the ranking
	}
	p := joinedPhone(t, se, srv)
	_, body := p.get("/")
	if strings.Contains(body, "average place 0") || strings.Count(body, "no answers yet") != 3 {
		t.Fatalf("the ranking without answers:\n%s", body)
	}
}

// Shares shown as whole percentages add up to 100 (largest remainder),
// and equal counts show equal percentages.
func TestPercentsAddUp(t *testing.T) {
	for _, c := range []struct {
		counts []int
		total  int
		want   []int
	}{
		{[]int{1, 1, 1}, 3, []int{33, 33, 33}},
		{[]int{2, 2, 2, 1}, 7, []int{29, 29, 29, 14}},
		{[]int{4, 4, 3}, 11, []int{36, 36, 27}},
		{[]int{4, 4, 3, 2}, 13, []int{31, 31, 23, 15}},
		{[]int{5, 3, 3}, 11, []int{46, 27, 27}},
		{[]int{1, 2}, 3, []int{33, 67}},
		{[]int{0, 0}, 0, []int{0, 0}},
		{[]int{3, 2}, 4, []int{75, 50}}, // several choices each: shares of respondents, no sum to keep
		{[]int{1, 0, 2}, 3, []int{33, 0, 67}},
	} {
		got := Percents(c.counts, c.total)
		if !slices.Equal(got, c.want) {
			t.Errorf("Percents(%v, %d) = %v, want %v", c.counts, c.total, got, c.want)
		}
	}
	_, se, srv := startLive(t, DefaultLimits)
	se.TogglePhoneResults()
	for _, v := range []string{"Focus on staff", "New working methods", "Working together with citizens"} {
		p := joinedPhone(t, se, srv)
		if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {v}}); code != 303 {
			t.Fatal("vote")
		}
	}
	_, body := joinedPhone(t, se, srv).get("/?m=saved")
	var shares []int
	for _, m := range regexp.MustCompile(`\((\d+)%\)`).FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[1])
		shares = append(shares, n)
	}
	// One vote each for three of the four options: the same share for each.
	if !slices.Equal(shares, []int{33, 0, 33, 33}) {
		t.Fatalf("the phone's shares of three equal counts are %v:\n%s", shares, body)
	}
}

// Stop-words leave a cloud's phrases at their start and end too ("the
// library" is "library", counted with it), in every language filtered.
func TestCloudPhrasesLoseTheirStopWords(t *testing.T) {
	f := Filter{StopWords: true}
	got := f.Words([]survey.WordResult{{Word: "library", Count: 2}, {Word: "the library", Count: 2}, {Word: "city of the future", Count: 1},
		{Word: "in the", Count: 4}, {Word: "w bibliotece", Count: 1}}, []string{"pl"})
	var out []string
	for _, w := range got {
		out = append(out, w.Word+":"+strconv.Itoa(w.Count))
	}
	if s := strings.Join(out, " "); s != "library:4 city of the future:1 bibliotece:1" {
		t.Fatalf("filtered %q", s)
	}
}

// The open answer's box counts the characters used against the limit the
// server enforces; the browser's maxlength (UTF-16 units) is twice it, so
// it never stops a text the server takes.
func TestOpenAnswerBoxCountsCharacters(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	for range 4 {
		se.Next() // the open question
	}
	p := joinedPhone(t, se, srv)
	if code, _ := p.post("/vote", url.Values{"q": {"4"}, "v": {"Żółw café"}}); code != 303 {
		t.Fatal("vote")
	}
	_, body := p.get("/")
	want := `maxlength="` + strconv.Itoa(2*survey.MaxAnswerRunes) + `" data-limit="` + strconv.Itoa(survey.MaxAnswerRunes) + `"`
	if !strings.Contains(body, want) || !strings.Contains(body, `<output class="counter" aria-live="polite">9 / 500</output>`) {
		t.Fatalf("no counter of 9 / 500 (and %s):\n%s", want, body)
	}
}

// Texts at the limit in emoji, combining accents, CJK and with line breaks
// sent as browsers send them (CRLF: the CR is dropped, as the box counts
// one) are taken and stored as counted; one
// character more is refused, also from a client that ignores the page.
func TestTextLimitsCountWhatTheServerStores(t *testing.T) {
	_, se, srv := startLive(t, Limits{VoteRate: 1000, VoteBurst: 1000})
	for range 4 {
		se.Next() // the open question
	}
	p := joinedPhone(t, se, srv)
	at := map[string]string{
		"emoji":            strings.Repeat("😀", 500),
		"a family emoji":   strings.Repeat("👩‍👩‍👧", 100), // 5 code points each
		"combining accent": strings.Repeat("e\u0301", 250),
		"CJK":              strings.Repeat("漢", 500),
		"line breaks":      strings.Repeat("a", 249) + "\r\n" + strings.Repeat("b", 250),
	}
	for name, text := range at {
		if code, body := p.post("/vote", url.Values{"q": {"4"}, "v": {text}}); code != 303 {
			t.Fatalf("%s at the limit: %d\n%s", name, code, body)
		}
		stored := strings.ReplaceAll(text, "\r\n", "\n")
		cards, _, err := se.Cards(context.Background(), 4)
		if err != nil || len(cards) != 1 || cards[0].Text != stored {
			t.Fatalf("%s: stored %d cards (%v), not the text as counted", name, len(cards), err)
		}
		if _, page := p.get("/"); !strings.Contains(page, `aria-live="polite">`+strconv.Itoa(utf8.RuneCountInString(stored))+` / 500<`) {
			t.Fatalf("%s: the page's counter does not count what is stored", name)
		}
	}
	for name, text := range map[string]string{"emoji": strings.Repeat("😀", 501), "combining accent": strings.Repeat("e\u0301", 250) + "!",
		"within maxlength": strings.Repeat("a", 2*survey.MaxAnswerRunes)} {
		if code, body := p.post("/vote", url.Values{"q": {"4"}, "v": {text}}); code != 400 || !strings.Contains(body, "500") {
			t.Fatalf("%s over the limit: %d", name, code)
		}
	}
	// A word-cloud entry: 40 characters, emoji one each.
	se.Prev()
	if code, body := p.post("/vote", url.Values{"q": {"3"}, "v": {strings.Repeat("🌱", survey.MaxEntryRunes)}}); code != 303 {
		t.Fatalf("an entry of 40 emoji: %d\n%s", code, body)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"3"}, "v": {strings.Repeat("🌱", survey.MaxEntryRunes+1)}}); code != 400 {
		t.Fatalf("an entry of 41 emoji: %d", code)
	}
	if _, page := p.get("/"); !strings.Contains(page, `maxlength="80" data-limit="40"`) {
		t.Fatal("the entries' limit in the page is not the server's")
	}
	// The Q&A: 280 characters whatever they are, not one more.
	se.ToggleQA()
	if code, body := p.post("/ask", url.Values{"text": {strings.Repeat("🙋", maxQARunes)}}); code != 303 {
		t.Fatalf("a question of 280 emoji: %d\n%s", code, body)
	}
	if code, body := p.post("/ask", url.Values{"text": {strings.Repeat("漢", maxQARunes+1)}}); code != 400 || !strings.Contains(body, "280") {
		t.Fatalf("a question of 281 characters: %d", code)
	}
	if _, page := p.get("/"); !strings.Contains(page, `maxlength="560" data-limit="280"`) || !strings.Contains(page, `aria-live="polite">0 / 280<`) {
		t.Fatalf("the Q&A box has no counter:\n%s", page)
	}
}
