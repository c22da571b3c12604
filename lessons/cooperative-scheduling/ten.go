// Ten goroutines each sleep one second with the ordinary time.Sleep.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 5 {
		// Plain time.Sleep: it parks only the calling goroutine, and the
		// scheduler moves on to the next one. There is nothing to patch.
		wg.Go(func() {
			fmt.Println("eater", i, "starts")
			time.Sleep(time.Second)
			fmt.Println("eater", i, "finished")
		})
		wg.Go(func() {
			fmt.Println("sleeper", i, "starts")
			time.Sleep(time.Second)
			fmt.Println("sleeper", i, "finished")
		})
	}
	wg.Wait()
	fmt.Println("all done after", time.Since(start).Round(time.Millisecond))
}
