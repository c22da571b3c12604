// Try this: Change the capacity to 10...
// A minimal pool: five tokens in a buffered channel. Each of 30 tasks needs a token to
// start and gives it back when done, so at most five run at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()

	tokens := make(chan struct{}, 10)
	for range cap(tokens) {
		tokens <- struct{}{} // fill the pool
	}

	var (
		mu            sync.Mutex
		running, peak int
		wg            sync.WaitGroup
	)
	for n := range 30 {
		<-tokens // take a token; blocks main while all five are out
		wg.Go(func() {
			defer func() { tokens <- struct{}{} }() // hand the token back

			mu.Lock()
			running++
			peak = max(peak, running)
			now := running
			mu.Unlock()
			fmt.Printf("%-3v task %2d starts, %d running\n",
				time.Since(start).Round(time.Millisecond), n, now)

			time.Sleep(2 * time.Second) // the work

			mu.Lock()
			running--
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Printf("30 tasks in %v, never more than %d at once\n",
		time.Since(start).Round(time.Millisecond), peak)
}
