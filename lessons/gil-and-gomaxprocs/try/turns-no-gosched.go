// Try this: In turns, delete the `runtime.Gosched()` line (and the `"runtime"` import)...
// Two CPU-bound goroutines on one thread take turns only when one of them yields.
package main

import (
	"fmt"
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
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Go(func() {
			for chunk := range 3 {
				crunch()
				fmt.Printf("%s finished chunk %d\n", name, chunk)
			}
		})
	}
	wg.Wait()
}
