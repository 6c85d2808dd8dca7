package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/demo"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

func runDemo(c *cmdContext) error {
	s, err := c.openStore(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := demo.Load(c.ctx, s)
	if err != nil {
		return err
	}
	if res.Created {
		fmt.Fprintf(c.stdout, "Created the demo network %q in %s\n", res.Network.Name, s.Path())
	} else {
		fmt.Fprintf(c.stdout, "The demo network %q is already in %s; nothing changed\n", res.Network.Name, s.Path())
	}
	return nil
}

type partnersListJSON struct {
	Network struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"network"`
	Partners []partners.JSON `json:"partners"`
}

func runPartnersList(c *cmdContext) error {
	s, n, err := c.openNetwork(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	ps, err := s.Partners(c.ctx, n.ID)
	if err != nil {
		return err
	}
	if c.json {
		out := partnersListJSON{Partners: []partners.JSON{}}
		out.Network.ID, out.Network.Name = n.ID, n.Name
		for _, p := range ps {
			out.Partners = append(out.Partners, partners.ToJSON(p))
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return printPartnerTable(c.stdout, n, ps)
}

func printPartnerTable(w io.Writer, n data.Network, ps []data.Partner) error {
	fmt.Fprintf(w, "%s — %d partners\n\n", n.Name, len(ps))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Name\tCountry\tRole\tPopulation\tUnemployment %\tYouth unempl. %\tCivil servants")
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Name, p.Country, partners.RoleLabel(p.Role),
			optInt(p.Population), optPercent(p.UnemploymentRate), optPercent(p.YouthUnemploymentRate), optInt(p.CivilServants))
	}
	return tw.Flush()
}

func optInt(v *int64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(*v)
}

func optPercent(v *float64) string {
	if v == nil {
		return "–"
	}
	return partners.FormatPercent(*v)
}

func runPartnersImport(c *cmdContext) error {
	s, n, err := c.openNetwork(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	if !c.paste && (len(c.args) > 1 || partners.IsForm(c.args[0])) {
		return importForms(c, s, n)
	}
	existing, err := s.Partners(c.ctx, n.ID)
	if err != nil {
		return err
	}
	plan, err := planImport(c, n, existing)
	if err != nil {
		return err
	}
	printPlan(c.stdout, plan)
	if len(plan.Problems) > 0 {
		return errors.New(plan.Summary())
	}
	if c.dryRun || !plan.Ready() {
		fmt.Fprintln(c.stdout, "Nothing was changed.")
		return nil
	}
	if err := plan.Apply(c.ctx, s); err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	fmt.Fprintf(c.stdout, "Imported into %q: %s.\n", n.Name, plan.Summary())
	return nil
}

func planImport(c *cmdContext, n data.Network, existing []data.Partner) (*partners.Plan, error) {
	file := c.args[0]
	if c.paste {
		var text []byte
		var err error
		if file == "-" {
			file = "standard input"
			text, err = io.ReadAll(io.LimitReader(c.stdin, tabular.DefaultMaxBytes))
		} else {
			text, err = os.ReadFile(file)
		}
		if err != nil {
			return nil, err
		}
		decoded, _, err := tabular.DecodeText(file, text, c.encoding)
		if err != nil {
			return nil, err
		}
		recs, problems := partners.ParsePaste(file, decoded)
		return partners.MakePlan(file, n.ID, existing, recs, problems), nil
	}
	t, err := tabular.ReadFile(file, tabular.Options{Encoding: c.encoding, Sheet: c.sheet})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(c.stdout, "Read %s: %s, %s, %d rows\n", file, t.Format, describeTable(t), len(t.Rows)-1)
	recs, problems := partners.RecordsFromTable(t, partners.GuessMapping(t.Header()))
	return partners.MakePlan(file, n.ID, existing, recs, problems), nil
}

func describeTable(t *tabular.Table) string {
	if t.Format == "XLSX" {
		return "sheet " + t.Sheet
	}
	return fmt.Sprintf("%s, %s-separated", t.Encoding, tabular.DelimiterName(t.Delimiter))
}

func printPlan(w io.Writer, plan *partners.Plan) {
	for _, p := range plan.Problems {
		fmt.Fprintln(w, "problem:", p)
	}
	for _, a := range plan.Adds {
		fmt.Fprintf(w, "add     %s\n", a.Partner.Name)
	}
	for _, u := range plan.Updates {
		fmt.Fprintf(w, "update  %s\n", u.Partner.Name)
		for _, f := range u.Fields {
			fmt.Fprintf(w, "          %s: %q → %q\n", f.Label, f.Old, f.New)
		}
	}
	fmt.Fprintln(w, plan.Summary())
}

func runBackup(c *cmdContext) error {
	if c.out == "" {
		return usageError{"--out FILE is required"}
	}
	s, err := c.openStore(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(c.ctx, c.out); err != nil {
		return fmt.Errorf("backup to %s failed: %w", c.out, err)
	}
	fmt.Fprintf(c.stdout, "Wrote a copy of %s to %s\n", s.Path(), c.out)
	return nil
}

func runCheck(c *cmdContext) error {
	s, err := c.openStore(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.Check(c.ctx)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(c.stdout, "%s: %s\n", p.Kind, p.Detail)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problem(s) in %s", len(problems), s.Path())
	}
	v, err := s.SchemaVersion(c.ctx)
	if err != nil {
		return fmt.Errorf("reading the schema version of %s: %w", s.Path(), err)
	}
	fmt.Fprintf(c.stdout, "%s: ok (schema %d)\n", s.Path(), v)
	return nil
}
