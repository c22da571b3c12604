// Try this: In hello, delete wg.Wait()...
// One goroutine, started and then waited for.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	fmt.Println("main: before the goroutine")

	var wg sync.WaitGroup
	wg.Go(func() {
		// This function runs in a new goroutine, alongside main.
		time.Sleep(2 * time.Second)
		fmt.Println("hello from a goroutine")
	})

	fmt.Println("main: after the goroutine")
}
