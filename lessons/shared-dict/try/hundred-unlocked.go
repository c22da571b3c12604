// Try this: Start 100 goroutines instead of 10 in both programs (unlocked)...
// The same ten goroutines and the same map, with no lock.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	m := map[string]int{"count": 100}
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			v := m["count"] // read
			// Let the other goroutines run here, as a busy machine might.
			runtime.Gosched()
			m["count"] = v - 1 // write back
		})
	}
	wg.Wait()
	fmt.Println(m)
}
