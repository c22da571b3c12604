// Several senders on one channel: who closes it?
package main

import (
	"fmt"
	"time"
)

// gather sends every word of every list on the channel it returns, one goroutine
// per list. The receiver ranges over the channel, so it must be closed at the end.
func gather(lists ...[]string) <-chan string {
	out := make(chan string)
	for _, list := range lists {
		go func() {
			for _, w := range list {
				time.Sleep(10 * time.Millisecond) // each sender takes its time
				out <- w
			}
		}()
	}
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
