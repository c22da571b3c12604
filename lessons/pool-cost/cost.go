// 100 tasks on a pool of 4 versus 1000 tasks with a goroutine each: time and memory.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

const many = 1000 // goroutines in the second run

func square(i int) int { return i * i }

// stackKiB reports how much memory goroutine stacks are using right now.
func stackKiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse / 1024
}

func main() {
	base := stackKiB()

	// 1. A pool: 4 workers share 100 tasks.
	start := time.Now()
	tasks := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range tasks {
				_ = square(i)
			}
		})
	}
	for i := range 100 {
		tasks <- i
	}
	peak := runtime.NumGoroutine() // main + 4 workers
	close(tasks)
	wg.Wait()
	fmt.Printf("pool of 4, 100 tasks:       %v elapsed, %4d goroutines at the peak\n",
		time.Since(start), peak)

	// 2. One goroutine per task, 1000 of them. The gate holds them all alive at once,
	// so the peak can be measured.
	start = time.Now()
	gate := make(chan struct{})
	for i := range many {
		wg.Go(func() {
			<-gate
			_ = square(i)
		})
	}
	runtime.Gosched() // let each one start and park on the gate
	peak = runtime.NumGoroutine()
	stacks := stackKiB() - base
	close(gate)
	wg.Wait()
	fmt.Printf("%d goroutines, 1 task each: %v elapsed, %4d goroutines at the peak\n",
		many, time.Since(start), peak)
	fmt.Printf("their stacks: about %d KiB in all, %.1f KiB each\n", stacks, float64(stacks)/many)
}
