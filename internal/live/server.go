package live

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

//go:embed web
var web embed.FS

// cookieName holds a participant's token: 32 random bytes, unguessable;
// the store keeps only its hash.
const cookieName = "aoce_live"

// Server serves the participant pages of one session; nothing else.
type Server struct {
	se       *Session
	limits   Limits
	joins    *limiter   // per address
	guard    *joinGuard // wrong codes, all addresses together
	conns    *connCap
	voters   *limiter // per participant
	mu       sync.Mutex
	known    map[string]int // token hash → respondent position (data.NoRespondent before the first vote)
	pages    *limiter       // page loads per participant or address
	rendered pageCache      // question pages of the current state
	http     *http.Server
	listener net.Listener

	base     context.Context // of every request; cancelled by Stop
	cancel   context.CancelFunc
	served   chan struct{} // closed when Serve has returned
	stopping bool          // under mu: Stop is waiting for the handlers
	handlers sync.WaitGroup
	stopOnce sync.Once
}

// Start listens on addr ("192.168.1.20:8080", "127.0.0.1:0") and serves
// until Stop. The server exists only while a session runs.
func Start(se *Session, addr string, limits Limits) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	limits = limits.orDefaults()
	conns := newConnCap(ln, limits.MaxConns, limits.MaxConnsPerAddr)
	ln = conns
	sv := &Server{se: se, limits: limits, joins: newLimiter(limits.JoinRate, limits.JoinBurst), guard: newJoinGuard(limits), conns: conns,
		voters: newLimiter(limits.VoteRate, limits.VoteBurst), pages: newLimiter(limits.PageRate, limits.PageBurst),
		known: map[string]int{}, listener: ln, served: make(chan struct{})}
	sv.base, sv.cancel = context.WithCancel(context.Background())
	sv.http = &http.Server{Handler: sv.routes(), ReadHeaderTimeout: limits.HeaderTimeout, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: idleTimeout, MaxHeaderBytes: 8 << 10,
		BaseContext: func(net.Listener) context.Context { return sv.base }}
	go func() {
		defer close(sv.served)
		sv.http.Serve(ln)
	}()
	return sv, nil
}

// URL is the address participants open.
func (sv *Server) URL() string { return "http://" + sv.listener.Addr().String() + "/" }

// JoinURL is URL with the join code, for the QR code on the screen: a
// phone that scans it finds the code already typed (as the room reads it
// off the same screen, it tells nobody more).
func (sv *Server) JoinURL() string { return sv.URL() + "?code=" + sv.se.Code() }

// NewCode draws a new join code (after too many wrong ones: see
// joinguard.go) and lifts a pause of joining; JoinURL changes with it.
// Participants joined already stay joined.
func (sv *Server) NewCode() (string, error) {
	code, err := sv.se.changeCode()
	if err == nil {
		sv.guard.reset()
	}
	return code, err
}

// JoinStatus tells the presenter about wrong join codes.
func (sv *Server) JoinStatus() JoinStatus { return sv.guard.status() }

// Stop ends the session (every vote queued is stored, the Follow loops
// end), closes the server and returns when its last handler has: after
// Stop, nothing of the session touches the store, which may be closed.
// Calling it again does nothing.
func (sv *Server) Stop() {
	sv.stopOnce.Do(func() {
		sv.se.End()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if sv.http.Shutdown(ctx) != nil { // a handler still busy after 3 s: cut it off
			sv.http.Close()
		}
		sv.mu.Lock()
		sv.stopping = true
		sv.mu.Unlock()
		sv.cancel() // store reads of the handlers still running give up
		<-sv.served
		sv.handlers.Wait()
	})
}

// track counts the handlers running, for Stop to wait for; once Stop
// waits, a request that still slips in is refused.
func (sv *Server) track(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sv.mu.Lock()
		if sv.stopping {
			sv.mu.Unlock()
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		sv.handlers.Add(1)
		sv.mu.Unlock()
		defer sv.handlers.Done()
		next.ServeHTTP(w, r)
	})
}

