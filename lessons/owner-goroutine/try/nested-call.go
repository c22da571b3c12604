// Try this: In manager, make the child call call again from inside its request function...
// One goroutine owns a string, a map and a slice. Other goroutines never touch them;
// they send the owner functions to run, the way a Python Manager's proxies send
// requests to the manager's server process.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// state is what the owner keeps. Only the owner goroutine reads or writes it.
type state struct {
	greeting string
	dict     map[any]any // any key and value type, like a Python dict
	list     []int
}

// owner runs each request on the state, one at a time, until requests is closed.
func owner(requests <-chan func(*state)) {
	s := &state{greeting: "Hello", dict: map[any]any{}}
	for i := range 10 {
		s.list = append(s.list, i)
	}
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
	defer close(requests) // lets the owner's loop end

	var wg sync.WaitGroup
	wg.Go(func() { // the "child"
		call(requests, func(s *state) {
			s.greeting += ", World!"
			s.dict[1] = "1"
			s.dict["2"] = 2
			s.dict[0.25] = nil
			slices.Reverse(s.list)
			call(requests, func(s *state) { s.greeting += "!" })
		})
	})
	wg.Wait()

	// Ask for copies: handing out the owner's own map or slice would share them again.
	var greeting string
	var dict map[any]any
	var list []int
	call(requests, func(s *state) {
		greeting, dict, list = s.greeting, maps.Clone(s.dict), slices.Clone(s.list)
	})
	fmt.Println(greeting)
	// Go ranges over a map in random order, so sort the keys by how they print.
	keys := slices.SortedFunc(maps.Keys(dict), func(a, b any) int {
		return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
	})
	for _, k := range keys {
		fmt.Printf("dict[%#v] = %#v\n", k, dict[k])
	}
	fmt.Println(list)
}
