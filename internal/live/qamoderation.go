package live

// Moderation lists every Q&A question for the presenter's controls, in
// the order they were asked, the hidden ones too (so they can be shown
// again). Unlike QA it never re-orders: a row the presenter is about to
// click stays where it was when a vote or a decision comes in.
func (se *Session) Moderation() []QAItem {
	f := se.State().Filter
	se.qa.mu.Lock()
	defer se.qa.mu.Unlock()
	out := make([]QAItem, 0, len(se.qa.items))
	for _, q := range se.qa.items {
		out = append(out, QAItem{ID: q.ID, Text: f.Mask(q.Text), Votes: len(q.Voters), Approved: q.Approved, Answered: q.Answered, Hidden: q.Hidden})
	}
	return out
}
