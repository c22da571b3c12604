// Try this: In hundred, delete the mu.Lock() and mu.Unlock() lines...
// A hundred goroutines share two counters: each takes 1 from n and adds 1 to number.
package main

import (
	"fmt"
	"sync"
)

func main() {
	n, number := 100, 0 // both live in memory that every goroutine can reach

	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			n--
			number++
		})
	}
	wg.Wait()
	fmt.Println("n =", n)
	fmt.Println("number =", number)
}
