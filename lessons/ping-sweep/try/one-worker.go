// Try this: Use one worker...
// Ping every address in hosts.txt, three at a time, and record "addr : 0" (answered)
// or "addr : 1" (no answer) in ping.txt. The ping command is simulated: a page in a
// browser can neither start programs nor send ICMP packets.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
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

func main() {
	start := time.Now()
	f, err := os.Open("hosts.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	var hosts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			hosts = append(hosts, line)
		}
	}
	f.Close()

	out, err := os.Create("ping.txt")
	if err != nil {
		fmt.Println(err)
		return
	}

	// Three workers run the pings; only main writes the file, so writes never mix.
	addrs := make(chan string)
	results := make(chan result)
	var wg sync.WaitGroup
	for range 1 {
		wg.Go(func() {
			for addr := range addrs {
				code, output := ping(addr)
				fmt.Printf("%.3fs  %s\n", time.Since(start).Seconds(), output)
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
	for r := range results {
		fmt.Fprintf(out, "%s : %d\n", r.addr, r.code)
	}
	out.Close()

	data, _ := os.ReadFile("ping.txt")
	fmt.Printf("--- ping.txt, written in %.3fs ---\n%s", time.Since(start).Seconds(), data)
}
