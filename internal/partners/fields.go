package partners

import (
	"errors"
	"net/mail"
	"strconv"
	"strings"
	"unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
)

// Kind says how a field is entered and checked.
type Kind int

const (
	Text Kind = iota
	LongText
	WholeNumber
	Percent
	Email
	Role
)

// Field is one partner field: how it is labelled, read from a file or form,
// checked, and written back. The form, the import and the list all use it.
type Field struct {
	Key     string
	Label   string
	Kind    Kind
	Aliases []string // other header names that mean this field (folded)
	get     func(*data.Partner) string
	set     func(*data.Partner, string) error // "" clears
}

// Get returns the field's value as text for editing.
func (f Field) Get(p *data.Partner) string { return f.get(p) }

// Set parses text into the partner; the error says what to type instead.
func (f Field) Set(p *data.Partner, text string) error { return f.set(p, strings.TrimSpace(text)) }

// Validate checks text without changing anything.
func (f Field) Validate(text string) error {
	var scratch data.Partner
	return f.Set(&scratch, text)
}

func textField(key, label string, kind Kind, ptr func(*data.Partner) *string, aliases ...string) Field {
	return Field{Key: key, Label: label, Kind: kind, Aliases: aliases,
		get: func(p *data.Partner) string { return *ptr(p) },
		set: func(p *data.Partner, s string) error { *ptr(p) = withoutControls(s, kind == LongText); return nil }}
}

// withoutControls drops control characters pasted or imported with text;
// long texts keep their line breaks and tabs.
func withoutControls(s string, keepLines bool) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !(keepLines && (r == '\n' || r == '\t')) {
			return -1
		}
		return r
	}, s)
}

func wholeField(key, label string, ptr func(*data.Partner) **int64, aliases ...string) Field {
	return Field{Key: key, Label: label, Kind: WholeNumber, Aliases: aliases,
		get: func(p *data.Partner) string {
			if v := *ptr(p); v != nil {
				return strconv.FormatInt(*v, 10)
			}
			return ""
		},
		set: func(p *data.Partner, s string) error {
			if s == "" {
				*ptr(p) = nil
				return nil
			}
			n, err := ParseWholeNumber(s)
			if err != nil {
				return err
			}
			*ptr(p) = &n
			return nil
		}}
}

func percentField(key, label string, ptr func(*data.Partner) **float64, aliases ...string) Field {
	return Field{Key: key, Label: label, Kind: Percent, Aliases: aliases,
		get: func(p *data.Partner) string {
			if v := *ptr(p); v != nil {
				return FormatPercent(*v)
			}
			return ""
		},
		set: func(p *data.Partner, s string) error {
			if s == "" {
				*ptr(p) = nil
				return nil
			}
			v, err := ParsePercent(s)
			if err != nil {
				return err
			}
			*ptr(p) = &v
			return nil
		}}
}

var rolePunctuation = strings.NewReplacer("_", " ", "-", " ", "(", " ", ")", " ")

// ParseRole reads "Lead partner", "LP", "lead_partner", "Partner", "PP"…
func ParseRole(s string) (string, error) {
	switch data.NameKey(rolePunctuation.Replace(s)) {
	case "lead partner", "lead", "lp", "lead partner lp", "leadpartner":
		return data.RoleLeadPartner, nil
	case "partner", "pp", "project partner", "project partner pp", "partner pp", "":
		return data.RolePartner, nil
	}
	return "", errors.New("write Lead partner or Partner")
}

// RoleLabel is how a role is shown.
func RoleLabel(role string) string {
	if role == data.RoleLeadPartner {
		return "Lead partner"
	}
	return "Partner"
}

