// Try this: In turns, delete the `runtime.Gosched()` line... To see where B really computed, make a channel...
// Two CPU-bound goroutines on one thread take turns only when one of them yields.
package main

import (
	"fmt"
	"strings"
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
	order := make(chan string, 6)
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Go(func() {
			for chunk := range 3 {
				crunch()
				order <- name + fmt.Sprint(chunk)
				fmt.Printf("%s finished chunk %d\n", name, chunk)
			}
		})
	}
	wg.Wait()
	close(order)
	var got []string
	for s := range order {
		got = append(got, s)
	}
	fmt.Println(strings.Join(got, " "))
}
