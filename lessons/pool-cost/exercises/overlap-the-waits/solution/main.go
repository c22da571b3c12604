// A hundred lookups that each wait 10 ms for an answer, each in its own goroutine.
package main

import (
	"fmt"
	"sync"
	"time"
)

// lookupAll calls lookup once for each id and returns the answers in the order of ids.
func lookupAll(ids []int, lookup func(id int) string) []string {
	out := make([]string, len(ids))
	var wg sync.WaitGroup
	// One goroutine per lookup: starting one costs far less than the wait it covers.
	// Each writes only its own slot of out, so they need no lock, and wg.Wait makes
	// every write visible before out is returned.
	for i, id := range ids {
		wg.Go(func() {
			out[i] = lookup(id)
		})
	}
	wg.Wait()
	return out
}

func main() {
	ids := make([]int, 100)
	for i := range ids {
		ids[i] = 1000 + i
	}
	start := time.Now()
	names := lookupAll(ids, func(id int) string {
		time.Sleep(10 * time.Millisecond) // waiting for a database or a server
		return fmt.Sprintf("user-%d", id)
	})
	fmt.Printf("%d lookups in %v: %s ... %s\n", len(names), time.Since(start), names[0], names[len(names)-1])
}
