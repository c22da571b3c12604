// Two goroutines that only compute, on one thread, taking turns: after every chunk each
// one offers the thread to the other.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// crunch does some pure computation: no sleeping, no channels, no I/O.
func crunch() (n int) {
	for i := range 100_000 {
		n += i % 7
	}
	return n
}

// takeTurns runs two goroutines, A and B, that each compute the given number of chunks,
// and returns the order in which the chunks were finished, such as [A0 A1 B0 B1].
func takeTurns(chunks int) []string {
	var (
		mu    sync.Mutex
		order []string
		wg    sync.WaitGroup
	)
	for _, name := range []string{"A", "B"} {
		wg.Go(func() {
			for chunk := range chunks {
				crunch()
				mu.Lock()
				order = append(order, fmt.Sprint(name, chunk))
				mu.Unlock()
				// Nothing above blocks, so without this the goroutine would keep the
				// thread to the end. Gosched puts it at the back of the run queue and
				// lets the other goroutine run, as CPython makes a thread drop the GIL.
				runtime.Gosched()
			}
		})
	}
	wg.Wait()
	return order
}

func main() {
	runtime.GOMAXPROCS(1) // one thread runs Go code, as in the browser
	fmt.Println(takeTurns(3))
}
