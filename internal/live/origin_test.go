package live

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// A POST that another site's page made the browser send is refused; the
// survey's own page (its Origin, or its Referer) and clients that send
// neither go through.
func TestCrossOriginPostsAreRefused(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	own := strings.TrimSuffix(srv.URL(), "/")
	p := newPhone(t, srv, nil)
	post := func(path string, form url.Values, header ...string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", own+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i < len(header); i += 2 {
			if header[i] == "Host" {
				req.Host = header[i+1]
			} else {
				req.Header.Set(header[i], header[i+1])
			}
		}
		resp, err := p.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	join := url.Values{"code": {se.Code()}}
	rebound := net.JoinHostPort("rebound.example", strconv.Itoa(srv.listener.Addr().(*net.TCPAddr).Port))
	for _, h := range [][]string{
		{"Origin", "http://evil.example"},
		{"Origin", "null"}, // a sandboxed frame, a file:// page
		{"Origin", "https://" + srv.listener.Addr().String()},
		{"Origin", own + ".evil.example"},
		{"Referer", "http://evil.example/page"},
		{"Origin", "http://evil.example", "Referer", own + "/"},
		{"Host", rebound, "Origin", "http://" + rebound}, // DNS rebinding: the attacker's name now leads here
	} {
		if status, body := post("/join", join, h...); status != http.StatusForbidden || !strings.Contains(body, "another site") {
			t.Errorf("join with %q: %d %.100s", h, status, body)
		}
	}
	if status, _ := post("/join", join, "Origin", own); status != http.StatusSeeOther {
		t.Fatalf("join from the own page's origin: %d", status)
	}
	vote := url.Values{"q": {"0"}, "v": {"Focus on staff"}}
	if status, _ := post("/vote", vote, "Origin", "http://evil.example"); status != http.StatusForbidden {
		t.Errorf("cross-site vote: %d", status)
	}
	if status, _ := post("/vote", vote, "Referer", own+"/?m=joined"); status != http.StatusSeeOther {
		t.Errorf("vote from the own page (Referer only): %d", status)
	}
	if status, _ := post("/vote", vote); status != http.StatusSeeOther {
		t.Errorf("vote without Origin or Referer: %d", status)
	}
	res, err := se.Results(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	votes := 0 // over every option: the results list them in the question's order
	for _, o := range res.Questions[0].Options {
		votes += o.Count
	}
	if q := res.Questions[0]; q.Respondents != 1 || votes != 1 {
		t.Errorf("the cross-site vote was counted: %+v", q)
	}
}
