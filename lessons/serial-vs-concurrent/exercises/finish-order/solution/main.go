// Three jobs of different lengths; runJobs reports the order in which they finished.
package main

import (
	"fmt"
	"time"
)

// runJobs runs job i for lengths[i] and returns the job numbers in the order the jobs
// finished.
func runJobs(lengths []time.Duration) []int {
	// Each job sends its number when it is done. The buffer has room for every job, so
	// no job ever waits to report.
	finished := make(chan int, len(lengths))
	for id, d := range lengths {
		go func() {
			time.Sleep(d) // stands in for waiting on I/O
			finished <- id
		}()
	}
	// All jobs are running now. Receiving once per job is the wait, and the numbers
	// arrive in the order the jobs finished.
	order := make([]int, 0, len(lengths))
	for range lengths {
		order = append(order, <-finished)
	}
	return order
}

func main() {
	start := time.Now()
	order := runJobs([]time.Duration{1 * time.Second, 3 * time.Second, 2 * time.Second})
	fmt.Println("finished in the order", order)
	fmt.Println("total:", time.Since(start).Round(time.Millisecond))
}
