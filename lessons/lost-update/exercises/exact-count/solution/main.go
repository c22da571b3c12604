// Workers share one counter. A mutex makes each worker's read, pause and write one
// step that no other worker can cut into.
package main

import (
	"fmt"
	"sync"
	"time"
)

// increment starts workers goroutines that each add 1 to a counter that starts at
// start, and returns the counter once they have all finished.
func increment(start, workers int) int {
	a := start
	var mu sync.Mutex // guards a
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()            // held from the read until after the write
			v := a                       // read
			time.Sleep(time.Millisecond) // the others wait at mu.Lock meanwhile
			a = v + 1                    // write back
		})
	}
	wg.Wait() // every worker has unlocked, so reading a needs no lock here
	return a
}

func main() {
	fmt.Println("3 workers on 100:", increment(100, 3))
}
