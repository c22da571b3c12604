// Try this: In blocking-get, change the channel to make(chan string) (unbuffered)...
// A receive waits for the sender: main blocks until the goroutine puts its message.
package main

import (
	"fmt"
	"time"
)

func offer(q chan<- string) {
	time.Sleep(10 * time.Second) // ten seconds of something slow
	q <- "Hello World"
}

func main() {
	start := time.Now()
	q := make(chan string) // unbuffered: no room at all

	go offer(q)

	fmt.Println("waiting for a message...")
	msg := <-q // blocks here until offer has sent
	fmt.Printf("got %q after %v\n", msg, time.Since(start).Round(time.Millisecond))
	fmt.Println("done!")
}
