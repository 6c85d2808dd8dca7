package live

import (
	"bufio"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// residentMB is the process's resident memory: VmRSS where /proc has it,
// else what the Go runtime holds from the system and has not handed back.
func residentMB() float64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for line := range strings.Lines(string(b)) {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.Atoi(f[1])
				return float64(kb) / 1024
			}
		}
	}
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return float64(s[0].Value.Uint64()-s[1].Value.Uint64()) / (1 << 20)
}

// slowClients are connections that sent half a request header and then
// nothing (slowloris).
type slowClients struct {
	mu    sync.Mutex
	conns []net.Conn
}

// open opens n of them from ip; close (or the test's end) closes them.
func (s *slowClients) open(t *testing.T, addr string, ip net.IP, n int) {
	t.Helper()
	d := dialerFrom(ip)
	for range n {
		c, err := d.Dial("tcp", addr)
		if err != nil {
			t.Errorf("dial from %s: %v", ip, err)
			return
		}
		c.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n"))
		s.mu.Lock()
		s.conns = append(s.conns, c)
		s.mu.Unlock()
	}
}

func (s *slowClients) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.Close()
	}
	s.conns = nil
}

// waitHeld waits until the server holds want connections in all.
func waitHeld(t *testing.T, srv *Server, want int) {
	t.Helper()
	waitFor(t, strconv.Itoa(want)+" connections held", func() bool { n, _ := srv.conns.held(""); return n == want })
}

// waitRefused waits until the server has refused want connections.
func waitRefused(t *testing.T, srv *Server, want int64) {
	t.Helper()
	waitFor(t, strconv.FormatInt(want, 10)+" connections refused", func() bool { return srv.conns.refused.Load() == want })
	time.Sleep(50 * time.Millisecond) // and no more
	if got := srv.conns.refused.Load(); got != want {
		t.Fatalf("%d connections refused, want %d", got, want)
	}
}

// A flood of slow connections from loopback addresses: one address holds
// at most its cap, the server at most its total, every other connection is
// told 503 at once; a phone from elsewhere is served while one address
// floods; the slow ones are cut after the header timeout and the memory
// they took is handed back.
func TestConnectionCapsAndFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("a flood of 6,800 connections")
	}
	limits := DefaultLimits
	k := 1 // a quarter of the flood under the race detector, and more time to open it
	if raceDetector {
		k, limits.HeaderTimeout = 4, 10*time.Second
	}
	limits.MaxConns, limits.MaxConnsPerAddr = 4000/k, 1000/k
	_, se, srv := startLive(t, limits)
	addr := srv.listener.Addr().String()
	runtime.GC()
	before := residentMB()

	var slow slowClients
	t.Cleanup(slow.close)
	slow.open(t, addr, loopback(2), 1200/k)
	waitHeld(t, srv, 1000/k)
	waitRefused(t, srv, int64(200/k))
	if _, from := srv.conns.held("127.0.0.2"); from != 1000/k {
		t.Fatalf("one address holds %d connections; cap %d", from, 1000/k)
	}
	p := phoneFrom(t, srv, loopback(100))
	if status, _ := p.post("/join", url.Values{"code": {se.Code()}}); status != http.StatusSeeOther {
		t.Fatalf("a phone from another address while one floods: %d", status)
	}
	p.c.CloseIdleConnections()

	var wg sync.WaitGroup
	for a := 3; a < 3+8; a++ {
		wg.Go(func() { slow.open(t, addr, loopback(a), 700/k) })
	}
	wg.Wait()
	waitHeld(t, srv, 4000/k)
	waitRefused(t, srv, int64(200+8*700-3000)/int64(k))
	during := residentMB()
	// At the total cap a new connection is told at once, not left to time out.
	start := time.Now()
	c, err := dialerFrom(loopback(101)).Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	c.Close()
	if err != nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("a connection over the cap: %v %v", resp, err)
	}
	t.Logf("over the cap: 503 in %v", time.Since(start).Round(time.Microsecond))

	// The slow connections are cut after the header timeout.
	start = time.Now()
	timeout := limits.orDefaults().HeaderTimeout
	for n, _ := srv.conns.held(""); n > 0; n, _ = srv.conns.held("") {
		if time.Since(start) > timeout+3*time.Second {
			t.Fatalf("%d slow connections still held %v later; header timeout %v", n, time.Since(start), timeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cut := time.Since(start)
	slow.close() // the flood is over: its clients have gone too
	var after float64
	for deadline := time.Now().Add(3 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if after = residentMB(); after <= before+0.3*(during-before) || time.Now().After(deadline) {
			break
		}
	}
	t.Logf("RSS %.0f MB before, %.0f MB holding %d slow connections (%d tried), %.0f MB after they were cut (%v after the flood)",
		before, during, 4000/k, 6800/k, after, cut.Round(time.Millisecond))
	if after > before+0.3*(during-before) && !raceDetector { // the race detector's shadow memory stays
		t.Errorf("memory stayed at %.0f MB after the flood (%.0f before, %.0f during)", after, before, during)
	}
	if status, _ := phoneFrom(t, srv, loopback(102)).post("/join", url.Values{"code": {se.Code()}}); status != http.StatusSeeOther {
		t.Errorf("a phone after the flood: %d", status)
	}
}

// The default caps stay well under the descriptor limit and let a room of
// 3,000 phones behind one address (a hotel's NAT) in.
func TestDefaultConnectionCaps(t *testing.T) {
	for _, c := range []struct{ fd, total, perAddr int }{
		{0, 10_000, 6_000}, {1 << 20, 10_000, 6_000}, {20_000, 9_488, 6_000}, {10_240, 4_608, 4_608}, {1_024, 64, 64},
	} {
		if total, perAddr := connCaps(c.fd); total != c.total || perAddr != c.perAddr {
			t.Errorf("descriptor limit %d: caps %d, %d per address; want %d, %d", c.fd, total, perAddr, c.total, c.perAddr)
		}
	}
	fd := fileLimit()
	l := DefaultLimits.orDefaults()
	t.Logf("descriptor limit %d: at most %d connections, %d from one address", fd, l.MaxConns, l.MaxConnsPerAddr)
	if fd > 0 && l.MaxConns > fd/2 {
		t.Errorf("cap %d is not well under the descriptor limit %d", l.MaxConns, fd)
	}
	if fd >= 2*connPerAddrCeiling+fdReserve && l.MaxConnsPerAddr < 4_500 {
		t.Errorf("%d connections from one address cannot hold 3,000 phones behind a NAT", l.MaxConnsPerAddr)
	}
}
