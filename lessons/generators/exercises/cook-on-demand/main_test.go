package main

import (
	"fmt"
	"slices"
	"testing"
)

// counting returns a cook function that adds one to *cooked for every potato it makes.
func counting(cooked *int) func(int) string {
	return func(i int) string {
		*cooked++
		return fmt.Sprintf("potato %d", i)
	}
}

func TestAllPotatoesInOrder(t *testing.T) {
	var cooked int
	got := slices.Collect(potatoes(5, counting(&cooked)))
	want := []string{"potato 0", "potato 1", "potato 2", "potato 3", "potato 4"}
	if !slices.Equal(got, want) {
		t.Errorf("potatoes(5) gave %q, want %q", got, want)
	}
}

func TestCooksOnDemand(t *testing.T) {
	var cooked int
	i, wrong := 0, ""
	for p := range potatoes(8, counting(&cooked)) {
		if cooked != i+1 && wrong == "" {
			wrong = fmt.Sprintf("while the loop ate %s, %d potatoes had been cooked, want %d", p, cooked, i+1)
		}
		i++
	}
	if wrong != "" {
		t.Error(wrong)
	}
}

func TestStopsWhenTheLoopStops(t *testing.T) {
	var cooked int
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("breaking out of the loop made the iterator panic: %v", r)
		}
	}()
	eaten := 0
	for range potatoes(8, counting(&cooked)) {
		eaten++
		if eaten == 3 {
			break
		}
	}
	if cooked != 3 {
		t.Errorf("the loop stopped after 3 potatoes, but %d were cooked, want 3", cooked)
	}
}
