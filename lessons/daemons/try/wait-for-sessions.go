// Try this: In fifty-sessions, put the sessions in a WaitGroup and wait before the last line...
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var closed atomic.Int32 // sessions that got to say goodbye

func session(id int) {
	time.Sleep(2 * time.Second) // the rest of this client's transfer
	closed.Add(1)
	fmt.Printf("session %d closed\n", id)
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for id := range 50 {
		wg.Go(func() { session(id) })
	}
	fmt.Println("server: 50 sessions open")
	fmt.Println("server: stopping")
	wg.Wait()
	fmt.Printf("server: gone after %v; sessions closed cleanly: %d of 50\n",
		time.Since(start).Round(time.Millisecond), closed.Load())
}
