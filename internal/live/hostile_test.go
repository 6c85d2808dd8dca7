package live

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestHostileInput(t *testing.T) {
	_, se, srv := startLive(t, Limits{MaxBody: 4 << 10, JoinRate: 5, JoinBurst: 10, VoteRate: 1, VoteBurst: 3})
	p := newPhone(t, srv, nil)
	if code, _ := p.post("/join", url.Values{"code": {se.Code()}}); code != 303 {
		t.Fatalf("join: %d", code)
	}
	se.Next()
	se.Next()
	se.Next()
	se.Next() // the open question

	// Script in an answer comes back as text, never as markup.
	if code, _ := p.post("/vote", url.Values{"q": {"4"}, "v": {`<script>alert("x")</script><b>bold</b>`}}); code != 303 {
		t.Fatalf("vote: %d", code)
	}
	_, body := p.get("/")
	if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;bold") {
		t.Fatalf("the answer is not escaped:\n%s", body)
	}
	res, _ := se.Results(context.Background())
	if res.Questions[4].Respondents != 1 {
		t.Fatalf("open question %+v", res.Questions[4])
	}

	// An oversized body is refused and stores nothing.
	if code, _ := p.post("/vote", url.Values{"q": {"4"}, "v": {strings.Repeat("A", 8<<10)}}); code != http.StatusRequestEntityTooLarge {
		t.Fatalf("oversized body: %d", code)
	}
	// Longer than an answer may be, but within the body limit.
	if code, _ := p.post("/vote", url.Values{"q": {"4"}, "v": {strings.Repeat("B", 600)}}); code != 400 {
		t.Fatalf("600-character answer: %d", code)
	}
	// A flood of votes from one participant is slowed down.
	limited := false
	for range 10 {
		if code, _ := p.post("/vote", url.Values{"q": {"4"}, "v": {"again"}}); code == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Fatal("ten votes in a row were all accepted")
	}
	// A flood of joins from one address too.
	limited = false
	for range 20 {
		if code, _ := newPhone(t, srv, nil).post("/join", url.Values{"code": {se.Code()}}); code == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Fatal("twenty joins from one address were all accepted")
	}
	// Only the participant routes exist.
	for _, path := range []string{"/admin", "/results", "/static/../live.db", "/static/page.html", "/web/page.html", "/debug/pprof/"} {
		resp, err := http.Get(strings.TrimSuffix(srv.URL(), "/") + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 && resp.StatusCode != 400 && resp.StatusCode != 301 {
			t.Errorf("%s answered %d", path, resp.StatusCode)
		}
	}
	if resp, _ := http.Head(srv.URL()); resp.Header.Get("Content-Security-Policy") == "" {
		t.Error("no Content-Security-Policy")
	}
}

func TestForgedTokensAndReplayedCodes(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	// A made-up token is not a participant: back to the join page.
	p := newPhone(t, srv, nil)
	u, _ := url.Parse(srv.URL())
	p.c.Jar.SetCookies(u, []*http.Cookie{{Name: cookieName, Value: strings.Repeat("ab", 32)}})
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 303 {
		t.Fatalf("forged token voted: %d", code)
	}
	if _, body := p.get("/"); !strings.Contains(body, "Join the survey") {
		t.Fatal("a forged token got past the join page")
	}
	// The code of an earlier session does not open a new one.
	old := se.Code()
	srv.Stop()
	_, se2, srv2 := startLive(t, DefaultLimits)
	if se2.Code() == old {
		t.Skip("the two sessions drew the same code (one in a million)")
	}
	if code, _ := newPhone(t, srv2, nil).post("/join", url.Values{"code": {old}}); code != 403 {
		t.Fatalf("an old code joined: %d", code)
	}
	// An ended session takes no votes.
	q := newPhone(t, srv2, nil)
	q.post("/join", url.Values{"code": {se2.Code()}})
	se2.End()
	if code, _ := q.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 409 {
		t.Fatalf("vote after the end: %d", code)
	}
	res, _ := se2.Results(context.Background())
	if res.Questions[0].Respondents != 0 {
		t.Fatalf("a vote after the end was counted: %+v", res.Questions[0])
	}
}

