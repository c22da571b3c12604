// Try this: In locked, split the update in add... Now delete the two lock lines...
// Ten goroutines each take 1 from the "count" entry of a shared map.
package main

import (
	"fmt"
	"maps"
	"runtime"
	"sync"
)

// store is a map that is safe to use from many goroutines: every access goes
// through a method that holds the mutex.
type store struct {
	mu sync.Mutex // guards m
	m  map[string]int
}

// add changes one entry by delta. Reading the old value and storing the new one
// happen under one lock, so no other goroutine can slip in between.
func (s *store) add(key string, delta int) {
	v := s.m[key]
	runtime.Gosched()
	s.m[key] = v + delta
}

// snapshot returns a copy, so the caller can read it without holding the lock.
func (s *store) snapshot() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.m)
}

func main() {
	s := &store{m: map[string]int{"count": 100}}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { s.add("count", -1) })
	}
	wg.Wait()
	fmt.Println(s.snapshot())
}