func (sv *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", sv.page)
	mux.HandleFunc("POST /join", sv.join)
	mux.HandleFunc("POST /vote", sv.vote)
	mux.HandleFunc("POST /ask", sv.ask)
	mux.HandleFunc("POST /upvote", sv.upvote)
	mux.HandleFunc("POST /lang", sv.chooseLanguage)
	mux.HandleFunc("GET /state", sv.state)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.HandlerFunc(static)))
	return sv.track(sv.conns.shedKeepAlive(headers(sameOrigin(mux))))
}

// headers forbids what the pages never need: other origins, frames,
// inline script, sniffing, caching of answers.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin") // our forms' POSTs carry their Origin (origin.go)
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

func static(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "style.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	case "app.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	default:
		http.NotFound(w, r)
		return
	}
	b, _ := web.ReadFile("web/" + r.URL.Path)
	w.Write(b)
}

// clientAddress is the address a request came from (never a header the
// client could set).
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// participant finds the respondent of the request's token; err says the
// store could not be asked (the phone is told, not sent to join again).
func (sv *Server) participant(r *http.Request) (hash string, position int, ok bool, err error) {
	c, cookieErr := r.Cookie(cookieName)
	if cookieErr != nil || len(c.Value) != 64 {
		return "", 0, false, nil
	}
	sum := sha256.Sum256([]byte(c.Value))
	hash = hex.EncodeToString(sum[:])
	sv.mu.Lock()
	position, ok = sv.known[hash]
	sv.mu.Unlock()
	if !ok && sv.joins.allow(clientAddress(r)) { // a session restarted since: the store knows the token
		if position, ok, err = sv.se.store.LiveParticipant(r.Context(), sv.se.Survey.ID, hash); ok {
			sv.remember(hash, position)
		}
	}
	return hash, position, ok, err
}

// unavailable tells a phone the laptop could not read the session just now.
func (sv *Server) unavailable(w http.ResponseWriter, r *http.Request) {
	sv.render(w, r, http.StatusServiceUnavailable, pageData{View: "message", Message: sv.tr(r).T("msg.unavailable")})
}

// remember notes a participant's respondent position.
func (sv *Server) remember(hash string, position int) {
	sv.mu.Lock()
	sv.known[hash] = position
	sv.mu.Unlock()
}

// pageData is what the templates show.
type pageData struct {
	Survey, View, Error, Notice, Message string
	Code                                 string // the join form's code, from a scanned JoinURL
	Version                              uint64
	Partners                             []data.Partner
	Q                                    *questionView
	QA                                   []QAItem    // the Q&A view's questions
	QAText                               string      // a question refused, given back to edit
	L                                    *lang.Table // the page's language
	Languages                            []lang.Language
}

