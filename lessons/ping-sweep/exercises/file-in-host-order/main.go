// A ping sweep with three workers. The results come back in the order the pings finish,
// so the report lists the hosts in a different order each time the timings change.
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
	addrs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for addr := range addrs {
				code, _ := ping(addr)
				results <- result{addr, code}
			}
		})
	}
	go func() {
		for _, h := range hosts {
			addrs <- h
		}
		close(addrs)
		wg.Wait()
		close(results)
	}()
	var out []result
	for r := range results {
		out = append(out, r)
	}
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
