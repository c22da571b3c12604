// Fifty tasks of two seconds each, started by runAll.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// runAll runs task(name) for every name, each in its own goroutine, and should return
// once every task has finished.
func runAll(names []string, task func(name string)) {
	for _, name := range names {
		go task(name)
	}
	time.Sleep(time.Second) // a guess, not a wait
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
