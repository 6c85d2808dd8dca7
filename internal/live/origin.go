package live

import (
	"net"
	"net/http"
	"net/url"
)

// sameOrigin refuses a POST that a page of another site made the browser
// send (its Origin, or else its Referer, names another host). A request
// with neither is not a browser's cross-site form (curl, a test) and goes
// through; the cookie is SameSite=Strict besides. The pages are served
// with Referrer-Policy same-origin so that their own forms carry their
// Origin (under no-referrer, browsers send "Origin: null", refused here).
func sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && !fromOwnPage(r) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusForbidden)
			w.Write([]byte("Refused: this form was sent from another site's page. Open the survey's address shown on the screen and answer there.\n"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// fromOwnPage says the request's Origin (or Referer) is this server as the
// browser reached it: http://HOST:PORT with HOST an IP address, as the
// screen and the QR code give it, or localhost. A DNS name is refused: it
// is how a rebinding attack makes another site's page look like ours.
func fromOwnPage(r *http.Request) bool {
	from := r.Header.Get("Origin")
	if from == "" {
		from = r.Header.Get("Referer")
	}
	if from == "" {
		return true
	}
	u, err := url.Parse(from)
	if err != nil || u.Scheme != "http" || u.Host != r.Host {
		return false
	}
	host := u.Hostname()
	return host == "localhost" || net.ParseIP(host) != nil
}
