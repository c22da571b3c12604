// A lookup with a time limit that leaks a goroutine each time it gives up.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

// lookup calls service(key) in a goroutine and waits at most limit for the answer.
func lookup(service func(key string) string, key string, limit time.Duration) (string, error) {
	// Room for one value: the goroutine's send completes even when nobody receives any
	// more, so it returns, and the garbage collector frees the channel and its answer.
	result := make(chan string, 1)
	go func() {
		result <- service(key)
	}()
	select {
	case v := <-result:
		return v, nil
	case <-time.After(limit):
		return "", errors.New("timed out")
	}
}

// slowService needs two seconds for every answer.
func slowService(key string) string {
	time.Sleep(2 * time.Second)
	return "value of " + key
}

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	for i := range 5 {
		_, err := lookup(slowService, fmt.Sprintf("key-%d", i), time.Second)
		fmt.Printf("lookup %d: %v; goroutines: %d\n", i, err, runtime.NumGoroutine())
	}
	time.Sleep(5 * time.Second) // every slow call has ended by now
	fmt.Println("five seconds later, goroutines:", runtime.NumGoroutine())
}
