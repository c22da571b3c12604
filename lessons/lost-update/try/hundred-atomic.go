// Try this: In hundred, delete the mu.Lock() and mu.Unlock() lines... Then replace the counters with atomic.Int64...
// A hundred goroutines share two counters: each takes 1 from n and adds 1 to number.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n, number atomic.Int64 // every Add is one step that cannot be split
	n.Store(100)

	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			n.Add(-1)
			number.Add(1)
		})
	}
	wg.Wait()
	fmt.Println("n =", n.Load())
	fmt.Println("number =", number.Load())
}
