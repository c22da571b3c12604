// Try this: In join, delete <-done...
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	done := make(chan struct{}) // closed by the child when it returns

	go func() {
		defer close(done)
		fmt.Println("child: begin")
		time.Sleep(3 * time.Second) // three seconds of slow work
		fmt.Println("child: over")
	}()

	fmt.Println("main: child started, now waiting for it")
	fmt.Printf("main: carrying on after %v\n", time.Since(start).Round(time.Millisecond))
}
