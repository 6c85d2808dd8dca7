package live

import (
	"context"
	"html/template"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// joinedPhone is a phone that joined the session.
func joinedPhone(t *testing.T, se *Session, srv *Server) *phone {
	t.Helper()
	p := newPhone(t, srv, nil)
	if code, _ := p.post("/join", url.Values{"code": {se.Code()}}); code != 303 {
		t.Fatalf("join: %d", code)
	}
	return p
}

func TestCountdownClosesVotingAtTheServer(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := joinedPhone(t, se, srv)
	se.Countdown(time.Minute)
	if _, body := p.get("/"); !strings.Contains(body, `data-remaining="60"`) || !strings.Contains(body, "Voting closes in <b id=\"clock\">1:00</b>") {
		t.Fatalf("the page does not show the server's time left:\n%s", body)
	}
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 303 {
		t.Fatalf("a vote during the countdown: %d", code)
	}
	// The server's clock decides: once the deadline is past, a vote is
	// refused even before the timer has turned the state.
	if st := se.State(); st.Accepting(st.Deadline.Add(time.Millisecond)) || !st.Accepting(st.Deadline.Add(-time.Second)) {
		t.Fatal("Accepting does not follow the deadline")
	}
	se.Countdown(30 * time.Millisecond)
	time.Sleep(80 * time.Millisecond)
	st := se.State()
	if st.Open || !st.Locked || !st.TimeUp || !st.Deadline.IsZero() {
		t.Fatalf("after the countdown: %+v", st)
	}
	if code, body := p.post("/vote", url.Values{"q": {"0"}, "v": {"New working methods"}}); code != 409 || !strings.Contains(body, "Time is up") {
		t.Fatalf("a vote after the countdown: %d\n%s", code, body)
	}
	se.Next()
	se.Prev() // back to the question: the countdown locked it
	if st := se.State(); st.Open || !st.Locked {
		t.Fatalf("going back reopened a question the countdown closed: %+v", st)
	}
	res, _ := se.Results(context.Background())
	if res.Questions[0].Respondents != 1 || optionCount(res.Questions[0], "Focus on staff") != 1 {
		t.Fatalf("results %+v", res.Questions[0])
	}
}

func TestLockedQuestionRefusesVotesWithAMessage(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := joinedPhone(t, se, srv)
	se.Lock()
	if code, body := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 409 || !strings.Contains(body, "The presenter has locked this question") {
		t.Fatalf("a vote on a locked question: %d\n%s", code, body)
	}
	if _, body := p.get("/"); !strings.Contains(body, "This question is locked") {
		t.Fatalf("the page of a locked question:\n%s", body)
	}
	se.Next()
	se.Prev()
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 409 {
		t.Fatalf("going back unlocked the question: %d", code)
	}
	se.Reopen()
	if code, _ := p.post("/vote", url.Values{"q": {"0"}, "v": {"Focus on staff"}}); code != 303 {
		t.Fatalf("a vote after reopening: %d", code)
	}
}

func TestHiddenAnswersLeaveThePhonesAndStayStored(t *testing.T) {
	s, se, srv := startLive(t, DefaultLimits)
	a, b := joinedPhone(t, se, srv), joinedPhone(t, se, srv)
	for range 4 {
		se.Next() // the open question
	}
	keep, hide := "Our youth council meets the mayor every month.", "Ask Jan about the budget, he knows nothing"
	for p, text := range map[*phone]string{a: keep, b: hide} {
		if code, _ := p.post("/vote", url.Values{"q": {"4"}, "v": {text}}); code != 303 {
			t.Fatalf("open answer: %d", code)
		}
	}
	se.TogglePhoneResults()
	if _, body := a.get("/"); !strings.Contains(body, keep) || !strings.Contains(body, hide) {
		t.Fatalf("the phones do not show the open answers as cards:\n%s", body)
	}
	cards, _, err := se.Cards(context.Background(), 4)
	if err != nil || len(cards) != 2 {
		t.Fatalf("cards %v %v", cards, err)
	}
	for _, c := range cards {
		if c.Text == hide {
			if err := se.HideAnswer(4, c.Position, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, body := a.get("/")
	if !strings.Contains(body, keep) || strings.Contains(body, "Ask Jan") {
		t.Fatalf("a hidden answer is still on the phones:\n%s", body)
	}
	if !strings.Contains(body, "Results so far · answers: 1") { // the phones are told of the answers they are shown
		t.Fatalf("the phones count the hidden answer:\n%s", body)
	}
	if _, hidden, _ := se.Cards(context.Background(), 4); hidden != 1 {
		t.Fatalf("%d hidden, want 1", hidden)
	}
	stored := 0
	s.EachRespondent(context.Background(), se.Survey.ID, "", func(r data.Respondent) error {
		if len(r.Answers) > 4 && strings.Join(r.Answers[4], " ") == hide {
			stored++
		}
		return nil
	})
	if stored != 1 {
		t.Fatal("hiding an answer removed it from the store")
	}
	// A restarted session still hides it.
	srv.Stop()
	se2, srv2 := startSession(t, s, se.Survey, DefaultLimits)
	if st := se2.State(); st.Question != 4 || !st.PhoneResults {
		t.Fatalf("the restarted session lost the controls: %+v", st)
	}
	if _, hidden, _ := se2.Cards(context.Background(), 4); hidden != 1 {
		t.Fatalf("the restarted session shows the hidden answer again (%d hidden)", hidden)
	}
	_ = srv2
}

func TestQAApprovalUpvotesAndModeration(t *testing.T) {
	s, se, srv := startLive(t, DefaultLimits)
	asker, other := joinedPhone(t, se, srv), joinedPhone(t, se, srv)
	if code, _ := asker.post("/ask", url.Values{"text": {"When is the next meeting?"}}); code != 409 {
		t.Fatalf("a question while the Q&A is off: %d", code)
	}
	se.SetApproval(true)
	se.SetFilter(Filter{StopWords: true, Hide: []string{"Rubbish"}})
	se.ToggleQA()
	if code, _ := asker.post("/ask", url.Values{"text": {"Is the rubbish budget in the action plan?"}}); code != 303 {
		t.Fatalf("ask: %d", code)
	}
	if _, body := asker.get("/?m=queued"); !strings.Contains(body, "Waiting for the presenter") || !strings.Contains(body, "approved") {
		t.Fatalf("the asker does not see their question waiting:\n%s", body)
	}
	if _, body := other.get("/"); strings.Contains(body, "budget") {
		t.Fatalf("a question waiting for approval is on another phone:\n%s", body)
	}
	waiting, shown := se.QA()
	if len(waiting) != 1 || len(shown) != 0 || waiting[0].Text != "Is the ••••••• budget in the action plan?" {
		t.Fatalf("waiting %+v shown %+v", waiting, shown)
	}
	id := waiting[0].ID
	if code, _ := other.post("/upvote", url.Values{"id": {id}}); code != 400 {
		t.Fatalf("an upvote of a question not approved: %d", code)
	}
	if err := se.Moderate(id, func(q *data.LiveQuestion) { q.Approved = true }); err != nil {
		t.Fatal(err)
	}
	if _, body := other.get("/"); !strings.Contains(body, "Is the ••••••• budget in the action plan?") || strings.Contains(body, "rubbish") {
		t.Fatalf("an approved question, masked, is not on the phones:\n%s", body)
	}
	// The asker's own question has no upvote button, and an upvote sent
	// anyway is refused: the upvotes say how many others want it answered.
	if _, body := asker.get("/"); !strings.Contains(body, "Your question: the others") || strings.Contains(body, `value="`+id+`"`) {
		t.Fatalf("the asker's page offers an upvote of their own question:\n%s", body)
	}
	if code, body := asker.post("/upvote", url.Values{"id": {id}}); code != 400 || !strings.Contains(body, "your own question") {
		t.Fatalf("the asker's upvote of their own question: %d\n%s", code, body)
	}
	if code, _ := other.post("/upvote", url.Values{"id": {id}}); code != 303 {
		t.Fatalf("upvote: %d", code)
	}
	if _, body := other.get("/?m=upvoted"); !strings.Contains(body, "your upvote counts") {
		t.Fatalf("the page does not say the upvote counts:\n%s", body)
	}
	// A second tap is no error: the page says the upvote counts once.
	if code, _ := other.post("/upvote", url.Values{"id": {id}}); code != 303 {
		t.Fatalf("a second upvote: %d", code)
	}
	if _, body := other.get("/?m=upvoted_again"); !strings.Contains(body, "upvoted that question already") {
		t.Fatalf("a second upvote is not explained:\n%s", body)
	}
	if _, shown := se.QA(); len(shown) != 1 || shown[0].Votes != 1 {
		t.Fatalf("shown %+v", shown)
	}
	se.Moderate(id, func(q *data.LiveQuestion) { q.Answered = true })
	if _, body := other.get("/"); !strings.Contains(body, "Answered") {
		t.Fatalf("an answered question is not marked:\n%s", body)
	}
	se.Moderate(id, func(q *data.LiveQuestion) { q.Hidden = true })
	if _, body := other.get("/"); strings.Contains(body, "budget") {
		t.Fatalf("a hidden question is still on the phones:\n%s", body)
	}
	// Stored: a restarted session has it, hidden, with its vote and the text whole.
	srv.Stop()
	qs, err := s.LiveQA(context.Background(), se.Survey.ID)
	if err != nil || len(qs) != 1 || !qs[0].Hidden || !qs[0].Answered || len(qs[0].Voters) != 1 || qs[0].Text != "Is the rubbish budget in the action plan?" {
		t.Fatalf("stored Q&A %+v %v", qs, err)
	}
	se2, _ := startSession(t, s, se.Survey, DefaultLimits)
	if st := se2.State(); !st.QA || !st.Approval || len(st.Filter.Hide) != 1 {
		t.Fatalf("the restarted session lost the Q&A controls: %+v", st)
	}
}

func TestAParticipantAsksAtMostFiveQuestions(t *testing.T) {
	_, se, srv := startLive(t, Limits{VoteRate: 1000, VoteBurst: 1000})
	p := joinedPhone(t, se, srv)
	se.ToggleQA()
	for i := range 5 {
		if code, _ := p.post("/ask", url.Values{"text": {"Question " + string(rune('A'+i))}}); code != 303 {
			t.Fatalf("ask %d: %d", i, code)
		}
	}
	if code, body := p.post("/ask", url.Values{"text": {"One more"}}); code != 400 || !strings.Contains(body, "as many questions") {
		t.Fatalf("a sixth question: %d", code)
	}
	if code, _ := p.post("/ask", url.Values{"text": {strings.Repeat("x", 281)}}); code != 400 {
		t.Fatalf("a question of 281 characters: %d", code)
	}
}

func TestPhoneResultsShowOptionsBeforeAnyVote(t *testing.T) {
	_, se, srv := startLive(t, DefaultLimits)
	p := joinedPhone(t, se, srv)
	if _, body := p.get("/"); strings.Contains(body, "Results so far") {
		t.Fatal("results on the phones before the presenter shows them")
	}
	se.TogglePhoneResults()
	_, body := p.get("/")
	for _, want := range []string{"Results so far · answers: 0", "Working together with citizens</span><b>0 (0%)</b>", "New working methods"} {
		if !strings.Contains(body, want) {
			t.Fatalf("the phone's results lack %q:\n%s", want, body)
		}
	}
	se.Next()
	se.Next() // scales: a distribution per statement
	if _, body := p.get("/"); !strings.Contains(body, "involving young people") || strings.Count(body, `class="value"`) != 15 {
		t.Fatalf("the scales distribution on the phone:\n%s", body)
	}
}

func TestWordFilter(t *testing.T) {
	f := Filter{StopWords: true, Hide: []string{" Idiot "}}.Cleaned()
	got := f.Words([]survey.WordResult{{Word: "trust", Count: 3}, {Word: "the", Count: 2}, {Word: "idiots", Count: 1}}, nil)
	if len(got) != 1 || got[0].Word != "trust" {
		t.Fatalf("filtered %+v", got)
	}
	if m := f.Mask("You idiot, really!"); m != "You •••••• really!" {
		t.Fatalf("masked %q", m)
	}
}

// The phones say in which order the Q&A is, in every language: the order
// asked until the first upvote, then the most upvoted first.
func TestPhonesSayTheQAOrder(t *testing.T) {
	_, se, srv := startLive(t, Limits{VoteRate: 1000, VoteBurst: 1000, PageRate: 1000, PageBurst: 1000})
	p := joinedPhone(t, se, srv)
	se.ToggleQA()
	for _, q := range []string{"First asked?", "Second asked?"} {
		if code, _ := p.post("/ask", url.Values{"text": {q}}); code != 303 {
			t.Fatalf("ask %q: %d", q, code)
		}
	}
	says := func(key string) {
		t.Helper()
		for _, l := range lang.All {
			if code, _ := p.post("/lang", url.Values{"lang": {l.Code}}); code != 303 {
				t.Fatalf("choose %s: %d", l.Code, code)
			}
			_, body := p.get("/")
			if want := template.HTMLEscapeString(lang.Get(l.Code).T(key)); !strings.Contains(body, want) {
				t.Fatalf("the %s page does not say %q:\n%s", l.Code, want, body)
			}
		}
	}
	says("qa.order_asked")
	_, shown := se.QA()
	if len(shown) != 2 || shown[0].Text != "First asked?" {
		t.Fatalf("with no upvotes the Q&A is not in the order asked: %+v", shown)
	}
	if code, _ := joinedPhone(t, se, srv).post("/upvote", url.Values{"id": {shown[1].ID}}); code != 303 {
		t.Fatal("upvote")
	}
	says("qa.order_votes")
	if _, body := p.get("/"); strings.Index(body, "Second asked?") > strings.Index(body, "First asked?") {
		t.Fatal("the upvoted question is not first on the phone")
	}
}
