package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

func runMatrixExport(c *cmdContext) error {
	if c.out == "" {
		return usageError{"--out FILE.csv is required"}
	}
	s, n, err := c.openNetwork(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	m, err := matrix.Load(c.ctx, s, n.ID)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch ext := strings.ToLower(filepath.Ext(c.out)); ext {
	case ".csv":
		err = m.WriteCSV(&buf)
	default:
		return usageError{fmt.Sprintf("cannot export the matrix as %q; use .csv", ext)}
	}
	if err != nil {
		return err
	}
	if err := writeFileAtomic(c.out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the matrix of %q (%d sub-themes × %d partners) to %s\n", n.Name, len(m.Rows), len(m.Partners), c.out)
	return nil
}

func runMatrixImport(c *cmdContext) error {
	s, n, err := c.openNetwork(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
	m, err := matrix.Load(c.ctx, s, n.ID)
	if err != nil {
		return err
	}
	t, err := tabular.ReadFile(c.args[0], tabular.Options{})
	if err != nil {
		return err
	}
	plan := matrix.PlanImport(t, m)
	for _, p := range plan.Problems {
		fmt.Fprintln(c.stdout, "problem:", p)
	}
	if len(plan.Problems) > 0 {
		return errors.New(plan.Summary())
	}
	if err := plan.Apply(c.ctx, s, m); err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	fmt.Fprintf(c.stdout, "Imported the matrix of %q from %s: %s.\n", n.Name, c.args[0], plan.Summary())
	return nil
}

// writeFileAtomic writes through a temporary file and a rename, so a
// failed export never leaves half a file under the name the user chose.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".aoce-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