func TestJoiningIsNotAnswering(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := newPhone(t, srv, nil)
	for range 3 { // a second tap on Join, and a third
		if code, _ := p.post("/join", url.Values{"code": {se.Code()}}); code != 303 {
			t.Fatalf("join: %d", code)
		}
	}
	newPhone(t, srv, nil).post("/join", url.Values{"code": {se.Code()}}) // joins, never votes
	res, _ := se.Results(context.Background())
	if res.Survey.Respondents != 0 {
		t.Fatalf("%d respondents before any vote", res.Survey.Respondents)
	}
	p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}})
	p.post("/vote", url.Values{"q": {"0"}, "v": {"New working methods"}})
	res, _ = se.Results(context.Background())
	if res.Survey.Respondents != 1 || res.Questions[0].Respondents != 1 || res.Questions[0].Skipped != 0 {
		t.Fatalf("after one phone voted twice: %d respondents, %+v", res.Survey.Respondents, res.Questions[0])
	}
}

// A vote checked while voting was open but stored after the presenter
// closed it is refused, not counted.
func TestVoteArrivingAfterCloseIsNotCounted(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := newPhone(t, srv, nil)
	p.post("/join", url.Values{"code": {se.Code()}})
	hash, _, _, _ := srv.participant(requestWithCookie(t, p, srv))
	se.SetOpen(false)
	if _, err := se.votes.submit(context.Background(), writeReq{tokenHash: hash, question: 0, answer: []string{"Focus on staff"}}); err != errClosed {
		t.Fatalf("a vote after closing: %v", err)
	}
	se.SetOpen(true)
	se.Next()
	if _, err := se.votes.submit(context.Background(), writeReq{tokenHash: hash, question: 0, answer: []string{"Focus on staff"}}); err != errClosed {
		t.Fatalf("a vote for the previous question: %v", err)
	}
	res, _ := se.Results(context.Background())
	if res.Questions[0].Respondents != 0 || res.Survey.Respondents != 0 {
		t.Fatalf("late votes were counted: %+v", res.Questions[0])
	}
}

// requestWithCookie is a request carrying the phone's cookies.
func requestWithCookie(t *testing.T, p *phone, srv *Server) *http.Request {
	t.Helper()
	r, _ := http.NewRequest("GET", srv.URL(), nil)
	u, _ := url.Parse(srv.URL())
	for _, c := range p.c.Jar.Cookies(u) {
		r.AddCookie(c)
	}
	r.RemoteAddr = "127.0.0.1:1"
	return r
}

func TestPageLoadsOfOneParticipantAreLimited(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := newPhone(t, srv, nil)
	p.post("/join", url.Values{"code": {se.Code()}})
	for i := range 40 {
		if code, _ := p.get("/"); code == http.StatusTooManyRequests {
			return
		} else if i == 39 {
			t.Fatalf("40 page loads in a row: last %d", code)
		}
	}
}

// A phone whose place the store cannot read just now is told so, not sent
// to join again as a new participant.
func TestPhoneIsToldWhenTheStoreCannotReadItsPlace(t *testing.T) {
	s, _, srv := startLive(t, DefaultLimits)
	p := newPhone(t, srv, nil)
	p.post("/join", url.Values{"code": {srv.se.Code()}})
	srv.mu.Lock()
	clear(srv.known) // as after a restart of the session: only the store knows the phone
	srv.mu.Unlock()
	s.Close()
	status, body := p.get("/")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "could not read the session") {
		t.Fatalf("status %d: %.200s", status, body)
	}
}

// The QR code's address carries the join code: a phone that scans it finds
// the code typed; anything but six digits in the address is not echoed.
func TestScannedJoinAddressFillsInTheCode(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	if !strings.HasSuffix(srv.JoinURL(), "/?code="+se.Code()) {
		t.Fatalf("join address %s", srv.JoinURL())
	}
	p := newPhone(t, srv, nil)
	_, body := p.get("/?code=" + se.Code())
	if !strings.Contains(body, `value="`+se.Code()+`"`) {
		t.Fatalf("the join form does not hold the scanned code: %.400s", body)
	}
	for _, bad := range []string{"12345", "1234567", `12"><x`, "abcdef"} {
		_, body := newPhone(t, srv, nil).get("/?code=" + url.QueryEscape(bad))
		if !strings.Contains(body, `value=""`) {
			t.Errorf("code %q was echoed: %.300s", bad, body)
		}
	}
	status, _ := p.post("/join", url.Values{"code": {se.Code()}})
	if status != http.StatusSeeOther {
		t.Fatalf("joining with the scanned code: %d", status)
	}
}
