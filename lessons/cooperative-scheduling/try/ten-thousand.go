// Try this: In ten, change for i := range 5 to for range 5000...
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for range 5000 {
		// Plain time.Sleep: it parks only the calling goroutine, and the
		// scheduler moves on to the next one. There is nothing to patch.
		wg.Go(func() {
			time.Sleep(time.Second)
		})
		wg.Go(func() {
			time.Sleep(time.Second)
		})
	}
	wg.Wait()
	fmt.Println("all done after", time.Since(start).Round(time.Millisecond))
}
