// Try this: In waiting, make the pool 100 workers...
// When each task waits 10ms (for a disk or a network), a pool of 4 is the slow option.
package main

import (
	"fmt"
	"sync"
	"time"
)

func task() { time.Sleep(10 * time.Millisecond) }

func main() {
	// 100 tasks on a pool of 4: at most 4 waits overlap.
	start := time.Now()
	tasks := make(chan int)
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			for range tasks {
				task()
			}
		})
	}
	for i := range 100 {
		tasks <- i
	}
	close(tasks)
	wg.Wait()
	fmt.Println("pool of 4, 100 tasks:        ", time.Since(start))

	// 1000 tasks, a goroutine each: all the waits overlap.
	start = time.Now()
	for range 1000 {
		wg.Go(task)
	}
	wg.Wait()
	fmt.Println("1000 goroutines, 1 task each:", time.Since(start))
}
