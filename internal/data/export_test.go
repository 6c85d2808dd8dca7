package data

// SetIndexBatch makes IndexSurveyAnswers index n respondents a transaction
// (tests: many batches from a few respondents); the returned func undoes it.
func SetIndexBatch(n int) func() {
	old := indexBatch
	indexBatch = n
	return func() { indexBatch = old }
}

// HandedOver tells whether a table's rows travel in a hand-over file.
var HandedOver = handedOver
