package main

import (
	"errors"
	"fmt"
	"github.com/aoce-desktop/aoce-desktop/internal/text"
	"strings"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/export"
	"github.com/aoce-desktop/aoce-desktop/internal/matrix"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
)

// slides draws the PNG slides: gui.go hands in the window's renderer, so
// that no other command file needs the UI.
var slides export.Slides

func runMatrixExport(c *cmdContext) error {
	if c.out == "" {
		return usageError{"--out FILE is required (" + strings.Join(export.MatrixFormats(), ", ") + ")"}
	}
	s, n, m, err := c.openMatrix(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := export.Matrix(c.ctx, m, n.Name, c.out, slides, nil); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote the matrix of %q (%s × %s) to %s\n", n.Name, text.Count(len(m.Rows), "sub-theme", "sub-themes"), text.Count(len(m.Partners), "partner", "partners"), c.out)
	return nil
}

func runMatrixImport(c *cmdContext) error {
	s, n, m, err := c.openMatrix(data.Writer)
	if err != nil {
		return err
	}
	defer s.Close()
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

// openMatrix opens the store and loads the network's matrix.
func (c *cmdContext) openMatrix(mode data.Mode) (*data.Store, data.Network, *matrix.Matrix, error) {
	s, n, err := c.openNetwork(mode)
	if err != nil {
		return nil, n, nil, err
	}
	m, err := matrix.Load(c.ctx, s, n.ID)
	if err != nil {
		s.Close()
		return nil, n, nil, err
	}
	return s, n, m, nil
}
