// A map shared by many goroutines. A mutex inside the type keeps them apart, and
// nothing outside the methods can reach the map.
package main

import (
	"fmt"
	"maps"
	"sync"
	"time"
)

// store is a map that many goroutines use at once.
type store struct {
	mu sync.Mutex // guards m
	m  map[string]int
}

func newStore(m map[string]int) *store { return &store{m: m} }

// add changes the entry for key by delta. The read and the write happen under one
// lock, so no other goroutine can change the entry in between.
func (s *store) add(key string, delta int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.m[key]                // read
	time.Sleep(time.Millisecond) // slow work between the read and the write
	s.m[key] = v + delta         // write back
}

// snapshot returns a copy of the entries, made under the lock, that the caller may
// read or change while other goroutines keep using the store.
func (s *store) snapshot() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.m)
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
