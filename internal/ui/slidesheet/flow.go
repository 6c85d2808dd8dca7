package slidesheet

// A slide's list of blocks (bars, cards, statements) is laid out by one
// rule: the largest type at which every block fits in one column, else in
// two; below the Floor, two columns at the Floor over as many pages as
// needed. Every block is on some page; none is cut.

// Flow is a list of blocks laid out: the type size, the columns and, per
// page, each block's place.
type Flow struct {
	Size    float32
	Columns int
	Pages   [][]Placed
}

// Placed is block Index where it is drawn, in units.
type Placed struct {
	Index      int
	X, Y, W, H float32
}

// ColumnGap is the space between two columns of blocks.
const ColumnGap = 24

// Sizes are the type sizes tried from big down to the Floor, a tenth
// smaller each (big alone when it is at or below the Floor).
func Sizes(big float32) []float32 {
	var out []float32
	for size := big; size > Floor; size *= 0.9 {
		out = append(out, size)
	}
	return append(out, min(big, Floor))
}

// FlowBlocks lays out n blocks in a, trying the sizes (largest first) in
// each number of columns: need is block i's height at a size in a column
// w wide, gap the space below each as a share of the size.
func FlowBlocks(n int, a Area, sizes []float32, columns []int, gap float32, need func(i int, size, w float32) float32) Flow {
	var f Flow
	for _, cols := range columns {
		for _, size := range sizes {
			f = place(n, a, size, cols, gap, need)
			if len(f.Pages) <= 1 {
				return f
			}
		}
	}
	return f // the smallest size in the most columns, on pages
}

func place(n int, a Area, size float32, cols int, gap float32, need func(i int, size, w float32) float32) Flow {
	f := Flow{Size: size, Columns: cols}
	w := (a.W - ColumnGap*float32(cols-1)) / float32(cols)
	var page []Placed
	col, y := 0, float32(0)
	for i := range n {
		h := need(i, size, w)
		if y > 0 && y+h > a.H { // the column is full: the next one, or a new page
			col, y = col+1, 0
			if col == cols {
				f.Pages, page, col = append(f.Pages, page), nil, 0
			}
		}
		page = append(page, Placed{Index: i, X: a.X + float32(col)*(w+ColumnGap), Y: a.Y + y, W: w, H: h})
		y += h + gap*size
	}
	return Flow{Size: size, Columns: cols, Pages: append(f.Pages, page)}
}
