package live

import (
	"net/url"
	"strings"
	"testing"
)

// A phone that voted in an earlier run of the session finds its answer on
// the page (read once from the store: the new run's writer stored nothing
// for it yet), and the answer it changes to afterwards.
func TestRestartedSessionShowsTheStoredAnswer(t *testing.T) {
	s, se, srv := startLive(t, DefaultLimits)
	p := newPhone(t, srv, nil)
	p.post("/join", url.Values{"code": {se.Code()}})
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 303 {
		t.Fatalf("vote: %d", code)
	}
	srv.Stop()

	se2, srv2 := startSession(t, s, se.Survey, DefaultLimits)
	p.base = strings.TrimSuffix(srv2.URL(), "/") // the same phone, its cookie kept
	if _, body := p.get("/"); !strings.Contains(body, `value="Focus on staff" checked`) || !strings.Contains(body, "Change my answer") {
		t.Fatalf("the restarted session does not show the stored answer:\n%s", body)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"New working methods"}}); code != 303 {
		t.Fatalf("changed vote: %d", code)
	}
	if _, body := p.get("/?m=saved"); !strings.Contains(body, `value="New working methods" checked`) || strings.Contains(body, `value="Focus on staff" checked`) {
		t.Fatalf("the page does not show the changed answer:\n%s", body)
	}
	// Another phone with no answer gets the page without one (not a cached page of the first).
	q := newPhone(t, srv2, nil)
	q.post("/join", url.Values{"code": {se2.Code()}})
	if _, body := q.get("/"); strings.Contains(body, "checked") || !strings.Contains(body, ">Send<") {
		t.Fatalf("a new phone sees an answer:\n%s", body)
	}
}
