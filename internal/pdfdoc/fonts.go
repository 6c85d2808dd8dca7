package pdfdoc

import _ "embed"

// Noto Sans, the window's own font (the same files Fyne bundles; SIL Open
// Font Licence, fonts/OFL.txt): exports need it without the UI.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoSansBold []byte
)

// NotoSans are the fonts our PDFs embed; they cover every Latin script of
// the EU.
func NotoSans() Fonts { return Fonts{Regular: notoSansRegular, Bold: notoSansBold} }
