// Three goroutines, each given its own argument, each sleeping five seconds.
package main

import (
	"fmt"
	"sync"
	"time"
)

func task(name string) {
	fmt.Println("task", name, "starts")
	time.Sleep(5 * time.Second)
	fmt.Println("task", name, "is done")
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for _, name := range []string{"t1", "t2", "t3"} {
		// Each iteration has its own name variable (Go 1.22+), so every
		// closure sees the value of its own iteration.
		wg.Go(func() { task(name) })
	}
	wg.Wait()
	fmt.Printf("three tasks in %v\n", time.Since(start).Round(time.Millisecond))
}
