// Try this: In locked, move mu.Unlock() up to just after the read...
// The same three workers, but read-add-write happens while holding a mutex.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	a := 100
	var mu sync.Mutex // guards a
	start := time.Now()
	var wg sync.WaitGroup
	for id := range 3 {
		wg.Go(func() {
			mu.Lock()
			v := a // 1. read
			mu.Unlock()
			// The same gap as before, but the others are waiting at mu.Lock.
			time.Sleep(time.Millisecond)
			a = v + 1 // 2. add, 3. write back
			fmt.Printf("worker %d read %d, wrote %d\n", id, v, v+1)
		})
	}
	wg.Wait()
	elapsed := time.Since(start).Round(time.Millisecond)
	fmt.Printf("a = %d after %v: %d of 3 increments lost\n", a, elapsed, 103-a)
}
