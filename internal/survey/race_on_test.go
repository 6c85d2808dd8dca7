//go:build race

package survey

// raceDetector tells tests that measure speed that the race detector slows everything several-fold.
const raceDetector = true
