package partnerlist

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// TestPreviewOfALargeReimport previews a file whose thousands of partners
// are all stored already: the "Unchanged" line names a few and counts the
// rest (one label of 50,000 names took minutes to lay out).
func TestPreviewOfALargeReimport(t *testing.T) {
	const rows = 5000
	sh := newShell(t)
	v := open(t, sh)
	file := func(population int) []byte {
		var sb strings.Builder
		sb.WriteString("City;Country;Population\r\n")
		for i := 0; i < rows; i++ {
			fmt.Fprintf(&sb, "Łódź %d;Poland;%d\r\n", i, population+i)
		}
		return []byte(sb.String())
	}
	tb, err := tabular.Read("first.csv", file(1000), tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	existing, err := sh.Store().Partners(sh.Ctx(), sh.Network().ID)
	if err != nil {
		t.Fatal(err)
	}
	recs, problems := partners.RecordsFromTable(tb, partners.GuessMapping(tb.Header()))
	if err := partners.MakePlan("first.csv", sh.Network().ID, existing, recs, problems).Apply(sh.Ctx(), sh.Store()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		population int
		want       string
	}{{1000, fmt.Sprintf("Łódź 49 and %d more", rows-50)}, {2000, fmt.Sprintf("0 to add, %d to update", rows)}} {
		start := time.Now()
		v.importBytes("/tmp/again.csv", file(c.population))
		t.Logf("preview of %d partners: %v", rows, time.Since(start))
		d := uitest.TopOverlay(sh)
		if !uitest.TextIn(d, c.want) {
			t.Errorf("the preview does not show %q", c.want)
		}
		if uitest.TextIn(d, fmt.Sprintf("Łódź %d,", rows-2)) {
			t.Error("the preview lists every unchanged partner")
		}
	}
}
