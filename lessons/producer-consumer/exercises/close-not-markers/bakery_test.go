package main

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// eatWithin runs eatAll and gives up after a second, reporting ok=false if it had not
// returned by then.
func eatWithin(batches [][]string, consumers int) (eaten []string, ok bool) {
	done := make(chan []string, 1)
	go func() { done <- eatAll(batches, consumers) }()
	select {
	case eaten = <-done:
		return eaten, true
	case <-time.After(time.Second):
		return nil, false
	}
}

func checkAllEaten(t *testing.T, batches [][]string, consumers int) {
	t.Helper()
	eaten, ok := eatWithin(batches, consumers)
	if !ok {
		t.Errorf("eatAll with %d consumers had not returned after 1s: some consumer is still waiting for more", consumers)
		return
	}
	want := slices.Concat(batches...)
	slices.Sort(want)
	got := slices.Sorted(slices.Values(eaten))
	if !slices.Equal(got, want) {
		t.Errorf("eatAll with %d consumers ate %q, want each of %q once", consumers, got, want)
	}
}

func TestAnyNumberOfConsumers(t *testing.T) {
	var batches [][]string
	for p := range 3 {
		var batch []string
		for n := range 4 {
			batch = append(batch, fmt.Sprintf("bun %d.%d", p, n))
		}
		batches = append(batches, batch)
	}
	for _, consumers := range []int{1, 2, 5} {
		checkAllEaten(t, batches, consumers)
	}
}

func TestAnyBunName(t *testing.T) {
	// A producer may send any string, including the empty one.
	checkAllEaten(t, [][]string{{"plain", ""}, {"sesame", "poppy"}}, 2)
}
