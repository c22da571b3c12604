// Fifty sessions that each need two seconds, and a server that stops at once.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var closed atomic.Int32 // sessions that got to say goodbye

func session(id int) {
	time.Sleep(2 * time.Second) // the rest of this client's transfer
	closed.Add(1)
	fmt.Printf("session %d closed\n", id) // never printed
}

func main() {
	start := time.Now()
	for id := range 50 {
		go session(id)
	}
	fmt.Println("server: 50 sessions open")
	fmt.Println("server: stopping")
	fmt.Printf("server: gone after %v; sessions closed cleanly: %d of 50\n",
		time.Since(start).Round(time.Millisecond), closed.Load())
}
