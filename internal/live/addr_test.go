package live

import (
	"net"
	"strings"
	"testing"
)

func TestClassifyNamesTheKindOfEachInterface(t *testing.T) {
	wifi := sysFacts{known: true, wireless: true, device: true}
	ap := sysFacts{known: true, wireless: true, device: true, apMode: true}
	cable := sysFacts{known: true, device: true}
	virtual := sysFacts{known: true}
	for _, c := range []struct {
		goos, name, ip string
		f              sysFacts
		want           string
	}{
		{"linux", "wlp2s0", "192.168.1.20", wifi, KindWiFi},
		{"linux", "wlp2s0", "192.168.1.20", ap, KindHotspot},
		{"linux", "wlan0", "10.42.0.1", wifi, KindHotspot}, // NetworkManager's shared connection
		{"linux", "enp0s31f6", "192.168.1.30", cable, KindEthernet},
		{"linux", "eth0", "172.17.0.5", sysFacts{}, KindEthernet},
		{"linux", "docker0", "172.17.0.1", virtual, KindVirtual},
		{"linux", "bond0", "192.168.5.2", virtual, KindVirtual},
		{"windows", "Wi-Fi", "192.168.1.20", sysFacts{}, KindWiFi},
		{"windows", "Ethernet 2", "192.168.1.21", sysFacts{}, KindEthernet},
		{"windows", "Local Area Connection* 12", "192.168.137.1", sysFacts{}, KindHotspot},
		{"windows", "vEthernet (WSL)", "172.24.0.1", sysFacts{}, KindVirtual},
		{"darwin", "en0", "192.168.1.22", sysFacts{}, KindWiFi},
		{"darwin", "en5", "192.168.1.23", sysFacts{}, KindEthernet},
		{"darwin", "bridge100", "192.168.2.1", sysFacts{}, KindHotspot},
		{"darwin", "utun3", "10.8.0.2", sysFacts{}, KindVirtual},
	} {
		if got := classify(c.goos, c.name, net.ParseIP(c.ip), c.f); got != c.want {
			t.Errorf("%s %s %s: %s, want %s", c.goos, c.name, c.ip, got, c.want)
		}
	}
}

func TestTheLikelyInterfaceComesFirst(t *testing.T) {
	ifs := []Interface{
		{Name: "docker0", Kind: KindVirtual, Addr: "172.17.0.1"},
		{Name: "eth0", Kind: KindEthernet, Addr: "203.0.113.5"},
		{Name: "eth1", Kind: KindEthernet, Addr: "192.168.1.30"},
		{Name: "wlan0", Kind: KindWiFi, Addr: "192.168.1.20"},
		{Name: "wlan1", Kind: KindHotspot, Addr: "10.42.0.1"},
	}
	sortInterfaces(ifs)
	var got []string
	for _, i := range ifs {
		got = append(got, i.Name)
	}
	if want := "wlan1 wlan0 eth1 eth0 docker0"; strings.Join(got, " ") != want {
		t.Fatalf("order %v, want %s", got, want)
	}
	if l := ifs[0].Label(); l != "Hotspot of this laptop (wlan1) — 10.42.0.1" {
		t.Fatalf("label %q", l)
	}
}
