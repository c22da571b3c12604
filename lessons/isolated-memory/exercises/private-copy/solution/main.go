// A child that works on a private copy of its parent's memory, the way a child
// process does.
package main

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

// memory is everything a child may change.
type memory struct {
	x     int
	arr   []int          // a slice: copying it copies a header, not the numbers
	names map[string]int // a map: copying it copies a reference, not the entries
}

// isolate returns a copy of m that the child may change without touching m.
// Assigning the struct already copies x; the slice and the map need copies of
// their own, or the copy would still point at m's numbers and entries.
func isolate(m memory) memory {
	c := m
	c.arr = slices.Clone(m.arr)
	c.names = maps.Clone(m.names)
	return c
}

// fork runs child on its own copy of m and waits until it has finished.
func fork(m memory, child func(memory)) {
	c := isolate(m) // taken now, before the child starts, like a real fork
	var wg sync.WaitGroup
	wg.Go(func() { child(c) })
	wg.Wait()
}

func main() {
	m := memory{x: 100, arr: []int{0, 1, 2, 3, 4}, names: map[string]int{"ada": 1}}
	fork(m, func(c memory) {
		c.x = 3
		for i := range c.arr {
			c.arr[i] = -c.arr[i]
		}
		c.names["ben"] = 2
		fmt.Println("child: ", c.x, c.arr, c.names)
	})
	fmt.Println("parent:", m.x, m.arr, m.names)
}
