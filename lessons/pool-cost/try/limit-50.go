// Try this: In waiting, give the thousand goroutines a limit of 50 at a time...
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
	for range 4 {
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
	tokens := make(chan struct{}, 50)
	for range cap(tokens) {
		tokens <- struct{}{}
	}
	for range 1000 {
		<-tokens // wait for one of the 50 tokens
		wg.Go(func() {
			defer func() { tokens <- struct{}{} }()
			task()
		})
	}
	wg.Wait()
	fmt.Println("1000 goroutines, 1 task each:", time.Since(start))
}
