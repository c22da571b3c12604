// Three jobs of different lengths; runJobs reports the order in which they finished.
package main

import (
	"fmt"
	"sync"
	"time"
)

// runJobs runs job i for lengths[i] and returns the job numbers in the order the jobs
// finished.
func runJobs(lengths []time.Duration) []int {
	var order []int
	for id, d := range lengths {
		var wg sync.WaitGroup
		wg.Go(func() {
			time.Sleep(d) // stands in for waiting on I/O
			order = append(order, id)
		})
		wg.Wait() // wait for this job before starting the next
	}
	return order
}

func main() {
	start := time.Now()
	order := runJobs([]time.Duration{1 * time.Second, 3 * time.Second, 2 * time.Second})
	fmt.Println("finished in the order", order)
	fmt.Println("total:", time.Since(start).Round(time.Millisecond))
}
