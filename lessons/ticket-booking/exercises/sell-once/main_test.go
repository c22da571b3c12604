package main

import (
	"path/filepath"
	"testing"
	"time"
)

// ticketFile writes a fresh tickets file holding count and returns its path.
func ticketFile(t *testing.T, count int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tickets.json")
	save(path, tickets{Count: count})
	return path
}

func TestTheLastTicketIsSoldOnce(t *testing.T) {
	path := ticketFile(t, 1)
	start := time.Now()
	sold := sell(path, 5)
	elapsed := time.Since(start)
	if sold != 1 {
		t.Errorf("one ticket, five buyers: sell reported %d sold, want 1", sold)
	}
	if left := load(path).Count; left != 0 {
		t.Errorf("one ticket, five buyers: the file says %d left, want 0", left)
	}
	// Searching concurrently and buying one at a time takes 6 delays; doing
	// everything one buyer at a time takes 10.
	if elapsed >= 8*delay {
		t.Errorf("five buyers took %v, want less than %v: are the searches waiting for each other?", elapsed, 8*delay)
	}
}

func TestThreeTicketsFiveBuyers(t *testing.T) {
	path := ticketFile(t, 3)
	if sold := sell(path, 5); sold != 3 {
		t.Errorf("three tickets, five buyers: sell reported %d sold, want 3", sold)
	}
	if left := load(path).Count; left != 0 {
		t.Errorf("three tickets, five buyers: the file says %d left, want 0", left)
	}
}

func TestMoreTicketsThanBuyers(t *testing.T) {
	path := ticketFile(t, 4)
	if sold := sell(path, 2); sold != 2 {
		t.Errorf("four tickets, two buyers: sell reported %d sold, want 2", sold)
	}
	if left := load(path).Count; left != 2 {
		t.Errorf("four tickets, two buyers: the file says %d left, want 2", left)
	}
}
