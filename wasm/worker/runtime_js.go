//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"net/http"
	"syscall/js"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/fetch"
	"github.com/syumai/workers/cloudflare/kv"
)

// Binding names, as the wrangler config written by tools/internal/worker declares them.
const (
	kvBinding     = "SNIPPETS"
	assetsBinding = "ASSETS"
)

func serve(h http.Handler) { workers.Serve(h) }

func programStore() store { return kvStore{} }

func siteAssets() assets { return assetsFetcher{} }

// kvStore keeps programs in the Workers KV namespace bound as SNIPPETS.
type kvStore struct{}

// Get reads the binding itself: the kv package answers an empty value for a missing key,
// and a missing program must be told from an empty one.
func (kvStore) Get(key string) ([]byte, bool, error) {
	ns := cloudflare.GetBinding(kvBinding)
	if ns.IsUndefined() {
		return nil, false, fmt.Errorf("no KV binding named %s", kvBinding)
	}
	opts := js.Global().Get("Object").New()
	opts.Set("type", "arrayBuffer")
	v, err := await(ns.Call("get", key, opts))
	if err != nil {
		return nil, false, fmt.Errorf("KV get %s: %w", key, err)
	}
	if v.IsNull() || v.IsUndefined() {
		return nil, false, nil
	}
	view := js.Global().Get("Uint8Array").New(v)
	b := make([]byte, view.Length())
	js.CopyBytesToGo(b, view)
	return b, true, nil
}

func (kvStore) Put(key string, value []byte) error {
	ns, err := kv.NewNamespace(kvBinding)
	if err != nil {
		return fmt.Errorf("KV put %s: %w", key, err)
	}
	if err := ns.PutString(key, string(value), nil); err != nil {
		return fmt.Errorf("KV put %s: %w", key, err)
	}
	return nil
}

// assetsFetcher sends requests to the static assets through the ASSETS binding. Redirects
// are answered as they are, for the client to follow.
type assetsFetcher struct{}

func (assetsFetcher) Fetch(r *http.Request) (*http.Response, error) {
	b := cloudflare.GetBinding(assetsBinding)
	if b.IsUndefined() {
		return nil, fmt.Errorf("no assets binding named %s", assetsBinding)
	}
	c := fetch.NewClient(fetch.WithBinding(b))
	return c.Do(&fetch.Request{Request: r}, &fetch.RequestInit{Redirect: fetch.RedirectModeManual})
}

// await blocks until the promise p settles and returns its value or its rejection.
func await(p js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	onValue := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{v: args[0]}
		return nil
	})
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer onValue.Release()
	defer onError.Release()
	p.Call("then", onValue, onError)
	s := <-ch
	return s.v, s.err
}
