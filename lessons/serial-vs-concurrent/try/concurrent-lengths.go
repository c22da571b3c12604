// Try this: Give the jobs different lengths...
package main

import (
	"fmt"
	"sync"
	"time"
)

// work stands in for a job that spends three seconds waiting on I/O.
func work(id int) {
	fmt.Printf("job %d starts\n", id)
	time.Sleep(time.Duration(id+1) * time.Second)
	fmt.Printf("job %d is done\n", id)
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for id := range 3 {
		wg.Go(func() { work(id) })
	}
	wg.Wait() // wait for all three at once
	fmt.Printf("all at once: %v\n", time.Since(start).Round(time.Millisecond))
}
