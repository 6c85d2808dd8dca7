package sync

// stopAt lets a test stop a sync at one of the points where the app could
// die between two writes ("changeset written": the file is in the folder,
// its number not recorded; "seq committed": the number recorded, the
// snapshot not renamed; "merged snapshot taken": a merge committed, its
// snapshot not renamed). The sync returns the error at once, leaving what
// a crash would leave. nil in the app.
var stopAt func(point string) error

func stop(point string) error {
	if stopAt == nil {
		return nil
	}
	return stopAt(point)
}
