package main

// The Worker section of the benchmarks: the Cloudflare Worker (wasm/worker) built from a
// one-lesson site and run under workerd on loopback, as its tests run it.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"goconcurrency.dev/playground/tools/internal/worker"
)

// benchWorker prints the Worker's wasm size (raw and gzip), the time until the runtime is
// ready and its first request, the median POST+GET of a shared program, and clients
// concurrent clients sharing and reading programs for the given time.
func benchWorker(clients int, load time.Duration) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "bench-worker-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Println("worker: building a one-lesson site and the Worker…")
	out, err := oneLessonSite(root, tmp)
	if err != nil {
		return err
	}
	built, err := worker.Build(context.Background(), worker.Options{Root: root, Site: out, Out: filepath.Join(tmp, "worker")})
	if err != nil {
		return err
	}
	wasm, err := os.ReadFile(built.WASM)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(wasm)
	zw.Close()

	start := time.Now()
	rt, err := worker.Start(context.Background(), worker.StartOptions{Root: root, Dir: filepath.Join(tmp, "worker"), Persist: filepath.Join(tmp, "kv")})
	if err != nil {
		return err
	}
	defer rt.Stop()
	ready := time.Since(start)
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableKeepAlives: true}}
	first := time.Now()
	if err := shareAndRead(client, rt.URL, "package main\n\nfunc main() { println(\"first\") }\n", nil); err != nil {
		return fmt.Errorf("the first request: %w", err)
	}
	cold := time.Since(first)

	var pairs []time.Duration
	for i := range 21 {
		t := time.Now()
		if err := shareAndRead(client, rt.URL, fmt.Sprintf("package main\n\n// sequential %d %d\nfunc main() {}\n", i, start.UnixNano()), nil); err != nil {
			return err
		}
		pairs = append(pairs, time.Since(t))
	}

	fmt.Printf("worker: %d clients for %v…\n", clients, load)
	var mu sync.Mutex
	var latencies []time.Duration
	requests, errors := 0, 0
	var firstErr error
	deadline := time.Now().Add(load)
	loadStart := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := 0; time.Now().Before(deadline); i++ {
				var mine []time.Duration
				err := shareAndRead(client, rt.URL, fmt.Sprintf("package main\n\n// client %d round %d %d\nfunc main() {}\n", c, i, start.UnixNano()), &mine)
				mu.Lock()
				requests += 2
				latencies = append(latencies, mine...)
				if err != nil {
					errors++
					if firstErr == nil {
						firstErr = err
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(loadStart)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}

	fmt.Println()
	fmt.Printf("%-44s %10s\n", "Worker (wasm/worker under workerd)", "value")
	fmt.Printf("%-44s %10s\n", "app.wasm raw", fmt.Sprintf("%.2f MB", float64(len(wasm))/1e6))
	fmt.Printf("%-44s %10s\n", "app.wasm gzip", fmt.Sprintf("%.2f MB", float64(gz.Len())/1e6))
	fmt.Printf("%-44s %10s\n", "runtime start → ready", ready.Round(time.Millisecond))
	fmt.Printf("%-44s %10s\n", "cold first request (POST+GET)", cold.Round(time.Millisecond))
	fmt.Printf("%-44s %10s   %v\n", "POST+GET of a program (median)", median(pairs).Round(time.Millisecond), rounded(pairs))
	fmt.Printf("%-44s %10d\n", fmt.Sprintf("%d clients × %v: requests", clients, load), requests)
	fmt.Printf("%-44s %10d\n", "  errors", errors)
	fmt.Printf("%-44s %10.1f\n", "  requests/s", float64(requests)/elapsed.Seconds())
	fmt.Printf("%-44s %10s\n", "  p50 latency", pct(0.50).Round(time.Millisecond))
	fmt.Printf("%-44s %10s\n", "  p99 latency", pct(0.99).Round(time.Millisecond))
	if firstErr != nil {
		fmt.Println("  first error:", firstErr)
	}
	return nil
}

// shareAndRead posts program to the share API and reads it back, each request on a
// connection of its own; it appends each request's time to latencies when it is not nil.
func shareAndRead(client *http.Client, base, program string, latencies *[]time.Duration) error {
	t := time.Now()
	res, err := client.Post(base+"/api/share", "text/plain; charset=utf-8", strings.NewReader(program))
	if err != nil {
		return err
	}
	var answer struct{ ID string }
	err = json.NewDecoder(res.Body).Decode(&answer)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || err != nil {
		return fmt.Errorf("POST /api/share: %d %v", res.StatusCode, err)
	}
	if latencies != nil {
		*latencies = append(*latencies, time.Since(t))
	}
	t = time.Now()
	res, err = client.Get(base + "/api/share/" + answer.ID)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || err != nil || string(body) != program {
		return fmt.Errorf("GET /api/share/%s: %d %v", answer.ID, res.StatusCode, err)
	}
	if latencies != nil {
		*latencies = append(*latencies, time.Since(t))
	}
	return nil
}
