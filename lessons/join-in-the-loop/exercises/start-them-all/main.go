// Ten workers of three seconds each, started by runWorkers.
package main

import (
	"fmt"
	"sync"
	"time"
)

// runWorkers runs task(1), task(2), ... task(n), each in its own goroutine, and returns
// once all of them have finished.
func runWorkers(n int, task func(id int)) {
	var wg sync.WaitGroup
	for id := range n {
		wg.Go(func() { task(id + 1) })
		wg.Wait() // join inside the loop: one worker at a time
	}
}

func main() {
	start := time.Now()
	runWorkers(10, func(id int) {
		fmt.Printf("worker %2d begins at %v\n", id, time.Since(start).Round(time.Second))
		time.Sleep(3 * time.Second) // slow I/O
	})
	fmt.Printf("main: all ten done after %v\n", time.Since(start).Round(time.Second))
}
