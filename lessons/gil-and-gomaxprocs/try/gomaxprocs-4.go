// Try this: In turns, add `fmt.Println(runtime.GOMAXPROCS(4), runtime.GOMAXPROCS(0))`...
// Two CPU-bound goroutines on one thread take turns only when one of them yields.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// crunch does some pure computation: no sleeping, no channels, no I/O.
func crunch() (n int) {
	for i := range 1_000_000 {
		n += i % 7
	}
	return n
}

func main() {
	fmt.Println(runtime.GOMAXPROCS(4), runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Go(func() {
			for chunk := range 3 {
				crunch()
				fmt.Printf("%s finished chunk %d\n", name, chunk)
				// Offer the thread to another goroutine, as CPython makes a
				// thread drop the GIL every few milliseconds.
				runtime.Gosched()
			}
		})
	}
	wg.Wait()
}
