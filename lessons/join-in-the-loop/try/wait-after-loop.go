// Try this: In named, move wg.Wait() after the loop...
package main

import (
	"fmt"
	"sync"
)

// work prints the name it was given: goroutines have no names of their own.
func work(name string, n int) {
	fmt.Printf("%s starting\n", name)
	fmt.Printf("%s handles item %d\n", name, n)
}

func main() {
	var names []string
	var wg sync.WaitGroup // one group, reused: Wait leaves it empty again
	for i := range 5 {
		name := fmt.Sprintf("worker-%d", i+1)
		names = append(names, name)
		wg.Go(func() { work(name, i) })
	}
	wg.Wait()
	fmt.Println("all ended:", names)
}
