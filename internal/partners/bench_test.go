package partners

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// BenchmarkReadAndPlan500 reads a 500-row semicolon CSV in Windows-1250 and
// plans its import against 250 existing partners: the work done between
// choosing a file and seeing the preview.
func BenchmarkReadAndPlan500(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("City;Country;Population;Unemployment rate;Civil servants;E-mail\r\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&sb, "Gdańsk %d;Poland;486.%03d;2,%d;1.294;ulg%d@gdansk.pl\r\n", i, i%1000, i%10, i)
	}
	raw := []byte(sb.String())
	for i := range raw {
		if raw[i] == 0xC5 { // crude UTF-8 → Windows-1250 for "ń" (C5 84 → F1)
			raw[i], raw[i+1] = 0xF1, ' '
		}
	}
	existing := make([]data.Partner, 250)
	for i := range existing {
		existing[i] = data.Partner{ID: fmt.Sprint(i), Name: fmt.Sprintf("Gdańsk %d", i*2)}
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		t, err := tabular.Read("p.csv", raw, tabular.Options{})
		if err != nil {
			b.Fatal(err)
		}
		recs, problems := RecordsFromTable(t, GuessMapping(t.Header()))
		plan := MakePlan("p.csv", "n", existing, recs, problems)
		if len(plan.Adds)+len(plan.Updates) != 500 {
			b.Fatalf("plan: %s %v", plan.Summary(), plan.Problems[:1])
		}
	}
}
