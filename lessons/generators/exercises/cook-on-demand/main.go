// An iterator over potatoes that are expensive to cook.
package main

import (
	"fmt"
	"iter"
)

// potatoes hands out n potatoes; cook(i) makes potato i.
func potatoes(n int, cook func(i int) string) iter.Seq[string] {
	return func(yield func(string) bool) {
		var all []string
		for i := range n {
			all = append(all, cook(i)) // cooks every potato up front
		}
		for _, p := range all {
			yield(p) // carries on even when the loop has stopped
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
