// Try this: In apply, make jobs buffered with make(chan job, 20)...
// Synchronous apply: hand a task to the pool and wait for it before handing over the next.
package main

import (
	"fmt"
	"sync"
	"time"
)

// job is one task plus the channel on which the worker reports back.
type job struct {
	n    int
	done chan int // receives the number of the worker that ran the job
}

func main() {
	start := time.Now()

	jobs := make(chan job, 20)
	var wg sync.WaitGroup
	for w := range 4 {
		worker := w + 1 // number the workers 1 to 4
		wg.Go(func() {
			for j := range jobs {
				time.Sleep(100 * time.Millisecond) // the task's work
				j.done <- worker
			}
		})
	}

	// apply: submit, then block until this task is done.
	apply := func(n int) int {
		j := job{n: n, done: make(chan int)}
		jobs <- j
		return <-j.done
	}

	for n := range 20 {
		worker := apply(n)
		fmt.Printf("task %2d ran on worker %d\n", n, worker)
	}

	close(jobs)
	wg.Wait()
	fmt.Printf("elapsed: %v (20 tasks of 100ms, one at a time)\n",
		time.Since(start).Round(time.Millisecond))
}
