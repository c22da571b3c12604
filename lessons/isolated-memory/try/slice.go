// Try this: In copy, change the field to arr []int...
// A child process starts with a copy of its parent's memory. Go has no fork, but a
// goroutine that is handed a value, not a pointer, gets the same kind of private copy.
package main

import (
	"fmt"
	"sync"
)

// memory is everything the "child" may change.
type memory struct {
	x   int
	num float64
	arr []int
}

// child receives m by value: it changes its own copy only.
func child(m memory) {
	m.x = 3
	m.num = 3.1415927
	for i := range m.arr {
		m.arr[i] = -m.arr[i]
	}
	fmt.Println("child: ", m.x, m.num, m.arr)
}

func main() {
	m := memory{x: 100, arr: make([]int, 10)}
	for i := range m.arr {
		m.arr[i] = i
	}
	var wg sync.WaitGroup
	wg.Go(func() { child(m) })
	wg.Wait() // the child has finished; did anything reach the parent?
	fmt.Println("parent:", m.x, m.num, m.arr)
}
