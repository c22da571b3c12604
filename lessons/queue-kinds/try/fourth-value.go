// Try this: In fifo, fill the channel with a fourth value before reading...
// First in, first out: a channel, or a plain slice used as a queue.
package main

import "fmt"

func main() {
	// A channel is a FIFO queue that goroutines can share safely.
	ch := make(chan int, 3)
	for i := range 3 {
		ch <- i + 1
	}
	ch <- 4 // a fourth value, and nobody is receiving
	fmt.Print("channel:")
	for range 3 {
		fmt.Print(" ", <-ch)
	}
	fmt.Println()

	// Inside one goroutine a slice does the job: append at the back, take from the front.
	var q []string
	q = append(q, "first", "second", "third")
	fmt.Print("slice:  ")
	for len(q) > 0 {
		var front string
		front, q = q[0], q[1:]
		fmt.Print(" ", front)
	}
	fmt.Println()
}
