// Thirty tasks with five tokens: the loop takes a token before it starts a goroutine,
// so only the tasks that may run have one.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// runAll calls task(0) to task(n-1), each in a goroutine of its own, with at most
// limit calls running at once, and returns when every call has returned.
func runAll(n, limit int, task func(i int)) {
	tokens := make(chan struct{}, limit)
	for range limit {
		tokens <- struct{}{}
	}
	var wg sync.WaitGroup
	for i := range n {
		// Wait here, in the loop, while all tokens are out. The tasks still waiting
		// for their turn are just numbers the loop has not reached yet.
		<-tokens
		wg.Go(func() {
			defer func() { tokens <- struct{}{} }() // give the token back, even on panic
			task(i)
		})
	}
	wg.Wait()
}

func main() {
	start := time.Now()
	base := runtime.NumGoroutine()
	var mu sync.Mutex
	running, peak, crowd := 0, 0, 0
	runAll(30, 5, func(i int) {
		mu.Lock()
		running++
		peak = max(peak, running)
		crowd = max(crowd, runtime.NumGoroutine()-base)
		mu.Unlock()
		time.Sleep(time.Second)
		mu.Lock()
		running--
		mu.Unlock()
	})
	fmt.Printf("30 tasks in %v: at most %d running, but up to %d goroutines alive\n",
		time.Since(start).Round(time.Millisecond), peak, crowd)
}
