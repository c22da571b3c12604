// Run n jobs with at most limit of them at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

// runLimited calls work(i) for every i from 0 to n-1, each call in its own goroutine,
// with at most limit calls running at once. It returns when every call has returned.
func runLimited(n, limit int, work func(i int)) {
	// Each token in the buffer is a place that a running call holds. With the
	// buffer full, the next send waits until some call gives its token back.
	sem := make(chan struct{}, limit)

	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}        // acquire a place
			defer func() { <-sem }() // give it back, even if work panics
			work(i)
		})
	}
	wg.Wait()
}

func main() {
	start := time.Now()
	runLimited(6, 2, func(i int) {
		fmt.Printf("%6v  job %d starts\n", time.Since(start).Round(time.Millisecond), i)
		time.Sleep(time.Second)
	})
	fmt.Printf("%6v  all done\n", time.Since(start).Round(time.Millisecond))
}
