// Try this: In executor, delete wg.Wait()...
// A pool of 40 workers runs 20 one-second tasks. Shutting the pool down waits for them.
package main

import (
	"fmt"
	"sync"
	"time"
)

// task stands in for one second of waiting on a disk or the network.
func task(worker, n int) {
	time.Sleep(time.Second)
	fmt.Printf("task %2d done by worker %2d\n", n, worker)
}

func main() {
	start := time.Now()

	// The pool: a channel of tasks and 40 goroutines that take tasks from it.
	tasks := make(chan int)
	var wg sync.WaitGroup
	for w := range 40 {
		worker := w + 1 // workers 1 to 40
		wg.Go(func() {
			for n := range tasks { // ends when tasks is closed and empty
				task(worker, n)
			}
		})
	}

	// Submit 20 tasks. Each send hands a task to an idle worker.
	for n := range 20 {
		tasks <- n
	}

	// Shut down: accept no more tasks, then wait for the workers to finish.
	close(tasks)
	// wg.Wait() deleted: nothing waits for the workers

	fmt.Println("pool shut down; all tasks finished")
	fmt.Printf("elapsed: %v\n", time.Since(start).Round(time.Millisecond))
}
