// Package choice pairs stored values (kinds, states, tracks) with the
// words people read, in the order a chooser offers them, so a screen or
// an export never keeps its own map and reverse lookup.
package choice

// Choice is a stored value and its label.
type Choice struct{ Label, Value string }

// List is a chooser's choices, in order.
type List []Choice

// Labels are the labels in order, for a widget.Select.
func (l List) Labels() []string {
	out := make([]string, len(l))
	for i, c := range l {
		out[i] = c.Label
	}
	return out
}

// Label is a value's label; an unknown value shows as itself.
func (l List) Label(value string) string {
	for _, c := range l {
		if c.Value == value {
			return c.Label
		}
	}
	return value
}

// Value is the value a label stands for, "" when none does.
func (l List) Value(label string) string {
	for _, c := range l {
		if c.Label == label {
			return c.Value
		}
	}
	return ""
}
