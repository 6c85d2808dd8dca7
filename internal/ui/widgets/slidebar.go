package widgets

import "image/color"

// SlideBar is the colour of result bars on slides (survey results and the
// live presenter): Okabe–Ito blue, strong on a projector and dark in
// grayscale.
var SlideBar = color.NRGBA{0x00, 0x72, 0xB2, 0xFF}
