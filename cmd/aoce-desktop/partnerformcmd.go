package main

import (
	"errors"
	"fmt"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
)

// runPartnersForm writes one profile form per partner (or the one named).
func runPartnersForm(c *cmdContext) error {
	if c.out == "" {
		return usageError{"--out DIR is required: the folder the forms are written to"}
	}
	s, n, err := c.openNetwork(data.Reader)
	if err != nil {
		return err
	}
	defer s.Close()
	paths, err := partners.WriteForms(c.ctx, s, n, c.out, c.partner)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(c.stdout, p)
	}
	fmt.Fprintf(c.stdout, "Wrote %d profile form(s) of %s. Send each to its partner; import the filled ones with 'partners import FILE...'.\n", len(paths), n.Name)
	return nil
}

// importForms previews returned profile forms field by field and, with
// --yes, applies them all in one transaction.
func importForms(c *cmdContext, s *data.Store, n data.Network) error {
	for _, f := range c.args {
		if !partners.IsForm(f) {
			return usageError{fmt.Sprintf("%s is no profile form: several files can be imported only as returned profile forms ('partners form'); import a CSV or XLSX list alone", f)}
		}
	}
	plan, err := partners.PlanForms(c.ctx, s, n, c.args)
	if err != nil {
		return err
	}
	plan.PreferForms = c.preferForms
	fmt.Fprint(c.stdout, plan.DiffText())
	if len(plan.Problems) > 0 {
		for _, p := range plan.Problems {
			fmt.Fprintln(c.stderr, p)
		}
		return errors.New("the forms were not imported: fix or leave out the files named above; nothing was changed")
	}
	switch {
	case !plan.Ready():
		fmt.Fprintln(c.stdout, "The forms change nothing.")
		return nil
	case !c.yes:
		fmt.Fprintln(c.stdout, "Nothing was changed yet: add --yes to apply these changes.")
		return nil
	}
	if err := plan.Apply(c.ctx, s); err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	fmt.Fprintf(c.stdout, "Updated %d partner(s) of %s from their forms.\n", len(plan.Changes), n.Name)
	return nil
}
