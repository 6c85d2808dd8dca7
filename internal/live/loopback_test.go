package live

import (
	"context"
	"net"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"
)

// loopback is the address 127.0.0.n: all of 127.0.0.0/8 is loopback on
// Linux, so one machine can play a room of many addresses.
func loopback(n int) net.IP { return net.IPv4(127, 0, 0, byte(n)) }

// dialerFrom dials from the local address ip.
func dialerFrom(ip net.IP) *net.Dialer {
	return &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}, Timeout: 5 * time.Second}
}

// phoneFrom is a phone whose connections come from ip.
func phoneFrom(t testing.TB, srv *Server, ip net.IP) *phone {
	d := dialerFrom(ip)
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return d.DialContext(ctx, network, addr)
	}, MaxIdleConnsPerHost: 4}
	t.Cleanup(tr.CloseIdleConnections)
	jar, _ := cookiejar.New(nil)
	return &phone{t: t, base: strings.TrimSuffix(srv.URL(), "/"), c: &http.Client{Jar: jar, Transport: tr, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}
