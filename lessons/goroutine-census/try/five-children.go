// Try this: In count, start five children instead of one...
// runtime.NumGoroutine is Go's active_count: main plus one child makes two.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("goroutines at the start:", runtime.NumGoroutine())

	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			fmt.Println("child: running, waiting to be released")
			<-release // stay alive until main has counted
		})
	}

	// The child counts as soon as it exists, even before it has run.
	fmt.Println("goroutines with one child:", runtime.NumGoroutine())

	close(release)
	wg.Wait()
	fmt.Println("goroutines after the join:", runtime.NumGoroutine())
}
