package main

import (
	"testing"
	"time"
)

// eat orders a dish that takes cookTime and times dinner.
func eat(cookTime time.Duration) (dish string, episodes int, elapsed time.Duration) {
	start := time.Now()
	dish, episodes = dinner(order("noodles", cookTime))
	return dish, episodes, time.Since(start)
}

func TestDishTakenWhenReady(t *testing.T) {
	for _, tc := range []struct {
		cook     time.Duration
		episodes int
	}{
		{250 * time.Millisecond, 2},
		{50 * time.Millisecond, 0},
		{150 * time.Millisecond, 1},
	} {
		dish, episodes, elapsed := eat(tc.cook)
		if dish != "noodles" {
			t.Errorf("dinner returned the dish %q, want \"noodles\"", dish)
		}
		if elapsed < tc.cook || elapsed >= tc.cook+40*time.Millisecond {
			t.Errorf("a dish cooked in %v was taken after %v, want as soon as it was ready", tc.cook, elapsed)
		}
		if episodes != tc.episodes {
			t.Errorf("a dish cooked in %v: episodes watched = %d, want %d: count the %v episodes that ended before it came", tc.cook, episodes, tc.episodes, episode)
		}
	}
}

func TestDishAlreadyThere(t *testing.T) {
	phone := make(chan string, 1)
	phone <- "soup"
	start := time.Now()
	dish, episodes := dinner(phone)
	if elapsed := time.Since(start); dish != "soup" || episodes != 0 || elapsed >= 20*time.Millisecond {
		t.Errorf("with the dish already waiting, dinner returned %q after %v and %d episodes, want \"soup\" at once and 0 episodes", dish, elapsed, episodes)
	}
}
