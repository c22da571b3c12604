// An iterator over potatoes that are expensive to cook.
package main

import (
	"fmt"
	"iter"
)

// potatoes hands out n potatoes; cook(i) makes potato i.
func potatoes(n int, cook func(i int) string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range n {
			// Cook one potato, hand it over, and only come back for the next one when
			// the loop body has finished with this one.
			if !yield(cook(i)) {
				return // the loop stopped (break or return): cook nothing more
			}
		}
	}
}

func main() {
	cook := func(i int) string {
		p := fmt.Sprintf("potato %d", i)
		fmt.Println("producer cooked", p)
		return p
	}
	for p := range potatoes(8, cook) {
		fmt.Println("  consumer ate", p)
		if p == "potato 2" {
			break // full after three
		}
	}
	fmt.Println("no more potatoes")
}
