// Try this: In count, remove close(release)...
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
	wg.Go(func() {
		fmt.Println("child: running, waiting to be released")
		<-release // stay alive until main has counted
	})

	// The child counts as soon as it exists, even before it has run.
	fmt.Println("goroutines with one child:", runtime.NumGoroutine())

	wg.Wait()
	fmt.Println("goroutines after the join:", runtime.NumGoroutine())
}
