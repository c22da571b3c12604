// Workers that get their numbers as arguments.
package main

import (
	"fmt"
	"sync"
	"time"
)

// worker adds a and b and stores the sum at index id of sums. Everything it needs
// arrives as an argument, evaluated when main starts it, so no later change in main
// can reach it. Each worker writes a different element of sums, so they never clash.
func worker(id, a, b int, sums []int) {
	time.Sleep(10 * time.Millisecond) // the work takes a moment
	sums[id] = a + b
}

// addAll returns the sum of every pair, one worker per pair.
func addAll(pairs [][2]int) []int {
	sums := make([]int, len(pairs))
	var wg sync.WaitGroup
	for i, p := range pairs {
		// i and p are fresh variables in every iteration (Go 1.22+), so each
		// closure passes on the values of its own iteration.
		wg.Go(func() { worker(i, p[0], p[1], sums) })
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
