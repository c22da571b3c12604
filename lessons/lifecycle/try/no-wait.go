// Try this: In daemon, delete wg.Wait()...
// Every goroutine behaves like a daemon: when main returns, the program ends.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	// Nobody waits for this one, so it lives only as long as main does.
	go func() {
		// Unlike a daemon process, a goroutine may start goroutines of its own.
		go func() {
			time.Sleep(1500 * time.Millisecond)
			fmt.Println("helper of the background loop: hello")
		}()
		for i := 1; ; i++ {
			time.Sleep(time.Second)
			fmt.Println("background loop: tick", i)
		}
	}()

	// main waits for this one, which is what Python does for a non-daemon process.
	var wg sync.WaitGroup
	wg.Go(func() {
		time.Sleep(3500 * time.Millisecond)
		fmt.Println("worker: finished")
	})

	fmt.Println("main: returning; the background loop stops with the program")
}
