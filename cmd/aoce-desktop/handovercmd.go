package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// handoverCommands hand a network from one laptop to another as one .aoce file.
func handoverCommands() []command {
	return []command{
		{name: "network export", args: "NETWORK", summary: "write one network, with everything it holds and its trash, to a hand-over file (.aoce) for another laptop", run: runNetworkExport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.StringVar(&c.out, "out", "", "the .aoce file to write (required)")
			}},
		{name: "network import", args: "FILE.aoce", summary: "add the network of a hand-over file, in one transaction (--keep-both when the database has it already)", run: runNetworkImport,
			flags: func(fs *flag.FlagSet, c *cmdContext) {
				fs.BoolVar(&c.keepBoth, "keep-both", false, "when the database has this network already, add the file's as a copy under new ids, named \"… (imported DATE)\"")
				fs.BoolVar(&c.replace, "merge", false, "merge into the network of the same id as a sync would: field by field, the lost values listed by 'sync conflicts'")
			}},
	}
}

func runNetworkExport(c *cmdContext) error {
	if strings.TrimSpace(c.out) == "" {
		return usageError{"--out FILE.aoce is required"}
	}
	c.network = c.args[0]
	s, n, err := c.openNetwork(data.Reader) // a reader: it works while the app has the database open
	if err != nil {
		return err
	}
	defer s.Close()
	info, err := s.ExportNetwork(c.ctx, n.ID, c.out, details.Details.Version)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the network %q to %s (%s).\n", n.Name, c.out, info.Summary())
	return nil
}

func runNetworkImport(c *cmdContext) error {
	file := c.args[0]
	s, err := c.openStore(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	if c.replace { // --merge
		if data.MergeNetworkFile == nil {
			return errors.New("--merge needs the sync engine, which this version does not have yet; use --keep-both to add the file's network as a copy")
		}
		info, err := data.ReadHandover(c.ctx, file)
		if err != nil {
			return err
		}
		id, err := data.MergeNetworkFile(c.ctx, s, file, info)
		if err != nil {
			return err
		}
		name := info.NetworkName
		if n, err := s.Network(c.ctx, id); err == nil {
			name = n.Name // the name it has here, which may differ from the file's
		}
		fmt.Fprintf(c.stdout, "Merged %s into the network %q (a backup from before it was taken first: 'restore --from' it if the merge was not wanted).\n", file, name)
		return nil
	}
	mode := data.ImportAsIs
	if c.keepBoth {
		mode = data.ImportKeepBoth
	}
	id, info, err := s.ImportNetwork(c.ctx, file, mode, time.Now())
	if errors.Is(err, data.ErrNetworkPresent) {
		return fmt.Errorf("%w\n(run it again with --merge to merge the file into it as a sync would, or with --keep-both to add it as a copy)", err)
	}
	if err != nil {
		return err
	}
	n, err := s.Network(c.ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Imported the network %q (id %s), exported %s on %s: %s.\n", n.Name, id,
		info.ExportedAt.Local().Format("2006-01-02 15:04"), info.From(), info.Summary())
	return nil
}
