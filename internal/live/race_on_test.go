//go:build race

package live

// raceDetector is on: timings are many times slower and not the app's.
const raceDetector = true
