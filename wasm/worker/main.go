// Command worker is the playground's Cloudflare Worker, written in Go and compiled to
// WebAssembly with the standard toolchain (GOOS=js GOARCH=wasm). The built site is the
// Worker's static assets; requests the assets cannot answer reach this program:
//
//	POST /api/share        store a program (one file, or a txtar archive); answers {"id": ...}
//	GET  /api/share/{id}   the stored program, as plain text
//	GET  /s/{id}           the shared-program page (the site's /s/index.html, as /s/ is)
//	GET  /oembed           oEmbed for a lesson or a shared program
//	GET  other paths       files too large for the assets, sent from their precompressed
//	                       sibling; anything else is handed back to the assets
//
// Programs are kept in Workers KV (the SNIPPETS binding) under content-addressed ids.
// It runs under the Workers runtime through the JavaScript shim of
// github.com/syumai/workers and index.mjs beside this file; tools/internal/worker builds
// it and tests it under workerd.
//
// It is not for: running programs (they run in the learner's browser) or serving the site
// by itself (the runtime serves the assets; package server serves the site without it).
package main

func main() {
	serve(newServer(programStore(), siteAssets()).routes())
}
