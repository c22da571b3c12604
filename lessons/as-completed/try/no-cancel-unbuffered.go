// Try this: Comment out cancel() and make results unbuffered...
// Take the first two results of three tasks, cancel the third, and move on.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// fetch stands in for a remote call that takes the given number of seconds.
// It gives up early if ctx is cancelled.
func fetch(ctx context.Context, seconds int) (int, error) {
	select {
	case <-time.After(time.Duration(seconds) * time.Second):
		return seconds, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	start := time.Now()
	at := func() time.Duration { return time.Since(start).Round(time.Millisecond) }

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	lengths := []int{3, 2, 6}
	// Buffered to hold every result: a task that finishes after we stop
	// reading can still send and exit, instead of blocking forever.
	results := make(chan int)
	var wg sync.WaitGroup
	for _, n := range lengths {
		wg.Go(func() {
			r, err := fetch(ctx, n)
			if err != nil {
				fmt.Printf("%v  the %ds task stopped: %v\n", at(), n, err)
				return
			}
			results <- r
		})
	}

	// Results in the order they complete, not the order they were started.
	var got []int
	for r := range results {
		got = append(got, r)
		fmt.Printf("%v  got the %ds result\n", at(), r)
		if len(got) == 2 {
			break
		}
	}
	fmt.Printf("%v  two results are enough: %v; cancelling the rest\n", at(), got)
	// cancel()

	wg.Wait() // returns at once: the last task saw the cancellation
	fmt.Printf("%v  moving on\n", at())
}
