package widgets

// Recreate makes the undo and redo of a record created under id: undo
// deletes it, redo creates it again. The store gives a record created again
// a new id, so the step follows it; a later step that names the first id
// fails on redo and says so. (Once deletes go to the trash, redo restores
// from there and keeps the id.)
func Recreate(id string, remove func(id string) error, create func() (string, error)) (undo, redo func() error) {
	undo = func() error { return remove(id) }
	redo = func() error {
		again, err := create()
		if err == nil {
			id = again
		}
		return err
	}
	return undo, redo
}
