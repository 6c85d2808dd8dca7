package live

import (
	"cmp"
	"math"
	"slices"
)

// Percents are counts as whole percentages of total, rounded so that
// their sum is the rounded sum of the exact shares where that can be
// (largest remainder: one choice each adds up to 100, not 99 or 101), and
// equal counts always show equal percentages: the room compares them. A
// group of equal counts takes a point left over only when there is one for
// each of them, or else when their exact share rounds up anyway (so 1, 1, 1
// of 3 are 33 each, and 2, 2, 2, 1 of 7 are 29, 29, 29, 14). The phone page
// and the presenter both say shares with it.
func Percents(counts []int, total int) []int {
	out := make([]int, len(counts))
	if total <= 0 {
		return out
	}
	exact, sum := make([]float64, len(counts)), 0.0
	for i, n := range counts {
		exact[i] = float64(n) * 100 / float64(total)
		out[i] = int(math.Floor(exact[i]))
		sum += exact[i]
	}
	left := int(math.Round(sum))
	for _, p := range out {
		left -= p
	}
	remainder := func(i int) float64 { return exact[i] - math.Floor(exact[i]) }
	order := make([]int, len(counts)) // the largest remainders first, equal counts together
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(remainder(b), remainder(a)); c != 0 {
			return c
		}
		return cmp.Compare(counts[b], counts[a])
	})
	for g := 0; g < len(order) && left > 0; {
		end := g + 1
		for end < len(order) && counts[order[end]] == counts[order[g]] {
			end++
		}
		if remainder(order[g]) == 0 {
			break
		}
		enough := end-g <= left
		if enough || remainder(order[g]) >= 0.5 {
			for _, i := range order[g:end] {
				out[i]++
			}
			left -= end - g
		}
		if !enough {
			break
		}
		g = end
	}
	return out
}
