// Try this: Make an acquire give up...
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
			select {
			case sem <- struct{}{}: // acquire
			case <-time.After(1500 * time.Millisecond):
				fmt.Printf("goroutine %2d gave up at %v\n", n, time.Since(start).Round(time.Millisecond))
				return // never got a place, so there is none to release
			}
			defer func() { <-sem }() // release, even if the work panics

			time.Sleep(time.Second) // one second of work
			fmt.Printf("goroutine %2d finished at %v\n", n, time.Since(start).Round(time.Millisecond))
		})
	}
	wg.Wait()
	fmt.Printf("all 20 finished after %v\n", time.Since(start).Round(time.Millisecond))
}
