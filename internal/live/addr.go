package live

import (
	"net"
	"sort"
)

// DefaultPort is where sessions listen unless told otherwise: above the
// privileged range and away from the usual development ports.
const DefaultPort = "8765"

// LANAddresses lists the IPv4 addresses of this laptop that phones in the
// room can reach (its Wi-Fi, hotspot or cable), private ranges first;
// loopback is left out.
func LANAddresses() []string {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []string
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil {
				out = append(out, ipn.IP.String())
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return net.ParseIP(out[i]).IsPrivate() && !net.ParseIP(out[j]).IsPrivate() })
	return out
}

// DefaultListen is the address a session listens on by default: the
// first LAN address, or loopback when the laptop has no network.
func DefaultListen() string {
	if addrs := LANAddresses(); len(addrs) > 0 {
		return net.JoinHostPort(addrs[0], DefaultPort)
	}
	return net.JoinHostPort("127.0.0.1", DefaultPort)
}
