// Two balances behind one mutex. The work lives in helpers that expect the lock to
// be held; only the outermost call takes it.
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

// withdraw and deposit are for callers that do not hold x.mu.
func (x *accounts) withdraw(n int) { x.mu.Lock(); defer x.mu.Unlock(); x.withdrawLocked(n) }
func (x *accounts) deposit(n int)  { x.mu.Lock(); defer x.mu.Unlock(); x.depositLocked(n) }

// withdrawLocked and depositLocked do the work. The caller must hold x.mu.
func (x *accounts) withdrawLocked(n int) { x.a -= n }
func (x *accounts) depositLocked(n int)  { x.b += n }

// transfer moves n from a to b, as one step: it holds x.mu from the withdrawal to
// the deposit, so nobody can see the money on its way.
func (x *accounts) transfer(n int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.withdrawLocked(n)          // not withdraw: we already hold x.mu
	time.Sleep(time.Millisecond) // writing the audit log, say
	x.depositLocked(n)
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
