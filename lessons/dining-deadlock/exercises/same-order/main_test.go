package main

import (
	"slices"
	"sync"
	"testing"
	"time"
)

func TestEveryoneEats(t *testing.T) {
	var mu sync.Mutex // guards ate, eating and problems
	var ate, problems []string
	eating := 0
	eat = func(name string) {
		// TryLock fails on a mutex that is held, as it should be: by this diner.
		if noodles.TryLock() {
			noodles.Unlock()
			mu.Lock()
			problems = append(problems, name+" ate without holding the noodles")
			mu.Unlock()
		}
		if fork.TryLock() {
			fork.Unlock()
			mu.Lock()
			problems = append(problems, name+" ate without holding the fork")
			mu.Unlock()
		}
		mu.Lock()
		eating++
		if eating > 1 {
			problems = append(problems, name+" started eating while someone else was eating")
		}
		ate = append(ate, name)
		mu.Unlock()
		time.Sleep(10 * time.Millisecond)
		mu.Lock()
		eating--
		mu.Unlock()
	}

	done := make(chan struct{})
	go func() {
		dinner()
		close(done)
	}()
	finished := true
	select {
	case <-done:
	case <-time.After(1500 * time.Millisecond):
		finished = false
	}

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
	if !finished {
		t.Fatalf("dinner has not finished after 1.5s, and only %v have eaten: the diners are deadlocked", ate)
	}
	slices.Sort(ate)
	if want := []string{"Ada", "Ben", "Cai", "Dee"}; !slices.Equal(ate, want) {
		t.Errorf("these diners ate: %v, want each of %v once", ate, want)
	}
}
