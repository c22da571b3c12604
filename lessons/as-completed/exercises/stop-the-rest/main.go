// Take the first results of a few tasks, in the order they finish.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// fetch stands in for a remote call that takes d and returns it.
// It gives up early if ctx is cancelled.
func fetch(ctx context.Context, d time.Duration) (time.Duration, error) {
	select {
	case <-time.After(d):
		return d, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// fastest runs one fetch per length and returns the first n results, in the order
// they finish.
func fastest(lengths []time.Duration, n int) []time.Duration {
	results := make(chan time.Duration)
	for _, d := range lengths {
		go func() {
			r, err := fetch(context.Background(), d)
			if err == nil {
				results <- r
			}
		}()
	}

	var got []time.Duration
	for r := range results {
		got = append(got, r)
		if len(got) == n {
			break
		}
	}
	return got
}

func main() {
	before := runtime.NumGoroutine()
	start := time.Now()
	ms := time.Millisecond
	got := fastest([]time.Duration{300 * ms, 200 * ms, 600 * ms}, 2)
	fmt.Println(time.Since(start).Round(ms), "fastest two:", got)
	fmt.Println("goroutines left behind:", runtime.NumGoroutine()-before)
}
