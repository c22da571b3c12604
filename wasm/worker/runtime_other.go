//go:build !(js && wasm)

package main

import (
	"fmt"
	"net/http"
	"os"
)

// Outside the Workers runtime there is no KV and no assets: the command only says how to
// build it. Its logic still compiles natively, so go vet checks it.

func serve(http.Handler) {
	fmt.Fprintln(os.Stderr, "worker: this is a Cloudflare Worker; build it with go run ./tools/worker (GOOS=js GOARCH=wasm) and run it with make worker-serve")
	os.Exit(2)
}

func programStore() store { return nil }

func siteAssets() assets { return nil }
