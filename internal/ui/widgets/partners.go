package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/partners"
)

// PartnerNamesOf lists partners' names, for a chooser.
func PartnerNamesOf(ps []data.Partner) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

// PartnerNamed finds the partner a chooser shows by name (zero when none).
func PartnerNamed(ps []data.Partner, name string) data.Partner {
	for _, p := range ps {
		if p.Name == name {
			return p
		}
	}
	return data.Partner{}
}

// PartnerNameMap maps partner ids to names.
func PartnerNameMap(ps []data.Partner) map[string]string {
	out := make(map[string]string, len(ps))
	for _, p := range ps {
		out[p.ID] = p.Name
	}
	return out
}

func NewPartnerRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.Truncation = fyne.TextTruncateEllipsis
	info.SizeName = theme.SizeNameCaptionText
	// Labels carry their own inner padding; pull the two lines together.
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), name, info)
}

func UpdatePartnerRow(p data.Partner, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(p.Name)
	var bits []string
	if p.IsLead() {
		bits = append(bits, "★ Lead partner")
	}
	if p.Country != "" {
		bits = append(bits, p.Country)
	}
	if p.Population != nil {
		bits = append(bits, partners.FormatWholeNumber(*p.Population)+" inhabitants")
	}
	box.Objects[1].(*widget.Label).SetText(strings.Join(bits, " · "))
}
