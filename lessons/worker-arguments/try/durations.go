// Try this: In three, add a second argument, the sleep time...
// Three goroutines, each given its own argument, each sleeping five seconds.
package main

import (
	"fmt"
	"sync"
	"time"
)

func task(name string, d time.Duration) {
	fmt.Println("task", name, "starts")
	time.Sleep(d)
	fmt.Println("task", name, "is done")
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	sleeps := map[string]time.Duration{"t1": time.Second, "t2": 3 * time.Second, "t3": 5 * time.Second}
	for _, name := range []string{"t1", "t2", "t3"} {
		// Each iteration has its own name variable (Go 1.22+), so every
		// closure sees the value of its own iteration.
		wg.Go(func() { task(name, sleeps[name]) })
	}
	wg.Wait()
	fmt.Printf("three tasks in %v\n", time.Since(start).Round(time.Millisecond))
}
