// Thirty tasks with five tokens: at most five run at once, but all thirty goroutines
// are started at the beginning and most of them just wait.
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
		wg.Go(func() {
			<-tokens                                // wait for a token
			defer func() { tokens <- struct{}{} }() // and give it back
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
