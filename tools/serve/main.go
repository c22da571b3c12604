// Command serve serves the built site.
//
//	go run ./tools/serve [-addr localhost:8080] [-dir build/site]
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"goconcurrency.dev/playground/tools/internal/server"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	dir := flag.String("dir", "build/site", "the built site")
	flag.Parse()
	if _, err := os.Stat(*dir); err != nil {
		fmt.Fprintf(os.Stderr, "serve: %v (build the site first: make build)\n", err)
		os.Exit(1)
	}
	srv := &http.Server{Addr: *addr, Handler: server.Handler(*dir), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("serving %s on http://%s\n", *dir, *addr)
	log.Fatal(srv.ListenAndServe())
}
