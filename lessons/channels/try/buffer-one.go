// Try this: In handoff, give the buffered channel room for one value...
// An unbuffered channel hands each value over in person; a buffered one lets the
// sender run ahead until its buffer is full.
package main

import (
	"fmt"
	"time"
)

// send puts three values on ch, while a slow receiver takes one a second.
func send(label string, ch chan int) {
	start := time.Now()
	at := func() time.Duration { return time.Since(start).Round(time.Millisecond) }

	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 3 {
			time.Sleep(time.Second) // busy for a second before each receive
			v := <-ch
			fmt.Printf("%-10s %v  received %d\n", label, at(), v)
		}
	}()

	for v := 1; v <= 3; v++ {
		ch <- v // unbuffered: waits for the receiver; buffered: waits only when full
		fmt.Printf("%-10s %v  sent %d\n", label, at(), v)
	}
	<-done
}

func main() {
	send("unbuffered", make(chan int))  // capacity 0
	send("buffered", make(chan int, 1)) // room for one value
}
