// Try this: In shared, move m out of main to a package-level var m = memory{x: 100}...
// Goroutines are not processes: they share the program's memory. Hand the child a
// pointer and the parent sees every change.
package main

import (
	"fmt"
	"sync"
)

// memory is everything the child may change.
type memory struct {
	x   int
	num float64
	arr [10]int
}

var m = memory{x: 100}

// child changes the package-level m itself.
func child() {
	m.x = 3
	m.num = 3.1415927
	for i := range m.arr {
		m.arr[i] = -m.arr[i]
	}
	fmt.Println("child: ", m.x, m.num, m.arr)
}

func main() {
	for i := range m.arr {
		m.arr[i] = i
	}
	var wg sync.WaitGroup
	wg.Go(child)
	wg.Wait() // wait before looking: reading m while the child writes it would be a race
	fmt.Println("parent:", m.x, m.num, m.arr)
}
