package partners

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// existingPartners is how many partners the network holds before the
// benchmarked import; the file updates all of them (names in other case and
// without accents) and adds the rest.
const existingPartners = 20

// partnerRows writes a semicolon CSV of n partners as a network secretariat
// might e-mail it: eight filled columns, a lead partner among the updates.
func partnerRows(n int) []byte {
	var sb strings.Builder
	sb.WriteString("City;Country;Region;Role;Population;Unemployment rate;Civil servants;E-mail;ULG coordinator\r\n")
	for i := 0; i < n; i++ {
		name, role := fmt.Sprintf("Łódź Północ %d", i), ""
		if i < existingPartners {
			name = fmt.Sprintf("LODZ POLNOC %d", i) // matched ignoring case and accents
		}
		if i == 1 {
			role = "Lead partner" // the lead moves from partner 0 to partner 1
		}
		fmt.Fprintf(&sb, "%s;Poland;Łódzkie;%s;%d;%d,%d;%d;ulg%d@lodz.pl;Anna Nowak %d\r\n",
			name, role, 20000+i*7, 3+i%9, i%10, 100+i%900, i, i)
	}
	return []byte(sb.String())
}

// importStore opens a fresh database whose network holds the partners the
// file updates, partner 0 being the lead.
func importStore(b *testing.B) (*data.Store, data.Network) {
	s, err := data.Open(filepath.Join(b.TempDir(), "bench.db"), data.Writer)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	n, err := s.CreateNetwork(ctx, data.Network{Name: "Bench"})
	if err != nil {
		b.Fatal(err)
	}
	ps := make([]data.Partner, existingPartners)
	for i := range ps {
		ps[i] = data.Partner{NetworkID: n.ID, Name: fmt.Sprintf("Łódź Północ %d", i), Country: "Poland"}
	}
	if _, err := s.SavePartners(ctx, ps); err != nil {
		b.Fatal(err)
	}
	return s, n
}

// BenchmarkImportPartners is a whole partner import: read the CSV, plan it
// against the stored partners, and store it in one transaction. cpu-s/op
// is the CPU time it took (all threads, the garbage collector's too).
func BenchmarkImportPartners(b *testing.B) {
	for _, rows := range []int{10000, 50000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			raw := partnerRows(rows)
			ctx := context.Background()
			b.SetBytes(int64(len(raw)))
			cpu := 0.0
			for b.Loop() {
				b.StopTimer()
				s, n := importStore(b)
				cpu -= cpuSeconds()
				b.StartTimer()
				existing, err := s.Partners(ctx, n.ID)
				if err != nil {
					b.Fatal(err)
				}
				t, err := tabular.Read("p.csv", raw, tabular.Options{})
				if err != nil {
					b.Fatal(err)
				}
				recs, problems := RecordsFromTable(t, GuessMapping(t.Header()))
				plan := MakePlan("p.csv", n.ID, existing, recs, problems)
				if len(plan.Adds) != rows-existingPartners || len(plan.Updates) != existingPartners {
					b.Fatalf("plan: %s %v", plan.Summary(), plan.Problems)
				}
				if err := plan.Apply(ctx, s); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				cpu += cpuSeconds()
				s.Close()
				b.StartTimer()
			}
			if cpu > 0 {
				b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
			}
		})
	}
}
