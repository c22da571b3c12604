package main

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// server is a fake server: each fetch waits d, and it notes how many are in flight.
type server struct {
	d        time.Duration
	mu       sync.Mutex
	inFlight int
	peak     int
}

func (s *server) fetch(id int) string {
	s.mu.Lock()
	s.inFlight++
	s.peak = max(s.peak, s.inFlight)
	s.mu.Unlock()
	time.Sleep(s.d)
	s.mu.Lock()
	s.inFlight--
	s.mu.Unlock()
	return fmt.Sprint("record ", id)
}

func ids(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 100 + i
	}
	return out
}

func TestRecordsInOrder(t *testing.T) {
	in := ids(30)
	srv := &server{d: time.Millisecond}
	got := fetchAll(in, srv.fetch)
	if len(got) != len(in) {
		t.Fatalf("fetchAll(%d ids) returned %d records, want %d", len(in), len(got), len(in))
	}
	for i, id := range in {
		if want := fmt.Sprint("record ", id); got[i] != want {
			t.Errorf("record %d = %q, want %q", i, got[i], want)
		}
	}
}

func TestFastButWithinTheServerLimit(t *testing.T) {
	srv := &server{d: 10 * time.Millisecond}
	start := time.Now()
	fetchAll(ids(200), srv.fetch)
	elapsed := time.Since(start)
	if srv.peak > serverLimit {
		t.Errorf("%d fetches were in flight at once; the server accepts at most %d", srv.peak, serverLimit)
	}
	if elapsed >= 100*time.Millisecond {
		t.Errorf("200 fetches of 10ms took %v with at most %d in flight at once; want about 40ms", elapsed, srv.peak)
	}
}
