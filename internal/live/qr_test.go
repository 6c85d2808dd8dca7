package live

import "testing"

func TestQRCodeHasAQuietZoneAndFinderPatterns(t *testing.T) {
	img, err := QRCode("http://192.168.1.20:8765/", 400)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 400 {
		t.Fatalf("size %v", b)
	}
	white := func(x, y int) bool { r, _, _, _ := img.At(x, y).RGBA(); return r > 0x8000 }
	if !white(2, 2) || !white(397, 397) {
		t.Fatal("no white margin")
	}
	// The top-left finder pattern: a dark square where the margin ends.
	dark := 0
	for x := 0; x < 200; x++ {
		if !white(x, 60) {
			dark++
		}
	}
	if dark == 0 {
		t.Fatal("no dark modules")
	}
}
