// Workers that are told what to add through package variables.
package main

import (
	"fmt"
	"sync"
	"time"
)

// a and b hold the numbers the next worker should add.
var a, b int

// worker adds a and b and stores the sum at index id of sums.
func worker(id int, sums []int) {
	time.Sleep(10 * time.Millisecond) // the work takes a moment
	sums[id] = a + b
}

// addAll returns the sum of every pair, one worker per pair.
func addAll(pairs [][2]int) []int {
	sums := make([]int, len(pairs))
	var wg sync.WaitGroup
	for i, p := range pairs {
		a, b = p[0], p[1]
		wg.Go(func() { worker(i, sums) })
	}
	wg.Wait()
	return sums
}

func main() {
	pairs := [][2]int{{1, 2}, {10, 20}, {100, 200}}
	for i, sum := range addAll(pairs) {
		fmt.Printf("worker %d: %d + %d = %d\n", i, pairs[i][0], pairs[i][1], sum)
	}
}
