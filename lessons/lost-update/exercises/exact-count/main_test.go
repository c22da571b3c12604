package main

import "testing"

func TestThreeWorkers(t *testing.T) {
	if got := increment(100, 3); got != 103 {
		t.Errorf("increment(100, 3) = %d, want 103: %d of 3 increments were lost", got, 103-got)
	}
}

func TestManyWorkers(t *testing.T) {
	for _, workers := range []int{1, 10, 50} {
		if got := increment(0, workers); got != workers {
			t.Errorf("increment(0, %d) = %d, want %d", workers, got, workers)
		}
	}
}

func TestNoWorkers(t *testing.T) {
	if got := increment(7, 0); got != 7 {
		t.Errorf("increment(7, 0) = %d, want 7: with no workers the counter must not change", got)
	}
}
