// Try this: In batches, add a second <-sem after the first one in the deferred function...
// Twenty goroutines, each working one second, with at most five at a time.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	sem := make(chan struct{}, 5) // five places

	var wg sync.WaitGroup
	for n := range 20 {
		wg.Go(func() {
			sem <- struct{}{}               // acquire
			defer func() { <-sem; <-sem }() // release twice

			time.Sleep(time.Second) // one second of work
			fmt.Printf("goroutine %2d finished at %v\n", n, time.Since(start).Round(time.Millisecond))
		})
	}
	wg.Wait()
	fmt.Printf("all 20 finished after %v\n", time.Since(start).Round(time.Millisecond))
}
