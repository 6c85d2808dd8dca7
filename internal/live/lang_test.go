package live

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// acceptLanguage sends a phone's Accept-Language with each request.
type acceptLanguage string

func (a acceptLanguage) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Accept-Language", string(a))
	return http.DefaultTransport.RoundTrip(r)
}

func htmlLang(body string) string {
	m := regexp.MustCompile(`<html lang="([^"]*)">`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

func TestThePageSpeaksThePhonesLanguage(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	for header, want := range map[string]string{
		"":                        "en",
		"nl-BE,nl;q=0.9,en;q=0.8": "nl",
		"fr-FR,fr;q=0.9,hu;q=0.7": "hu",
		"de-DE":                   "en", // not offered: the session's language
	} {
		p := newPhone(t, srv, acceptLanguage(header))
		_, body := p.get("/")
		if got := htmlLang(body); got != want {
			t.Errorf("Accept-Language %q: the page is in %q, want %q", header, got, want)
		}
		if want == "nl" && !strings.Contains(body, "Doe mee met de enquête") {
			t.Errorf("the Dutch join page:\n%s", body)
		}
	}
	// The session's language decides when the phone's names none offered.
	if err := se.SetLanguage("Polski"); err != nil {
		t.Fatal(err)
	}
	if _, body := newPhone(t, srv, acceptLanguage("de-DE")).get("/"); htmlLang(body) != "pl" || !strings.Contains(body, "Dołącz do ankiety") {
		t.Fatalf("the session's Polish:\n%s", body)
	}
	if err := se.SetLanguage("fr"); err == nil || !strings.Contains(err.Error(), "pl (Polski)") {
		t.Fatalf("an unknown default language: %v", err)
	}
}

func TestTheLanguageChosenOnThePageIsKept(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := newPhone(t, srv, acceptLanguage("nl"))
	if code, body := p.post("/lang", url.Values{"lang": {"sk"}}); code != 303 {
		t.Fatalf("choosing Slovak: %d\n%s", code, body)
	}
	if _, body := p.get("/"); htmlLang(body) != "sk" || !strings.Contains(body, "Pripojte sa k prieskumu") {
		t.Fatalf("the cookie does not override Accept-Language:\n%s", body)
	}
	// Joined, the choice stays; a language not offered changes nothing.
	if code, _ := p.post("/join", url.Values{"code": {se.Code()}}); code != 303 {
		t.Fatalf("join: %d", code)
	}
	for _, forged := range []string{"fr", "", strings.Repeat("a", 5000), "sk\x00", "<b>"} {
		if code, _ := p.post("/lang", url.Values{"lang": {forged}}); code != 303 {
			t.Fatalf("forged language %q: %d", forged, code)
		}
		if _, body := p.get("/"); htmlLang(body) != "sk" || !strings.Contains(body, "Otázka 1 z 6") {
			t.Fatalf("after a forged language %q:\n%s", forged, body)
		}
	}
	// A forged cookie is ignored: the phone's Accept-Language decides.
	for _, value := range []string{"xx", strings.Repeat("pl", 100), "pl-PL", "Polski"} {
		req, _ := http.NewRequest("GET", srv.URL(), nil)
		req.Header.Set("Accept-Language", "da")
		req.AddCookie(&http.Cookie{Name: langCookie, Value: value})
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := "da"
		if value == "Polski" { // a name is as good as a code
			want = "pl"
		}
		if got := srv.tr(req).Code; got != want {
			t.Errorf("cookie %q: %s, want %s", value, got, want)
		}
	}
}

// allKindsSurvey is a survey with a question of each kind the page shows.
func allKindsSurvey(t *testing.T) (*data.Store, data.Survey) {
	s, network := testkit.DemoStore(t)
	csv := filepath.Join(t.TempDir(), "kinds.csv")
	os.WriteFile(csv, []byte("kind,prompt,option 1,option 2,option 3\n"+
		"single,Prima,Alpha,Beta,Gamma\nmultiple,Secunda,Alpha,Beta,Gamma\nscales 1-5,Tertia,Rho,Sigma\n"+
		"wordcloud,Quarta\nopen,Quinta\nranking,Sexta,Alpha,Beta,Gamma\npoints,Septima,Alpha,Beta\nmultiple,Octava,Alpha,Beta\n"), 0o600)
	sv, err := survey.ImportTemplate(context.Background(), s, network.ID, csv, "Kinds")
	if err != nil {
		t.Fatal(err)
	}
	return s, sv
}

// visibleText is what a page shows or says aloud: its text and the
// labels of its attributes.
func visibleText(page string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`(?:aria-label|title|placeholder)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		b.WriteString(m[1] + "\n")
	}
	page = regexp.MustCompile(`(?s)<title>.*?</title>`).ReplaceAllString(page, "")
	b.WriteString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " "))
	return html.UnescapeString(b.String())
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
}

// englishWords are the words of the English page's strings that a page
// in code must not show: those that code's strings or the content (the
// survey's names, options and answers, the partners, the language names)
// do not also use.
func englishWords(code string, content []string) map[string]bool {
	allowed := map[string]bool{}
	tr := lang.Get(code)
	for _, k := range tr.Keys() {
		for _, w := range words(tr.Raw(k)) {
			allowed[w] = true
		}
	}
	for _, c := range content {
		for _, w := range words(c) {
			allowed[w] = true
		}
	}
	for _, l := range lang.All {
		allowed[strings.ToLower(l.Name)] = true
	}
	en := lang.Get(lang.Default)
	out := map[string]bool{}
	for _, k := range en.Keys() {
		for _, w := range words(en.Raw(k)) {
			if len([]rune(w)) >= 2 && !allowed[w] {
				out[w] = true
			}
		}
	}
	return out
}

// TestEveryLanguageRendersEveryState walks every state of the page in
// every language (each kind of question open, refused, closed, locked,
// timed out, with results; the Q&A; the join and limit pages; the
// messages) and checks that the page is in that language and shows no
// English word of the page's strings.
func TestEveryLanguageRendersEveryState(t *testing.T) {
	s, sv := allKindsSurvey(t)
	limits := DefaultLimits // every phone sends dozens of requests at once
	limits.VoteRate, limits.VoteBurst, limits.PageRate, limits.PageBurst = 1000, 1000, 1000, 1000
	se, srv := startSession(t, s, sv, limits)
	two := int64(2)
	se.Questions[1].ScaleMax = &two // at most two choices
	content := []string{sv.Title, "Alpha Beta Gamma Rho Sigma Delta x", "trust, participation, fine", "Gamma delta epsilon",
		"Zeta?", "Eta theta", "Iota", "zzz"} // the survey's names and the answers typed below: none an English word of the page
	for _, q := range se.Questions {
		content = append(content, q.Prompt)
	}
	for _, p := range se.Partners {
		content = append(content, p.Name)
	}
	type phoneIn struct {
		code string
		p    *phone
	}
	var phones []phoneIn
	pages := map[string][]string{} // language → the pages seen
	see := func(code, state string, status int, body string) {
		t.Helper()
		if htmlLang(body) != code {
			t.Fatalf("%s, %s: status %d, the page is in %q:\n%s", code, state, status, htmlLang(body), body)
		}
		pages[code] = append(pages[code], state+"\x00"+body)
	}
	for _, l := range lang.All {
		p := newPhone(t, srv, acceptLanguage(l.Code))
		status, body := p.get("/")
		see(l.Code, "join", status, body)
		status, body = p.post("/join", url.Values{"code": {"12345x"}})
		see(l.Code, "wrong code", status, body)
		if code, _ := p.post("/join", url.Values{"code": {se.Code()}, "partner": {se.Partners[0].ID}}); code != 303 {
			t.Fatalf("%s join: %d", l.Code, code)
		}
		status, body = p.get("/?m=joined")
		see(l.Code, "joined", status, body)
		phones = append(phones, phoneIn{l.Code, p})
	}
	bad := map[int][]url.Values{ // refused answers of each question
		0: {{"v": {"Delta"}}, {}, {"v": {"Alpha", "Beta"}}}, 1: {{"v": {"Alpha", "Beta", "Gamma"}}},
		2: {{"v0": {"9"}}, {"v0": {"x"}}, {}}, 3: {{"v": {strings.Repeat("w", 60)}}, {}}, 4: {{"v": {strings.Repeat("zzz ", 200)}}, {}},
		5: {{"v0": {"1"}, "v1": {"1"}}}, 6: {{"v0": {"90"}, "v1": {"90"}}, {"v0": {"200"}}}, 7: {{}},
	}
	good := map[int]url.Values{0: {"v": {"Alpha"}}, 1: {"v": {"Alpha", "Beta"}}, 2: {"v0": {"4"}, "v1": {"2"}}, 3: {"v": {"trust", "participation", "fine"}},
		4: {"v": {"Gamma delta epsilon"}}, 5: {"v0": {"1"}, "v1": {"2"}, "v2": {"3"}}, 6: {"v0": {"60"}, "v1": {"40"}}, 7: {"v": {"Beta"}}}
	se.TogglePhoneResults()
	for qi := range se.Questions {
		for _, ph := range phones { // every phone sees the question before anyone answers it (results: none yet)
			status, body := ph.p.get("/")
			see(ph.code, "open", status, body)
		}
		for _, ph := range phones {
			for _, form := range bad[qi] {
				form.Set("q", strconv.Itoa(qi))
				status, body := ph.p.post("/vote", form)
				if status != 400 {
					t.Fatalf("%s: a refused answer to %d got %d", ph.code, qi, status)
				}
				see(ph.code, "refused", status, body)
			}
			form := url.Values{"q": {strconv.Itoa(qi)}}
			for k, v := range good[qi] {
				form[k] = v
			}
			if status, body := ph.p.post("/vote", form); status != 303 {
				t.Fatalf("%s: answer to %d: %d\n%s", ph.code, qi, status, body)
			}
			status, body := ph.p.get("/?m=saved")
			see(ph.code, "saved", status, body)
		}
		se.phone.mu.Lock()
		se.phone.view = nil // the phones' results read afresh, with every answer
		se.phone.mu.Unlock()
		se.Countdown(time.Hour)
		for _, ph := range phones {
			status, body := ph.p.get("/")
			see(ph.code, "countdown with results", status, body)
			status, body = ph.p.post("/vote", url.Values{"q": {strconv.Itoa(qi + 1)}})
			see(ph.code, "moved", status, body)
		}
		se.SetOpen(false)
		for _, ph := range phones {
			status, body := ph.p.get("/")
			see(ph.code, "closed", status, body)
			form := url.Values{"q": {strconv.Itoa(qi)}}
			for k, v := range good[qi] {
				form[k] = v
			}
			status, body = ph.p.post("/vote", form)
			see(ph.code, "refused closed", status, body)
		}
		se.Lock()
		for _, ph := range phones {
			status, body := ph.p.get("/")
			see(ph.code, "locked", status, body)
			form := url.Values{"q": {strconv.Itoa(qi)}}
			status, body = ph.p.post("/vote", form)
			see(ph.code, "refused locked", status, body)
		}
		se.Next()
	}
	se.Countdown(time.Millisecond) // the last question, timed out
	waitFor(t, "the countdown to run out", func() bool { return se.State().TimeUp })
	for _, ph := range phones {
		status, body := ph.p.post("/vote", url.Values{"q": {strconv.Itoa(len(se.Questions) - 1)}})
		see(ph.code, "time up", status, body)
	}
	se.ToggleQA()
	for _, ph := range phones {
		status, body := ph.p.get("/")
		see(ph.code, "empty Q&A", status, body)
		status, body = ph.p.post("/ask", url.Values{"text": {"  "}})
		see(ph.code, "empty question", status, body)
		status, body = ph.p.post("/ask", url.Values{"text": {strings.Repeat("q", 300)}})
		see(ph.code, "long question", status, body)
	}
	phones[0].p.post("/ask", url.Values{"text": {"Zeta?"}})
	se.SetApproval(true)
	for _, ph := range phones {
		if status, _ := ph.p.post("/ask", url.Values{"text": {"Eta theta"}}); status != 303 {
			t.Fatalf("%s ask: %d", ph.code, status)
		}
		status, body := ph.p.get("/?m=queued")
		see(ph.code, "queued", status, body)
	}
	waiting, shown := se.QA()
	se.Moderate(shown[0].ID, func(q *data.LiveQuestion) { q.Answered = true })
	for _, q := range waiting {
		se.Moderate(q.ID, func(q *data.LiveQuestion) { q.Approved = true })
	}
	for _, ph := range phones { // each phone's own question refuses its upvote
		for _, q := range waiting {
			if status, body := ph.p.post("/upvote", url.Values{"id": {q.ID}}); status == 400 {
				see(ph.code, "own upvote", status, body)
			}
		}
	}
	for _, ph := range phones {
		ph.p.post("/upvote", url.Values{"id": {waiting[0].ID}})
		status, body := ph.p.get("/?m=upvoted")
		see(ph.code, "upvoted", status, body)
		ph.p.post("/upvote", url.Values{"id": {waiting[0].ID}})
		status, body = ph.p.get("/?m=upvoted_again")
		see(ph.code, "upvoted twice", status, body)
		status, body = ph.p.post("/upvote", url.Values{"id": {"nope"}})
		see(ph.code, "upvote gone", status, body)
		status, body = ph.p.get("/?m=asked")
		see(ph.code, "Q&A", status, body)
		for i := 0; i < maxQAPerAsker; i++ {
			ph.p.post("/ask", url.Values{"text": {"Iota " + strconv.Itoa(i)}})
		}
		status, body = ph.p.post("/ask", url.Values{"text": {"Eta theta"}})
		see(ph.code, "asked too many", status, body)
	}
	se.ToggleQA()
	for _, ph := range phones {
		status, body := ph.p.post("/ask", url.Values{"text": {"Eta theta"}})
		see(ph.code, "Q&A closed", status, body)
	}
	// The limit and failure pages, drawn for a request in each language.
	for _, l := range lang.All {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Accept-Language", l.Code)
		for state, draw := range map[string]func(http.ResponseWriter){
			"too many":    func(w http.ResponseWriter) { srv.tooMany(w, req) },
			"paused":      func(w http.ResponseWriter) { srv.joinPaused(w, req, 30*time.Second) },
			"unavailable": func(w http.ResponseWriter) { srv.unavailable(w, req) },
			"save failed": func(w http.ResponseWriter) { srv.qaFailed(w, req, context.DeadlineExceeded) },
			"ended":       func(w http.ResponseWriter) { srv.qaFailed(w, req, errEnded) },
			"too long": func(w http.ResponseWriter) {
				r := httptest.NewRequest("POST", "/vote", strings.NewReader("v="+strings.Repeat("x", 1<<20)))
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				r.Header.Set("Accept-Language", l.Code)
				srv.parseForm(w, r)
			},
		} {
			rec := httptest.NewRecorder()
			draw(rec)
			see(l.Code, state, rec.Code, rec.Body.String())
		}
	}
	se.End()
	for _, ph := range phones {
		status, body := ph.p.get("/")
		see(ph.code, "ended", status, body)
	}

	for _, l := range lang.All[1:] {
		english := englishWords(l.Code, content)
		for _, page := range pages[l.Code] {
			state, body, _ := strings.Cut(page, "\x00")
			for _, w := range words(visibleText(body)) {
				if english[w] {
					t.Errorf("%s, %s: the English word %q shows:\n%s", l.Code, state, w, visibleText(body))
					break
				}
			}
		}
	}
	// Every string of the page was shown in some state (the walk is
	// complete), but those of a store that fails, of a full Q&A and of a
	// vote just after the close (their keys are checked by the lang tests).
	unshown := map[string]bool{"decimal": true, "msg.answers_unreadable": true, "msg.join_failed": true, "msg.not_saved": true,
		"msg.late": true, "qa.full": true,
		"vote.each_line": true} // the page always sends a value per line
	for _, l := range lang.All[1:] {
		all := strings.Join(pages[l.Code], "\n")
		tr := lang.Get(l.Code)
		for _, k := range tr.Keys() {
			text, _, _ := strings.Cut(tr.Raw(k), "%")
			if text = html.EscapeString(strings.TrimSpace(text)); text != "" && !unshown[k] && !strings.Contains(all, text) {
				t.Errorf("%s: no state shows %q (%s)", l.Code, text, k)
			}
		}
	}
}

func TestCloudsLeaveOutTheStopWordsOfTheLanguagesAnsweredIn(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	cloud := []survey.WordResult{{Word: "udział", Count: 3}, {Word: "się", Count: 2}, {Word: "the", Count: 2}, {Word: "og", Count: 1}}
	shown := func() string {
		var out []string
		for _, w := range se.State().Filter.Words(cloud, se.WordLanguages()) {
			out = append(out, w.Word)
		}
		return strings.Join(out, " ")
	}
	if got := shown(); got != "udział się og" { // English only, so far
		t.Fatalf("before any answer: %q", got)
	}
	polish := newPhone(t, srv, acceptLanguage("pl-PL,pl;q=0.9"))
	if code, _ := polish.post("/join", url.Values{"code": {se.Code()}}); code != 303 {
		t.Fatal("join")
	}
	se.Next()
	se.Next()
	se.Next() // the word cloud
	if code, _ := polish.post("/vote", url.Values{"q": {"3"}, "v": {"udział", "się"}}); code != 303 {
		t.Fatalf("vote: %d", code)
	}
	if got := shown(); got != "udział og" {
		t.Fatalf("after a Polish answer: %q (languages %v)", got, se.WordLanguages())
	}
	if err := se.SetLanguage("da"); err != nil {
		t.Fatal(err)
	}
	if got := shown(); got != "udział" {
		t.Fatalf("in a Danish session: %q", got)
	}
	// The phones' cloud is filtered the same way.
	se.TogglePhoneResults()
	if _, body := polish.get("/"); !strings.Contains(body, "udział <b>1</b>") || strings.Contains(body, "się <b>") {
		t.Fatalf("the phone's cloud:\n%s", body)
	}
}
