// Try this: In batches, try 4 places instead of 5...
// Twenty goroutines, each working one second, with at most five at a time.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	sem := make(chan struct{}, 4) // four places

	var wg sync.WaitGroup
	for n := range 20 {
		wg.Go(func() {
			sem <- struct{}{}        // acquire
			defer func() { <-sem }() // release, even if the work panics

			time.Sleep(time.Second) // one second of work
			fmt.Printf("goroutine %2d finished at %v\n", n, time.Since(start).Round(time.Millisecond))
		})
	}
	wg.Wait()
	fmt.Printf("all 20 finished after %v\n", time.Since(start).Round(time.Millisecond))
}
