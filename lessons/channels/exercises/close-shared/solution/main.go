// Several senders on one channel, and one goroutine that closes it.
package main

import (
	"fmt"
	"sync"
	"time"
)

// gather sends every word of every list on the channel it returns, one goroutine
// per list. The receiver ranges over the channel, so it must be closed at the end.
func gather(lists ...[]string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, list := range lists {
		wg.Go(func() {
			for _, w := range list {
				time.Sleep(10 * time.Millisecond) // each sender takes its time
				out <- w
			}
		})
	}
	// No single sender knows when the others are done, so none of them closes.
	// One more goroutine waits until all of them have returned and closes out,
	// once. It must not be gather itself: gather has to return the channel first,
	// or no one would be receiving and the senders could never finish.
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	words := gather(
		[]string{"bread", "milk"},
		[]string{"eggs", "tea", "jam", "rice"},
		[]string{"salt"},
	)
	for w := range words {
		fmt.Println("got", w)
	}
	fmt.Println("all senders are done")
}
