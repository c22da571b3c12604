// Fetching 200 records from a server, with a pool sized by the number of CPUs.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// serverLimit is how many requests the server accepts at once; it refuses any more.
const serverLimit = 50

// poolMap runs f over inputs with a fixed number of worker goroutines and returns the
// results in input order, like Python's Pool.map.
func poolMap(workers int, inputs []int, f func(int) string) []string {
	out := make([]string, len(inputs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				out[i] = f(inputs[i]) // each index is written by one worker only
			}
		})
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// fetchAll fetches every id from the server and returns the records in the order of ids.
func fetchAll(ids []int, fetch func(id int) string) []string {
	return poolMap(runtime.NumCPU(), ids, fetch)
}

func main() {
	ids := make([]int, 200)
	for i := range ids {
		ids[i] = i + 1
	}
	start := time.Now()
	records := fetchAll(ids, func(id int) string {
		time.Sleep(10 * time.Millisecond) // the server's round trip
		return fmt.Sprintf("record %d", id)
	})
	fmt.Printf("%d records in %v, the last is %q\n", len(records), time.Since(start), records[len(records)-1])
}
