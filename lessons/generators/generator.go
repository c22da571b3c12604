// A generator: a function that hands out values one at a time, on demand.
package main

import (
	"fmt"
	"iter"
)

// potatoes is an iter.Seq: a function that calls yield once per value.
// Its body only runs while a range loop is asking for values.
func potatoes(n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range n {
			item := fmt.Sprintf("potato %d", i)
			fmt.Println("producer made", item)
			// yield runs the loop body below, then comes back here.
			// It returns false if the loop has stopped (break or return).
			if !yield(item) {
				fmt.Println("producer told to stop")
				return
			}
		}
	}
}

func main() {
	for item := range potatoes(8) {
		fmt.Println("  consumer ate", item)
	}
	fmt.Println("no more potatoes")
}
