// A receive on a queue nobody sends to waits forever; a timeout makes that visible.
package main

import (
	"fmt"
	"time"
)

func main() {
	q := make(chan string)

	// A plain  msg := <-q  here would block forever: no goroutine will ever send,
	// so the runtime would stop the program with "all goroutines are asleep".
	select {
	case msg := <-q:
		fmt.Println("got", msg)
	case <-time.After(3 * time.Second):
		fmt.Println("nothing after 3s: a plain receive would still be waiting")
	}

	// The same receive is fine once someone is there to send.
	go func() { q <- "hello" }()
	fmt.Println("got", <-q)
}
