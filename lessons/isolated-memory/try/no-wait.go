// Try this: In shared, delete wg.Wait()...
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

// child receives a pointer: it changes the parent's memory itself.
func child(m *memory) {
	m.x = 3
	m.num = 3.1415927
	for i := range m.arr {
		m.arr[i] = -m.arr[i]
	}
	fmt.Println("child: ", m.x, m.num, m.arr)
}

func main() {
	m := memory{x: 100}
	for i := range m.arr {
		m.arr[i] = i
	}
	var wg sync.WaitGroup
	wg.Go(func() { child(&m) })
	fmt.Println("parent:", m.x, m.num, m.arr)
}
