// Command worker builds the playground's Cloudflare Worker from the built site, or serves
// a built one locally under workerd with wrangler dev.
//
//	go run ./tools/worker [-site build/site] [-out build/worker] [-kv-id ID]
//	go run ./tools/worker -serve [-out build/worker] [-addr localhost:8787] [-persist build/worker-state]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"goconcurrency.dev/playground/tools/internal/worker"
)

func main() {
	site := flag.String("site", "build/site", "the built site (go run ./tools/build)")
	out := flag.String("out", "build/worker", "the folder to write the Worker into")
	kvID := flag.String("kv-id", "", "the id of the KV namespace to deploy with (empty: wrangler deploy creates one)")
	serve := flag.Bool("serve", false, "serve the built Worker with wrangler dev instead of building it")
	addr := flag.String("addr", "localhost:8787", "with -serve: the address to listen on")
	persist := flag.String("persist", "build/worker-state", "with -serve: where KV data is kept")
	flag.Parse()
	root, err := os.Getwd()
	if err != nil {
		fail(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *serve {
		fmt.Printf("serving %s on http://%s (KV in %s)\n", *out, *addr, *persist)
		if err := worker.Dev(ctx, worker.DevOptions{Root: root, Dir: *out, Addr: *addr, Persist: *persist}); err != nil && ctx.Err() == nil {
			fail(err)
		}
		return
	}
	start := time.Now()
	res, err := worker.Build(ctx, worker.Options{Root: root, Site: *site, Out: *out, KVNamespaceID: *kvID})
	if err != nil {
		fail(err)
	}
	info, err := os.Stat(res.WASM)
	if err != nil {
		fail(err)
	}
	fmt.Printf("built %s in %v: %s (%.2f MB), %d asset files, %d sent from a precompressed sibling\n",
		*out, time.Since(start).Round(time.Millisecond), res.WASM, float64(info.Size())/1e6, res.Assets, len(res.Precompressed))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "worker:", err)
	os.Exit(1)
}
