// Package about holds what Help → About and 'aoce-desktop --version' tell
// besides the version: the commit key, where the data lives on each system
// and the licences of the code the program contains.
package about

import _ "embed"

// Licences are the licence texts of every Go module the program contains,
// and Go's own; tools/licences writes them from the module cache (a test in
// tools/licences fails when they no longer match go.mod).
//
//go:generate go run ../../tools/licences -o licences.txt ../../cmd/aoce-desktop
//go:embed licences.txt
var Licences string

// CommitKey names the commit in fyne.AppMetadata.Custom, where the command
// puts it for the window to show.
const CommitKey = "commit"

// DataLocations says where the database lives when neither --db nor AOCE_DB
// chooses one (cmd/aoce-desktop/dbpath.go; its test checks Linux's line).
var DataLocations = []string{
	`Windows: %AppData%\AoCE Desktop\aoce.db (C:\Users\NAME\AppData\Roaming\AoCE Desktop)`,
	`macOS: ~/Library/Application Support/AoCE Desktop/aoce.db`,
	`Linux: $XDG_DATA_HOME/aoce-desktop/aoce.db, by default ~/.local/share/aoce-desktop/aoce.db`,
}
