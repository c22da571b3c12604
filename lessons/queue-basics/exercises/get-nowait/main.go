// Two consumers and one item: get_nowait in Go.
package main

import (
	"fmt"
	"sync"
	"time"
)

// tryGet takes an item from q if one is waiting and reports whether it got one.
// It must never wait.
func tryGet(q chan string) (string, bool) {
	if len(q) == 0 { // like Python's  if q.empty():
		return "", false
	}
	time.Sleep(time.Millisecond) // other work between the check and the receive
	return <-q, true
}

func main() {
	q := make(chan string, 1)
	q <- "the only item"

	var wg sync.WaitGroup
	for _, name := range []string{"alice", "bob"} {
		wg.Go(func() {
			v, ok := tryGet(q)
			fmt.Printf("%s: %q %t\n", name, v, ok)
		})
	}
	wg.Wait()
}
