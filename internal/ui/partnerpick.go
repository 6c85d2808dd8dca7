package ui

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// partnerNamesOf lists partners' names, for a chooser.
func partnerNamesOf(ps []data.Partner) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

// partnerNamed finds the partner a chooser shows by name (zero when none).
func partnerNamed(ps []data.Partner, name string) data.Partner {
	for _, p := range ps {
		if p.Name == name {
			return p
		}
	}
	return data.Partner{}
}

// partnerNameMap maps partner ids to names.
func partnerNameMap(ps []data.Partner) map[string]string {
	out := make(map[string]string, len(ps))
	for _, p := range ps {
		out[p.ID] = p.Name
	}
	return out
}
