package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/dates"
)

// networkFlags are the flags of 'network create' and 'network rename'.
type networkFlags struct {
	name, acronym, leadExpert, from, to string
}

func networkCommands() []command {
	return []command{
		{name: "network create", summary: "create a network (dates day first or ISO: 1.6.2023, 01/06/2023, 2023-06-01)", run: runNetworkCreate,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.net.name, "name", "", "the network's name (required, not taken by another network)")
				fs.StringVar(&c.net.acronym, "acronym", "", "its acronym, e.g. AoCE")
				fs.StringVar(&c.net.leadExpert, "lead-expert", "", "the Lead Expert's name")
				fs.StringVar(&c.net.from, "from", "", "the start date")
				fs.StringVar(&c.net.to, "to", "", "the end date")
			}},
		{name: "network list", summary: "list the networks of the database", run: runNetworkList,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.json, "json", false, "print JSON (the shape is documented in the README)")
			}},
		{name: "network rename", args: "NETWORK [NEW]", summary: "rename a network (NETWORK = id or name; the new name as NEW or --name)", run: runNetworkRename,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.net.name, "name", "", "the new name (required)")
			}},
		{name: "network delete", args: "NETWORK", summary: "move a network, with everything it holds, to the trash (NETWORK = id or name)", run: runNetworkDelete},
	}
}

func runNetworkCreate(c *cmdContext) error {
	name := strings.TrimSpace(c.net.name)
	if name == "" {
		return usageError{"--name is required"}
	}
	n := data.Network{Name: name, Acronym: strings.TrimSpace(c.net.acronym), LeadExpert: strings.TrimSpace(c.net.leadExpert), Programme: "URBACT IV"}
	var err error
	for _, d := range []struct {
		flag, in string
		out      *string
	}{{"--from", c.net.from, &n.StartDate}, {"--to", c.net.to, &n.EndDate}} {
		if strings.TrimSpace(d.in) == "" {
			continue
		}
		if *d.out, err = dates.Parse(d.in); err != nil {
			return usageError{d.flag + ": " + err.Error()}
		}
	}
	if n.StartDate != "" && n.EndDate != "" && n.EndDate < n.StartDate {
		return usageError{fmt.Sprintf("--to %s is before --from %s", dates.Show(n.EndDate), dates.Show(n.StartDate))}
	}
	s, err := c.openStore(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := nameFree(c, s, name, ""); err != nil {
		return err
	}
	created, err := s.CreateNetwork(c.ctx, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Created the network %q (id %s) in %s\n", created.Name, created.ID, s.Path())
	return nil
}

// nameFree refuses a name another network has.
func nameFree(c *cmdContext, s *data.Store, name, exceptID string) error {
	taken, err := s.NetworkNameTaken(c.ctx, name, exceptID)
	if err == nil && taken {
		err = fmt.Errorf("a network named %q is already in %s", name, s.Path())
	}
	return err
}

// networkJSON is one entry of `network list --json` (documented in the README).
type networkJSON struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Acronym    string `json:"acronym"`
	LeadExpert string `json:"leadExpert"`
	StartDate  string `json:"startDate"`
	EndDate    string `json:"endDate"`
	Partners   int    `json:"partners"`
	LastUsed   bool   `json:"lastUsed,omitempty"`
}

func runNetworkList(c *cmdContext) error {
	s, err := c.openStore(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	ns, err := s.Networks(c.ctx)
	if err != nil {
		return err
	}
	last, _ := s.Setting(c.ctx, data.LastNetworkSetting)
	out := []networkJSON{}
	for _, n := range ns {
		ps, err := s.Partners(c.ctx, n.ID)
		if err != nil {
			return err
		}
		out = append(out, networkJSON{ID: n.ID, Name: n.Name, Acronym: n.Acronym, LeadExpert: n.LeadExpert,
			StartDate: n.StartDate, EndDate: n.EndDate, Partners: len(ps), LastUsed: n.ID == last})
	}
	if c.json {
		return writeJSON(c, out)
	}
	if len(out) == 0 {
		fmt.Fprintf(c.stdout, "%s holds no network yet: create one with 'aoce-desktop network create --name NAME'.\n", s.Path())
		return nil
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Name\tAcronym\tPartners\tFrom\tTo\tId\t")
	for _, n := range out {
		mark := ""
		if n.LastUsed {
			mark = "(last opened)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", n.Name, n.Acronym, n.Partners, dates.Show(n.StartDate), dates.Show(n.EndDate), n.ID, mark)
	}
	return tw.Flush()
}

func runNetworkRename(c *cmdContext) error {
	name := strings.TrimSpace(c.net.name)
	if len(c.args) == 2 {
		if name != "" {
			return usageError{"the new name is given twice: as NEW and --name"}
		}
		name = strings.TrimSpace(c.args[1])
	}
	if name == "" {
		return usageError{"the new name is required: network rename NETWORK NEW (or --name NEW)"}
	}
	c.network = c.args[0]
	s, n, err := c.openNetwork(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := nameFree(c, s, name, n.ID); err != nil {
		return err
	}
	old := n.Name
	n.Name = name
	if err := s.UpdateNetwork(c.ctx, n); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Renamed the network %q to %q.\n", old, name)
	return nil
}

func runNetworkDelete(c *cmdContext) error {
	c.network = c.args[0]
	s, n, err := c.openNetwork(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := s.DeleteNetwork(c.ctx, n.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Moved the network %q to the trash; 'aoce-desktop trash restore %s' brings it back (kept 30 days).\n", n.Name, id)
	return nil
}

// unknownNetwork is the refusal of a --network that names none, with the
// names that exist.
func unknownNetwork(c *cmdContext, s *data.Store) error {
	ns, err := s.Networks(c.ctx)
	if err != nil {
		return err
	}
	if len(ns) == 0 {
		return fmt.Errorf("no network with id or name %q: %s holds no network yet (create one with 'aoce-desktop network create --name NAME')", c.network, s.Path())
	}
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = fmt.Sprintf("%q", n.Name)
	}
	return fmt.Errorf("no network with id or name %q in %s; its networks are %s", c.network, s.Path(), strings.Join(names, ", "))
}
