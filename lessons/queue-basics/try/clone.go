// Try this: In nil-element, send slices.Clone(nums) instead of nums...
// A channel carries any Go value, including a slice that holds a nil.
package main

import (
	"fmt"
	"slices"
)

func child(q chan<- []any) {
	q <- []any{"Hello", nil, "World"} // nil plays the part of Python's None
}

func main() {
	q := make(chan []any)
	go child(q)

	list := <-q
	fmt.Println(list)
	for i, v := range list {
		fmt.Printf("  [%d] %#v  nil? %t\n", i, v, v == nil)
	}

	// The slice was not copied: sender and receiver now share one backing array.
	shared := make(chan []int, 1)
	nums := []int{1, 2, 3}
	shared <- slices.Clone(nums)
	nums[0] = 100         // changed after sending...
	fmt.Println(<-shared) // ...and the receiver sees the change
}
