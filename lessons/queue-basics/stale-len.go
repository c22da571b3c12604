// len(q) is already out of date when you act on it: two consumers both see one
// item, but only one of them can get it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	q := make(chan string, 1)
	q <- "the only item"

	var wg sync.WaitGroup
	for _, name := range []string{"alice", "bob"} {
		wg.Go(func() {
			if len(q) == 0 { // looks like the Python "if not q.empty():"
				return
			}
			fmt.Printf("%s: len is 1, so an item is waiting for me\n", name)
			// Anything between the check and the receive lets the other goroutine run.
			time.Sleep(time.Millisecond)
			select {
			case v := <-q:
				fmt.Printf("%s: got %q\n", name, v)
			case <-time.After(time.Second):
				fmt.Printf("%s: still nothing after 1s, someone else took it\n", name)
			}
		})
	}
	wg.Wait()
}
