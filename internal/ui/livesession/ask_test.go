package livesession

import (
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/live"
)

func TestTheNetworkNoteSaysWhenThereIsNoNetwork(t *testing.T) {
	if n := networkNote(nil); !strings.Contains(n, "on no network at all") || !strings.Contains(n, "phones cannot reach it") {
		t.Fatalf("no network: %q", n)
	}
	if n := networkNote([]live.Interface{{Name: "wlan0", Kind: live.KindWiFi, Addr: "192.168.1.20"}}); strings.Contains(n, "no network") {
		t.Fatalf("with a network: %q", n)
	}
}