func (sv *Server) render(w http.ResponseWriter, r *http.Request, status int, d pageData) {
	d.Survey, d.L, d.Languages = sv.se.Survey.Title, sv.tr(r), lang.All
	page, err := sv.rendered.html(d)
	if err != nil { // the embedded templates with our own data: the server tests render every view
		http.Error(w, "the page could not be drawn: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(withRemaining(page, sv.se.State().Remaining(time.Now())))
}

func (sv *Server) page(w http.ResponseWriter, r *http.Request) {
	st := sv.se.State()
	tr := sv.tr(r)
	d := pageData{Version: st.Version}
	if key, ok := notices[r.URL.Query().Get("m")]; ok {
		d.Notice = tr.T(key)
	}
	hash, position, ok, err := sv.participant(r)
	if !sv.pages.allow(cmp.Or(hash, clientAddress(r))) {
		sv.tooMany(w, r)
		return
	}
	if err != nil {
		sv.unavailable(w, r)
		return
	}
	switch {
	case st.Ended:
		d.View, d.Message = "message", tr.T("msg.ended_thanks")
	case !ok:
		if !sv.joins.allow(clientAddress(r)) {
			sv.tooMany(w, r)
			return
		}
		d.View, d.Partners, d.Code = "join", sv.se.Partners, sixDigits(r.URL.Query().Get("code"))
	case st.QA:
		d.View, d.QA = "qa", sv.se.phoneQA(hash)
	default:
		q, err := sv.question(r.Context(), tr, st, position, r.URL.Query().Get("m") == "saved")
		if err != nil {
			d.View, d.Message = "message", tr.T("msg.answers_unreadable")
			sv.render(w, r, http.StatusInternalServerError, d)
			return
		}
		d.View, d.Q = "question", q
	}
	sv.render(w, r, http.StatusOK, d)
}

// sixDigits is s when it looks like a join code, else "": the form is
// filled in only with what a code can be, whether right or not.
func sixDigits(s string) string {
	if len(s) != 6 || strings.Trim(s, "0123456789") != "" {
		return ""
	}
	return s
}

// notices are the keys of the thanks a page shows after a redirect (?m=).
var notices = map[string]string{"asked": "notice.asked", "queued": "notice.queued", "saved": "notice.saved", "joined": "notice.joined",
	"upvoted": "notice.upvoted", "upvoted_again": "qa.upvoted"}

func (sv *Server) tooMany(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "2")
	sv.render(w, r, http.StatusTooManyRequests, pageData{View: "message", Message: sv.tr(r).T("msg.too_many")})
}

func (sv *Server) join(w http.ResponseWriter, r *http.Request) {
	if !sv.joins.allow(clientAddress(r)) {
		sv.tooMany(w, r)
		return
	}
	if !sv.parseForm(w, r) {
		return
	}
	st := sv.se.State()
	if st.Ended {
		sv.render(w, r, http.StatusGone, pageData{View: "message", Message: sv.tr(r).T("msg.ended")})
		return
	}
	if _, _, joined, err := sv.participant(r); err != nil {
		sv.unavailable(w, r)
		return
	} else if joined { // joined already (a second tap): stay one participant
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	wrong := func() {
		sv.render(w, r, http.StatusForbidden, pageData{View: "join", Partners: sv.se.Partners, Version: st.Version,
			Error: sv.tr(r).T("msg.wrong_code")})
	}
	code := sixDigits(r.PostForm.Get("code"))
	if code == "" { // cannot be right: refused without spending the budget of wrong codes
		wrong()
		return
	}
	if ok, wait := sv.guard.check(); !ok {
		sv.joinPaused(w, r, wait)
		return
	}
	if subtle.ConstantTimeCompare([]byte(code), []byte(sv.se.Code())) != 1 {
		sv.guard.failed()
		wrong()
		return
	}
	sv.guard.right()
	partnerID := r.PostForm.Get("partner")
	if partnerID != "" && !sv.isPartner(partnerID) {
		partnerID = ""
	}
	token := make([]byte, 32)
	rand.Read(token)
	value := hex.EncodeToString(token)
	sum := sha256.Sum256([]byte(value))
	hash := hex.EncodeToString(sum[:])
	if _, err := sv.se.votes.submit(r.Context(), writeReq{join: true, tokenHash: hash, partnerID: partnerID}); err != nil {
		sv.render(w, r, http.StatusServiceUnavailable, pageData{View: "message", Message: sv.tr(r).T("msg.join_failed")})
		return
	}
	sv.remember(hash, data.NoRespondent)
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 12 * 3600})
	http.Redirect(w, r, "/?m=joined", http.StatusSeeOther)
}

// joinPaused tells a phone that joining pauses after too many wrong codes.
func (sv *Server) joinPaused(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	seconds := int(wait.Seconds()) + 1
	w.Header().Set("Retry-After", strconv.Itoa(seconds))
	sv.render(w, r, http.StatusTooManyRequests, pageData{View: "message", Message: sv.tr(r).T("msg.join_paused", seconds)})
}

func (sv *Server) isPartner(id string) bool {
	for _, p := range sv.se.Partners {
		if p.ID == id {
			return true
		}
	}
	return false
}

