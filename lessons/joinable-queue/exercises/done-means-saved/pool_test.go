package main

import (
	"testing"
	"time"
)

// joinWithin calls pool.Join and reports whether it returned within a second.
func joinWithin(pool *Pool) bool {
	done := make(chan struct{})
	go func() {
		pool.Join()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(time.Second):
		return false
	}
}

func TestJoinMeansSaved(t *testing.T) {
	store := NewStore()
	pool := NewPool(3, store)
	defer pool.Close()

	put := 0
	for batch, size := range []int{6, 4} {
		for range size {
			pool.Put(put)
			put++
		}
		if !joinWithin(pool) {
			t.Fatalf("batch %d: Join had not returned after 1s", batch+1)
		}
		missing := 0
		for n := range put {
			a, ok := store.Answer(n)
			if !ok {
				missing++
			} else if a != n*n {
				t.Errorf("batch %d: the answer saved for %d is %d, want %d", batch+1, n, a, n*n)
			}
		}
		if missing > 0 {
			t.Errorf("batch %d: right after Join, the store lacked %d of the %d answers", batch+1, missing, put)
		}
	}
}
