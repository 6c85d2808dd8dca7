package live

import (
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// DefaultPort is where sessions listen unless told otherwise: above the
// privileged range and away from the usual development ports.
const DefaultPort = "8765"

// Kinds of network a session can serve on, in the order the chooser
// offers them: phones join a laptop's hotspot most surely, then the Wi-Fi
// they share with it, then a cable.
const (
	KindHotspot  = "Hotspot"
	KindWiFi     = "Wi-Fi"
	KindEthernet = "Ethernet"
	KindOther    = "Network"
	KindVirtual  = "Virtual or VPN" // containers, VPN tunnels: phones seldom reach these
)

var kindOrder = []string{KindHotspot, KindWiFi, KindEthernet, KindOther, KindVirtual}

// Interface is one IPv4 address of the laptop that phones may reach.
type Interface struct {
	Name string // the system's name: wlan0, en0, "Wi-Fi"
	Kind string // one of the kinds above
	Addr string // 192.168.1.20
}

// Label names the interface for the chooser: "Wi-Fi (wlan0) — 192.168.1.20".
func (i Interface) Label() string {
	kind := i.Kind
	if i.Kind == KindHotspot {
		kind = "Hotspot of this laptop"
	}
	return kind + " (" + i.Name + ") — " + i.Addr
}

// LANInterfaces lists the laptop's IPv4 addresses that phones in the room
// can reach, the likely one first (hotspot, Wi-Fi, Ethernet, others,
// virtual ones last); loopback is left out, so an empty list means the
// laptop is on no network at all.
func LANInterfaces() []Interface {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []Interface
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && !ipn.IP.IsLinkLocalUnicast() {
				out = append(out, Interface{Name: ifc.Name, Addr: ipn.IP.String(), Kind: classify(runtime.GOOS, ifc.Name, ipn.IP, linuxFacts(ifc.Name))})
			}
		}
	}
	sortInterfaces(out)
	return out
}

// sortInterfaces puts the likely interface first: by kind, then private
// addresses before public ones.
func sortInterfaces(out []Interface) {
	slices.SortStableFunc(out, func(a, b Interface) int {
		if d := slices.Index(kindOrder, a.Kind) - slices.Index(kindOrder, b.Kind); d != 0 {
			return d
		}
		pa, pb := net.ParseIP(a.Addr).IsPrivate(), net.ParseIP(b.Addr).IsPrivate()
		switch {
		case pa && !pb:
			return -1
		case pb && !pa:
			return 1
		}
		return 0
	})
}

// sysFacts is what Linux tells about an interface in /sys/class/net.
type sysFacts struct {
	known    bool // the folder exists: the facts below are meaningful
	wireless bool // a wireless/ or phy80211/ entry
	device   bool // backed by hardware (device/), not virtual
	apMode   bool // the wireless interface is an access point (a hotspot)
}

// linuxFacts reads /sys/class/net/<name> (nothing elsewhere).
func linuxFacts(name string) sysFacts {
	if runtime.GOOS != "linux" {
		return sysFacts{}
	}
	dir := filepath.Join("/sys/class/net", name)
	if _, err := os.Stat(dir); err != nil {
		return sysFacts{}
	}
	exists := func(p string) bool { _, err := os.Stat(filepath.Join(dir, p)); return err == nil }
	f := sysFacts{known: true, wireless: exists("wireless") || exists("phy80211"), device: exists("device")}
	if f.wireless {
		// cfg80211 lists only station interfaces in /proc/net/wireless (its
		// wext statistics are nil for other modes): an interface that is up,
		// has an address and is missing there is an access point.
		f.apMode = !inProcWireless(name)
	}
	return f
}

// inProcWireless tells whether /proc/net/wireless lists the interface.
func inProcWireless(name string) bool {
	b, err := os.ReadFile("/proc/net/wireless")
	if err != nil {
		return true // unknown: do not call it a hotspot
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), name+":") {
			return true
		}
	}
	return false
}

// The address ranges the usual hotspot software gives the laptop:
// NetworkManager's "shared" connections (10.42.0.1/24) and Windows'
// Mobile hotspot (192.168.137.1/24).
var hotspotNets = []*net.IPNet{mustCIDR("10.42.0.0/16"), mustCIDR("192.168.137.0/24")}

func mustCIDR(s string) *net.IPNet {
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		panic(err)
	}
	return n
}

// classify names an interface's kind from the system's facts (Linux) or
// its name (Windows, macOS, and Linux's virtual interfaces).
func classify(goos, name string, ip net.IP, f sysFacts) string {
	lower := strings.ToLower(name)
	for _, n := range hotspotNets {
		if n.Contains(ip) {
			return KindHotspot
		}
	}
	for _, p := range []string{"docker", "veth", "br-", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "utun", "zt", "tailscale", "vethernet", "ifb", "lxc", "cni", "flannel"} {
		if strings.HasPrefix(lower, p) {
			return KindVirtual
		}
	}
	switch goos {
	case "linux":
		switch {
		case f.known && f.wireless && f.apMode:
			return KindHotspot
		case f.known && f.wireless, strings.HasPrefix(lower, "wl"):
			return KindWiFi
		case f.known && !f.device:
			return KindVirtual
		case strings.HasPrefix(lower, "en"), strings.HasPrefix(lower, "eth"):
			return KindEthernet
		}
	case "windows": // adapters are named by what they are, in the user's language
		switch {
		case strings.HasPrefix(lower, "local area connection*"), strings.Contains(lower, "hotspot"):
			return KindHotspot // Windows' hosted network / Mobile hotspot adapter
		case strings.Contains(lower, "wi-fi"), strings.Contains(lower, "wlan"), strings.Contains(lower, "wireless"):
			return KindWiFi
		case strings.Contains(lower, "ethernet"), strings.Contains(lower, "lan"):
			return KindEthernet
		}
	case "darwin":
		switch {
		case strings.HasPrefix(lower, "bridge"): // Internet Sharing's bridge100: the Mac is the hotspot
			return KindHotspot
		case lower == "en0": // the built-in Wi-Fi of MacBooks
			return KindWiFi
		case strings.HasPrefix(lower, "en"):
			return KindEthernet
		}
	}
	return KindOther
}

// DefaultListen is the address a session listens on by default: the
// likely LAN address, or loopback when the laptop has no network.
func DefaultListen() string {
	if ifs := LANInterfaces(); len(ifs) > 0 {
		return net.JoinHostPort(ifs[0].Addr, DefaultPort)
	}
	return net.JoinHostPort("127.0.0.1", DefaultPort)
}
