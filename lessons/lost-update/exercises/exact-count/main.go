// Workers share one counter. Each reads it, pauses, and writes back one more.
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
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			v := a                       // read
			time.Sleep(time.Millisecond) // a slow step between read and write
			a = v + 1                    // write back
		})
	}
	wg.Wait()
	return a
}

func main() {
	fmt.Println("3 workers on 100:", increment(100, 3))
}