// parseForm reads a small form body; a larger one is refused.
func (sv *Server) parseForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, sv.limits.MaxBody)
	if err := r.ParseForm(); err != nil {
		status := http.StatusBadRequest
		if errors.As(err, new(*http.MaxBytesError)) {
			status = http.StatusRequestEntityTooLarge
		}
		sv.render(w, r, status, pageData{View: "message", Message: sv.tr(r).T("msg.unreadable")})
		return false
	}
	return true
}

func (sv *Server) vote(w http.ResponseWriter, r *http.Request) {
	hash, position, ok, err := sv.participant(r)
	if err != nil {
		sv.unavailable(w, r)
		return
	}
	if !ok {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if !sv.voters.allow(hash) {
		sv.tooMany(w, r)
		return
	}
	if !sv.parseForm(w, r) {
		return
	}
	st := sv.se.State()
	qi, err := strconv.Atoi(r.PostForm.Get("q"))
	if err != nil || qi != st.Question || !st.Accepting(time.Now()) {
		sv.render(w, r, http.StatusConflict, pageData{View: "message", Version: st.Version, Message: sv.tr(r).T(refusal(st, err == nil && qi == st.Question))})
		return
	}
	q := sv.se.Questions[qi]
	values := r.PostForm["v"]
	if survey.IsItemGrid(q.Kind) {
		values = make([]string, len(q.Options))
		for i := range values {
			values[i] = r.PostForm.Get("v" + strconv.Itoa(i))
		}
	}
	answer, err := survey.CheckAnswer(q, values)
	if err != nil {
		tr := sv.tr(r)
		view, qerr := sv.question(r.Context(), tr, st, position, false)
		if qerr != nil {
			sv.unavailable(w, r)
			return
		}
		if view != nil {
			view.fill(values)
		}
		sv.render(w, r, http.StatusBadRequest, pageData{View: "question", Q: view, Version: st.Version, Error: voteProblem(tr, err)})
		return
	}
	pos, err := sv.se.votes.submit(r.Context(), writeReq{tokenHash: hash, question: qi, answer: answer})
	switch {
	case errors.Is(err, errClosed) || errors.Is(err, errEnded):
		st := sv.se.State()
		tr := sv.tr(r)
		sv.render(w, r, http.StatusConflict, pageData{View: "message", Version: st.Version,
			Message: tr.T(refusal(st, st.Question == qi)) + " " + tr.T("msg.late")})
		return
	case err != nil:
		sv.render(w, r, http.StatusServiceUnavailable, pageData{View: "message", Message: sv.tr(r).T("msg.not_saved")})
		return
	}
	sv.remember(hash, pos)
	sv.se.phone.voted()
	sv.se.answeredIn(sv.tr(r).Code)
	http.Redirect(w, r, "/?m=saved", http.StatusSeeOther)
}

// state tells the page's script when the presenter moved on.
func (sv *Server) state(w http.ResponseWriter, r *http.Request) {
	key := clientAddress(r)
	if hash, _, ok, _ := sv.participant(r); ok { // a failed lookup only rate-limits by address
		key = hash
	}
	if !sv.voters.allow(key + "/state") {
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	sv.se.phone.polls.add(time.Now()) // a flood refused above does not count as phones
	st := sv.se.State()
	reply := map[string]any{"version": st.Version, "question": st.Question + 1, "open": st.Open, "locked": st.Locked, "ended": st.Ended,
		"remaining": st.Remaining(time.Now()).Seconds()}
	switch {
	case st.QA:
		reply["changes"] = sv.se.qaGen()
	case st.PhoneResults: // the results moved: phones reload to show them
		if changes, err := sv.se.changes(r.Context(), st); err == nil {
			reply["changes"] = changes
		}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(reply)
}

// refusal is the key of why a vote was not taken; same tells whether it
// was for the question shown.
func refusal(st State, same bool) string {
	switch {
	case st.Ended:
		return "msg.ended"
	case !same:
		return "refusal.moved"
	case st.TimeUp || !st.Deadline.IsZero():
		return "refusal.time_up"
	case st.Locked:
		return "refusal.locked"
	}
	return "refusal.closed"
}
