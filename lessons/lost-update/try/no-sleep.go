// Try this: In unlocked, delete the time.Sleep line...
// Three workers each add 1 to a shared a = 100, without a lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	a := 100
	start := time.Now()
	var wg sync.WaitGroup
	for id := range 3 {
		wg.Go(func() {
			v := a    // 1. read
			a = v + 1 // 2. add, 3. write back
			fmt.Printf("worker %d read %d, wrote %d\n", id, v, v+1)
		})
	}
	wg.Wait()
	elapsed := time.Since(start).Round(time.Millisecond)
	fmt.Printf("a = %d after %v: %d of 3 increments lost\n", a, elapsed, 103-a)
}
