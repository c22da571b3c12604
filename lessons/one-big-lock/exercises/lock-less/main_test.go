package main

import (
	"sync/atomic"
	"testing"
	"time"
)

// watcher watches the diners: how many read and ate, and the most that ate at once.
type watcher struct {
	reads, meals, eating, peak atomic.Int32
}

func (tb *watcher) readMenu() {
	tb.reads.Add(1)
	time.Sleep(100 * time.Millisecond)
}

func (tb *watcher) eat() {
	n := tb.eating.Add(1)
	for {
		p := tb.peak.Load()
		if n <= p || tb.peak.CompareAndSwap(p, n) {
			break
		}
	}
	tb.meals.Add(1)
	time.Sleep(50 * time.Millisecond)
	tb.eating.Add(-1)
}

func TestDinnerForFour(t *testing.T) {
	var tb watcher
	took := dinner(4, tb.readMenu, tb.eat)
	if r, m := tb.reads.Load(), tb.meals.Load(); r != 4 || m != 4 {
		t.Errorf("four diners read the menu %d times and ate %d meals, want 4 and 4", r, m)
	}
	if p := tb.peak.Load(); p > 1 {
		t.Errorf("%d diners ate at the same time, want 1: the table is for one meal at a time", p)
	}
	// Reading together and eating one by one: 100ms + 4 × 50ms.
	if took < 300*time.Millisecond || took >= 450*time.Millisecond {
		t.Errorf("dinner for four took %v, want about 300ms (100ms of reading together, then 4 meals of 50ms)", took)
	}
}

func TestDinnerForOne(t *testing.T) {
	var tb watcher
	took := dinner(1, tb.readMenu, tb.eat)
	if r, m := tb.reads.Load(), tb.meals.Load(); r != 1 || m != 1 {
		t.Errorf("one diner read the menu %d times and ate %d meals, want 1 and 1", r, m)
	}
	if took < 150*time.Millisecond || took >= 250*time.Millisecond {
		t.Errorf("dinner for one took %v, want about 150ms", took)
	}
}
