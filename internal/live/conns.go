package live

import (
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// The connections the server holds
//
// An open connection costs the server about 13 KB (measured: 6,000 slow
// connections took RSS from 22 to 100 MB) and one file descriptor. Without
// a cap, 20,000 of them filled the descriptor table and normal requests
// timed out. The caps:
//
//   - in all, half of what is left of the descriptor limit after 1,024 for
//     the store, the window and fonts, and at most 10,000 (≈ 130 MB):
//     9,488 under a limit of 20,000; 10,000 under a usual Linux desktop's
//     (Go raises it to the hard limit) or on Windows; 4,608 under 10,240;
//   - per address 6,000 (or the total if less): a hotel's NAT puts a
//     whole room behind one address, and 3,000 phones keep one or two
//     connections each (the page, then its /state polls on the same one).
//     Above three quarters of either cap, answers carry Connection: close,
//     so idle keep-alive connections give their place back instead of
//     piling up.
//
// A slow client holds its connection at most HeaderTimeout (3 s) before its
// request's header is in, idleTimeout between requests. A connection over a
// cap is told 503 at once and closed, before any goroutine or buffer is
// spent on it. When a flood is over, the memory it took is handed back to
// the system (the runtime would otherwise keep it for minutes).
const (
	connCeiling        = 10_000
	connPerAddrCeiling = 6_000
	fdReserve          = 1_024
	headerTimeout      = 3 * time.Second // the default of Limits.HeaderTimeout
	idleTimeout        = 20 * time.Second
	floodSize          = 1_000 // connections at once that make a flood worth handing memory back after
)

// connCaps are the default caps under a descriptor limit (0: unknown).
func connCaps(fdLimit int) (total, perAddr int) {
	total = connCeiling
	if fdLimit > 0 {
		total = max(64, min(total, (fdLimit-fdReserve)/2))
	}
	return total, min(total, connPerAddrCeiling)
}

// connCap is the server's listener, holding at most total connections and
// perAddr from one address.
type connCap struct {
	net.Listener
	total, perAddr int
	refused        atomic.Int64

	mu   sync.Mutex
	open map[string]int // by address
	n    int
	peak int // most held at once since memory was last handed back
}

func newConnCap(ln net.Listener, total, perAddr int) *connCap {
	return &connCap{Listener: ln, total: total, perAddr: perAddr, open: map[string]int{}}
}

func (l *connCap) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		host := remoteHost(c.RemoteAddr())
		if l.admit(host) {
			return &heldConn{Conn: c, cap: l, host: host}, nil
		}
		l.refused.Add(1)
		refuse(c)
	}
}

func (l *connCap) admit(host string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.n >= l.total || l.open[host] >= l.perAddr {
		return false
	}
	l.n++
	l.open[host]++
	l.peak = max(l.peak, l.n)
	return true
}

func (l *connCap) release(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n--
	if l.open[host]--; l.open[host] <= 0 {
		delete(l.open, host)
	}
	if l.peak >= floodSize && l.n <= l.peak/8 { // a flood is over: once its goroutines have ended
		l.peak = l.n
		time.AfterFunc(time.Second, handBackMemory)
	}
}

// handBackMemory returns the heap a flood left free to the system. Twice:
// the buffers net/http pools per connection outlive one collection (a
// sync.Pool keeps them as its victims until the next).
func handBackMemory() {
	debug.FreeOSMemory()
	debug.FreeOSMemory()
}

// crowded says an address, or the server, holds three quarters of its cap.
func (l *connCap) crowded(host string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n > l.total*3/4 || l.open[host] > l.perAddr*3/4
}

// held is how many connections are open, in all and from host.
func (l *connCap) held(host string) (total, fromHost int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n, l.open[host]
}

// shedKeepAlive closes a connection after its answer when it is crowded.
func (l *connCap) shedKeepAlive(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if l.crowded(clientAddress(r)) {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
}

const fullBody = "The presenter's laptop has too many connections just now. Try again in a moment.\n"

var fullResponse = []byte("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: " +
	strconv.Itoa(len(fullBody)) + "\r\n\r\n" + fullBody)

// refuse answers a connection over a cap and closes it, never waiting
// for the client.
func refuse(c net.Conn) {
	c.SetWriteDeadline(time.Now().Add(50 * time.Millisecond))
	c.Write(fullResponse)
	c.Close()
}

func remoteHost(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// heldConn gives its place back once closed.
type heldConn struct {
	net.Conn
	cap  *connCap
	host string
	once sync.Once
}

func (c *heldConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.cap.release(c.host) })
	return err
}
