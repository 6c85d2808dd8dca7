package live

import (
	"errors"
	"html/template"
	"net/http"
	"unicode/utf8"

	"github.com/aoce-desktop/aoce-desktop/internal/live/lang"
	"github.com/aoce-desktop/aoce-desktop/internal/survey"
)

// langCookie keeps the language a participant chose in the page's menu.
const langCookie = "aoce_lang"

// pages are the page's templates, one set per language: {{t "key"}}
// and {{num 3.5}} say things in that language.
var pages = func() map[string]*template.Template {
	sets := map[string]*template.Template{}
	for _, l := range lang.All {
		tr := lang.Get(l.Code)
		sets[l.Code] = template.Must(template.New("").Funcs(pageFuncs(tr)).ParseFS(web, "web/page.html"))
	}
	return sets
}()

// SetLanguage sets the language the page opens in when neither the
// participant's choice nor the phone's Accept-Language names one offered;
// l is a code or a name ("pl", "Polski").
func (se *Session) SetLanguage(l string) error {
	code, ok := lang.Find(l)
	if !ok {
		return errors.New("the participant page is not in " + l + "; choose one of " + joinNames())
	}
	se.language.Store(code)
	return nil
}

func joinNames() string {
	s := ""
	for i, l := range lang.All {
		if i > 0 {
			s += ", "
		}
		s += l.Code + " (" + l.Name + ")"
	}
	return s
}

// WordLanguages are the languages whose stop-words clouds leave out
// (besides English): the session's and each one a phone sent an answer in.
func (se *Session) WordLanguages() []string {
	se.mu.Lock()
	defer se.mu.Unlock()
	langs := []string{se.Language()}
	for _, l := range lang.All {
		if se.answerLangs[l.Code] && l.Code != langs[0] {
			langs = append(langs, l.Code)
		}
	}
	return langs
}

// answeredIn notes that a phone sent an answer in language code.
func (se *Session) answeredIn(code string) {
	se.mu.Lock()
	defer se.mu.Unlock()
	if !se.answerLangs[code] {
		if se.answerLangs == nil {
			se.answerLangs = map[string]bool{}
		}
		se.answerLangs[code] = true
	}
}

// Language is the code of the page's default language.
func (se *Session) Language() string {
	if code, ok := se.language.Load().(string); ok {
		return code
	}
	return lang.Default
}

// tr is the language of a request: the one chosen on the page (a cookie
// naming an offered language; anything else is ignored), else the best
// offered of the phone's Accept-Language, else the session's.
func (sv *Server) tr(r *http.Request) *lang.Table {
	if c, err := r.Cookie(langCookie); err == nil && len(c.Value) <= 8 {
		if code, ok := lang.Find(c.Value); ok {
			return lang.Get(code)
		}
	}
	if code, ok := lang.FromAcceptLanguage(r.Header.Get("Accept-Language")); ok {
		return lang.Get(code)
	}
	return lang.Get(sv.se.Language())
}

// chooseLanguage keeps the language picked in the page's menu and shows
// the page again in it; an unknown one is refused.
func (sv *Server) chooseLanguage(w http.ResponseWriter, r *http.Request) {
	if !sv.pages.allow(clientAddress(r) + "/lang") {
		sv.tooMany(w, r)
		return
	}
	if !sv.parseForm(w, r) {
		return
	}
	code, ok := lang.Find(r.PostForm.Get("lang"))
	if !ok { // not one the menu offers: the page stays as it was
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: code, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 30 * 24 * 3600})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// voteProblem says in the page's language why an answer was refused.
func voteProblem(tr *lang.Table, err error) string {
	var ve *survey.VoteError
	if errors.As(err, &ve) && ve.Key != "" {
		return tr.T("vote."+ve.Key, ve.Args...)
	}
	return err.Error()
}

// pageFuncs are the page's helpers. Limits are characters as the server
// counts and stores them (code points: an emoji is one, "é" written as e
// and a combining accent two); the browser's maxlength counts UTF-16
// units, so it is set to twice the limit (never below what the server
// takes) and the page's script keeps the box at the limit itself.
func pageFuncs(tr *lang.Table) template.FuncMap {
	return template.FuncMap{"t": tr.T, "num": tr.Num, "runes": utf8.RuneCountInString,
		"units":      func(limit int) int { return 2 * limit },
		"entryLimit": func() int { return survey.MaxEntryRunes },
		"qaLimit":    func() int { return maxQARunes },
		"upvoted":    Upvoted}
}
