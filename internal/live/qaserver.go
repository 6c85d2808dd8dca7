package live

import (
	"errors"
	"net/http"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// ask takes a participant's question for the Q&A: stored at once, shown
// when the presenter approves it (or at once when approval is off).
func (sv *Server) ask(w http.ResponseWriter, r *http.Request) {
	hash, ok := sv.qaParticipant(w, r)
	if !ok {
		return
	}
	st := sv.se.State()
	text, err := sv.se.checkAsk(hash, r.PostForm.Get("text"))
	if err != nil {
		sv.qaRefused(w, r, hash, st, err, r.PostForm.Get("text"))
		return
	}
	q := &data.LiveQuestion{TokenHash: hash, Text: text, Approved: !st.Approval}
	if _, err := sv.se.votes.submit(r.Context(), writeReq{tokenHash: hash, ask: q}); err != nil {
		sv.qaFailed(w, r, err)
		return
	}
	notice := "asked"
	if st.Approval {
		notice = "queued"
	}
	http.Redirect(w, r, "/?m="+notice, http.StatusSeeOther)
}

// upvote counts a participant's vote for a question of the Q&A (once).
func (sv *Server) upvote(w http.ResponseWriter, r *http.Request) {
	hash, ok := sv.qaParticipant(w, r)
	if !ok {
		return
	}
	st := sv.se.State()
	id := r.PostForm.Get("id")
	err := sv.se.checkUpvote(hash, id)
	var refused errQA
	switch {
	case errors.As(err, &refused) && refused.key == "qa.upvoted": // a second tap: no error, the page says it counts once
		http.Redirect(w, r, "/?m=upvoted_again", http.StatusSeeOther)
		return
	case err != nil:
		sv.qaRefused(w, r, hash, st, err, "")
		return
	}
	if _, err := sv.se.votes.submit(r.Context(), writeReq{tokenHash: hash, upvote: id}); err != nil {
		sv.qaFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/?m=upvoted", http.StatusSeeOther)
}

// qaParticipant is the joined participant of a Q&A request, within the
// rate of votes, while the Q&A is on; else the phone is answered here.
func (sv *Server) qaParticipant(w http.ResponseWriter, r *http.Request) (string, bool) {
	hash, _, ok, err := sv.participant(r)
	switch {
	case err != nil:
		sv.unavailable(w, r)
		return "", false
	case !ok:
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return "", false
	case !sv.voters.allow(hash):
		sv.tooMany(w, r)
		return "", false
	case !sv.parseForm(w, r):
		return "", false
	}
	if st := sv.se.State(); st.Ended || !st.QA {
		sv.render(w, r, http.StatusConflict, pageData{View: "message", Version: st.Version, Message: sv.tr(r).T("qa.closed")})
		return "", false
	}
	return hash, true
}

func (sv *Server) qaRefused(w http.ResponseWriter, r *http.Request, hash string, st State, err error, text string) {
	var refused errQA
	if !errors.As(err, &refused) {
		sv.qaFailed(w, r, err)
		return
	}
	sv.render(w, r, http.StatusBadRequest, pageData{View: "qa", Version: st.Version, Error: sv.tr(r).T(refused.key, refused.args...), QA: sv.se.phoneQA(hash), QAText: text})
}

func (sv *Server) qaFailed(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errEnded) {
		sv.render(w, r, http.StatusGone, pageData{View: "message", Message: sv.tr(r).T("msg.ended")})
		return
	}
	w.Header().Set("Retry-After", "2")
	sv.render(w, r, http.StatusServiceUnavailable, pageData{View: "message", Message: sv.tr(r).T("msg.save_failed")})
}
