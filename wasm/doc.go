// Package wasm holds the Go that is itself compiled to WebAssembly for the site: the
// in-browser pieces written in Go (see its subfolders). Lesson programs are not here;
// they live in lessons/.
package wasm
