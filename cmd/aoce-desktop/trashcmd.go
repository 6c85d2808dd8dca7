package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// trashItemJSON is one entry of `trash list --json` (documented in the README).
type trashItemJSON struct {
	ID        string         `json:"id"`
	Kind      string         `json:"kind"`
	Label     string         `json:"label"`
	DeletedAt string         `json:"deletedAt"`
	Rows      int            `json:"rows"`
	Counts    map[string]int `json:"counts"`
	Summary   string         `json:"summary"`
}

// openTrash opens the store and reads the network's trash, and the
// entries of the deleted networks (which belong to no open network: they
// are listed, and restored, from any of them, or when none is left).
func (c *cmdContext) openTrash(mode data.Mode) (*data.Store, data.Network, []data.TrashItem, error) {
	s, err := c.openStore(mode)
	if err != nil {
		return nil, data.Network{}, nil, err
	}
	fail := func(err error) (*data.Store, data.Network, []data.TrashItem, error) {
		s.Close()
		return nil, data.Network{}, nil, err
	}
	networks, err := s.DeletedNetworks(c.ctx)
	if err != nil {
		return fail(err)
	}
	n, err := c.resolveNetwork(s)
	if err != nil {
		if ns, _ := s.Networks(c.ctx); c.network == "" && len(ns) == 0 && len(networks) > 0 {
			return s, data.Network{Name: "the deleted networks"}, networks, nil
		}
		return fail(err)
	}
	items, err := s.Trash(c.ctx, n.ID)
	if err != nil {
		return fail(err)
	}
	return s, n, append(items, networks...), nil
}

func runTrashList(c *cmdContext) error {
	s, n, items, err := c.openTrash(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	if c.json {
		out := []trashItemJSON{}
		for _, it := range items {
			out = append(out, trashItemJSON{ID: it.ID, Kind: it.Kind, Label: it.Label, DeletedAt: it.DeletedAt.UTC().Format(time.RFC3339),
				Rows: it.Rows(), Counts: it.Counts, Summary: it.Summary()})
		}
		return writeJSON(c, out)
	}
	if len(items) == 0 {
		fmt.Fprintf(c.stdout, "The trash of %s is empty.\n", n.Name)
		return nil
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Deleted\tWhat\tWith it\tId")
	for _, it := range items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", it.DeletedAt.Local().Format("2006-01-02 15:04"), it.Label, it.Summary(), it.ID)
	}
	return tw.Flush()
}

func runTrashRestore(c *cmdContext) error {
	s, n, items, err := c.openTrash(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	id := c.args[0]
	for _, it := range items {
		if it.ID != id {
			continue
		}
		if _, err := s.RestoreTrash(c.ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Restored %s.\n", it.Label)
		return nil
	}
	return fmt.Errorf("the trash of %s holds no entry %s (see 'aoce-desktop trash list')", n.Name, id)
}

func runTrashEmpty(c *cmdContext) error {
	s, n, err := c.openNetwork(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	gone, err := s.EmptyTrash(c.ctx, n.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Emptied the trash of %s: %d entries deleted for good.\n", n.Name, gone)
	return nil
}
