// Waiting for a meal while watching TV. The kitchen rings when the dish is ready, and
// dinner answers at once.
package main

import (
	"fmt"
	"time"
)

// episode is how long one episode of the TV series lasts.
const episode = 100 * time.Millisecond

// order starts cooking in the kitchen's own goroutine and returns at once. The dish
// is delivered on the returned channel when it is cooked.
func order(dish string, cookTime time.Duration) <-chan string {
	ready := make(chan string, 1)
	go func() {
		time.Sleep(cookTime)
		ready <- dish
	}()
	return ready
}

// dinner watches TV until the dish arrives on phone. It returns the dish and how many
// episodes were watched to the end before it came.
func dinner(phone <-chan string) (dish string, episodes int) {
	// The TV is a ticker: a tick is the end of an episode. The select waits for
	// whichever comes first, the phone or the end of an episode, so the dish is taken
	// the moment it arrives, not at the next break.
	tv := time.NewTicker(episode)
	defer tv.Stop()
	for {
		select {
		case dish := <-phone:
			return dish, episodes
		case <-tv.C:
			episodes++
		}
	}
}

func main() {
	start := time.Now()
	dish, episodes := dinner(order("noodles", 250*time.Millisecond))
	fmt.Printf("%s after %v, having watched %d episodes\n", dish, time.Since(start), episodes)
}
