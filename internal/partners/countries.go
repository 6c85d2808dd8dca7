package partners

import (
	"slices"
	"strings"
)

// urbactCountries are the countries URBACT cities come from (the EU, Norway,
// Switzerland and the programme's IPA partners): the country list of the
// profile form.
var urbactCountries = []string{
	"Albania", "Austria", "Belgium", "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark",
	"Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania",
	"Luxembourg", "Malta", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal", "Romania",
	"Serbia", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland",
}

// CountryChoices are the form's countries: the URBACT ones and any other
// the network's partners already have, sorted, each once.
func CountryChoices(have []string) []string {
	out := slices.Clone(urbactCountries)
	for _, c := range have {
		if c = strings.TrimSpace(c); c != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, c) }) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}