// Fields are all partner fields in the order of the form.
var Fields = []Field{
	textField("name", "City / organisation", Text, func(p *data.Partner) *string { return &p.Name },
		"name", "city", "partner", "partner name", "organisation", "organization", "municipality", "city organisation", "partner city"),
	textField("short_name", "Short name (slides)", Text, func(p *data.Partner) *string { return &p.ShortName },
		"short name", "short", "abbreviation"),
	textField("country", "Country", Text, func(p *data.Partner) *string { return &p.Country }, "country", "state"),
	textField("region", "Region", Text, func(p *data.Partner) *string { return &p.Region }, "region", "nuts 2", "nuts2", "province"),
	{Key: "role", Label: "Role", Kind: Role, Aliases: []string{"role", "partner role", "type", "lead partner"},
		get: func(p *data.Partner) string { return RoleLabel(p.Role) },
		set: func(p *data.Partner, s string) error {
			r, err := ParseRole(s)
			if err == nil {
				p.Role = r
			}
			return err
		}},
	wholeField("population", "Population", func(p *data.Partner) **int64 { return &p.Population }, "population", "inhabitants", "residents"),
	textField("demographic_profile", "Demographic profile", LongText, func(p *data.Partner) *string { return &p.DemographicProfile },
		"demographic profile", "demography", "demographics"),
	percentField("unemployment_rate", "Unemployment rate (%)", func(p *data.Partner) **float64 { return &p.UnemploymentRate },
		"unemployment", "unemployment rate", "unemployment rate %", "employment levels"),
	percentField("youth_unemployment_rate", "Youth unemployment rate (%)", func(p *data.Partner) **float64 { return &p.YouthUnemploymentRate },
		"youth unemployment", "youth unemployment rate", "youth unemployment rate %"),
	textField("economy_profile", "Economy profile", LongText, func(p *data.Partner) *string { return &p.EconomyProfile }, "economy", "economy profile", "economic profile"),
	textField("functional_urban_area", "Functional urban area", Text, func(p *data.Partner) *string { return &p.FunctionalUrbanArea },
		"functional urban area", "fua"),
	wholeField("civil_servants", "Civil servants", func(p *data.Partner) **int64 { return &p.CivilServants },
		"civil servants", "number of civil servants", "total number of civil servants", "municipal staff", "staff"),
	textField("ulg_coordinator", "ULG coordinator", Text, func(p *data.Partner) *string { return &p.ULGCoordinator },
		"ulg coordinator", "ulg", "coordinator", "contact", "contact person"),
	{Key: "contact_email", Label: "Contact e-mail", Kind: Email, Aliases: []string{"email", "e mail", "contact email", "contact e mail", "mail"},
		get: func(p *data.Partner) string { return p.ContactEmail },
		set: func(p *data.Partner, s string) error {
			if err := ValidateEmail(s); err != nil {
				return err
			}
			p.ContactEmail = s
			return nil
		}},
	textField("participation_context", "Participation context", LongText, func(p *data.Partner) *string { return &p.ParticipationContext },
		"participation context", "context"),
	textField("participation_in_practice", "Participation in practice", LongText, func(p *data.Partner) *string { return &p.ParticipationInPractice },
		"participation in practice", "in practice"),
	textField("next_steps", "Next steps", LongText, func(p *data.Partner) *string { return &p.NextSteps }, "next steps"),
	textField("iap_focus", "Integrated Action Plan focus", LongText, func(p *data.Partner) *string { return &p.IAPFocus },
		"iap focus", "iap", "integrated action plan focus", "action plan focus"),
	textField("testing_action", "Testing action idea", LongText, func(p *data.Partner) *string { return &p.TestingAction },
		"testing action", "testing action idea"),
}

// FieldByKey returns the field with this key.
func FieldByKey(key string) (Field, bool) {
	for _, f := range Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// ValidateEmail accepts "" or one plain address such as ulg@genk.be.
func ValidateEmail(s string) error {
	if s == "" {
		return nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return errors.New("enter one e-mail address, like ulg@genk.be")
	}
	return nil
}

// Validate checks a whole partner as the store will keep it, field by field.
// The map is empty when the partner is fine.
func Validate(p data.Partner) map[string]error {
	problems := map[string]error{}
	if strings.TrimSpace(p.Name) == "" {
		problems["name"] = errors.New("a partner needs a name")
	}
	for _, f := range Fields {
		if f.Key == "name" {
			continue
		}
		if err := f.Validate(f.Get(&p)); err != nil {
			problems[f.Key] = err
		}
	}
	return problems
}
