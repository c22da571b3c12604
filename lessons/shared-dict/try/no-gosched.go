// Try this: In unlocked, delete the runtime.Gosched() line...
// The same ten goroutines and the same map, with no lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string]int{"count": 100}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			v := m["count"]    // read
			m["count"] = v - 1 // write back
		})
	}
	wg.Wait()
	fmt.Println(m)
}
