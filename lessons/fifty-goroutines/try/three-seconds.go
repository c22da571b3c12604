// Try this: In no-wait, make main's own work last three seconds...
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

	time.Sleep(3 * time.Second) // main's own work: three seconds, more than a task needs
	fmt.Printf("main: returning after %v; tasks finished: %d of 50\n",
		time.Since(start).Round(time.Millisecond), finished.Load())
}
