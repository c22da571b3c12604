// Two balances behind one mutex, and a transfer between them that locks it twice.
package main

import (
	"fmt"
	"sync"
	"time"
)

// accounts holds two balances. Outside a locked section, a + b never changes.
type accounts struct {
	mu   sync.Mutex // guards a and b
	a, b int
}

// withdraw takes n from a.
func (x *accounts) withdraw(n int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.a -= n
}

// deposit adds n to b.
func (x *accounts) deposit(n int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.b += n
}

// transfer moves n from a to b, as one step.
func (x *accounts) transfer(n int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.withdraw(n)
	time.Sleep(time.Millisecond) // writing the audit log, say
	x.deposit(n)
}

// total returns a + b.
func (x *accounts) total() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.a + x.b
}

func main() {
	x := &accounts{a: 100}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { x.transfer(1) })
	}
	wg.Wait()
	fmt.Println("a =", x.a, "b =", x.b, "total =", x.total())
}
