package partners

import "github.com/aoce-desktop/aoce-desktop/internal/data"

// JSON is the stable JSON shape of a partner: 'partners list --json'
// prints it (documented in the README) and the demo network file uses it.
// Every key is always present; unknown numbers are null.
type JSON struct {
	ID                      string   `json:"id"`
	Name                    string   `json:"name"`
	ShortName               string   `json:"short_name"`
	Country                 string   `json:"country"`
	Region                  string   `json:"region"`
	Role                    string   `json:"role"`
	Population              *int64   `json:"population"`
	DemographicProfile      string   `json:"demographic_profile"`
	UnemploymentRate        *float64 `json:"unemployment_rate"`
	YouthUnemploymentRate   *float64 `json:"youth_unemployment_rate"`
	EconomyProfile          string   `json:"economy_profile"`
	FunctionalUrbanArea     string   `json:"functional_urban_area"`
	CivilServants           *int64   `json:"civil_servants"`
	ULGCoordinator          string   `json:"ulg_coordinator"`
	ContactEmail            string   `json:"contact_email"`
	ParticipationContext    string   `json:"participation_context"`
	ParticipationInPractice string   `json:"participation_in_practice"`
	NextSteps               string   `json:"next_steps"`
	IAPFocus                string   `json:"iap_focus"`
	TestingAction           string   `json:"testing_action"`
}

// ToJSON converts a stored partner to its JSON shape.
func ToJSON(p data.Partner) JSON {
	return JSON{ID: p.ID, Name: p.Name, ShortName: p.ShortName, Country: p.Country, Region: p.Region, Role: p.Role, Population: p.Population,
		DemographicProfile: p.DemographicProfile, UnemploymentRate: p.UnemploymentRate, YouthUnemploymentRate: p.YouthUnemploymentRate,
		EconomyProfile: p.EconomyProfile, FunctionalUrbanArea: p.FunctionalUrbanArea, CivilServants: p.CivilServants,
		ULGCoordinator: p.ULGCoordinator, ContactEmail: p.ContactEmail, ParticipationContext: p.ParticipationContext,
		ParticipationInPractice: p.ParticipationInPractice, NextSteps: p.NextSteps, IAPFocus: p.IAPFocus, TestingAction: p.TestingAction}
}

// Partner converts the JSON shape back to a partner of the given network.
func (j JSON) Partner(networkID string) data.Partner {
	return data.Partner{ID: j.ID, NetworkID: networkID, Name: j.Name, ShortName: j.ShortName, Country: j.Country, Region: j.Region, Role: j.Role,
		Population: j.Population, DemographicProfile: j.DemographicProfile, UnemploymentRate: j.UnemploymentRate,
		YouthUnemploymentRate: j.YouthUnemploymentRate, EconomyProfile: j.EconomyProfile, FunctionalUrbanArea: j.FunctionalUrbanArea,
		CivilServants: j.CivilServants, ULGCoordinator: j.ULGCoordinator, ContactEmail: j.ContactEmail,
		ParticipationContext: j.ParticipationContext, ParticipationInPractice: j.ParticipationInPractice,
		NextSteps: j.NextSteps, IAPFocus: j.IAPFocus, TestingAction: j.TestingAction}
}
