// Try this: In appenders, print s.list inside the request instead of copying it...
// Ten goroutines share a map and a list through their owner goroutine. Each one
// sets two keys, appends its id, and prints the list as it is at that moment.
package main

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

type state struct {
	dict map[string]string
	list []int
}

// owner runs each request on the state, one at a time, until requests is closed.
func owner(requests <-chan func(*state)) {
	s := &state{dict: map[string]string{}}
	for f := range requests {
		f(s)
	}
}

// call sends f to the owner and waits until the owner has run it.
func call(requests chan<- func(*state), f func(*state)) {
	done := make(chan struct{})
	requests <- func(s *state) { f(s); close(done) }
	<-done
}

func main() {
	requests := make(chan func(*state))
	go owner(requests)
	defer close(requests)

	var wg sync.WaitGroup
	for id := range 10 {
		wg.Go(func() {
			call(requests, func(s *state) {
				s.dict["k1"] = "v1"
				s.dict["k2"] = "v2"
				s.list = append(s.list, id)
				fmt.Println(s.list)
			})
		})
	}
	wg.Wait()

	var dict map[string]string
	var list []int
	call(requests, func(s *state) { dict, list = maps.Clone(s.dict), slices.Clone(s.list) })
	fmt.Println()
	fmt.Println(dict)
	fmt.Println(list)
}
