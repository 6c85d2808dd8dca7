package main

import (
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

func runRestore(c *cmdContext) error {
	if c.from == "" {
		return usageError{"--from BACKUP is required"}
	}
	if err := ensureDir(c.dbPath); err != nil {
		return err
	}
	kept, err := data.Restore(c.ctx, c.from, c.dbPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Restored %s from %s\n", c.dbPath, c.from)
	if kept != "" {
		fmt.Fprintf(c.stdout, "The database it replaced is kept as %s\n", kept)
	}
	return nil
}
