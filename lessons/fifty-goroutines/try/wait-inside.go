// Try this: In wait-all, move wg.Wait() inside the loop...
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var finished atomic.Int32 // how many tasks got to the end

func task(name string) {
	fmt.Println("task", name)
	time.Sleep(2 * time.Second) // slow I/O
	finished.Add(1)
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup // keeps count of the tasks, like a list of thread objects
	for i := range 50 {
		wg.Go(func() { task(fmt.Sprintf("t-%d", i)) })
		wg.Wait()
	}
	fmt.Println("main: started 50 tasks, waiting for all of them")

	fmt.Printf("main: returning after %v; tasks finished: %d of 50\n",
		time.Since(start).Round(time.Millisecond), finished.Load())
}
