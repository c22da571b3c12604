package main

import (
	"slices"
	"testing"
)

func TestEachWorkerAddsItsOwnPair(t *testing.T) {
	pairs := [][2]int{{1, 2}, {10, 20}, {100, 200}}
	got := addAll(pairs)
	want := []int{3, 30, 300}
	if !slices.Equal(got, want) {
		t.Errorf("addAll(%v) = %v, want %v", pairs, got, want)
	}
}

func TestManyWorkers(t *testing.T) {
	var pairs [][2]int
	var want []int
	for i := range 50 {
		pairs = append(pairs, [2]int{i, 1000 * i})
		want = append(want, 1001*i)
	}
	got := addAll(pairs)
	if len(got) != len(want) {
		t.Fatalf("addAll with 50 pairs returned %d sums, want 50", len(got))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sum %d = %d, want %d + %d = %d", i, got[i], pairs[i][0], pairs[i][1], want[i])
			break
		}
	}
}

func TestNoPairs(t *testing.T) {
	if got := addAll(nil); len(got) != 0 {
		t.Errorf("addAll(nil) = %v, want an empty result", got)
	}
}
