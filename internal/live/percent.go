package live

import (
	"cmp"
	"math"
	"slices"
)

// Percents are counts as whole percentages of total, rounded so that
// their sum is the rounded sum of the exact shares (largest remainder):
// one choice each adds up to 100, not 99 or 101. The phone page and the
// presenter both say shares with it.
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
	order := make([]int, len(counts)) // the largest remainders first; the first listed on a tie
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(exact[b]-math.Floor(exact[b]), exact[a]-math.Floor(exact[a]))
	})
	for _, i := range order[:max(min(left, len(order)), 0)] {
		out[i]++
	}
	return out
}
