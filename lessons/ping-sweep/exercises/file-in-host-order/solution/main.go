// A ping sweep with three workers. The pings finish in any order, but each result goes
// into the slot of its host, so the report follows the list of hosts.
package main

import (
	"fmt"
	"sync"
	"time"
)

// network is the simulated world: which hosts answer, and how fast.
var network = map[string]time.Duration{
	"127.0.0.1":     1 * time.Millisecond,
	"192.168.1.1":   4 * time.Millisecond,
	"10.0.0.7":      35 * time.Millisecond,
	"198.51.100.3":  180 * time.Millisecond,
	"printer.local": 900 * time.Millisecond,
}

// ping stands in for running "ping -c 1 -W 2 addr": it returns the exit status
// (0 when a reply came back) and the command's output.
func ping(addr string) (int, string) {
	rtt, up := network[addr]
	if !up {
		time.Sleep(2 * time.Second) // the command's own timeout
		return 1, fmt.Sprintf("%s: no reply within 2s", addr)
	}
	time.Sleep(rtt)
	return 0, fmt.Sprintf("%s: reply in %v", addr, rtt)
}

type result struct {
	addr string
	code int
}

// sweep pings every host, with at most workers pings running at once, and returns one
// result per host in the order of hosts.
func sweep(hosts []string, workers int, ping func(addr string) (int, string)) []result {
	// Each job carries the index of its host, and each worker writes the result into
	// that slot. No two workers ever write the same slot, so no lock is needed, and
	// wg.Wait makes all the writes visible to the caller.
	out := make([]result, len(hosts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				code, _ := ping(hosts[i])
				out[i] = result{hosts[i], code}
			}
		})
	}
	for i := range hosts {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func main() {
	hosts := []string{"127.0.0.1", "192.168.1.1", "192.168.1.20", "10.0.0.7",
		"192.0.2.44", "198.51.100.3", "203.0.113.9", "printer.local"}
	start := time.Now()
	results := sweep(hosts, 3, ping)
	fmt.Printf("--- ping.txt, written in %.3fs ---\n", time.Since(start).Seconds())
	for _, r := range results {
		fmt.Printf("%s : %d\n", r.addr, r.code)
	}
}
