// Try this: In send-only, delete close(out)...
// A one-way pipe: the child may only send, and closes when it is done.
package main

import "fmt"

// child gets the sending end only: chan<- means it cannot receive.
func child(out chan<- []any) {
	out <- []any{"Hello", nil, "World"}
}

func main() {
	pipe := make(chan []any)
	go child(pipe) // a bidirectional channel converts to chan<- when passed

	fmt.Println("received:", <-pipe)

	// After the close, a receive no longer waits: it returns the zero value and ok == false.
	v, ok := <-pipe
	fmt.Printf("received again: nil slice %t, ok %t: the child closed its end\n", v == nil, ok)
}
