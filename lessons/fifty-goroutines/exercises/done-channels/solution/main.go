// Fifty tasks of two seconds each, started by runAll.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// runAll runs task(name) for every name, each in its own goroutine, and returns once
// every task has finished.
func runAll(names []string, task func(name string)) {
	// One channel per goroutine, kept in a slice like Python's list of thread objects.
	dones := make([]chan struct{}, len(names))
	for i, name := range names {
		dones[i] = make(chan struct{})
		go func() {
			defer close(dones[i]) // closed when the task returns, however it returns
			task(name)
		}()
	}
	// Like calling join on each thread in turn: a receive from a closed channel returns
	// at once, so the whole loop takes as long as the slowest task.
	for _, done := range dones {
		<-done
	}
}

func main() {
	var finished atomic.Int32
	var names []string
	for i := range 50 {
		names = append(names, fmt.Sprintf("t-%d", i))
	}
	start := time.Now()
	runAll(names, func(name string) {
		time.Sleep(2 * time.Second) // slow I/O
		finished.Add(1)
	})
	fmt.Printf("main: returning after %v; tasks finished: %d of 50\n",
		time.Since(start).Round(time.Millisecond), finished.Load())
}
