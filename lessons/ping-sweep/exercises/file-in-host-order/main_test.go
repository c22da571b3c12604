package main

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// fakeNet answers ping for the hosts it knows: each replies after its delay, and a
// delay of 0 means the host is down (exit status 1, after 5 ms). It also records how
// many pings run at once and how often each host was pinged.
type fakeNet struct {
	delays  map[string]time.Duration
	mu      sync.Mutex
	running int
	peak    int
	pinged  map[string]int
}

func (n *fakeNet) ping(addr string) (int, string) {
	n.mu.Lock()
	n.running++
	n.peak = max(n.peak, n.running)
	n.pinged[addr]++
	d := n.delays[addr]
	n.mu.Unlock()
	code := 0
	if d == 0 {
		d, code = 5*time.Millisecond, 1
	}
	time.Sleep(d)
	n.mu.Lock()
	n.running--
	n.mu.Unlock()
	return code, ""
}

// newNet makes count hosts, h0 to h(count-1); delay(i) is host i's reply time.
func newNet(count int, delay func(i int) time.Duration) ([]string, *fakeNet) {
	n := &fakeNet{delays: map[string]time.Duration{}, pinged: map[string]int{}}
	var hosts []string
	for i := range count {
		h := fmt.Sprintf("h%d", i)
		hosts = append(hosts, h)
		n.delays[h] = delay(i)
	}
	return hosts, n
}

func TestResultsInHostOrder(t *testing.T) {
	// The first hosts answer slowest, and every third host is down, so the pings finish
	// in a very different order from the list.
	hosts, net := newNet(7, func(i int) time.Duration {
		if i%3 == 2 {
			return 0
		}
		return time.Duration(8-i) * 5 * time.Millisecond
	})
	got := sweep(hosts, 3, net.ping)
	if len(got) != len(hosts) {
		t.Fatalf("sweep of %d hosts returned %d results, want %d", len(hosts), len(got), len(hosts))
	}
	for i, h := range hosts {
		want := result{h, 0}
		if i%3 == 2 {
			want.code = 1
		}
		if got[i] != want {
			t.Errorf("result %d = %v, want %v: results must follow the order of hosts", i, got[i], want)
		}
	}
}

func TestEveryHostPingedOnce(t *testing.T) {
	hosts, net := newNet(10, func(i int) time.Duration { return time.Duration(i%4+1) * time.Millisecond })
	sweep(hosts, 4, net.ping)
	for _, h := range hosts {
		if net.pinged[h] != 1 {
			t.Errorf("host %s was pinged %d times, want once", h, net.pinged[h])
		}
	}
}

func TestAtMostWorkersAtOnce(t *testing.T) {
	hosts, net := newNet(9, func(int) time.Duration { return 20 * time.Millisecond })
	start := time.Now()
	sweep(hosts, 3, net.ping)
	elapsed := time.Since(start)
	if net.peak != 3 {
		t.Errorf("sweep(9 hosts, 3 workers): %d pings ran at once at the peak, want 3", net.peak)
	}
	if elapsed < 60*time.Millisecond || elapsed >= 150*time.Millisecond {
		t.Errorf("sweep of 9 hosts answering in 20ms with 3 workers took %v, want about 60ms: three rounds of three", elapsed)
	}
}
