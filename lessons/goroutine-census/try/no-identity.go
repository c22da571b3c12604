// Try this: In current, call current(context.Background())...
// No current_thread() in Go: carry a name in the context, and keep your own list.
package main

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"
)

// ident is what threading.current_thread() would tell you.
type ident struct {
	ID   int
	Name string
}

func (id ident) String() string { return fmt.Sprintf("%s (id %d)", id.Name, id.ID) }

type identKey struct{}

// current reads the identity that whoever started us put in ctx.
func current(ctx context.Context) ident { return ctx.Value(identKey{}).(ident) }

// registry hands out ids and names and remembers who is still running.
type registry struct {
	mu   sync.Mutex
	live map[int]ident
	last int
	wg   sync.WaitGroup
}

func (r *registry) start(ctx context.Context, name string, job func(context.Context)) {
	r.mu.Lock()
	r.last++
	id := ident{ID: r.last, Name: name}
	r.live[id.ID] = id
	r.mu.Unlock()

	r.wg.Go(func() {
		defer func() { r.mu.Lock(); delete(r.live, id.ID); r.mu.Unlock() }()
		job(context.WithValue(ctx, identKey{}, id))
	})
}

// enumerate lists the goroutines started through r that have not returned yet.
func (r *registry) enumerate() []ident {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.SortedFunc(maps.Values(r.live), func(a, b ident) int { return a.ID - b.ID })
}

func main() {
	ctx := context.WithValue(context.Background(), identKey{}, ident{ID: 0, Name: "main"})
	fmt.Println("in main, current is", current(ctx))
	fmt.Println("with no identity, current is", current(context.Background()))

	r := &registry{live: map[int]ident{}}
	for i, d := range []time.Duration{time.Second, 2 * time.Second} {
		r.start(ctx, fmt.Sprintf("worker-%d", i+1), func(ctx context.Context) {
			fmt.Println("in a child, current is", current(ctx))
			time.Sleep(d)
		})
	}
	fmt.Println("running:", r.enumerate())

	time.Sleep(1500 * time.Millisecond)
	fmt.Println("1.5s later, running:", r.enumerate())

	r.wg.Wait() // main waits for the rest, as Python does for non-daemon threads
	fmt.Println("after the wait, running:", r.enumerate())
}
