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
	time.Sleep(time.Millisecond) // other work: harmless now that nothing is checked first
	// Checking len and then receiving is two steps, and another goroutine can take
	// the item in between. A select with a default case is one step: it receives
	// if a value is there at that moment, and otherwise runs default at once.
	select {
	case v := <-q:
		return v, true
	default:
		return "", false
	}
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
