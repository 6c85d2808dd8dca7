package live

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// QRCode draws the join address as a QR code of size×size pixels with the
// white margin a phone's camera needs (four modules, as the standard asks).
func QRCode(url string, size int) (image.Image, error) {
	code, err := qr.Encode(url, qr.M, qr.Auto)
	if err != nil {
		return nil, err
	}
	modules := code.Bounds().Dx()
	inner := size * modules / (modules + 8)
	inner -= inner % modules // whole pixels per module keep the edges sharp
	scaled, err := barcode.Scale(code, inner, inner)
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src)
	off := (size - inner) / 2
	draw.Draw(img, image.Rect(off, off, off+inner, off+inner), scaled, image.Point{}, draw.Src)
	return img, nil
}
