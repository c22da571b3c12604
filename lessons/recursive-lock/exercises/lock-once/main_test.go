package main

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// within runs f in a goroutine and fails the test if f has not returned after d.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		f()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s had not finished after %v: is a goroutine waiting for a lock it already holds?", what, d)
	}
}

func TestOneTransfer(t *testing.T) {
	x := &accounts{a: 100}
	within(t, time.Second, "transfer(30)", func() { x.transfer(30) })
	if x.a != 70 || x.b != 30 {
		t.Errorf("after transfer(30) from a = 100, a = %d and b = %d, want 70 and 30", x.a, x.b)
	}
}

func TestWithdrawAndDepositOnTheirOwn(t *testing.T) {
	x := &accounts{a: 100}
	within(t, time.Second, "withdraw and deposit", func() {
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() { x.withdraw(2) })
			wg.Go(func() { x.deposit(3) })
		}
		wg.Wait()
	})
	if x.a != 80 || x.b != 30 {
		t.Errorf("after 10 withdraw(2) and 10 deposit(3), a = %d and b = %d, want 80 and 30", x.a, x.b)
	}
}

func TestNoMoneyGoesMissing(t *testing.T) {
	x := &accounts{a: 100}
	var short atomic.Int64 // the last wrong total the watcher saw, if any
	within(t, time.Second, "10 transfers", func() {
		stop := make(chan struct{})
		var watcher sync.WaitGroup
		watcher.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if tot := x.total(); tot != 100 {
					short.Store(int64(tot))
				}
				time.Sleep(100 * time.Microsecond)
			}
		})
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() { x.transfer(1) })
		}
		wg.Wait()
		close(stop)
		watcher.Wait()
	})
	if tot := short.Load(); tot != 0 {
		t.Errorf("while transfers ran, total() returned %d, want 100: a transfer let others look halfway through", tot)
	}
	if x.a != 90 || x.b != 10 {
		t.Errorf("after 10 transfers of 1 from a = 100, a = %d and b = %d, want 90 and 10", x.a, x.b)
	}
}
