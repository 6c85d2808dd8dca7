package matrixview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/slidefit"
)

// Every suggested pair is on some slide of "who can help whom" — the
// slides went on to "continued" ones for the gaps but stopped the pairs
// at 14 of the demo's 43 (issue 15, finding 5) — and Right steps to them.
func TestPeerSlidesShowEveryPair(t *testing.T) {
	m := loadSlideSets(t)["demo"]
	pairs := m.PeerLearning().Pairs
	if len(pairs) < 20 {
		t.Fatalf("the demo has %d pairs: too few to show the fault", len(pairs))
	}
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1366, Height: 768}} {
		var shown []string
		for _, s := range peerSlidesOf(m, "Network", size) {
			shown = append(shown, slidefit.Texts(s)...)
		}
		all := strings.Join(strings.Fields(strings.Join(shown, " ")), " ")
		for _, p := range pairs {
			if line := pairLine(p, 8); !strings.Contains(all, line) {
				t.Errorf("%v: the pair %q is on no slide", size, line)
			}
		}
		p := &presenter{m: m, peers: true, size: size}
		for range peerSlideCount(m, size) + 2 {
			p.step(true)
		}
		if want := peerSlideCount(m, size) - 1; p.page != want {
			t.Errorf("%v: Right stops at slide %d, want the last, %d", size, p.page+1, want+1)
		}
	}
}
