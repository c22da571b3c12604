// Try this: In no-wait, delete the time.Sleep(time.Second) line...
package main

import (
	"fmt"
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
	for i := range 50 {
		go task(fmt.Sprintf("t-%d", i))
	}
	fmt.Println("main: started 50 tasks, not waiting for them")

	fmt.Printf("main: returning after %v; tasks finished: %d of 50\n",
		time.Since(start).Round(time.Millisecond), finished.Load())
}
