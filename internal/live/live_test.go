package live

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
)

// startLive runs a live session of the example template's survey on
// loopback and returns it with its server.
func startLive(t testing.TB, limits Limits) (*data.Store, *Session, *Server) {
	t.Helper()
	s, network := testkit.DemoStore(t)
	sv, err := survey.ImportTemplate(context.Background(), s, network.ID, "../../assets/examples/survey-template.csv", "Online Academy 4")
	if err != nil {
		t.Fatal(err)
	}
	se, srv := startSession(t, s, sv, limits)
	return s, se, srv
}

// startSession runs a live session of sv on loopback.
func startSession(t testing.TB, s *data.Store, sv data.Survey, limits Limits) (*Session, *Server) {
	t.Helper()
	se, err := NewSession(context.Background(), s, sv)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Start(se, "127.0.0.1:0", limits)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	return se, srv
}

// phone is one participant's browser: cookies kept, redirects not followed.
type phone struct {
	t    testing.TB
	c    *http.Client
	base string
}

func newPhone(t testing.TB, srv *Server, transport http.RoundTripper) *phone {
	jar, _ := cookiejar.New(nil)
	return &phone{t: t, base: strings.TrimSuffix(srv.URL(), "/"), c: &http.Client{Jar: jar, Transport: transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (p *phone) get(path string) (int, string) {
	p.t.Helper()
	resp, err := p.c.Get(p.base + path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (p *phone) post(path string, form url.Values) (int, string) {
	p.t.Helper()
	resp, err := p.c.PostForm(p.base+path, form)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestJoinVoteChangeCloseAndMoveOn(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := newPhone(t, srv, nil)
	if code, body := p.get("/"); code != 200 || !strings.Contains(body, "Join the survey") || !strings.Contains(body, "Gdańsk") {
		t.Fatalf("join page %d:\n%s", code, body)
	}
	wrong := "000000"
	if se.Code() == wrong {
		wrong = "111111"
	}
	if code, body := p.post("/join", url.Values{"code": {wrong}}); code != 403 || !strings.Contains(body, "not the code") {
		t.Fatalf("wrong code: %d", code)
	}
	if code, _ := p.post("/join", url.Values{"code": {se.Code()}, "partner": {se.Partners[0].ID}}); code != 303 {
		t.Fatalf("join: %d", code)
	}
	code, body := p.get("/")
	if code != 200 || !strings.Contains(body, "Question 1 of 6") || !strings.Contains(body, "Which theme should the next Online Academy cover?") {
		t.Fatalf("question page %d:\n%s", code, body)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 303 {
		t.Fatalf("vote: %d", code)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"New working methods"}}); code != 303 {
		t.Fatalf("changed vote: %d", code)
	}
	if _, body := p.get("/?m=saved"); !strings.Contains(body, "your answer is saved") || !strings.Contains(body, `value="New working methods" checked`) {
		t.Fatalf("the page does not show the changed answer:\n%s", body)
	}
	res, _ := se.Results(context.Background())
	if q := res.Questions[0]; q.Respondents != 1 || optionCount(q, "New working methods") != 1 || optionCount(q, "Focus on staff") != 0 {
		t.Fatalf("results %+v", q)
	}
	se.SetOpen(false)
	if code, body := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 409 || !strings.Contains(body, "closed") {
		t.Fatalf("vote after closing: %d", code)
	}
	if _, body := p.get("/"); !strings.Contains(body, "Voting on this question is closed. Your answer: New working methods") {
		t.Fatalf("closed page:\n%s", body)
	}
	se.Next()
	se.Next() // the scales question
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 409 {
		t.Fatalf("a vote for an earlier question: %d", code)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"2"}, "v0": {"4"}, "v2": {"9"}}); code != 400 {
		t.Fatalf("a scale value out of range: %d", code)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"2"}, "v0": {"4"}, "v2": {"2"}}); code != 303 {
		t.Fatalf("scales vote: %d", code)
	}
	res, _ = se.Results(context.Background())
	if st := res.Questions[2].Statements; st[0].Mean != 4 || st[1].Count != 0 || st[2].Mean != 2 {
		t.Fatalf("scales %+v", st)
	}
	srv.Stop()
	if _, err := http.Get(srv.URL()); err == nil {
		t.Fatal("the server still answers after the session ended")
	}
}

// optionCount is how many chose an option (-1 when it is not listed): the
// results list options in the question's order, not by count.
func optionCount(q survey.QuestionResult, label string) int {
	for _, o := range q.Options {
		if o.Label == label {
			return o.Count
		}
	}
	return -1
}
