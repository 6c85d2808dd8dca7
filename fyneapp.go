// Package aoce holds FyneApp.toml, the one place the app's name, ID and
// version are written: 'fyne package' reads the file for the installers
// (scripts/fyne-package.sh), and the program embeds it from here, so a plain
// 'go build', --version and the window say the same.
package aoce

import _ "embed"

//go:embed FyneApp.toml
var FyneAppToml string
