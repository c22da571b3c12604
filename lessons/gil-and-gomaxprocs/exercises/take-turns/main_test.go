package main

import (
	"fmt"
	"runtime"
	"testing"
)

func TestChunksAlternate(t *testing.T) {
	// One thread for Go code, here as in the browser; put the old setting back after.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))

	const chunks = 6
	order := takeTurns(chunks)
	if len(order) != 2*chunks {
		t.Fatalf("takeTurns(%d) = %v, want %d chunks in all", chunks, order, 2*chunks)
	}
	next := map[byte]int{} // the chunk each goroutine should finish next
	run := 0               // how many chunks in a row the same goroutine has finished
	for i, c := range order {
		name := c[0]
		if want := fmt.Sprintf("%c%d", name, next[name]); c != want {
			t.Fatalf("takeTurns(%d) = %v: at position %d got %s, want %s: each goroutine must finish its chunks in order", chunks, order, i, c, want)
		}
		next[name]++
		if i > 0 && order[i-1][0] == name {
			run++
		} else {
			run = 1
		}
		// The scheduler may now and then let the same goroutine go twice, never more.
		if run > 2 {
			t.Fatalf("takeTurns(%d) = %v: %c finished %d chunks in a row, so it kept the thread instead of taking turns", chunks, order, name, run)
		}
	}
}
