// Try this: In get-first, replace the select with a plain fmt.Println("got", <-q)...
// A receive on a queue nobody sends to waits forever; a timeout makes that visible.
package main

import "fmt"

func main() {
	q := make(chan string)

	// A plain  msg := <-q  here would block forever: no goroutine will ever send,
	// so the runtime would stop the program with "all goroutines are asleep".
	fmt.Println("got", <-q)

	// The same receive is fine once someone is there to send.
	go func() { q <- "hello" }()
	fmt.Println("got", <-q)
}
