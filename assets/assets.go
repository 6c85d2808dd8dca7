// Package assets holds the files shipped inside the binary: the app icon,
// the demo network and the example files named in the README.
package assets

import _ "embed"

// DemoNetwork is the Agents of Co-Existence network as JSON (see internal/demo).
//
//go:embed demo/network.json
var DemoNetwork []byte

// Icon is the application icon (PNG, 512×512).
//
//go:embed icon.png
var Icon []byte
