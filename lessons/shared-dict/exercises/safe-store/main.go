// A map shared by many goroutines, with nothing to keep them apart.
package main

import (
	"fmt"
	"sync"
	"time"
)

// store is a map that many goroutines use at once.
type store struct {
	m map[string]int
}

func newStore(m map[string]int) *store { return &store{m: m} }

// add changes the entry for key by delta.
func (s *store) add(key string, delta int) {
	v := s.m[key]                // read
	time.Sleep(time.Millisecond) // slow work between the read and the write
	s.m[key] = v + delta         // write back
}

// snapshot returns the store's entries, for the caller to read at leisure.
func (s *store) snapshot() map[string]int {
	return s.m
}

func main() {
	s := newStore(map[string]int{"count": 100})
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { s.add("count", -1) })
	}
	wg.Wait()
	fmt.Println(s.snapshot())
}
