// Five workers started in a loop, each waited for before the next one starts.
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
		wg.Wait() // join inside the loop: the next worker starts only after this one ends
		fmt.Printf("%s ended\n", name)
	}
	fmt.Println("all ended:", names)
}
